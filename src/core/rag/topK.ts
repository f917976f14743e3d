/** Picking the best few of many scores without sorting them all. */

/** A scored item by slot number. */
export interface Scored {
  readonly slot: number;
  readonly score: number;
}

/**
 * The `k` highest-scoring slots among `slots` (scores read from `scores`), best first. A bounded
 * min-heap: O(n log k) instead of sorting every candidate on each query.
 */
export function topK(scores: Float32Array | Float64Array, slots: Iterable<number>, k: number): Scored[] {
  if (k <= 0) return [];
  const heapSlots: number[] = [];
  const heapScores: number[] = [];
  for (const slot of slots) {
    const score = scores[slot];
    if (!(score > 0)) continue;
    if (heapSlots.length < k) {
      heapSlots.push(slot);
      heapScores.push(score);
      siftUp(heapSlots, heapScores, heapSlots.length - 1);
    } else if (score > heapScores[0]) {
      heapSlots[0] = slot;
      heapScores[0] = score;
      siftDown(heapSlots, heapScores, 0);
    }
  }
  const out = heapSlots.map((slot, i) => ({ slot, score: heapScores[i] }));
  // Ties broken by slot so results are stable run to run.
  return out.sort((a, b) => b.score - a.score || a.slot - b.slot);
}

function siftUp(slots: number[], scores: number[], i: number): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (scores[parent] <= scores[i]) return;
    swap(slots, scores, i, parent);
    i = parent;
  }
}

function siftDown(slots: number[], scores: number[], i: number): void {
  const n = slots.length;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < n && scores[l] < scores[m]) m = l;
    if (r < n && scores[r] < scores[m]) m = r;
    if (m === i) return;
    swap(slots, scores, i, m);
    i = m;
  }
}

function swap(slots: number[], scores: number[], a: number, b: number): void {
  [slots[a], slots[b]] = [slots[b], slots[a]];
  [scores[a], scores[b]] = [scores[b], scores[a]];
}
