/**
 * Code-aware tokens shared by the keyword score and the hashed embedding: identifiers split at
 * camelCase, PascalCase, snake_case and digit boundaries, lower-cased and lightly stemmed, so
 * "getUserById" in code meets "get user by id" in a query.
 */

// Words that carry no topic in either prose or code: matching on them only adds noise.
const STOPWORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'has', 'have', 'if', 'in', 'into', 'is', 'it', 'its',
  'of', 'on', 'or', 'that', 'the', 'their', 'then', 'there', 'this', 'to', 'was', 'when', 'which', 'while', 'with',
  'we', 'you', 'our', 'your', 'how', 'what', 'where', 'does', 'do', 'can', 'will', 'should', 'would', 'so', 'but',
  'const', 'let', 'var', 'return', 'function', 'import', 'export', 'default', 'else', 'new', 'this', 'self', 'def',
  'void', 'true', 'false', 'null', 'undefined', 'none', 'pass', 'await', 'async', 'public', 'private', 'protected',
  'readonly', 'static', 'any', 'unknown', 'string', 'number', 'boolean', 'object', 'type', 'interface', 'extends',
  'implements', 'typeof', 'instanceof', 'break', 'continue', 'case', 'switch', 'throw', 'try', 'catch', 'finally',
  'lambda', 'elif', 'not', 'yield', 'super', 'get', 'set', 'code', 'some', 'all', 'one',
]);

const WORD = /[A-Za-z][A-Za-z0-9_$]*|[0-9]+/g;
// Splits "parseHTTPResponse2" into parse, HTTP, Response, 2.
const SUBWORD = /[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+/g;

/** Tokens of `text` in order, with repeats (term frequencies matter to both scorers). */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const word of text.match(WORD) ?? []) {
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
  }
  return out;
}

/** Lower-cased, stemmed token, or '' for a stopword, a bare number or a single letter. */
export function normalizeToken(part: string): string {
  const lower = part.toLowerCase();
  if (lower.length < 2 || /^[0-9]+$/.test(lower) || STOPWORDS.has(lower)) return '';
  return stem(lower);
}

/** A tiny suffix stripper: plurals, common verb endings, "-ation" and a final "e", so parse/parsed/parsing/parses meet. */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ing') && w.length > 5) w = trimDouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length > 4 && !w.endsWith('eed')) w = trimDouble(w.slice(0, -2));
  else if (/(ch|sh|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('ation') && w.length > 7) w = w.slice(0, -3);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

// "mapped" -> "mapp" -> "map"; leaves "ll"/"ss" endings alone ("called" -> "call").
function trimDouble(word: string): string {
  const n = word.length;
  if (n > 3 && word[n - 1] === word[n - 2] && !'lsz'.includes(word[n - 1])) return word.slice(0, -1);
  return word;
}

/** Term -> count for a token list. */
export function termCounts(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}
