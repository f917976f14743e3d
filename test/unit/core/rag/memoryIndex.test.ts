import assert from 'node:assert/strict';
import { hashedVector } from '../../../../src/core/rag/embedding';
import { createMemoryIndex, nameCoverage, searchableText, weightedQuery, withoutNearDuplicates, withRelatedTerms } from '../../../../src/core/rag/memoryIndex';
import type { StoredChunk } from '../../../../src/core/rag/types';

const DIMS = 512;

function chunk(path: string, symbol: string, text: string, symbols: readonly string[] = symbol ? [symbol] : []): StoredChunk {
  return { path, startLine: 1, endLine: text.split('\n').length, language: 'typescript', kind: 'function', symbol, symbols, text, source: 'workspace', context: '' };
}

function indexOf(chunks: readonly StoredChunk[]) {
  const index = createMemoryIndex(DIMS);
  chunks.forEach((c, i) => index.setFile(`workspace:f${i}`, [c], [hashedVector(searchableText(c), DIMS)]));
  return {
    search: (query: string, k: number): string[] => index.search(query, hashedVector(query, DIMS), k, 'weighted').map((h) => `${h.chunk.path}#${h.chunk.symbol}`),
  };
}

describe('memory index ranking', () => {
  it('counts how much of a chunk name the query covers, best over its names', () => {
    const terms = withRelatedTerms(weightedQuery('turn a title into a slug'), (t) => (t === 'slug' ? ['slugifi'] : []));
    assert.equal(nameCoverage(chunk('a.ts', 'slugify', ''), terms), 0.5, 'a related word counts at its weaker weight');
    assert.equal(nameCoverage(chunk('a.ts', 'Title.render', '', ['Title.render', 'titleCase']), weightedQuery('title case')), 1);
    assert.equal(nameCoverage(chunk('a.ts', 'parseUrl', ''), terms), 0);
  });

  it('reaches code named with a longer form of the query word (slug -> slugify)', () => {
    const index = indexOf([
      chunk('src/title.ts', 'formatTitle', 'export function formatTitle(title: string): string {\n  // a title in title case\n  return title.trim();\n}'),
      chunk('src/text.ts', 'slugify', "export function slugify(title: string): string {\n  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-');\n}"),
    ]);
    assert.equal(index.search('make a slug from a title', 1)[0], 'src/text.ts#slugify');
  });

  it('matches two query words against the middle of a longer name (plain object -> isPlainObject)', () => {
    const index = indexOf([
      chunk('src/a.ts', 'isPlainObject', 'export function isPlainObject(value: unknown): boolean {\n  if (typeof value !== "object" || value === null) return false;\n  const proto = Object.getPrototypeOf(value);\n  return proto === Object.prototype || proto === null;\n}'),
      chunk('src/b.ts', 'toPlainText', 'export function toPlainText(plain: string): string {\n  // the plain value of a value: plain words of plain text, for a plain value\n  return plain.trim();\n}', ['toPlainText', 'isPlain']),
    ]);
    assert.equal(index.search('is the value a plain object', 1)[0], 'src/a.ts#isPlainObject');
  });

  it('puts the chunk named what the query asks for above one that only repeats its words', () => {
    const index = indexOf([
      chunk('src/jobs.ts', 'scheduleJob', 'export function scheduleJob(job: Job): void {\n  // on failure: retry after a delay; each retry doubles the delay before the next retry\n  queue.push(job, { retry: true, delay: job.delay });\n}'),
      chunk('src/backoff.ts', 'retryDelay', 'export function retryDelay(attempt: number, base: number, ceiling: number): number {\n  // how long to wait before the next attempt\n  const exponential = base * 2 ** attempt;\n  const jitter = Math.random() * base;\n  return Math.min(ceiling, exponential + jitter);\n}'),
    ]);
    assert.equal(index.search('delay before a retry', 1)[0], 'src/backoff.ts#retryDelay');
  });

  it('counts a query word that names the file as much for a long chunk as for a short one (path field)', () => {
    const steps = ['const entry = store.get(key);', 'if (!entry) return undefined;', 'const age = now - entry.savedAt;', 'if (age > limit) store.delete(key);', 'log.debug(key, age);', 'entry.hits += 1;', 'store.set(key, entry);', 'metrics.count(key);'];
    const body = Array.from({ length: 32 }, (_, i) => steps[i % steps.length]).join('\n  ');
    const index = indexOf([
      chunk('src/core/pagination.ts', 'loadMore', `export async function loadMore(state: State): Promise<Items> {\n  ${body}\n  return fetchAfter(state.cursor);\n}`),
      chunk('src/list/items.ts', 'firstItems', 'export function firstItems(items: Item[], cursor: Cursor): Item[] {\n  // the cursor marks where the items start; a cursor past the end gives none\n  return items.slice(cursor.at);\n}'),
      chunk('src/render/table.ts', 'renderTable', 'export function renderTable(rows: Row[]): string {\n  return rows.map((r) => r.cells.join(" | ")).join("\\n");\n}'),
    ]);
    // In the long chunk's own text, "pagination" is one word of hundreds; the short chunk says "cursor" three times.
    assert.equal(index.search('pagination cursor', 1)[0], 'src/core/pagination.ts#loadMore');
  });

  it('keeps one of several near-identical copies in the top k', () => {
    const body = 'export function getParsedType(data: unknown): string {\n  if (data === null) return "null";\n  if (Array.isArray(data)) return "array";\n  return typeof data;\n}';
    const index = indexOf([
      chunk('v3/util.ts', 'getParsedType', body),
      chunk('v4/util.ts', 'getParsedType', body),
      chunk('v4/types.ts', 'typeName', 'export function typeName(data: unknown): string {\n  return data === null ? "null" : typeof data;\n}'),
    ]);
    const top = index.search('what type of data was received', 2);
    assert.equal(top.length, 2);
    assert.equal(top.filter((t) => t.endsWith('#getParsedType')).length, 1, top.join(', '));
    assert.ok(top.includes('v4/types.ts#typeName'));
  });

  it('drops only copies: different chunks stay even when they share many words', () => {
    const a = chunk('a.ts', 'pick', 'export function pick(shape, keys) {\n  const out = {};\n  for (const key of keys) out[key] = shape[key];\n  return out;\n}');
    const b = chunk('b.ts', 'omit', 'export function omit(shape, keys) {\n  const out = { ...shape };\n  for (const key of keys) delete out[key];\n  return out;\n}');
    const kept = withoutNearDuplicates([{ chunk: a, score: 2 }, { chunk: a, score: 1.5 }, { chunk: b, score: 1 }], 3);
    assert.deepEqual(kept.map((h) => h.chunk.path), ['a.ts', 'b.ts']);
  });
});
