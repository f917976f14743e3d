/** Small helpers over web-tree-sitter nodes shared by the symbol and scope modules. */
import type { Node } from 'web-tree-sitter';

/** Whether `child` is the node in `parent`'s field `field`. */
export function isField(parent: Node, field: string, child: Node): boolean {
  const inField = parent.childForFieldName(field);
  return inField !== null && inField.startIndex === child.startIndex && inField.endIndex === child.endIndex;
}

/** Whether `inner` lies within `outer` (byte ranges, inclusive of equal ranges). */
export function contains(outer: Node, inner: Node): boolean {
  return inner.startIndex >= outer.startIndex && inner.endIndex <= outer.endIndex;
}

/** The nearest ancestor (excluding `node`) whose type is in `types`, or null. */
export function closestAncestor(node: Node, types: ReadonlySet<string>): Node | null {
  for (let at = node.parent; at; at = at.parent) if (types.has(at.type)) return at;
  return null;
}

/** 1-based first line of a node. */
export function startLine(node: Node): number {
  return node.startPosition.row + 1;
}

/**
 * 1-based last line of a node. A node that ends at column 0 ends on the line before (tree-sitter
 * puts the end after a trailing newline for some statements).
 */
export function endLine(node: Node): number {
  const end = node.endPosition;
  return end.column === 0 && end.row > node.startPosition.row ? end.row : end.row + 1;
}

/** The text of a node's field, or null when the field is empty. */
export function fieldText(node: Node, field: string): string | null {
  return node.childForFieldName(field)?.text ?? null;
}

/** Collapses runs of whitespace to one space, for comparing and showing signatures. */
export function squashWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
