/**
 * ContextInjector: for each atom, the declarations of other files it may use (what its file
 * imports from the run's files, then the files of the tasks its task depends on), and the atoms
 * it depends on. An atom depends on another when it uses a symbol whose body is that atom's
 * hole; before the code exists, "uses" is read from what the skeleton says: the hole's
 * description and signature name the symbol, in its own file or through an import. Atoms of
 * other tasks are only reachable through task dependencies, so cross-task edges cannot cycle;
 * within a task an edge that would close a cycle is left out (both sides see signatures anyway).
 * In Python and JavaScript a class's attributes exist only once its initializer assigns them, so
 * every other method's atom also depends on the atoms of its class's initializers (`__init__`,
 * `setUp`, `setUpClass`, `constructor`...): they are checked with the attributes in place.
 * A test case's atom (level 5 runs it) also depends on its file's helpers and setup hooks and
 * on every atom of the run files it imports, directly or not, that its task can see: when it
 * runs, the code under test is complete.
 */
import type { LanguageId } from '../parse/languages';
import type { DeclaredSymbol, ImportInfo } from '../parse/symbols';
import { resolveModule } from './resolveModule';
import { isTestFile, testRole } from './testFiles';
import type { AtomSpec } from './types';

/** The parsed outline of one task's version of a file. */
export interface FileOutline {
  readonly taskId: string;
  readonly path: string;
  readonly language: LanguageId | null;
  readonly declarations: readonly DeclaredSymbol[];
  readonly imports: readonly ImportInfo[];
}

/** A declaration of another file, as shown to an atom. */
export interface InjectedSignature {
  readonly path: string;
  readonly signature: string;
  /** First line of the doc comment, or null. */
  readonly doc: string | null;
}

/** What the injector gives one atom: signatures for its prompt, atoms for its graph edges. */
export interface AtomContext {
  readonly signatures: readonly InjectedSignature[];
  readonly dependsOn: readonly string[];
}

/** The run as the injector sees it. */
export interface InjectionInput {
  readonly atoms: readonly AtomSpec[];
  readonly outlines: readonly FileOutline[];
  /** Task ids in plan order. */
  readonly taskOrder: readonly string[];
  /** Direct dependencies of each task. */
  readonly taskDeps: ReadonlyMap<string, readonly string[]>;
}

/** Signatures shown per atom at most: the prompt stays small and cacheable. */
export const MAX_SIGNATURES = 60;

const lastSegment = (unit: string): string => unit.slice(unit.lastIndexOf('.') + 1);

/** Methods that create a class's attributes by assigning them (TypeScript declares fields instead). */
const INITIALIZERS: Partial<Record<LanguageId, ReadonlySet<string>>> = {
  python: new Set(['__init__', '__post_init__', '__new__', 'setUp', 'setUpClass', 'asyncSetUp']),
  javascript: new Set(['constructor']),
};

/** The method whose body holds the atom's hole in its task's outline of the file, or undefined. */
function methodOf(atom: AtomSpec, outline: FileOutline | undefined): DeclaredSymbol | undefined {
  if (atom.kind !== 'body' || !outline) return undefined;
  let best: DeclaredSymbol | undefined;
  for (const d of outline.declarations) {
    if (d.kind !== 'method' || d.container === null || d.startLine > atom.holeLine || d.endLine < atom.holeLine) continue;
    if (!best || d.endLine - d.startLine < best.endLine - best.startLine) best = d;
  }
  return best;
}

