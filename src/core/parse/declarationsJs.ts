/** Top-level and class-member declarations of a JavaScript, TypeScript or TSX file. */
import type { Node } from 'web-tree-sitter';
import { leadingComment } from './docComments';
import { endLine, startLine, squashWhitespace } from './nodeUtils';
import type { DeclaredSymbol, SymbolKind } from './symbolTypes';

const FUNCTIONS = new Set(['function_declaration', 'generator_function_declaration', 'function_signature']);
const CLASSES = new Set(['class_declaration', 'abstract_class_declaration']);
const WHOLE: Readonly<Record<string, SymbolKind>> = { interface_declaration: 'interface', type_alias_declaration: 'type', enum_declaration: 'enum' };
const FUNCTION_VALUES = new Set(['arrow_function', 'function_expression', 'function', 'generator_function']);
/** Short initialisers are part of a variable's signature (`const PORT = 3000`); long ones are not. */
const MAX_INLINE_VALUE = 60;

/** Declarations at the top level of `root` (a `program`) and inside its classes, in document order. */
export function jsDeclarations(root: Node): DeclaredSymbol[] {
  const out: DeclaredSymbol[] = [];
  for (const statement of root.namedChildren) topLevel(statement, statement, false, out);
  return out;
}

/** `outer` is the statement as written (export/declare included), `node` the declaration inside it. */
function topLevel(outer: Node, node: Node, exported: boolean, out: DeclaredSymbol[]): void {
  const doc = (): string | null => leadingComment(outer);
  if (node.type === 'export_statement') {
    const inner = node.childForFieldName('declaration') ?? node.childForFieldName('value');
    if (inner) topLevel(outer, inner, true, out);
  } else if (node.type === 'ambient_declaration' || (node.type === 'expression_statement' && node.firstNamedChild?.type === 'internal_module')) {
    const inner = node.firstNamedChild;
    if (inner) topLevel(outer, inner, exported, out);
  } else if (FUNCTIONS.has(node.type)) {
    out.push(symbol(outer, node, 'function', null, exported, headerBefore(outer, node.childForFieldName('body')), parameterNames(node), doc()));
  } else if (CLASSES.has(node.type) || node.type === 'class') {
    const body = node.childForFieldName('body');
    const name = node.childForFieldName('name')?.text ?? 'default';
    out.push(symbol(outer, node, 'class', null, exported, headerBefore(outer, body), null, doc(), name));
    if (body) for (const member of body.namedChildren) classMember(member, name, out);
  } else if (WHOLE[node.type]) {
    out.push(symbol(outer, node, WHOLE[node.type], null, exported, squashWhitespace(outer.text.replace(/;\s*$/, '')), null, doc()));
  } else if (node.type === 'internal_module' || node.type === 'module') {
    out.push(symbol(outer, node, 'namespace', null, exported, headerBefore(outer, node.childForFieldName('body')), null, doc()));
  } else if (node.type === 'lexical_declaration' || node.type === 'variable_declaration') {
    for (const declarator of node.namedChildren) {
      if (declarator.type === 'variable_declarator') variable(outer, node, declarator, exported, doc(), out);
    }
  }
}

function variable(outer: Node, declaration: Node, declarator: Node, exported: boolean, doc: string | null, out: DeclaredSymbol[]): void {
  const nameNode = declarator.childForFieldName('name');
  if (!nameNode || nameNode.type !== 'identifier') return; // destructuring: no single name to offer
  const value = declarator.childForFieldName('value');
  const keyword = declaration.type === 'lexical_declaration' ? (declaration.firstChild?.text ?? 'const') : 'var';
  const prefix = outer.startIndex < declaration.startIndex ? outer.text.slice(0, declaration.startIndex - outer.startIndex) : '';
  if (value && FUNCTION_VALUES.has(value.type)) {
    const head = declarator.text.slice(0, (value.childForFieldName('body')?.startIndex ?? value.endIndex) - declarator.startIndex);
    const signature = squashWhitespace(`${prefix}${keyword} ${head}`);
    out.push(symbol(outer, declarator, 'function', null, exported, signature, parameterNames(value), doc, nameNode.text));
    return;
  }
  const typed = declarator.childForFieldName('type')?.text ?? '';
  const inline = value && value.text.length <= MAX_INLINE_VALUE && !value.text.includes('\n') ? ` = ${value.text}` : '';
  const signature = squashWhitespace(`${prefix}${keyword} ${nameNode.text}${typed}${inline}`);
  out.push(symbol(outer, declarator, 'variable', null, exported, signature, null, doc, nameNode.text));
}

