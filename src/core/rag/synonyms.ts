/**
 * Query expansion with programming synonyms: a plan or an atom describes code in prose ("check",
 * "remove", "walk") that the code names differently ("validate", "delete", "visit"). Expanded
 * terms count for less than the words the query used. Applied to queries only, never to chunks.
 */
import { normalizeToken } from './tokenize';

const GROUPS: readonly (readonly string[])[] = [
  ['check', 'validate', 'verify', 'ensure', 'assert', 'guard'],
  ['remove', 'delete', 'drop', 'destroy', 'erase'],
  ['create', 'make', 'build', 'construct', 'new', 'factory'],
  ['fetch', 'retrieve', 'find', 'lookup', 'load', 'read', 'query'],
  ['update', 'modify', 'change', 'patch', 'edit'],
  ['save', 'store', 'persist', 'write', 'insert'],
  ['error', 'issue', 'problem', 'failure', 'exception'],
  ['walk', 'traverse', 'visit', 'iterate', 'recurse'],
  ['convert', 'transform', 'map', 'translate', 'serialize'],
  ['format', 'pretty', 'print', 'stringify', 'render', 'display'],
  ['parse', 'decode', 'deserialize'],
  ['encode', 'serialize', 'encrypt'],
  ['nested', 'tree', 'hierarchy', 'recursive', 'deep'],
  ['optional', 'partial', 'nullable', 'maybe'],
  ['setting', 'option', 'config', 'preference'],
  ['escape', 'sanitize', 'quote'],
  ['count', 'length', 'size', 'number'],
  ['limit', 'max', 'cap', 'bound'],
  ['start', 'begin', 'prefix', 'head'],
  ['end', 'finish', 'suffix', 'tail'],
  ['random', 'uuid', 'nanoid', 'unique'],
  ['copy', 'clone', 'duplicate'],
  ['merge', 'combine', 'join', 'union', 'extend'],
  ['split', 'divide', 'chunk', 'partition'],
  ['user', 'account', 'member', 'person'],
  ['login', 'signin', 'authenticate', 'auth'],
  ['password', 'credential', 'secret'],
  ['token', 'jwt', 'session'],
  ['list', 'all', 'collection', 'array'],
  ['register', 'signup', 'enroll'],
  ['test', 'spec', 'assert', 'expect'],
  ['async', 'promise', 'await', 'concurrent'],
  ['cache', 'memoize', 'memo'],
  ['paginate', 'page', 'cursor', 'offset'],
  ['schema', 'model', 'shape', 'type'],
];

const EXPANSIONS: ReadonlyMap<string, readonly string[]> = buildExpansions();

function buildExpansions(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const group of GROUPS) {
    const stems = [...new Set(group.map((w) => normalizeToken(w)).filter((w) => w))];
    for (const stem of stems) out.set(stem, [...new Set([...(out.get(stem) ?? []), ...stems.filter((o) => o !== stem)])]);
  }
  return out;
}

/** Synonyms (stemmed) of a stemmed query token, excluding itself. */
export function synonymsOf(token: string): readonly string[] {
  return EXPANSIONS.get(token) ?? [];
}
