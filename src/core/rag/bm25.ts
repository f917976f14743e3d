/**
 * BM25 over chunk texts, held in memory as a compact inverted index (typed-array posting lists).
 * Removed documents are dropped lazily: their postings stay until `compact` renumbers the slots,
 * which the owner runs when enough have piled up.
 */
import { termCounts } from './tokenize';

const K1 = 1.2;
const B = 0.75;

interface Postings {
  slots: Int32Array;
  tfs: Uint16Array;
  length: number;
  /** Live documents containing the term. */
  df: number;
}

/** The keyword side of the index. Slots are assigned by the owner (the memory index). */
export interface Bm25Index {
  /** Adds document `slot` with its tokens. */
  add(slot: number, tokens: readonly string[]): void;
  /** Forgets document `slot` (its tokens are needed to keep document frequencies right). */
  remove(slot: number, tokens: readonly string[]): void;
  /** Adds each matching live slot's BM25 score for the weighted query terms into `into`; returns the slots touched. */
  score(query: ReadonlyMap<string, number>, isLive: (slot: number) => boolean, into: Float32Array): number[];
  /** Rewrites every posting list through `renumber` (old slot -> new slot, or -1 when gone). */
  compact(renumber: Int32Array): void;
  readonly terms: number;
}

/** An empty BM25 index. */
export function createBm25Index(): Bm25Index {
  const postings = new Map<string, Postings>();
  const lengths: number[] = [];
  let totalLength = 0;
  let docs = 0;

  return {
    add(slot, tokens) {
      lengths[slot] = tokens.length;
      totalLength += tokens.length;
      docs++;
      for (const [term, tf] of termCounts(tokens)) {
        let p = postings.get(term);
        if (!p) {
          p = { slots: new Int32Array(4), tfs: new Uint16Array(4), length: 0, df: 0 };
          postings.set(term, p);
        }
        if (p.length === p.slots.length) grow(p);
        p.slots[p.length] = slot;
        p.tfs[p.length] = Math.min(tf, 65535);
        p.length++;
        p.df++;
      }
    },
    remove(slot, tokens) {
      totalLength -= lengths[slot] ?? 0;
      docs--;
      for (const term of new Set(tokens)) {
        const p = postings.get(term);
        if (p) p.df--;
      }
    },
    score(query, isLive, into) {
      const touched: number[] = [];
      if (docs === 0) return touched;
      const avg = totalLength / docs;
      for (const [term, qtf] of query) {
        const p = postings.get(term);
        if (!p || p.df === 0) continue;
        const idf = Math.log(1 + (docs - p.df + 0.5) / (p.df + 0.5)) * qtf;
        for (let i = 0; i < p.length; i++) {
          const slot = p.slots[i];
          if (!isLive(slot)) continue;
          const tf = p.tfs[i];
          if (into[slot] === 0) touched.push(slot);
          into[slot] += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * lengths[slot]) / avg));
        }
      }
      return touched;
    },
    compact(renumber) {
      for (const [term, p] of postings) {
        let w = 0;
        for (let i = 0; i < p.length; i++) {
          const next = renumber[p.slots[i]];
          if (next < 0) continue;
          p.slots[w] = next;
          p.tfs[w] = p.tfs[i];
          w++;
        }
        p.length = w;
        if (w === 0) postings.delete(term);
      }
      const old = lengths.slice();
      lengths.length = 0;
      for (let slot = 0; slot < renumber.length; slot++) if (renumber[slot] >= 0) lengths[renumber[slot]] = old[slot];
    },
    get terms() {
      return postings.size;
    },
  };
}

function grow(p: Postings): void {
  const slots = new Int32Array(p.slots.length * 2);
  slots.set(p.slots);
  const tfs = new Uint16Array(p.tfs.length * 2);
  tfs.set(p.tfs);
  p.slots = slots;
  p.tfs = tfs;
}
