/**
 * Syntax errors as tree-sitter reports them: ERROR nodes (text the grammar could not place) and
 * MISSING nodes (tokens the parser invented to recover), turned into readable, 1-based messages.
 */
import type { Node } from 'web-tree-sitter';

/** One syntax problem, 1-based line and column. */
export interface SyntaxProblem {
  readonly kind: 'unexpected' | 'missing';
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
}

const MAX_SNIPPET = 24;

/**
 * Collects the syntax problems under `root`, outermost first in document order. An ERROR node's
 * own children are not reported again (they are the same mistake). At most `limit` problems.
 */
export function collectSyntaxErrors(root: Node, limit = 20): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  visit(root, problems, limit);
  return problems;
}

function visit(node: Node, out: SyntaxProblem[], limit: number): void {
  if (out.length >= limit) return;
  if (node.isMissing) {
    out.push(problem('missing', `missing ${describeMissing(node)}`, node));
    return;
  }
  if (node.isError) {
    out.push(problem('unexpected', describeError(node), node));
    return;
  }
  // hasError is cached in the tree, so clean subtrees cost one call each.
  if (!node.hasError) return;
  for (const child of node.children) {
    visit(child, out, limit);
    if (out.length >= limit) return;
  }
}

function problem(kind: SyntaxProblem['kind'], message: string, node: Node): SyntaxProblem {
  return { kind, message, line: node.startPosition.row + 1, column: node.startPosition.column + 1, endLine: node.endPosition.row + 1 };
}

function describeMissing(node: Node): string {
  // Anonymous missing nodes are punctuation or keywords (";", "}", "in"); named ones are kinds.
  return node.isNamed ? node.type.replace(/_/g, ' ') : `\`${node.type}\``;
}

function describeError(node: Node): string {
  const token = firstToken(node);
  if (token === undefined) return 'unexpected end of input';
  // A one-token error is a stray token; a longer one is a construct the grammar could not finish.
  if (node.text.trim() === token) return `unexpected \`${snippet(token)}\``;
  return `syntax error in \`${snippet(node.text.trim())}\``;
}

function firstToken(node: Node): string | undefined {
  if (node.childCount === 0) return node.text.length > 0 ? node.text : undefined;
  for (const child of node.children) {
    const token = firstToken(child);
    if (token !== undefined) return token;
  }
  return undefined;
}

function snippet(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > MAX_SNIPPET ? `${line.slice(0, MAX_SNIPPET)}…` : line;
}
