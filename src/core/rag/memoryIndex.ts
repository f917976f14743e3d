/**
 * The searchable form of the index, in memory: chunk records, their sparse vectors and a BM25
 * inverted index. Queries never touch the disk. Files are replaced whole; freed slots are
 * renumbered away once they pile up.
 */
import { createBm25Index } from './bm25';
import { fuse, type FusionMode } from './hybrid';
import { tokenize } from './tokenize';
import { topK, type Scored } from './topK';
import type { StoredChunk } from './types';

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
  /** Live chunks. */
  readonly size: number;
}

interface Doc {
  readonly chunk: StoredChunk;
  readonly cols: Uint16Array;
  readonly vals: Float32Array;
}

const TEST_WORDS = /\b(tests?|spec|specs|testing|mocha|jest|vitest|pytest|fixtures?|benchmarks?|mock\w*)\b/i;
const TEST_PATHS = /(^|\/)(tests?|__tests__|specs?|benchmarks?|fixtures?)\/|\.(test|spec|bench)\.[a-z]+$|(^|\/)test_[^/]*\.py$/i;

/**
 * Tests mention every name of the code they test, so they outrank the code itself for most
 * queries; unless the query asks for tests, they count for less.
 */
export function pathPrior(path: string): number {
  return TEST_PATHS.test(path) ? 0.6 : 1;
}

/** How deep each side's list goes before fusion. */
const CANDIDATES = 50;

/** Text that is scored for a chunk: the hidden context, the path and names, then the code. */
export function searchableText(chunk: StoredChunk): string {
  // Names twice: a chunk is about what it declares more than about what it mentions.
  const names = chunk.symbols.join(' ');
  return `${chunk.context}\n${chunk.path}\n${names}\n${names}\n${chunk.text}`;
}

/** An empty memory index. */
export function createMemoryIndex(): MemoryIndex {
  let docs: (Doc | null)[] = [];
  const byFile = new Map<string, number[]>();
  const bm25 = createBm25Index();
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
    for (const slots of byFile.values()) for (let i = 0; i < slots.length; i++) slots[i] = renumber[slots[i]];
    docs = kept;
    dead = 0;
  }

  function vectorScores(queryVector: Float32Array, into: Float32Array): void {
    for (let slot = 0; slot < docs.length; slot++) {
      const doc = docs[slot];
      if (!doc) continue;
      const { cols, vals } = doc;
      let dot = 0;
      for (let i = 0; i < cols.length; i++) dot += vals[i] * queryVector[cols[i]];
      into[slot] = dot;
    }
  }

  return {
    setFile(fileKey, chunks, vectors) {
      removeFile(fileKey);
      const slots: number[] = [];
      chunks.forEach((chunk, i) => {
        const slot = docs.length;
        docs.push({ chunk, ...sparse(vectors[i]) });
        bm25.add(slot, tokenize(searchableText(chunk)));
        slots.push(slot);
        live++;
      });
      if (slots.length > 0) byFile.set(fileKey, slots);
    },
    removeFile,
    hasFile: (fileKey) => byFile.has(fileKey),
    fileKeys: () => byFile.keys(),
    search(query, queryVector, k, mode) {
      if (live === 0 || k <= 0) return [];
      if (scratch.length < docs.length) scratch = new Float32Array(docs.length * 2);
      const depth = Math.max(CANDIDATES, k);
      let keyword: Scored[] = [];
      let vector: Scored[] = [];
      if (mode !== 'vector') {
        scratch.fill(0, 0, docs.length);
        const touched = bm25.score(tokenize(query), isLive, scratch);
        keyword = topK(scratch, touched, depth);
      }
      if (mode !== 'keyword') {
        scratch.fill(0, 0, docs.length);
        vectorScores(queryVector, scratch);
        vector = topK(scratch, range(docs.length), depth);
      }
      const wantsTests = TEST_WORDS.test(query);
      return fuse(keyword, vector, mode, depth * 2)
        .map((s) => {
          const chunk = (docs[s.slot] as Doc).chunk;
          return { chunk, score: s.score * (wantsTests ? 1 : pathPrior(chunk.path)) };
        })
        .sort((a, b) => b.score - a.score)
        .slice(0, k);
    },
    get size() {
      return live;
    },
  };
}

// Hashed vectors are mostly zeros: keeping the non-zero entries makes a scan ~5x cheaper.
function sparse(vector: Float32Array): { cols: Uint16Array; vals: Float32Array } {
  let n = 0;
  for (let i = 0; i < vector.length; i++) if (vector[i] !== 0) n++;
  const cols = new Uint16Array(n);
  const vals = new Float32Array(n);
  let w = 0;
  for (let i = 0; i < vector.length; i++) {
    if (vector[i] !== 0) {
      cols[w] = i;
      vals[w] = vector[i];
      w++;
    }
  }
  return { cols, vals };
}

function* range(n: number): IterableIterator<number> {
  for (let i = 0; i < n; i++) yield i;
}
