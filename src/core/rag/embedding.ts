/**
 * Embeddings behind one port, so a real model can replace the default later. The default needs
 * no download: a hashed bag of code sub-tokens (signed feature hashing into a fixed number of
 * dimensions, sub-linear term frequency, L2-normalised).
 */
import { termCounts, tokenize } from './tokenize';

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
    id: `hashed-subtokens-v1-${dimensions}`,
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
    const h = fnv1a(term);
    // A second, independent bit decides the sign, so colliding terms cancel out on average.
    const sign = (Math.imul(h, 0x9e3779b1) >>> 31) === 0 ? 1 : -1;
    // Whole identifiers ('#name') are rarer and more telling than their parts.
    const weight = (1 + Math.log(count)) * (term.startsWith('#') ? 1.5 : 1);
    vector[(h >>> 0) % dimensions] += sign * weight;
  }
  return normalize(vector);
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
