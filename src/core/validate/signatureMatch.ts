/**
 * Does an atom match the signature the plan declared for it? Compared on what matters and is
 * robust to formatting: the name, and the parameter names in order (after normalising
 * whitespace; `self`, `cls` and TypeScript `this` parameters left out).
 */

/** The comparable parts of a signature: null parameters when it declares no parameter list. */
export interface SignatureShape {
  readonly name: string | null;
  readonly parameters: readonly string[] | null;
}

const KEYWORDS = new Set([
  'export', 'default', 'declare', 'async', 'function', 'def', 'class', 'interface', 'type', 'enum', 'namespace',
  'const', 'let', 'var', 'static', 'public', 'private', 'protected', 'readonly', 'abstract', 'override', 'get', 'set',
]);
const IDENT = /^[A-Za-z_$#][\w$]*/;

/** Reads the name and parameter names out of a declared signature written in TS, JS or Python. */
export function parseSignature(text: string): SignatureShape {
  const source = stripDecorators(text.trim());
  const typeLike = /^(?:(?:export|default|declare|abstract)\s+)*(?:class|interface|type|enum|namespace)\s+([A-Za-z_$][\w$]*)/.exec(source);
  if (typeLike) return { name: typeLike[1] ?? null, parameters: null };
  const binding = /^(?:export\s+)?(?:declare\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)/.exec(source);
  const open = findParameterList(source);
  if (binding) return { name: binding[1] ?? null, parameters: open >= 0 ? splitParameters(source, open) : null };
  if (open < 0) return { name: lastName(source), parameters: null };
  return { name: lastName(source.slice(0, open).replace(/<[^()]*>\s*$/, '')), parameters: splitParameters(source, open) };
}

/**
 * Null when `actual` matches `declared`, else the mismatch as a sentence. A declared signature
 * without a parameter list (a variable, a class) is compared by name only.
 */
export function signatureMismatch(declared: string, actual: SignatureShape): string | null {
  const want = parseSignature(declared);
  if (want.name && actual.name && want.name !== actual.name) {
    return `declared as \`${want.name}\` but the atom defines \`${actual.name}\``;
  }
  if (!want.parameters || !actual.parameters) return null;
  const expected = comparable(want.parameters);
  const found = comparable(actual.parameters);
  if (expected.length !== found.length) {
    return `\`${want.name ?? actual.name}\` should take ${expected.length} parameter(s) (${expected.join(', ')}) but takes ${found.length} (${found.join(', ')})`;
  }
  const wrong = expected.findIndex((p, i) => p !== found[i]);
  if (wrong >= 0) return `parameter ${wrong + 1} of \`${want.name ?? actual.name}\` should be \`${expected[wrong]}\`, not \`${found[wrong]}\``;
  return null;
}

function comparable(parameters: readonly string[]): string[] {
  const list = parameters.map((p) => p.replace(/\s+/g, ''));
  return list.length > 0 && ['self', 'cls', 'this'].includes(list[0] ?? '') ? list.slice(1) : list;
}

function stripDecorators(text: string): string {
  let rest = text;
  for (let match = /^@[\w.]+/.exec(rest); match; match = /^@[\w.]+/.exec(rest)) {
    rest = rest.slice(match[0].length);
    if (rest.startsWith('(')) rest = rest.slice(matchingClose(rest, 0) + 1);
    rest = rest.trimStart();
  }
  return rest;
}

/** Index of the `(` opening the parameter list: the first top-level one. */
function findParameterList(text: string): number {
  let angle = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '<') angle++;
    else if (ch === '>' && text[i - 1] !== '=') angle = Math.max(0, angle - 1);
    else if (ch === '(' && angle === 0) return i;
    else if (ch === '=' && text[i + 1] !== '>' && angle === 0 && !/(const|let|var)\s/.test(text.slice(0, i))) return -1; // `x = 1`
  }
  return -1;
}

function matchingClose(text: string, open: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote && text[i - 1] !== '\\') quote = null;
    } else if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return text.length - 1;
}

/** Splits `(a: A, { b }: B = {}, ...c)` at top-level commas and keeps each parameter's name. */
function splitParameters(text: string, open: number): string[] {
  const close = matchingClose(text, open);
  const inner = text.slice(open + 1, close);
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i] ?? '';
    if ('([{<'.includes(ch)) depth++;
    else if (')]}'.includes(ch) || (ch === '>' && inner[i - 1] !== '=')) depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map(parameterName).filter((p): p is string => p !== null);
}

function parameterName(raw: string): string | null {
  let text = raw.trim().replace(/^(?:(?:public|private|protected|readonly|override)\s+)+/, '').replace(/^(\.\.\.|\*\*|\*)/, '');
  if (text === '' || text === '/') return null;
  if (text.startsWith('{') || text.startsWith('[')) return text.slice(0, matchingClose(text, 0) + 1).replace(/\s+/g, ' ');
  text = IDENT.exec(text)?.[0] ?? '';
  return text === '' ? null : text;
}

function lastName(text: string): string | null {
  const words = text.replace(/[:=].*$/s, '').split(/\s+/).filter((w) => w.length > 0 && !KEYWORDS.has(w));
  const last = words[words.length - 1] ?? '';
  return IDENT.exec(last.replace(/<.*$/, ''))?.[0] ?? null;
}
