/**
 * The searchable form of the index, in memory: chunk records, their sparse vectors and a BM25
 * inverted index. Queries never touch the disk. Files are replaced whole; freed slots are
 * renumbered away once they pile up.
 */
import { createBm25Index } from './bm25';
import { HASHED_DIMENSIONS } from './embedding';
import { fuse, type FusionMode } from './hybrid';
import { synonymsOf } from './synonyms';
import { PAIR, termCounts, tokenize } from './tokenize';
import { topK, type Scored } from './topK';
import type { StoredChunk } from './types';
import { createVectorPostings } from './vectorPostings';

/** A chunk with its search score. */
export interface ScoredChunk {
  readonly chunk: StoredChunk;
  readonly score: number;
}

/** The in-memory search structure. */
export interface MemoryIndex {
  /** Replaces every chunk of `fileKey` with `chunks` (vectors in the same order). */
  setFile(fileKey: string, chunks: readonly StoredChunk[], vectors: readonly Float32Array[]): void;
  removeFile(fileKey: string): void;
  hasFile(fileKey: string): boolean;
  fileKeys(): IterableIterator<string>;
  /** Best `k` chunks for the query text and its vector. */
  search(query: string, queryVector: Float32Array, k: number, mode: FusionMode): ScoredChunk[];
  /** Releases spare capacity after a bulk load (lists grow by doubling). */
  trim(): void;
  /** Live chunks. */
  readonly size: number;
}

interface Doc {
  readonly chunk: StoredChunk;
}

const TEST_WORDS = /\b(tests?|spec|specs|testing|mocha|jest|vitest|pytest|fixtures?|benchmarks?|mock\w*)\b/i;
const TEST_PATHS = /(^|\/)(tests?|__tests__|specs?|benchmarks?|fixtures?)\/|\.(test|spec|bench)\.[a-z]+$|(^|\/)test_[^/]*\.py$/i;

/**
 * Tests mention every name of the code they test, so they outrank the code itself for most
 * queries; unless the query asks for tests, they count for less.
 */
export function pathPrior(path: string): number {
  return TEST_PATHS.test(path) ? 0.3 : 1;
}

const ARTICLES = new Set(['a', 'an', 'the']);

/** Weight of a synonym relative to a word the query used. */
const SYNONYM_WEIGHT = 0.3;
/** Weight of two query words joined against a pair of parts inside a longer identifier. */
const PAIR_WEIGHT = 0.5;
/** Weight of an indexed word that is a query word with a suffix more or less ("slug" / "slugify"). */
const RELATED_WEIGHT = 0.5;

/** `terms` plus, for each query word, the indexed words related to it by a suffix (weaker). */
export function withRelatedTerms(terms: ReadonlyMap<string, number>, related: (term: string) => readonly string[]): Map<string, number> {
  const out = new Map(terms);
  for (const [term, weight] of terms) {
    for (const other of related(term)) if (!out.has(other)) out.set(other, weight * RELATED_WEIGHT);
  }
  return out;
}

/** Query terms with their weights: the query's own (by count) and their synonyms, weaker. */
export function weightedQuery(query: string): Map<string, number> {
  const terms = termCounts(tokenize(query));
  for (const term of [...terms.keys()]) {
    for (const synonym of synonymsOf(term)) if (!terms.has(synonym)) terms.set(synonym, SYNONYM_WEIGHT);
  }
  // Prose writes "safe parse" or "error map" where code writes safeParse and errorMap: adjacent
  // words joined match whole identifiers (the index keeps those as '#name' tokens).
  const words = (query.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((w) => !ARTICLES.has(w));
  for (let i = 0; i + 1 < words.length; i++) {
    for (const joined of [words[i] + words[i + 1], i + 2 < words.length ? words[i] + words[i + 1] + words[i + 2] : '']) {
      if (joined.length > 5 && !terms.has(`#${joined}`)) terms.set(`#${joined}`, 1);
      if (joined.length > 5 && joined === words[i] + words[i + 1] && !terms.has(`${PAIR}${joined}`)) terms.set(`${PAIR}${joined}`, PAIR_WEIGHT);
    }
  }
  return terms;
}

/** How deep each side's list goes before fusion. */
const CANDIDATES = 50;

/** Text that is scored for a chunk: the hidden context, the path and names, then the code. */
export function searchableText(chunk: StoredChunk): string {
  // Names twice: a chunk is about what it declares more than about what it mentions.
  const names = chunk.symbols.join(' ');
  return `${chunk.context}\n${chunk.path}\n${names}\n${names}\n${chunk.text}`;
}

/**
 * Weight of the path as a keyword field of its own, beside the chunk's text. Inside the text the
 * path is a few words among hundreds, so a query word naming the file (pagination, query,
 * throttling) hardly counts for a long chunk; the path field is short for every chunk, so it counts
 * the same for all of them.
 */
const PATH_FIELD_WEIGHT = 0.25;

/** Most a chunk's score grows when the query names every part of its main symbol. */
const NAME_BOOST = 0.3;

/**
 * How much of the chunk's name the query covers, 0..1: the share of the name's word parts that
 * are query terms (by their weight, capped at 1), best over the names the chunk declares. A
 * chunk called what the query describes ("slugify" for "make a slug") is what it asks for, more
 * than one that only mentions those words.
 */
export function nameCoverage(chunk: StoredChunk, terms: ReadonlyMap<string, number>): number {
  let best = 0;
  for (const symbol of chunk.symbols) {
    const last = symbol.slice(symbol.lastIndexOf('.') + 1);
    const parts = tokenize(last).filter((t) => !t.startsWith('#') && !t.startsWith(PAIR));
    if (parts.length === 0) continue;
    let covered = 0;
    for (const part of parts) covered += Math.min(1, terms.get(part) ?? 0);
    best = Math.max(best, covered / parts.length);
  }
  return best;
}

/** Two chunks whose sets of tokens overlap this much (Jaccard) are copies of one piece of code. */
export const DUPLICATE_SIMILARITY = 0.9;

/**
 * The first `k` of `ranked` with near-identical copies of a better-ranked chunk left out: a
 * codebase that vendors or versions the same function (v3 and v4, a mini and a classic build)
 * would otherwise fill the top ranks with one answer several times.
 */
export function withoutNearDuplicates(ranked: readonly ScoredChunk[], k: number): ScoredChunk[] {
  const kept: ScoredChunk[] = [];
  const keptTerms: Set<string>[] = [];
  for (const hit of ranked) {
    if (kept.length >= k) break;
    const terms = new Set(tokenize(hit.chunk.text));
    if (keptTerms.some((other) => jaccard(terms, other) >= DUPLICATE_SIMILARITY)) continue;
    kept.push(hit);
    keptTerms.push(terms);
  }
  return kept;
}

function scaled(terms: ReadonlyMap<string, number>, factor: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const [term, weight] of terms) out.set(term, weight * factor);
  return out;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let both = 0;
  for (const t of a) if (b.has(t)) both++;
  return both / (a.size + b.size - both);
}

