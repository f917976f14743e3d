/** Shared setup for the parse tests: one real parser over the real grammars. */
import type { Tree } from 'web-tree-sitter';
import type { LanguageId } from '../../../../src/core/parse/languages';
import { createMultiLanguageParser, type MultiLanguageParser } from '../../../../src/core/parse/multiLanguageParser';

let shared: MultiLanguageParser | undefined;

/** A never-aborted signal for calls that need one. */
export const noAbort = new AbortController().signal;

/** The parser shared by the parse tests (created on first use). */
export function testParser(): MultiLanguageParser {
  shared ??= createMultiLanguageParser();
  return shared;
}

/** Parses `lines` (joined with newlines) and runs `use` on the tree, which is deleted afterwards. */
export function withParsed<T>(language: LanguageId, lines: readonly string[], use: (tree: Tree) => T): Promise<T> {
  return testParser().withTree(lines.join('\n') + '\n', language, noAbort, use);
}
