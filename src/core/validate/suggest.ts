/** "Did you mean" for an undefined name: the closest known name by edit distance. */

/**
 * The candidate closest to `name` when it is close enough to be a likely typo (at most one edit
 * per three characters, at least one), or null. Ties go to the first candidate given.
 */
export function closestName(name: string, candidates: Iterable<string>): string | null {
  const budget = Math.max(1, Math.floor(name.length / 3));
  let best: string | null = null;
  let bestDistance = budget + 1;
  const lower = name.toLowerCase();
  for (const candidate of candidates) {
    if (candidate === name || Math.abs(candidate.length - name.length) > budget) continue;
    // A case-only difference (`userId` for `userID`) is the likeliest typo of all.
    const distance = candidate.toLowerCase() === lower ? 0.5 : editDistance(name, candidate, bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Edit distance counting an adjacent transposition as one edit (optimal string alignment), since
 * swapped letters are the commonest typo; gives up (returning `limit`) once every path exceeds it.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin >= limit) return limit;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}
