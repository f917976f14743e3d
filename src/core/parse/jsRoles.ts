/**
 * The role of an identifier in JavaScript/TypeScript/TSX: a value or type reference, a binding
 * (declares a name), or neither (an export alias, an intrinsic JSX tag). And, for a binding, the
 * node whose scope the name belongs to. Decided from the identifier's position in the tree.
 */
import type { Node } from 'web-tree-sitter';
import { closestAncestor, isField } from './nodeUtils';

/** What an identifier does where it stands. */
export type IdentifierRole = 'value' | 'type' | 'binding' | 'other';

/** Node types whose `name` field declares that name. */
const NAME_BINDERS = new Set([
  'function_declaration', 'function_expression', 'function', 'generator_function_declaration', 'generator_function',
  'class_declaration', 'class', 'abstract_class_declaration', 'enum_declaration', 'internal_module', 'module',
  'function_signature', 'interface_declaration', 'type_alias_declaration', 'type_parameter', 'mapped_type_clause',
]);

/** Identifier node types of the JS family grammars. */
export const JS_IDENTIFIER_TYPES = new Set(['identifier', 'type_identifier', 'shorthand_property_identifier', 'shorthand_property_identifier_pattern']);

/** Where a `let`/`const`/class/function declaration is visible: the nearest block-like node. */
const BLOCKS = new Set(['program', 'statement_block', 'switch_body', 'for_statement', 'for_in_statement']);
/** Where `var` and parameters live. */
const FUNCTIONS = new Set([
  'program', 'function_declaration', 'function_expression', 'function', 'generator_function_declaration', 'generator_function',
  'arrow_function', 'method_definition', 'function_signature', 'method_signature', 'abstract_method_signature',
  'call_signature', 'construct_signature', 'function_type', 'constructor_type',
]);
/** Nodes whose inside declares nothing visible outside them (their own name aside). */
export const JS_SEALED_TYPES: ReadonlySet<string> = new Set([...FUNCTIONS, 'class_body'].filter((t) => t !== 'program'));
/** Expression forms whose own name is visible only inside them. */
const SELF_NAMED = new Set(['function_expression', 'function', 'generator_function', 'class']);

/** The role of a JS-family identifier node. */
export function jsRole(id: Node): IdentifierRole {
  const parent = id.parent;
  if (!parent) return 'other';
  switch (id.type) {
    case 'shorthand_property_identifier': return 'value'; // `{ a }` in an object literal reads `a`
    case 'shorthand_property_identifier_pattern': return patternRole(id, parent);
    case 'type_identifier': return typeIdentifierRole(id, parent);
    case 'identifier': return identifierRole(id, parent);
    default: return 'other';
  }
}

function typeIdentifierRole(id: Node, parent: Node): IdentifierRole {
  if (NAME_BINDERS.has(parent.type) && isField(parent, 'name', id)) return 'binding';
  if (parent.type === 'infer_type') return 'binding';
  if (parent.type === 'nested_type_identifier' && isField(parent, 'name', id)) return 'other'; // `ns.Type`: Type is a member
  return 'type';
}

function identifierRole(id: Node, parent: Node): IdentifierRole {
  switch (parent.type) {
    case 'import_specifier': // `{ a as b }` binds b only
      return isField(parent, 'name', id) && parent.childForFieldName('alias') ? 'other' : 'binding';
    case 'namespace_import': case 'import_clause': case 'import_require_clause':
      return 'binding';
    case 'import_alias': // import Z = NS.Inner
      return parent.firstNamedChild?.equals(id) ? 'binding' : 'value';
    case 'export_specifier':
      if (isField(parent, 'alias', id)) return 'other';
      // `export { a } from './m'` re-exports without touching a local `a`.
      return parent.parent?.parent?.childForFieldName('source') ? 'other' : 'value';
    case 'jsx_opening_element': case 'jsx_self_closing_element':
      return /^[a-z]/.test(id.text) ? 'other' : 'value'; // <div> is intrinsic, <Foo> reads Foo
    case 'jsx_closing_element': return 'other'; // counted once, at the opening tag
    case 'member_expression': // <List.Item>...</List.Item>: counted once, at the opening tag
      return parent.parent?.type === 'jsx_closing_element' ? 'other' : 'value';
    case 'index_signature': return isField(parent, 'name', id) ? 'other' : 'value';
    case 'nested_type_identifier': return 'type';
    case 'nested_identifier':
      return parent.parent?.type === 'internal_module' || !parent.firstNamedChild?.equals(id) ? 'other' : 'value';
  }
  if (NAME_BINDERS.has(parent.type) && isField(parent, 'name', id)) return 'binding';
  return patternRole(id, parent);
}

/**
 * Climbs out of destructuring patterns to see whether the pattern declares (a declarator, a
 * parameter, a catch clause, `for (const x of ...)`) or assigns to existing names (`[a, b] = c`).
 */
function patternRole(id: Node, parent: Node): IdentifierRole {
  let child = id;
  let at: Node | null = parent;
  while (at) {
    switch (at.type) {
      case 'object_pattern': case 'array_pattern': case 'rest_pattern':
        break;
      case 'pair_pattern':
        if (!isField(at, 'value', child)) return 'value';
        break;
      case 'assignment_pattern': case 'object_assignment_pattern':
        if (!isField(at, 'left', child)) return 'value'; // the default value is read
        break;
      case 'required_parameter': case 'optional_parameter':
        if (isField(at, 'pattern', child)) return 'binding';
        return isField(at, 'name', child) ? 'other' : 'value'; // `[name: string]`: a tuple label
      case 'formal_parameters': return 'binding';
      case 'variable_declarator': return isField(at, 'name', child) ? 'binding' : 'value';
      case 'catch_clause': return isField(at, 'parameter', child) ? 'binding' : 'value';
      case 'arrow_function': return isField(at, 'parameter', child) ? 'binding' : 'value';
      case 'for_in_statement':
        return isField(at, 'left', child) && at.childForFieldName('kind') ? 'binding' : 'value';
      default: return 'value';
    }
    child = at;
    at = at.parent;
  }
  return 'value';
}

/**
 * The node whose scope a binding identifier declares its name in: a block for let/const/class/
 * function declarations, the function for parameters and `var`, the node itself for a named
 * function or class expression, the owner of a type parameter list, the program for imports.
 */
export function jsBindingScope(id: Node): Node | null {
  const parent = id.parent;
  if (!parent) return null;
  if (id.type === 'type_identifier' || id.type === 'identifier') {
    if (parent.type === 'type_parameter') return parent.parent?.parent ?? null; // type_parameters' owner
    if (parent.type === 'mapped_type_clause') return parent.parent;
    if (parent.type === 'infer_type') return closestAncestor(id, CONDITIONAL);
    if (NAME_BINDERS.has(parent.type) && isField(parent, 'name', id)) {
      return SELF_NAMED.has(parent.type) ? parent : closestAncestor(parent, BLOCKS);
    }
  }
  for (let at: Node | null = parent; at; at = at.parent) {
    switch (at.type) {
      case 'variable_declaration': return closestAncestor(at, FUNCTIONS); // var is function-scoped
      case 'lexical_declaration': return closestAncestor(at, BLOCKS);
      case 'formal_parameters': return at.parent;
      case 'arrow_function': return at;
      case 'catch_clause': return at;
      case 'for_in_statement':
        return at.childForFieldName('kind')?.text === 'var' ? closestAncestor(at, FUNCTIONS) : at;
      case 'import_statement': case 'import_alias': return closestAncestor(at, BLOCKS);
    }
  }
  return null;
}

const CONDITIONAL = new Set(['conditional_type']);
