/**
 * Vector similarity without scanning every chunk: an inverted index from dimension to the chunks
 * with a non-zero value there (values quantised to 8 bits). A query visits only the posting lists
 * of its own non-zero dimensions, which for short queries over hashed vectors is a few percent of
 * the work of a full scan. Removed chunks are dropped lazily, as in the BM25 index.
 */

interface DimPostings {
  slots: Int32Array;
  values: Int8Array;
  length: number;
}

/** The vector side of the memory index. */
export interface VectorPostings {
  add(slot: number, vector: Float32Array): void;
  /** Adds each live slot's dot product with `query` into `into`; returns the slots touched. */
  score(query: Float32Array, isLive: (slot: number) => boolean, into: Float32Array): number[];
  /** Rewrites every posting list through `renumber` (old slot -> new slot, or -1 when gone). */
  compact(renumber: Int32Array): void;
  /** Drops the spare capacity of every list (after a bulk load). */
  trim(): void;
}

const SCALE = 127;

/** Empty postings for vectors of `dimensions`. */
export function createVectorPostings(dimensions: number): VectorPostings {
  const dims: DimPostings[] = Array.from({ length: dimensions }, () => ({ slots: new Int32Array(16), values: new Int8Array(16), length: 0 }));
  return {
    add(slot, vector) {
      for (let d = 0; d < vector.length && d < dimensions; d++) {
        const q = Math.round(vector[d] * SCALE);
        if (q === 0) continue;
        const p = dims[d];
        if (p.length === p.slots.length) grow(p);
        p.slots[p.length] = slot;
        p.values[p.length] = q;
        p.length++;
      }
    },
    score(query, isLive, into) {
      const touched: number[] = [];
      for (let d = 0; d < query.length && d < dimensions; d++) {
        const weight = query[d] / SCALE;
        if (weight === 0) continue;
        const { slots, values, length } = dims[d];
        for (let i = 0; i < length; i++) {
          const slot = slots[i];
          if (into[slot] === 0) {
            if (!isLive(slot)) continue;
            // A tiny seed marks the slot as touched even if its dot product sums to exactly zero.
            into[slot] = 1e-30;
            touched.push(slot);
          }
          into[slot] += weight * values[i];
        }
      }
      return touched;
    },
    trim() {
      for (const p of dims) {
        if (p.slots.length === p.length) continue;
        p.slots = p.slots.slice(0, p.length);
        p.values = p.values.slice(0, p.length);
      }
    },
    compact(renumber) {
      for (const p of dims) {
        let w = 0;
        for (let i = 0; i < p.length; i++) {
          const next = renumber[p.slots[i]];
          if (next < 0) continue;
          p.slots[w] = next;
          p.values[w] = p.values[i];
          w++;
        }
        p.length = w;
      }
    },
  };
}

function grow(p: DimPostings): void {
  const slots = new Int32Array(p.slots.length * 2);
  slots.set(p.slots);
  const values = new Int8Array(p.values.length * 2);
  values.set(p.values);
  p.slots = slots;
  p.values = values;
}
