import porter2 from 'wink-porter2-stemmer';

/**
 * Code-aware tokens shared by the keyword score and the hashed embedding: identifiers split at
 * camelCase, PascalCase, snake_case and digit boundaries, lower-cased and stemmed (Porter2), so
 * "getUserById" in code meets "get user by id" in a query.
 */

// Words that carry no topic in either prose or code: matching on them only adds noise.
const STOPWORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'has', 'have', 'if', 'in', 'into', 'is', 'it', 'its',
  'of', 'on', 'or', 'that', 'the', 'their', 'then', 'there', 'this', 'to', 'was', 'when', 'which', 'while', 'with',
  'we', 'you', 'our', 'your', 'how', 'what', 'where', 'does', 'do', 'can', 'will', 'should', 'would', 'so', 'but',
  'const', 'let', 'var', 'return', 'function', 'import', 'export', 'default', 'else', 'new', 'this', 'self', 'def',
  'void', 'true', 'false', 'null', 'undefined', 'none', 'pass', 'await', 'public', 'private', 'protected',
  'readonly', 'static', 'any', 'unknown', 'string', 'number', 'boolean', 'object', 'type', 'interface', 'extends',
  'implements', 'typeof', 'instanceof', 'break', 'continue', 'case', 'switch', 'throw', 'try', 'catch', 'finally',
  'lambda', 'elif', 'not', 'yield', 'super', 'get', 'set', 'code', 'some', 'all', 'one',
]);

// Code spells things short and prose spells them long: both sides map to one form.
const ALIASES: Readonly<Record<string, string>> = {
  hexadecimal: 'hex', regexp: 'regex', regexps: 'regex', regexes: 'regex',
  authentication: 'auth', authenticate: 'auth', authenticated: 'auth', authorization: 'auth', authorize: 'auth', authn: 'auth', authz: 'auth',
  configuration: 'config', configure: 'config', cfg: 'config', conf: 'config',
  repository: 'repo', repositories: 'repo', database: 'db', databases: 'db',
  identifier: 'id', identifiers: 'id', msg: 'message', err: 'error', errs: 'error',
  req: 'request', res: 'response', resp: 'response', arr: 'array', param: 'parameter', params: 'parameter',
  arg: 'argument', args: 'argument', env: 'environment', pwd: 'password', passwd: 'password', len: 'length',
  init: 'initialize', maximum: 'max', minimum: 'min', dir: 'directory', asynchronous: 'async', synchronous: 'sync',
  util: 'utility', utils: 'utility', impl: 'implementation', ctx: 'context', tmp: 'temporary', temp: 'temporary',
};

// Two-word phrases that code writes as one name.
const PHRASES: Readonly<Record<string, string>> = { 'regular expression': 'regex', 'regular expressions': 'regex', 'web token': 'jwt' };

/** Marks a token made of two adjacent parts of a longer identifier (weaker than a whole name). */
export const PAIR = '%';

const WORD = /[A-Za-z][A-Za-z0-9_$]*|[0-9]+/g;
// Splits "parseHTTPResponse2" into parse, HTTP, Response, 2.
const SUBWORD = /[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+/g;

/** Tokens of `text` in order, with repeats (term frequencies matter to both scorers). */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  const prose = text.toLowerCase();
  for (const [phrase, token] of Object.entries(PHRASES)) if (prose.includes(phrase)) out.push(token);
  for (const word of text.match(WORD) ?? []) {
    let tokens = wordTokens.get(word);
    if (!tokens) {
      tokens = tokensOfWord(word);
      // Code repeats its identifiers endlessly: splitting and stemming each once is most of the saving.
      if (wordTokens.size > 100_000) wordTokens.clear();
      wordTokens.set(word, tokens);
    }
    for (const t of tokens) out.push(t);
  }
  return out;
}

const wordTokens = new Map<string, readonly string[]>();

function tokensOfWord(word: string): string[] {
  const out: string[] = [];
  const parts = word.match(SUBWORD) ?? [];
  let kept = 0;
  for (const part of parts) {
    const token = normalizeToken(part);
    if (token) {
      out.push(token);
      kept++;
    }
  }
  // The whole identifier as well, so an exact name beats its scattered parts.
  if (parts.length > 1 && kept > 0) {
    const whole = word.replace(/[_$]/g, '').toLowerCase();
    if (whole.length > 3) out.push(`#${whole}`);
  }
  // Adjacent pairs of parts too: prose says "plain object" of isPlainObject and "error map" of
  // customErrorMapFor; the query side joins adjacent words into the same PAIR form, weaker than a whole name.
  if (parts.length > 2) {
    for (let i = 0; i + 1 < parts.length; i++) {
      const pair = (parts[i] + parts[i + 1]).toLowerCase();
      if (pair.length > 5 && /^[a-z]/.test(pair)) out.push(`${PAIR}${pair}`);
    }
  }
  // Acronyms whole: camel splitting reads "CIDRv6" as "CID" + "Rv"; "cidr" and "cidrv6" are what people type.
  if (/[A-Z]{2}/.test(word)) {
    for (const m of word.matchAll(ACRONYM)) {
      const acronym = m[1].toLowerCase();
      if (acronym.length >= 2 && !STOPWORDS.has(acronym)) out.push(acronym);
      if (m[2]) out.push(`${acronym}${m[2].toLowerCase()}`);
    }
  }
  return out;
}

const ACRONYM = /([A-Z]{2,})(v[0-9]+)?/g;

/** Lower-cased, stemmed token, or '' for a stopword, a bare number or a single letter. */
export function normalizeToken(part: string): string {
  const raw = part.toLowerCase();
  const lower = ALIASES[raw] ?? raw;
  if (lower.length < 2 || /^[0-9]+$/.test(lower) || STOPWORDS.has(lower)) return '';
  return stem(lower);
}

/** Porter2 stem, cached: the same few thousand words recur in every chunk. */
export function stem(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = porter2(word);
    if (stems.size > 200_000) stems.clear();
    stems.set(word, stemmed);
  }
  return stemmed;
}

const stems = new Map<string, string>();

/** Term -> count for a token list. */
export function termCounts(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}
