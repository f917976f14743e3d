import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isFirstClass } from '../../../../src/core/parse/languages';
import { extractSymbols } from '../../../../src/core/parse/symbols';
import { chunkFile, DEFAULT_CHUNK_OPTIONS } from '../../../../src/core/rag/chunker';
import { chunkText } from '../../../../src/core/rag/textChunker';
import type { Chunk } from '../../../../src/core/rag/types';
import { noAbort, sharedParser, tsFunction } from './helpers';

/** Whether some chunk holds lines a..b whole, and no chunk starts or ends strictly inside them. */
function keptWhole(chunks: readonly Chunk[], a: number, b: number): boolean {
  const holder = chunks.some((c) => c.startLine <= a && c.endLine >= b);
  const cuts = chunks.some((c) => (c.startLine > a && c.startLine <= b) || (c.endLine >= a && c.endLine < b));
  return holder && !cuts;
}

describe('rag chunker', () => {
  // minUnitLines 1: every declaration its own chunk, so names can be checked one by one.
  const opts = { maxLines: 20, minUnitLines: 1, blockLines: 20 };

  it('keeps every function whole, even one longer than the limit', async () => {
    const text = ['import { x } from "./x";', '', tsFunction('small', 3), '', tsFunction('huge', 40), '', tsFunction('after', 2), ''].join('\n');
    const chunks = await chunkFile(sharedParser(), 'src/a.ts', text, noAbort, opts);
    const lines = text.split('\n');
    for (const name of ['small', 'huge', 'after']) {
      const start = lines.findIndex((l) => l.startsWith(`export function ${name}`)) + 1;
      const end = lines.findIndex((l, i) => i >= start && l === '}') + 1;
      assert.ok(keptWhole(chunks, start, end), `${name} (${start}-${end}) is cut: ${JSON.stringify(chunks.map((c) => [c.startLine, c.endLine]))}`);
      assert.ok(chunks.some((c) => c.symbol === name && c.kind === 'function'));
    }
  });

  it('splits a big class into its methods, named Class.method, each whole, with its doc comment', async () => {
    const methods = Array.from({ length: 4 }, (_, i) => [`  /** Method ${i}. */`, `  m${i}(a: number): number {`, ...Array.from({ length: 6 }, (_u, j) => `    a += ${j};`), '    return a;', '  }'].join('\n'));
    const text = ['export class Big {', '  private count = 0;', ...methods, '}'].join('\n');
    const chunks = await chunkFile(sharedParser(), 'src/big.ts', text, noAbort, opts);
    const lines = text.split('\n');
    for (let i = 0; i < 4; i++) {
      const doc = lines.indexOf(`  /** Method ${i}. */`) + 1;
      const chunk = chunks.find((c) => c.symbol === `Big.m${i}`);
      assert.ok(chunk, `no chunk for Big.m${i}`);
      assert.equal(chunk.kind, 'method');
      assert.equal(chunk.startLine, doc, 'the doc comment travels with its method');
      assert.ok(keptWhole(chunks, doc, doc + 9));
    }
    assert.ok(chunks.some((c) => c.startLine === 1 && c.symbols.includes('Big')), 'the class header is in a chunk');
  });

  it('chunks Python by def and class and names decorated handlers', async () => {
    const text = ['import os', '', '@app.get("/tasks")', 'async def list_tasks():', '    return []', '', 'class Repo:', '    def get(self, id):', '        return id', ''].join('\n');
    const chunks = await chunkFile(sharedParser(), 'app/main.py', text, noAbort, opts);
    const handler = chunks.find((c) => c.symbol === 'list_tasks');
    assert.deepEqual(handler && [handler.startLine, handler.endLine], [3, 5]);
    assert.ok(chunks.some((c) => c.symbol === 'Repo' && c.kind === 'class'));
  });

  it('makes a test-suite call one unit named after its title', async () => {
    const text = ["import { expect } from 'vitest';", '', "describe('login', () => {", "  it('works', () => {", '    expect(1).toBe(1);', '  });', '});', ''].join('\n');
    const chunks = await chunkFile(sharedParser(), 'test/login.test.ts', text, noAbort, opts);
    assert.ok(chunks.some((c) => c.symbol === 'describe: login' && c.startLine === 3 && c.endLine === 7));
  });

  it('groups declarations shorter than minUnitLines into blocks, never cutting one', async () => {
    const text = [tsFunction('a', 1), tsFunction('b', 1), tsFunction('c', 12), tsFunction('d', 1)].join('\n');
    const chunks = await chunkFile(sharedParser(), 'src/g.ts', text, noAbort, { maxLines: 60, minUnitLines: 8, blockLines: 40 });
    assert.deepEqual(chunks.map((c) => [c.startLine, c.endLine, c.kind, c.symbols.join(',')]), [
      [1, 10, 'block', 'a,b'],
      [11, 26, 'function', 'c'],
      [27, 31, 'block', 'd'],
    ]);
  });

  it('never cuts a function or method of real files (zod, this project, a Python example)', async () => {
    const root = join(__dirname, '../../../..');
    const files = ['node_modules/zod/src/v4/core/util.ts', 'node_modules/zod/src/v3/types.ts', 'src/core/rag/memoryIndex.ts', 'src/core/parse/scopeAnalysis.ts', 'examples/ddd/project_aggregate.py'];
    const parser = sharedParser();
    for (const rel of files) {
      const text = readFileSync(join(root, rel), 'utf8');
      const language = parser.languageForPath(rel);
      assert.ok(language && isFirstClass(language));
      const declarations = await parser.withTree(text, language, noAbort, (tree) => extractSymbols(tree, language).declarations);
      const chunks = await chunkFile(parser, rel, text, noAbort, DEFAULT_CHUNK_OPTIONS);
      const units = declarations.filter((d) => d.kind === 'function' || d.kind === 'method');
      assert.ok(units.length > 0, `${rel}: no functions`);
      for (const d of units) assert.ok(keptWhole(chunks, d.startLine, d.endLine), `${rel}: ${d.container ?? ''}.${d.name} (${d.startLine}-${d.endLine}) is cut`);
    }
  });

  it('cuts text files at blank lines, within the limit', () => {
    const text = Array.from({ length: 6 }, (_, i) => `# Part ${i}\n${'line\n'.repeat(5)}`).join('\n');
    const chunks = chunkText('README.md', text, 15);
    assert.ok(chunks.length >= 3);
    for (const c of chunks) assert.ok(c.endLine - c.startLine + 1 <= 15);
    assert.equal(chunks[0].symbol, 'Part 0');
  });
});
