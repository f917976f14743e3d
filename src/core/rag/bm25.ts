/**
 * BM25 over chunk texts, held in memory as a compact inverted index (typed-array posting lists).
 * Removed documents are dropped lazily: their postings stay until `compact` renumbers the slots,
 * which the owner runs when enough have piled up.
 */
import { termCounts } from './tokenize';

const K1 = 1.2;
const B = 0.75;

// One typed array per term, slot and term frequency interleaved: most terms occur in one or two
// chunks, and a typed array's fixed overhead is several times its payload at that size.
interface Postings {
  pairs: Int32Array;
  /** Pairs used. */
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
  /** Drops the spare capacity of every list (after a bulk load). */
  trim(): void;
  /** Indexed terms that are the same word as `term` with a suffix more or less (see `relatedTerms`). */
  related(term: string): string[];
  readonly terms: number;
}

/** Shortest term that takes part in prefix matching: shorter ones are prefixes of too much. */
export const MIN_PREFIX = 4;
/** Most related terms one query term brings in (the closest in length first). */
const MAX_RELATED = 4;

/** An empty BM25 index. */
export function createBm25Index(): Bm25Index {
  const postings = new Map<string, Postings>();
  // Terms by their first MIN_PREFIX characters, for prefix matching without scanning the vocabulary.
  const byPrefix = new Map<string, string[]>();
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
          p = { pairs: new Int32Array(2), length: 0, df: 0 };
          postings.set(term, p);
          if (term.length >= MIN_PREFIX && !term.startsWith('#')) {
            const key = term.slice(0, MIN_PREFIX);
            const list = byPrefix.get(key);
            if (list) list.push(term);
            else byPrefix.set(key, [term]);
          }
        }
        if (2 * p.length === p.pairs.length) grow(p);
        p.pairs[2 * p.length] = slot;
        p.pairs[2 * p.length + 1] = tf;
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
        const pairs = p.pairs;
        for (let i = 0; i < 2 * p.length; i += 2) {
          const slot = pairs[i];
          if (!isLive(slot)) continue;
          const tf = pairs[i + 1];
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
          const next = renumber[p.pairs[2 * i]];
          if (next < 0) continue;
          p.pairs[2 * w] = next;
          p.pairs[2 * w + 1] = p.pairs[2 * i + 1];
          w++;
        }
        p.length = w;
        if (w === 0) {
          postings.delete(term);
          const key = term.slice(0, MIN_PREFIX);
          const list = byPrefix.get(key)?.filter((t) => t !== term);
          if (list && list.length > 0) byPrefix.set(key, list);
          else byPrefix.delete(key);
        }
      }
      const old = lengths.slice();
      lengths.length = 0;
      for (let slot = 0; slot < renumber.length; slot++) if (renumber[slot] >= 0) lengths[renumber[slot]] = old[slot];
    },
    trim() {
      for (const p of postings.values()) if (p.pairs.length > 2 * p.length) p.pairs = p.pairs.slice(0, 2 * p.length);
    },
    related(term) {
      const live = (t: string): boolean => (postings.get(t)?.df ?? 0) > 0;
      return relatedTerms(term, byPrefix.get(term.slice(0, MIN_PREFIX)) ?? [], live);
    },
    get terms() {
      return postings.size;
    },
  };
}

function grow(p: Postings): void {
  const pairs = new Int32Array(p.pairs.length * 2);
  pairs.set(p.pairs);
  p.pairs = pairs;
}

/**
 * Terms of `candidates` (indexed terms sharing `term`'s first characters) that are `term` with a
 * suffix added or dropped: a stemmer leaves "slugify" and "slug", or "visitor" and "visit",
 * apart, and prose and code often pick different ones of such a pair. Both words must keep at
 * least MIN_PREFIX characters and the shorter must be most of the longer, so "test" does not
 * reach "testament" nor "parse" reach "par".
 */
export function relatedTerms(term: string, candidates: readonly string[], live: (t: string) => boolean): string[] {
  if (term.length < MIN_PREFIX || term.startsWith('#')) return [];
  const out: string[] = [];
  for (const other of candidates) {
    if (other === term || !live(other)) continue;
    const [short, long] = other.length < term.length ? [other, term] : [term, other];
    if (long.startsWith(short) && short.length >= 0.55 * long.length) out.push(other);
  }
  return out.sort((a, b) => Math.abs(a.length - term.length) - Math.abs(b.length - term.length) || (a < b ? -1 : 1)).slice(0, MAX_RELATED);
}
