/**
 * A whole file seen as one atom (`mge validate --atom`). The file's leading imports, comments
 * and directives are the skeleton's part in a generated file, not the atom's, so the atom's
 * lines start after them: `import x; def f(): ...` is one job, not two.
 */
import type { Node } from 'web-tree-sitter';
import type { LanguageId } from '../parse/languages';
import type { MultiLanguageParser } from '../parse/multiLanguageParser';

const IMPORTS = new Set(['import_statement', 'import_from_statement', 'future_import_statement', 'comment', 'hash_bang_line']);

/** The atom's lines in a file of `text` (1-based, inclusive); the whole file when it is all imports. */
export async function fileAtomLines(parser: MultiLanguageParser, text: string, language: LanguageId, signal: AbortSignal): Promise<{ startLine: number; endLine: number }> {
  const lineCount = Math.max(1, text.replace(/\n$/, '').split('\n').length);
  return parser.withTree(text, language, signal, (tree) => {
    const first = tree.rootNode.namedChildren.find((child) => !isPreamble(child));
    return { startLine: first ? first.startPosition.row + 1 : 1, endLine: lineCount };
  });
}

function isPreamble(node: Node): boolean {
  if (IMPORTS.has(node.type)) return true;
  // 'use strict' and a module docstring.
  if (node.type === 'expression_statement' && node.namedChildCount === 1 && node.firstNamedChild?.type === 'string') return true;
  if (node.type === 'lexical_declaration' || node.type === 'variable_declaration') {
    // const x = require('x'), the CommonJS import.
    return node.namedChildren.every((d) => d.type === 'variable_declarator' && /^require\(/.test(d.childForFieldName('value')?.text ?? ''));
  }
  return false;
}
