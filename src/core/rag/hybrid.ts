/** Fusing the keyword and vector rankings into one. */
import type { Scored } from './topK';

/** How the two rankings are combined (the benchmark measures each). */
export type FusionMode = 'rrf' | 'weighted' | 'vector' | 'keyword';

/** Reciprocal-rank constant: 60 is the value of the original RRF paper; it damps the top ranks' lead. */
const RRF_K = 60;

/** Weight of the vector side in 'weighted' (the keyword side gets the rest). */
export const VECTOR_WEIGHT = 0.35;

/** One ranked list of slots from the keyword and vector lists, best first, at most `k`. */
export function fuse(keyword: readonly Scored[], vector: readonly Scored[], mode: FusionMode, k: number): Scored[] {
  if (mode === 'keyword') return keyword.slice(0, k);
  if (mode === 'vector') return vector.slice(0, k);
  const total = new Map<number, number>();
  const add = (list: readonly Scored[], weight: number, score: (s: Scored, rank: number) => number): void => {
    list.forEach((s, rank) => total.set(s.slot, (total.get(s.slot) ?? 0) + weight * score(s, rank)));
  };
  if (mode === 'rrf') {
    add(keyword, 1, (_s, rank) => 1 / (RRF_K + rank + 1));
    add(vector, 1, (_s, rank) => 1 / (RRF_K + rank + 1));
  } else {
    // Scores on different scales: each list is divided by its best score first.
    const kMax = keyword[0]?.score ?? 1;
    const vMax = vector[0]?.score ?? 1;
    add(keyword, 1 - VECTOR_WEIGHT, (s) => s.score / kMax);
    add(vector, VECTOR_WEIGHT, (s) => s.score / vMax);
  }
  return [...total]
    .map(([slot, score]) => ({ slot, score }))
    .sort((a, b) => b.score - a.score || a.slot - b.slot)
    .slice(0, k);
}