/** Context and dependencies of every atom (whole-file atoms get none). */
export function injectContext(input: InjectionInput): Map<string, AtomContext> {
  const closure = closures(input.taskOrder, input.taskDeps);
  const rank = new Map(input.taskOrder.map((id, i) => [id, i]));
  const outlineOf = new Map(input.outlines.map((o) => [`${o.taskId}\0${o.path}`, o]));
  const known = new Set(input.outlines.map((o) => o.path));
  const atomsByPath = new Map<string, AtomSpec[]>();
  for (const a of input.atoms) if (a.kind !== 'file') atomsByPath.set(a.path, [...(atomsByPath.get(a.path) ?? []), a]);
  /** The latest version of `path` that task `taskId` can see (its own or a dependency's). */
  const visible = (taskId: string, path: string): FileOutline | undefined => {
    const seen = [taskId, ...(closure.get(taskId) ?? [])].sort((a, b) => (rank.get(b) ?? 0) - (rank.get(a) ?? 0));
    for (const t of seen) {
      const o = outlineOf.get(`${t}\0${path}`);
      if (o) return o;
    }
    return undefined;
  };
  /** Run files `atom`'s file imports, directly or through other run files (each as its task sees it). */
  const importedFiles = (atom: AtomSpec, own: FileOutline | undefined): Set<string> => {
    const found = new Set<string>();
    const queue: Array<{ path: string; outline: FileOutline | undefined }> = [{ path: atom.path, outline: own }];
    for (let at = queue.shift(); at; at = queue.shift()) {
      for (const imp of at.outline?.imports ?? []) {
        const target = resolveModule(at.path, imp.module, known, atom.language === 'python');
        if (!target || target === atom.path || found.has(target)) continue;
        found.add(target);
        queue.push({ path: target, outline: visible(atom.taskId, target) });
      }
    }
    return found;
  };
  const deps = new Map<string, Set<string>>();
  const result = new Map<string, AtomContext>();
  for (const atom of [...input.atoms].sort((a, b) => a.ordinal - b.ordinal)) {
    if (atom.kind === 'file') {
      result.set(atom.atomId, { signatures: [], dependsOn: [] });
      continue;
    }
    const allowed = new Set([atom.taskId, ...(closure.get(atom.taskId) ?? [])]);
    const mentions = new Set(`${atom.description} ${atom.signature ?? ''}`.match(/[A-Za-z_$][\w$]*/g) ?? []);
    const own = outlineOf.get(`${atom.taskId}\0${atom.path}`);
    const signatures: InjectedSignature[] = [];
    const shownPaths = new Set<string>([atom.path]);
    const providers: AtomSpec[] = [];
    const provides = (b: AtomSpec, name: string): boolean => b.unit === name || lastSegment(b.unit) === name;
    const initializers = atom.language ? INITIALIZERS[atom.language] : undefined;
    const method = initializers ? methodOf(atom, own) : undefined;
    const initializes = (b: AtomSpec): boolean => {
      if (!initializers || !method || initializers.has(method.name)) return false;
      const other = methodOf(b, outlineOf.get(`${b.taskId}\0${b.path}`));
      return other !== undefined && other.container === method.container && initializers.has(other.name);
    };
    for (const b of atomsByPath.get(atom.path) ?? []) {
      if (b.atomId !== atom.atomId && allowed.has(b.taskId) && ([...mentions].some((m) => provides(b, m)) || initializes(b))) providers.push(b);
    }
    for (const imp of own?.imports ?? []) {
      const target = resolveModule(atom.path, imp.module, known, atom.language === 'python');
      const outline = target && target !== atom.path ? visible(atom.taskId, target) : undefined;
      if (!target || !outline) continue;
      const names = imp.names.map((n) => n.imported);
      const everything = imp.namespaceName !== null || imp.star;
      const wanted = outline.declarations.filter((d) => everything ? isPublic(d) : names.includes(d.name) || (d.container !== null && names.includes(d.container)));
      signatures.push(...wanted.map((d) => signatureOf(target, d)));
      shownPaths.add(target);
      for (const n of imp.names) {
        if (!mentions.has(n.local)) continue;
        for (const b of atomsByPath.get(target) ?? []) if (allowed.has(b.taskId) && provides(b, n.imported)) providers.push(b);
      }
    }
    if (isTestFile(atom.path) && testRole(atom) === 'case') {
      for (const b of atomsByPath.get(atom.path) ?? []) if (b.atomId !== atom.atomId && allowed.has(b.taskId) && testRole(b) === 'support') providers.push(b);
      for (const path of importedFiles(atom, own)) for (const b of atomsByPath.get(path) ?? []) if (allowed.has(b.taskId)) providers.push(b);
    }
    for (const dep of input.taskDeps.get(atom.taskId) ?? []) {
      for (const o of input.outlines) {
        if (o.taskId !== dep || shownPaths.has(o.path)) continue;
        shownPaths.add(o.path);
        signatures.push(...o.declarations.filter(isPublic).map((d) => signatureOf(o.path, d)));
      }
    }
    const mine = new Set<string>();
    deps.set(atom.atomId, mine);
    for (const b of providers) {
      if (b.taskId === atom.taskId && reaches(deps, b.atomId, atom.atomId)) continue;
      mine.add(b.atomId);
    }
    result.set(atom.atomId, { signatures: dedupe(signatures).slice(0, MAX_SIGNATURES), dependsOn: [...mine].sort() });
  }
  return result;
}

/** Transitive dependencies of every task. */
export function closures(order: readonly string[], direct: ReadonlyMap<string, readonly string[]>): Map<string, Set<string>> {
  const memo = new Map<string, Set<string>>();
  const visit = (id: string, path: Set<string>): Set<string> => {
    const known = memo.get(id);
    if (known) return known;
    const all = new Set<string>();
    for (const d of direct.get(id) ?? []) {
      if (path.has(d)) continue; // the plan was validated acyclic; this only guards the recursion
      all.add(d);
      for (const x of visit(d, new Set([...path, d]))) all.add(x);
    }
    memo.set(id, all);
    return all;
  };
  for (const id of order) visit(id, new Set([id]));
  return memo;
}

function reaches(deps: ReadonlyMap<string, ReadonlySet<string>>, from: string, to: string): boolean {
  const stack = [from];
  const seen = new Set<string>();
  for (let at = stack.pop(); at !== undefined; at = stack.pop()) {
    if (at === to) return true;
    if (seen.has(at)) continue;
    seen.add(at);
    stack.push(...(deps.get(at) ?? []));
  }
  return false;
}

function isPublic(d: DeclaredSymbol): boolean {
  return d.exported || (d.container !== null && !d.name.startsWith('_') && !d.name.startsWith('#'));
}

function signatureOf(path: string, d: DeclaredSymbol): InjectedSignature {
  const signature = d.container !== null ? `${d.container}: ${d.signature}` : d.signature;
  const doc = d.doc?.split('\n').map((l) => l.trim()).find((l) => l !== '') ?? null;
  return { path, signature, doc };
}

function dedupe(list: readonly InjectedSignature[]): InjectedSignature[] {
  const seen = new Set<string>();
  return list.filter((s) => {
    const key = `${s.path}\0${s.signature}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
