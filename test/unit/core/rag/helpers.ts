/** Shared setup for the RAG tests: one parser, temp workspaces, and an index over them. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createMultiLanguageParser, type MultiLanguageParser } from '../../../../src/core/parse/multiLanguageParser';
import { openRagIndex, type RagIndex } from '../../../../src/core/rag/ragIndex';

export const noAbort = new AbortController().signal;

let parser: MultiLanguageParser | undefined;

/** One parser for every RAG test (grammars load once). */
export function sharedParser(): MultiLanguageParser {
  parser ??= createMultiLanguageParser();
  return parser;
}

/** A fresh temp folder; removed by `cleanup`. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `mge-rag-${prefix}-`));
}

/** Writes `files` (relative path -> content) under `root`. */
export function writeFiles(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), content);
  }
}

/** Removes temp folders. */
export function cleanup(...dirs: string[]): void {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

/** An index in `dir` with few shards (small tests). */
export function openIndex(dir: string, shards = 4): Promise<RagIndex> {
  return openRagIndex({ dir, parser: sharedParser(), shards }, noAbort);
}

/** Lines of TypeScript making a function `name` of `body` lines. */
export function tsFunction(name: string, body: number): string {
  const lines = [`export function ${name}(input: number): number {`, '  let total = input;'];
  for (let i = 0; i < body; i++) lines.push(`  total += ${i};`);
  lines.push('  return total;', '}');
  return lines.join('\n');
}
