import assert from 'node:assert/strict';
import type { Tree } from 'web-tree-sitter';
import type { LanguageId } from '../../../../src/core/parse/languages';
import type { MultiLanguageParser } from '../../../../src/core/parse/multiLanguageParser';
import { createTreeCache } from '../../../../src/core/parse/treeCache';
import { noAbort, testParser } from './parseHelper';

/** Wraps the real parser to count parses and deletions. */
function countingParser(): { parser: MultiLanguageParser; parses: () => number; live: () => number } {
  const real = testParser();
  let parses = 0;
  let live = 0;
  const parser: MultiLanguageParser = {
    ...real,
    async parse(text: string, language: LanguageId, signal: AbortSignal): Promise<Tree> {
      const tree = await real.parse(text, language, signal);
      parses++;
      live++;
      const del = tree.delete.bind(tree);
      tree.delete = () => { live--; del(); };
      return tree;
    },
  };
  return { parser, parses: () => parses, live: () => live };
}

describe('TreeCache', () => {
  it('parses a text once for several users', async () => {
    const { parser, parses } = countingParser();
    const cache = createTreeCache(parser, 2);
    const a = await cache.use('const a = 1;', 'typescript', noAbort, (t) => t.rootNode.namedChildCount);
    const b = await cache.use('const a = 1;', 'typescript', noAbort, (t) => t.rootNode.type);
    assert.equal(a, 1);
    assert.equal(b, 'program');
    assert.equal(parses(), 1);
    cache.dispose();
  });

  it('deletes evicted trees and everything on dispose', async () => {
    const { parser, live } = countingParser();
    const cache = createTreeCache(parser, 2);
    for (let i = 0; i < 5; i++) await cache.use(`x = ${i}`, 'python', noAbort, () => undefined);
    assert.equal(live(), 2);
    cache.dispose();
    assert.equal(live(), 0);
  });

  it('keeps one tree when two callers parse the same new text at once', async () => {
    const { parser, live } = countingParser();
    const cache = createTreeCache(parser, 4);
    const results = await Promise.all([1, 2, 3].map(() => cache.use('let z = 3;', 'javascript', noAbort, (t) => t.rootNode.text)));
    assert.deepEqual(results, ['let z = 3;', 'let z = 3;', 'let z = 3;']);
    assert.equal(live(), 1);
    cache.dispose();
  });
});
