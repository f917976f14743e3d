/** One parser for the atomization tests, and a helper that parses and hands the tree over. */
import type { Tree } from 'web-tree-sitter';
import type { LanguageId } from '../../../../src/core/parse/languages';
import { createMultiLanguageParser, type MultiLanguageParser } from '../../../../src/core/parse/multiLanguageParser';

export const noAbort = new AbortController().signal;
let parser: MultiLanguageParser | undefined;

/** The shared parser. */
export function testParser(): MultiLanguageParser {
  parser ??= createMultiLanguageParser();
  return parser;
}

/** Parses `text` as `language` and runs `use` on the tree. */
export function withTree<T>(text: string, language: LanguageId, use: (tree: Tree) => T): Promise<T> {
  return testParser().withTree(text, language, noAbort, use);
}
