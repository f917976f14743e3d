/** Doc comments: the comment block right above a declaration, and Python docstrings. */
import type { Node } from 'web-tree-sitter';

/**
 * The comment(s) directly above `decl` (no blank line between), with the comment markers
 * removed; null when there is none. `/** *\/` blocks and runs of `//` or `#` lines both count.
 */
export function leadingComment(decl: Node): string | null {
  const parts: string[] = [];
  let expectRow = decl.startPosition.row;
  for (let at = decl.previousSibling; at && at.type === 'comment'; at = at.previousSibling) {
    // A trailing comment on the previous statement's line, or a gap, ends the doc block.
    if (at.endPosition.row < expectRow - 1 || at.endPosition.row >= expectRow) break;
    const before = at.previousSibling;
    if (before && before.endPosition.row === at.startPosition.row) break;
    parts.unshift(at.text);
    expectRow = at.startPosition.row;
  }
  return parts.length > 0 ? cleanComment(parts.join('\n')) : null;
}

/** A Python docstring: the first statement of a body when it is a string literal. */
export function pythonDocstring(body: Node | null): string | null {
  const first = body?.firstNamedChild;
  if (first?.type !== 'expression_statement') return null;
  const literal = first.firstNamedChild;
  if (literal?.type !== 'string') return null;
  const content = literal.namedChildren.filter((c) => c.type === 'string_content').map((c) => c.text).join('');
  return dedent(content).trim() || null;
}

function cleanComment(text: string): string | null {
  const lines = text.split('\n').map((line) =>
    line.trim()
      .replace(/^\/\*\*?/, '')
      .replace(/\*\/$/, '')
      .replace(/^\*\s?/, '')
      .replace(/^\/\/\/?\s?/, '')
      .replace(/^#\s?/, '')
      .trimEnd());
  const cleaned = lines.join('\n').trim();
  return cleaned.length > 0 ? cleaned : null;
}

function dedent(text: string): string {
  const lines = text.split('\n');
  const indents = lines.slice(1).filter((l) => l.trim().length > 0).map((l) => /^\s*/.exec(l)?.[0].length ?? 0);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return [lines[0] ?? '', ...lines.slice(1).map((l) => l.slice(cut))].join('\n');
}
