/** Which tree-sitter nodes are units worth a chunk of their own, what they are called, and where their members are. */
import type { Node } from 'web-tree-sitter';
import type { ChunkKind } from './types';

// Bodies of these are never split: a function is retrieved whole or not at all.
const FUNCTIONS = new Set([
  'function_declaration', 'generator_function_declaration', 'function_definition', 'method_definition',
  'function_item', 'method_declaration', 'constructor_declaration', 'function_signature', 'arrow_function',
  'function_expression', 'function', 'method', 'singleton_method', 'func_literal',
]);

const CLASSES = new Set([
  'class_declaration', 'abstract_class_declaration', 'class_definition', 'class', 'interface_declaration',
  'enum_declaration', 'internal_module', 'module', 'impl_item', 'trait_item', 'struct_item', 'enum_item',
  'record_declaration', 'namespace_declaration', 'object_declaration', 'type_declaration',
]);

const IMPORTS = new Set(['import_statement', 'import_from_statement', 'future_import_statement', 'import_declaration', 'use_declaration']);

/** The declaration inside wrappers (`export ...`, decorators, `const f = () => ...`). */
export function unwrap(node: Node): Node {
  if (node.type === 'export_statement') {
    const inner = node.childForFieldName('declaration') ?? node.childForFieldName('value');
    return inner ? unwrap(inner) : node;
  }
  if (node.type === 'decorated_definition') {
    const inner = node.childForFieldName('definition');
    return inner ? unwrap(inner) : node;
  }
  if (node.type === 'lexical_declaration' || node.type === 'variable_declaration') {
    const declarators = node.namedChildren.filter((c) => c?.type === 'variable_declarator');
    const value = declarators.length === 1 ? declarators[0]?.childForFieldName('value') : null;
    if (value && (FUNCTIONS.has(value.type) || CLASSES.has(value.type))) return value;
  }
  return node;
}

/** Whether a node is a TypeScript overload signature (it belongs with the implementation that follows). */
export function isOverloadSignature(node: Node): boolean {
  const inner = node.type === 'export_statement' ? node.childForFieldName('declaration') : node;
  return inner?.type === 'function_signature';
}

/** What kind of chunk a unit makes, or null when it is plain statements (grouped into blocks). */
export function unitKind(node: Node, inClass: boolean): ChunkKind | null {
  const inner = unwrap(node);
  if (FUNCTIONS.has(inner.type)) return inClass ? 'method' : 'function';
  if (CLASSES.has(inner.type)) return 'class';
  if (callbackOf(node)) return 'function';
  return null;
}

/** The body whose members become chunks when the unit is too big, or null for a unit never split. */
export function membersOf(node: Node): Node | null {
  const inner = unwrap(node);
  if (FUNCTIONS.has(inner.type)) return null;
  if (CLASSES.has(inner.type)) return inner.childForFieldName('body');
  const callback = callbackOf(node);
  return callback ? callback.childForFieldName('body') : null;
}

/** The name a unit goes by: its declared name, or `describe: title` for a test-suite call. */
export function unitName(node: Node): string {
  const inner = unwrap(node);
  const named = inner.childForFieldName('name') ?? inner.childForFieldName('type');
  if (named && named.text.length <= 80) return named.text;
  const declaration = node.type === 'export_statement' ? (node.childForFieldName('declaration') ?? node) : node;
  if (inner !== node && (declaration.type === 'lexical_declaration' || declaration.type === 'variable_declaration')) {
    const declarator = declaration.namedChildren.find((c) => c?.type === 'variable_declarator');
    const name = declarator?.childForFieldName('name');
    if (name) return name.text;
  }
  const call = callOf(node);
  if (call) {
    const callee = call.childForFieldName('function')?.text ?? '';
    const first = call.childForFieldName('arguments')?.namedChildren[0];
    const title = first && /string|template/.test(first.type) ? first.text.slice(1, -1) : '';
    return title ? `${callee}: ${title}`.slice(0, 120) : callee.slice(0, 80);
  }
  return '';
}

/** Names a group of plain statements declares (`const a = ...`, `type T = ...`, `X = 1`). */
export function declaredNames(node: Node): string[] {
  // Imported names are the file's dependencies, not what the chunk is about.
  if (IMPORTS.has(node.type)) return [];
  const inner = unwrap(node);
  const named = inner.childForFieldName('name');
  if (named && named.text.length <= 80) return [named.text];
  const out: string[] = [];
  for (const child of inner.namedChildren) {
    if (child?.type === 'variable_declarator') {
      const name = child.childForFieldName('name');
      if (name && name.type === 'identifier') out.push(name.text);
    }
  }
  if (inner.type === 'expression_statement') {
    const assign = inner.namedChildren[0];
    const left = assign?.type === 'assignment' ? assign.childForFieldName('left') : null;
    if (left?.type === 'identifier') out.push(left.text);
  }
  return out;
}

// `describe('x', () => { ... })`, `app.get('/x', async (req, res) => { ... })`: a call whose last
// argument is a function is a unit of its own (a test suite, a route handler).
function callOf(node: Node): Node | null {
  const expr = node.type === 'expression_statement' ? node.namedChildren[0] : null;
  const call = expr?.type === 'await_expression' ? expr.namedChildren[0] : expr;
  return call?.type === 'call_expression' ? call : null;
}

function callbackOf(node: Node): Node | null {
  const args = callOf(node)?.childForFieldName('arguments')?.namedChildren ?? [];
  const last = args[args.length - 1];
  return last && (last.type === 'arrow_function' || last.type === 'function_expression' || last.type === 'function') ? last : null;
}