/** An empty memory index for vectors of `dimensions`. */
export function createMemoryIndex(dimensions = HASHED_DIMENSIONS): MemoryIndex {
  let docs: (Doc | null)[] = [];
  const byFile = new Map<string, number[]>();
  const bm25 = createBm25Index();
  const pathField = createBm25Index();
  const vectors = createVectorPostings(dimensions);
  let live = 0;
  let dead = 0;
  let scratch = new Float32Array(0);
  const isLive = (slot: number): boolean => docs[slot] !== null;

  function removeFile(fileKey: string): void {
    const slots = byFile.get(fileKey);
    if (!slots) return;
    for (const slot of slots) {
      const doc = docs[slot];
      if (!doc) continue;
      bm25.remove(slot, tokenize(searchableText(doc.chunk)));
      pathField.remove(slot, tokenize(doc.chunk.path));
      docs[slot] = null;
      live--;
      dead++;
    }
    byFile.delete(fileKey);
    if (dead > 2000 && dead > live / 4) compact();
  }

  function compact(): void {
    const renumber = new Int32Array(docs.length).fill(-1);
    const kept: Doc[] = [];
    docs.forEach((doc, slot) => {
      if (doc) {
        renumber[slot] = kept.length;
        kept.push(doc);
      }
    });
    bm25.compact(renumber);
    pathField.compact(renumber);
    vectors.compact(renumber);
    for (const slots of byFile.values()) for (let i = 0; i < slots.length; i++) slots[i] = renumber[slots[i]];
    docs = kept;
    dead = 0;
  }

  return {
    setFile(fileKey, chunks, vectorsIn) {
      removeFile(fileKey);
      const slots: number[] = [];
      const pathTokens = chunks.length > 0 ? tokenize(chunks[0].path) : [];
      chunks.forEach((chunk, i) => {
        const slot = docs.length;
        docs.push({ chunk });
        vectors.add(slot, vectorsIn[i]);
        bm25.add(slot, tokenize(searchableText(chunk)));
        pathField.add(slot, pathTokens);
        slots.push(slot);
        live++;
      });
      if (slots.length > 0) byFile.set(fileKey, slots);
    },
    removeFile,
    trim() {
      bm25.trim();
      pathField.trim();
      vectors.trim();
    },
    hasFile: (fileKey) => byFile.has(fileKey),
    fileKeys: () => byFile.keys(),
    search(query, queryVector, k, mode) {
      if (live === 0 || k <= 0) return [];
      if (scratch.length < docs.length) scratch = new Float32Array(docs.length * 2);
      const depth = Math.max(CANDIDATES, k);
      const terms = withRelatedTerms(weightedQuery(query), (t) => bm25.related(t));
      let keyword: Scored[] = [];
      let vector: Scored[] = [];
      if (mode !== 'vector') {
        scratch.fill(0, 0, docs.length);
        const touched = bm25.score(terms, isLive, scratch);
        // Adds into the same scores; only slots the text side missed come back here.
        for (const slot of pathField.score(scaled(terms, PATH_FIELD_WEIGHT), isLive, scratch)) touched.push(slot);
        keyword = topK(scratch, touched, depth);
      }
      if (mode !== 'keyword') {
        scratch.fill(0, 0, docs.length);
        const touched = vectors.score(queryVector, isLive, scratch);
        vector = topK(scratch, touched, depth);
      }
      const wantsTests = TEST_WORDS.test(query);
      const ranked = fuse(keyword, vector, mode, depth * 2)
        .map((s) => {
          const chunk = (docs[s.slot] as Doc).chunk;
          const prior = (wantsTests ? 1 : pathPrior(chunk.path)) * (mode === 'weighted' || mode === 'rrf' ? 1 + NAME_BOOST * nameCoverage(chunk, terms) : 1);
          return { chunk, score: s.score * prior };
        })
        .sort((a, b) => b.score - a.score);
      return withoutNearDuplicates(ranked, k);
    },
    get size() {
      return live;
    },
  };
}
