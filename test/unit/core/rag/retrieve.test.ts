import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RetrievedChunk, VectorIndex } from '../../../../src/core/ports';
import { noopVectorIndex } from '../../../../src/core/rag/noopVectorIndex';
import { dedupe, estimateTokens, retrieveForPrompt } from '../../../../src/core/rag/retrieve';
import { createWorkspaceRag } from '../../../../src/core/rag/workspaceRag';
import { capturingLogger } from '../testDoubles';
import { cleanup, noAbort, sharedParser, tempDir, tsFunction, writeFiles } from './helpers';

function chunk(path: string, startLine: number, endLine: number, score: number, text = `code of ${path}:${startLine}`): RetrievedChunk {
  return { path, startLine, endLine, symbol: `s${startLine}`, text, score, source: 'workspace' };
}

function fixedIndex(chunks: RetrievedChunk[]): VectorIndex {
  return { search: (_q, k) => Promise.resolve(chunks.slice(0, k)) };
}

describe('rag retrieval for prompts', () => {
  it('drops identical texts and ranges overlapping a better chunk of the same file', () => {
    const kept = dedupe([
      chunk('a.ts', 1, 10, 0.9),
      chunk('a.ts', 5, 12, 0.8),
      chunk('b.ts', 1, 10, 0.7, 'code of a.ts:1'),
      chunk('a.ts', 11, 20, 0.6),
    ]);
    assert.deepEqual(kept.map((c) => `${c.path}:${c.startLine}`), ['a.ts:1', 'a.ts:11']);
  });

  it('stays within the token budget and k, skipping a chunk too big for what is left', async () => {
    const big = chunk('big.ts', 1, 200, 0.95, 'x'.repeat(4000));
    const small = [1, 2, 3, 4, 5].map((i) => chunk(`s${i}.ts`, 1, 5, 0.9 - i / 100, `const v${i} = ${i};`));
    const result = await retrieveForPrompt(fixedIndex([big, ...small]), 'q', { k: 3, tokenBudget: 300 }, noAbort);
    assert.deepEqual(result.used.map((u) => u.path), ['s1.ts', 's2.ts', 's3.ts']);
    assert.ok(result.tokens <= 300, `${result.tokens} tokens`);
    assert.equal(result.tokens, estimateTokens(result.text));
    assert.match(result.text, /^<retrieved_context>/);
    assert.match(result.text, /### workspace: s1\.ts:1-5 \(s1\)\n```typescript\nconst v1 = 1;\n```/);
    assert.deepEqual(Object.keys(result.used[0]).sort(), ['endLine', 'path', 'score', 'source', 'startLine', 'symbol', 'tokens']);
  });

  it('returns an empty block when nothing fits or nothing is found', async () => {
    assert.equal((await retrieveForPrompt(fixedIndex([]), 'q', { k: 5, tokenBudget: 1000 }, noAbort)).text, '');
    assert.equal((await retrieveForPrompt(fixedIndex([chunk('a.ts', 1, 2, 1, 'y'.repeat(9000))]), 'q', { k: 5, tokenBudget: 500 }, noAbort)).used.length, 0);
  });

  it('with RAG off is the no-op index and touches nothing on disk', async () => {
    const ws = tempDir('off');
    try {
      writeFiles(ws, { 'a.ts': tsFunction('something', 2) });
      const rag = createWorkspaceRag({ enableRag: false, indexDir: join(ws, '.mge/index'), workspaceDir: ws, parser: sharedParser(), logger: capturingLogger() });
      assert.equal(rag.vectorIndex, noopVectorIndex);
      await rag.indexed;
      assert.deepEqual(await rag.vectorIndex.search('something', 5, noAbort), []);
      assert.equal(existsSync(join(ws, '.mge')), false);
    } finally {
      cleanup(ws);
    }
  });

  it('with RAG on indexes in the background and re-indexes files a watcher reports', async () => {
    const ws = tempDir('on');
    try {
      writeFiles(ws, { 'a.ts': tsFunction('firstFeature', 2) });
      const rag = createWorkspaceRag({ enableRag: true, indexDir: join(ws, '.mge/index'), workspaceDir: ws, parser: sharedParser(), logger: capturingLogger(), examplesDir: null, debounceMs: 10 });
      await rag.indexed;
      assert.equal((await rag.vectorIndex.search('firstFeature', 1, noAbort))[0]?.path, 'a.ts');
      writeFiles(ws, { 'b.ts': tsFunction('secondFeature', 2) });
      rag.touch('b.ts');
      let found = '';
      for (let i = 0; i < 50 && found !== 'b.ts'; i++) {
        await new Promise((r) => setTimeout(r, 20));
        found = (await rag.vectorIndex.search('secondFeature', 1, noAbort))[0]?.path ?? '';
      }
      assert.equal(found, 'b.ts');
      rag.dispose();
    } finally {
      cleanup(ws);
    }
  });
});
