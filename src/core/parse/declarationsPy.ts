/** Top-level and class-member declarations of a Python file. */
import type { Node } from 'web-tree-sitter';
import { leadingComment, pythonDocstring } from './docComments';
import { endLine, startLine, squashWhitespace } from './nodeUtils';
import type { DeclaredSymbol, SymbolKind } from './symbolTypes';

const MAX_INLINE_VALUE = 60;

/** Declarations at the top level of `root` (a `module`) and inside its classes, in document order. */
export function pyDeclarations(root: Node): DeclaredSymbol[] {
  const out: DeclaredSymbol[] = [];
  for (const statement of root.namedChildren) declare(statement, null, out);
  return out;
}

function declare(outer: Node, container: string | null, out: DeclaredSymbol[]): void {
  const node = outer.type === 'decorated_definition' ? outer.childForFieldName('definition') : outer;
  if (!node) return;
  if (node.type === 'function_definition') {
    const body = node.childForFieldName('body');
    const kind: SymbolKind = container ? 'method' : 'function';
    out.push(symbol(outer, nameOf(node), kind, container, header(outer, body), parameterNames(node), pythonDocstring(body) ?? leadingComment(outer)));
  } else if (node.type === 'class_definition') {
    const body = node.childForFieldName('body');
    const name = nameOf(node);
    out.push(symbol(outer, name, 'class', container, header(outer, body), null, pythonDocstring(body) ?? leadingComment(outer)));
    if (body && container === null) for (const member of body.namedChildren) declare(member, name, out);
  } else if (node.type === 'expression_statement' && node.firstNamedChild?.type === 'assignment') {
    assignment(outer, node.firstNamedChild, container, out);
  } else if (node.type === 'type_alias_statement') {
    const name = /^type\s+([A-Za-z_]\w*)/.exec(node.text)?.[1];
    if (name) out.push(symbol(outer, name, 'type', container, squashWhitespace(node.text), null, leadingComment(outer)));
  }
}

function assignment(outer: Node, assign: Node, container: string | null, out: DeclaredSymbol[]): void {
  const left = assign.childForFieldName('left');
  if (left?.type !== 'identifier') return; // tuple targets and attributes declare no single name
  const type = assign.childForFieldName('type');
  const value = assign.childForFieldName('right');
  const inline = value && value.text.length <= MAX_INLINE_VALUE && !value.text.includes('\n') ? ` = ${value.text}` : '';
  const signature = squashWhitespace(`${left.text}${type ? `: ${type.text}` : ''}${inline}`);
  const kind: SymbolKind = container ? 'property' : 'variable';
  out.push(symbol(outer, left.text, kind, container, signature, null, leadingComment(outer)));
}

function symbol(
  outer: Node, name: string, kind: SymbolKind, container: string | null,
  signature: string, parameters: string[] | null, doc: string | null,
): DeclaredSymbol {
  return {
    name, kind, container, signature, parameters, doc,
    exported: !name.startsWith('_') || (name.startsWith('__') && name.endsWith('__')),
    startLine: startLine(outer), endLine: endLine(outer),
  };
}

function nameOf(node: Node): string {
  return node.childForFieldName('name')?.text ?? '';
}

/** `def f(a, b) -> int` / `@dataclass class C(Base)`: up to the body, without the colon. */
function header(outer: Node, body: Node | null): string {
  const text = body ? outer.text.slice(0, body.startIndex - outer.startIndex) : outer.text;
  // Decorators keep their own lines; the rest of the header is squashed to one line.
  const lines = text.trimEnd().replace(/:$/, '').split('\n');
  const decorators: string[] = [];
  while (lines.length > 1 && (lines[0] ?? '').trim().startsWith('@')) decorators.push((lines.shift() ?? '').trim());
  return [...decorators, squashWhitespace(lines.join('\n'))].join('\n');
}

/** Parameter names of a Python def or lambda, in order, without `*`/`**` markers or separators. */
export function parameterNames(fn: Node): string[] {
  const params = fn.childForFieldName('parameters');
  if (!params) return [];
  const names: string[] = [];
  for (const param of params.namedChildren) {
    const name = paramName(param);
    if (name !== null) names.push(name);
  }
  return names;
}

function paramName(param: Node): string | null {
  switch (param.type) {
    case 'identifier': return param.text;
    case 'default_parameter': case 'typed_default_parameter': return param.childForFieldName('name')?.text ?? null;
    case 'typed_parameter': case 'list_splat_pattern': case 'dictionary_splat_pattern': {
      const inner = param.firstNamedChild;
      return inner ? paramName(inner) : null;
    }
    default: return null; // `*` and `/` separators, comments
  }
}
