/**
 * Embeddings behind one port, so a real model can replace the default later. The default needs
 * no download: a hashed bag of code sub-tokens (signed feature hashing into a fixed number of
 * dimensions, sub-linear term frequency, L2-normalised).
 */
import { PAIR, termCounts, tokenize } from './tokenize';

/** Turns texts into vectors of one fixed size. Implementations must be deterministic per `id`. */
export interface EmbeddingProvider {
  /** Persisted with the index: a different id (or dimension count) means the index is rebuilt. */
  readonly id: string;
  readonly dimensions: number;
  /** One L2-normalised vector per text, in order. */
  embed(texts: readonly string[], signal: AbortSignal): Promise<Float32Array[]>;
}

/** Dimensions of the default hashed embedding. */
export const HASHED_DIMENSIONS = 512;

// Hashing a few thousand chunks takes milliseconds each; yield between slices so a big
// (re)index never holds the event loop for long.
const SLICE = 256;

/** The offline default: hashed sub-token vectors. */
export function createHashedEmbeddingProvider(dimensions = HASHED_DIMENSIONS): EmbeddingProvider {
  return {
    id: `hashed-subtokens-v2-${dimensions}`,
    dimensions,
    async embed(texts, signal) {
      const out: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += SLICE) {
        signal.throwIfAborted();
        for (const text of texts.slice(i, i + SLICE)) out.push(hashedVector(text, dimensions));
        if (i + SLICE < texts.length) await new Promise<void>((resolve) => setImmediate(resolve));
      }
      return out;
    },
  };
}

/** The hashed vector of one text (synchronous; the provider slices big batches around it). */
export function hashedVector(text: string, dimensions: number): Float32Array {
  const vector = new Float32Array(dimensions);
  for (const [term, count] of termCounts(tokenize(text))) {
    // Pairs of identifier parts only repeat what the parts and the whole name already put in.
    if (term.startsWith(PAIR)) continue;
    const tf = 1 + Math.log(count);
    // Whole identifiers ('#name') are rarer and more telling than their parts.
    add(vector, term, tf * (term.startsWith('#') ? 1.5 : 1));
    // Trigrams let 'slug' meet 'slugify' and 'hex' meet 'hexToBytes' where whole tokens differ.
    const word = term.startsWith('#') ? term.slice(1) : term;
    if (word.length >= 5) for (let i = 0; i + 3 <= word.length; i++) add(vector, `~${word.slice(i, i + 3)}`, tf * TRIGRAM_WEIGHT);
  }
  return normalize(vector);
}

const TRIGRAM_WEIGHT = 0.25;

function add(vector: Float32Array, feature: string, weight: number): void {
  const h = fnv1a(feature);
  // A second, independent bit decides the sign, so colliding features cancel out on average.
  const sign = Math.imul(h, 0x9e3779b1) >>> 31 === 0 ? 1 : -1;
  vector[h % vector.length] += sign * weight;
}

/** Scales `vector` to unit length in place (a zero vector stays zero). */
export function normalize(vector: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += vector[i] * vector[i];
  if (sum === 0) return vector;
  const inv = 1 / Math.sqrt(sum);
  for (let i = 0; i < vector.length; i++) vector[i] *= inv;
  return vector;
}

/** 32-bit FNV-1a of a string's UTF-16 code units. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