function classMember(member: Node, className: string, out: DeclaredSymbol[]): void {
  const nameNode = member.childForFieldName('name') ?? member.childForFieldName('property');
  if (!nameNode) return;
  // Method decorators are siblings before the method in a class body, not its children.
  let first = member;
  while (first.previousNamedSibling?.type === 'decorator') first = first.previousNamedSibling;
  const doc = leadingComment(first);
  const add = (kind: SymbolKind, signature: string, parameters: string[] | null): void => {
    out.push({ ...symbol(member, member, kind, className, false, signature, parameters, doc, nameNode.text), startLine: startLine(first) });
  };
  const headerTo = (end: number): string => squashWhitespace(sourceBetween(first, end).replace(/;\s*$/, '').replace(/=\s*$/, ''));
  switch (member.type) {
    case 'method_definition':
      add('method', headerTo(member.childForFieldName('body')?.startIndex ?? member.endIndex), parameterNames(member));
      return;
    case 'method_signature': case 'abstract_method_signature':
      add('method', headerTo(member.endIndex), parameterNames(member));
      return;
    case 'public_field_definition': case 'field_definition': {
      const value = member.childForFieldName('value');
      if (value && FUNCTION_VALUES.has(value.type)) {
        add('method', headerTo(value.childForFieldName('body')?.startIndex ?? value.endIndex), parameterNames(value));
      } else {
        add('property', headerTo(value && value.text.length > MAX_INLINE_VALUE ? value.startIndex : member.endIndex), null);
      }
    }
  }
}

/** Source text from the start of `first` to byte `end`, read through their common parent. */
function sourceBetween(first: Node, end: number): string {
  const parent = first.parent;
  if (!parent) return first.text;
  return parent.text.slice(first.startIndex - parent.startIndex, end - parent.startIndex);
}

function symbol(
  outer: Node, node: Node, kind: SymbolKind, container: string | null, exported: boolean,
  signature: string, parameters: string[] | null, doc: string | null, name?: string,
): DeclaredSymbol {
  return {
    name: name ?? node.childForFieldName('name')?.text ?? 'default',
    kind, container, exported, signature, parameters, doc,
    startLine: startLine(outer), endLine: endLine(outer),
  };
}

/** The text of `outer` up to where `body` starts (the whole text when there is no body). */
function headerBefore(outer: Node, body: Node | null): string {
  const text = body ? outer.text.slice(0, body.startIndex - outer.startIndex) : outer.text.replace(/;\s*$/, '');
  return squashWhitespace(text.replace(/=>\s*$/, '=>'));
}

/** Parameter names of a function-like node, in order (`this` parameters left out). */
export function parameterNames(fn: Node): string[] {
  const params = fn.childForFieldName('parameters');
  if (!params) {
    const single = fn.childForFieldName('parameter'); // x => ...
    return single ? [single.text] : [];
  }
  const names: string[] = [];
  for (const param of params.namedChildren) {
    const name = paramName(param);
    if (name !== null) names.push(name);
  }
  return names;
}

function paramName(param: Node): string | null {
  switch (param.type) {
    case 'required_parameter': case 'optional_parameter': {
      const pattern = param.childForFieldName('pattern');
      return pattern && pattern.type !== 'this' ? paramName(pattern) : null;
    }
    case 'assignment_pattern': {
      const left = param.childForFieldName('left');
      return left ? paramName(left) : null;
    }
    case 'rest_pattern': return param.firstNamedChild ? paramName(param.firstNamedChild) : null;
    case 'identifier': return param.text;
    case 'comment': return null;
    default: return squashWhitespace(param.text);
  }
}
