/**
 * Which lines of an atom count against its line budget: not blank, and not only comments (or,
 * in Python, a docstring). Documentation is encouraged, so it is free.
 */
import type { Node } from 'web-tree-sitter';

interface CommentSpan { readonly startRow: number; readonly startCol: number; readonly endRow: number; readonly endCol: number }

/** The 1-based numbers of the code lines among `start..end` (clamped to the file); `python` makes bare strings free. */
export function codeLines(root: Node, lines: readonly string[], start: number, end: number, python: boolean): number[] {
  const first = Math.max(1, start);
  const last = Math.min(lines.length, end);
  const comments: CommentSpan[] = [];
  collectComments(root, first - 1, last - 1, python, comments);
  const code: number[] = [];
  for (let line = first; line <= last; line++) {
    if (hasCode(lines[line - 1] ?? '', line - 1, comments)) code.push(line);
  }
  return code;
}

function collectComments(node: Node, fromRow: number, toRow: number, python: boolean, out: CommentSpan[]): void {
  for (const child of node.children) {
    if (child.endPosition.row < fromRow || child.startPosition.row > toRow) continue;
    if (child.type.includes('comment') || (python && isBareString(child))) {
      out.push({ startRow: child.startPosition.row, startCol: child.startPosition.column, endRow: child.endPosition.row, endCol: child.endPosition.column });
    } else if (child.childCount > 0) {
      collectComments(child, fromRow, toRow, python, out);
    }
  }
}

/** A Python string on its own as a statement: a docstring, or a comment in all but name. */
function isBareString(node: Node): boolean {
  return node.type === 'expression_statement' && node.namedChildCount === 1 && node.firstNamedChild?.type === 'string';
}

function hasCode(text: string, row: number, comments: readonly CommentSpan[]): boolean {
  const spans = comments.filter((c) => c.startRow <= row && c.endRow >= row);
  for (let col = 0; col < text.length; col++) {
    const ch = text[col];
    if (ch === ' ' || ch === '\t' || ch === '\r') continue;
    const covered = spans.some((c) => (c.startRow < row || c.startCol <= col) && (c.endRow > row || col < c.endCol));
    if (!covered) return true;
  }
  return false;
}
