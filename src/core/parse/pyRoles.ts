/**
 * The role of an identifier in Python (a reference, a binding, or neither: an attribute name,
 * a keyword argument's name), and the scope a binding belongs to. Python has no block scope:
 * names bind in the module, a function, a class body, a lambda or a comprehension.
 */
import type { Node } from 'web-tree-sitter';
import { closestAncestor, isField } from './nodeUtils';
import type { IdentifierRole } from './jsRoles';

/** The node types that open a Python scope. */
export const PY_SCOPES = new Set([
  'module', 'function_definition', 'class_definition', 'lambda',
  'list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression',
]);
const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);
const NON_COMPREHENSION_SCOPES = new Set([...PY_SCOPES].filter((t) => !COMPREHENSIONS.has(t)));
/** Containers a destructuring target is written with: `a, (b, *c) = ...`. */
const TARGET_CONTAINERS = new Set(['pattern_list', 'tuple_pattern', 'list_pattern', 'tuple', 'list', 'parenthesized_expression', 'list_splat_pattern']);
const IMPORTS = new Set(['import_statement', 'import_from_statement', 'aliased_import', 'future_import_statement', 'relative_import']);

/** The role of a Python identifier node. */
export function pyRole(id: Node): IdentifierRole {
  const parent = id.parent;
  if (!parent) return 'other';
  switch (parent.type) {
    case 'attribute': return isField(parent, 'attribute', id) ? 'other' : 'value';
    case 'keyword_argument': return isField(parent, 'name', id) ? 'other' : 'value';
    case 'function_definition': case 'class_definition': return isField(parent, 'name', id) ? 'binding' : 'value';
    case 'parameters': case 'lambda_parameters': case 'typed_parameter': return 'binding';
    case 'default_parameter': case 'typed_default_parameter': return isField(parent, 'name', id) ? 'binding' : 'value';
    case 'dictionary_splat_pattern': return 'binding';
    case 'global_statement': case 'nonlocal_statement': return 'binding';
    case 'named_expression': return isField(parent, 'name', id) ? 'binding' : 'value';
    case 'aliased_import': return isField(parent, 'alias', id) ? 'binding' : 'other';
    case 'dotted_name': return dottedRole(id, parent);
    case 'keyword_pattern': return parent.firstNamedChild?.equals(id) ? 'other' : 'binding';
    case 'splat_pattern': return 'binding';
    case 'as_pattern': return parent.firstNamedChild?.equals(id) ? 'value' : 'binding'; // case P() as name
    case 'generic_type': case 'type': if (isTypeParameterDeclaration(parent)) return 'binding'; break;
  }
  return targetRole(id, parent);
}

function dottedRole(id: Node, dotted: Node): IdentifierRole {
  const first = dotted.firstNamedChild?.equals(id) ?? false;
  const owner = dotted.parent;
  if (owner && IMPORTS.has(owner.type)) {
    if (owner.type === 'import_statement') return first ? 'binding' : 'other'; // import a.b binds a
    if (owner.type === 'import_from_statement') return isField(owner, 'module_name', dotted) ? 'other' : 'binding';
    return 'other';
  }
  if (!first) return 'other';
  // In a match pattern a bare name captures; a dotted name (Color.RED) or a class pattern reads.
  if (dotted.namedChildCount === 1 && (owner?.type === 'case_pattern' || owner?.type === 'keyword_pattern')) return 'binding';
  return 'value';
}

/** `def f[T]()`, `class C[T]`, `type Alias[T] = ...`: the names declared by a type parameter list. */
function isTypeParameterDeclaration(node: Node): boolean {
  for (let at: Node | null = node, depth = 0; at && depth < 5; at = at.parent, depth++) {
    const parent = at.parent;
    if (!parent) return false;
    if (at.type === 'type_parameter') {
      return parent.type === 'function_definition' || parent.type === 'class_definition' || leftOfTypeAlias(parent);
    }
    if (parent.type === 'type_alias_statement') return isField(parent, 'left', at);
  }
  return false;
}

function leftOfTypeAlias(node: Node): boolean {
  const generic = node.type === 'generic_type' ? node : null;
  const typeNode = generic?.parent;
  return typeNode?.parent?.type === 'type_alias_statement' && isField(typeNode.parent, 'left', typeNode);
}

/** Assignment, `for` and `as` targets bind; everything else in an expression reads. */
function targetRole(id: Node, parent: Node): IdentifierRole {
  let child = id;
  let at: Node | null = parent;
  while (at) {
    if (!TARGET_CONTAINERS.has(at.type)) {
      switch (at.type) {
        case 'as_pattern_target': return 'binding';
        case 'assignment': return isField(at, 'left', child) ? 'binding' : 'value';
        case 'for_statement': case 'for_in_clause': return isField(at, 'left', child) ? 'binding' : 'value';
        case 'augmented_assignment': return 'value'; // `x += 1` reads x first
        case 'parameters': case 'lambda_parameters': case 'typed_parameter': return 'binding'; // *args
        default: return 'value';
      }
    }
    child = at;
    at = at.parent;
  }
  return 'value';
}

/**
 * The scope node a Python binding belongs to: the enclosing scope for def/class names, the
 * comprehension for its loop variables, the nearest non-comprehension scope for `:=`, else the
 * nearest scope (parameters land in their function or lambda).
 */
export function pyBindingScope(id: Node): Node | null {
  const parent = id.parent;
  if (!parent) return null;
  if ((parent.type === 'function_definition' || parent.type === 'class_definition') && isField(parent, 'name', id)) {
    return closestAncestor(parent, PY_SCOPES);
  }
  if (parent.type === 'named_expression') return closestAncestor(parent, NON_COMPREHENSION_SCOPES);
  return closestAncestor(id, PY_SCOPES);
}

/** Nodes whose inside declares nothing visible outside them (their own name aside). */
export const PY_SEALED_TYPES: ReadonlySet<string> = new Set(['function_definition', 'class_definition', 'lambda']);

/** Whether a node type is a function-like Python scope (its body hides enclosing class bodies). */
export function isPyFunctionScope(type: string): boolean {
  return type === 'function_definition' || type === 'lambda';
}
