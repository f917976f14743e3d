import assert from 'node:assert/strict';
import { createBm25Index, relatedTerms } from '../../../../src/core/rag/bm25';
import { tokenize } from '../../../../src/core/rag/tokenize';

const live = (): boolean => true;

describe('bm25 related terms', () => {
  it('relates a word to the same word with a suffix added or dropped, closest length first', () => {
    assert.deepEqual(relatedTerms('slug', ['slugifi', 'slug', 'slugger'], live), ['slugger', 'slugifi']);
    assert.deepEqual(relatedTerms('visitor', ['visit', 'visib'], live), ['visit']);
  });

  it('leaves out short words, far longer words, whole-name tokens and terms no live chunk has', () => {
    assert.deepEqual(relatedTerms('par', ['pars', 'parser'], live), []);
    assert.deepEqual(relatedTerms('test', ['testament'], live), []);
    assert.deepEqual(relatedTerms('#slug', ['#slugify'], live), []);
    assert.deepEqual(relatedTerms('slug', ['slugifi'], (t) => t !== 'slugifi'), []);
  });

  it('finds related terms among the indexed ones and forgets them once their chunks are compacted away', () => {
    const index = createBm25Index();
    index.add(0, tokenize('export function slugify(input) { return input.toLowerCase(); }'));
    index.add(1, tokenize('export function visit(node) { return node; }'));
    assert.deepEqual(index.related('slug'), ['slugifi']);
    assert.deepEqual(index.related('visitor'), ['visit']);
    index.remove(0, tokenize('export function slugify(input) { return input.toLowerCase(); }'));
    assert.deepEqual(index.related('slug'), [], 'a removed chunk no longer lends its words');
    index.compact(Int32Array.from([-1, 0]));
    assert.deepEqual(index.related('slug'), []);
    assert.deepEqual(index.related('visitor'), ['visit']);
  });

  it('scores a chunk through a related term when the query weights it', () => {
    const index = createBm25Index();
    index.add(0, tokenize('export function slugify(input) { return input.trim(); }'));
    index.add(1, tokenize('export function parseUrl(input) { return new URL(input); }'));
    const into = new Float32Array(2);
    const touched = index.score(new Map([['slug', 1]]), live, into);
    assert.deepEqual(touched, [], 'the stem alone matches nothing');
    const related = index.score(new Map([['slug', 1], ...index.related('slug').map((t) => [t, 0.5] as [string, number])]), live, into);
    assert.deepEqual(related, [0]);
  });
});
