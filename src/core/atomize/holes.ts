/**
 * Finding the holes of a skeleton with tree-sitter: a hole is a comment holding the `@atom`
 * marker (so a marker inside a string is not one). A hole inside a function or method body is a
 * body hole with that function's declaration header as its signature; anywhere else it is a
 * top-level hole (a statement block). Problems with the way holes are written are returned as
 * sentences for the model, never thrown.
 */
import type { Node, Tree } from 'web-tree-sitter';
import { HOLE_MARKER_PATTERN } from './contract';
import { isFirstClass, type LanguageId } from '../parse/languages';
import { squashWhitespace } from '../parse/nodeUtils';
import { extractSymbols, type DeclaredSymbol } from '../parse/symbols';
import type { HoleSite } from './types';

/** Function-like nodes whose `body` field a hole may fill. */
const FUNCTIONS = new Set([
  'function_declaration', 'generator_function_declaration', 'method_definition', 'arrow_function',
  'function_expression', 'function', 'generator_function', 'function_definition',
  'function_item', 'method_declaration', 'constructor_declaration', 'func_literal',
]);

/** What sits on a Python hole line before the marker (`...  # @atom f: x`). */
const PY_FILLERS = /^(\.\.\.|pass)?$/;

/** The holes of one file and the problems with how they are written. */
export interface HoleScan {
  readonly holes: HoleSite[];
  /** Each problem as a sentence naming the line. */
  readonly problems: string[];
}

/** The holes of a parsed skeleton, in line order, and what is wrong with how they are written. */
export function scanHoles(tree: Tree, language: LanguageId, text: string): HoleScan {
  const lines = text.split('\n');
  const symbols = isFirstClass(language) ? extractSymbols(tree, language).declarations : [];
  const holes: HoleSite[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const comment of comments(tree.rootNode)) {
    const match = comment.text.replace(/\s*\*\/\s*$/, '').match(HOLE_MARKER_PATTERN);
    if (!match) continue;
    const unit = match[1] ?? '';
    const description = (match[2] ?? '').trim();
    const line = comment.startPosition.row + 1;
    const lineText = lines[line - 1] ?? '';
    const before = lineText.slice(0, comment.startPosition.column).trim();
    if (comment.startPosition.row !== comment.endPosition.row || !(before === '' || (language === 'python' && PY_FILLERS.test(before)))) {
      problems.push(`line ${line}: the hole \`${unit}\` must be alone on its line (only \`...\` may precede it in Python)`);
      continue;
    }
    if (seen.has(unit)) {
      problems.push(`line ${line}: the hole name \`${unit}\` is used twice in this file; hole names must be unique`);
      continue;
    }
    seen.add(unit);
    if (description === '') problems.push(`line ${line}: the hole \`${unit}\` has no description after the colon`);
    const owner = enclosingFunction(comment);
    const indent = /^\s*/.exec(lineText)?.[0] ?? '';
    if (owner) {
      holes.push({ unit, description, kind: 'body', signature: signatureOf(owner, symbols, line), line, lineText, indent });
    } else {
      holes.push({ unit, description, kind: 'top-level', signature: null, line, lineText, indent });
    }
  }
  return { holes, problems };
}

/** Every comment node, in document order. */
function comments(root: Node): Node[] {
  const out: Node[] = [];
  const walk = (node: Node): void => {
    if (node.type.includes('comment')) out.push(node);
    for (const child of node.children) walk(child);
  };
  walk(root);
  return out;
}

/** The nearest function whose body holds `node`, or null at module or class level. */
export function enclosingFunction(node: Node): Node | null {
  for (let at: Node | null = node.parent; at; at = at.parent) {
    if (!FUNCTIONS.has(at.type)) continue;
    const body = at.childForFieldName('body');
    if (body && body.startIndex <= node.startIndex && node.endIndex <= body.endIndex) return at;
  }
  return null;
}

/** The declared signature of the function at `fn` (from the symbol table when it has one). */
function signatureOf(fn: Node, symbols: readonly DeclaredSymbol[], holeLine: number): string {
  let best: DeclaredSymbol | null = null;
  for (const s of symbols) {
    if ((s.kind !== 'function' && s.kind !== 'method') || s.startLine > holeLine || s.endLine < holeLine) continue;
    if (!best || s.endLine - s.startLine < best.endLine - best.startLine) best = s;
  }
  const fnStart = fn.startPosition.row + 1;
  if (best && best.startLine <= fnStart && fnStart <= best.endLine) return best.signature;
  const body = fn.childForFieldName('body');
  return squashWhitespace(body ? fn.text.slice(0, body.startIndex - fn.startIndex) : fn.text);
}
