/**
 * Per validation level, how the run's atoms fared on their deciding attempt (the last one) and
 * why a level was skipped: a skipped level is no pass, and the user must see that it did not run
 * ("types: skipped for 12 atoms — pyright not found"), not only the attempts table.
 */
import { validationLevelSchema, type LevelTally } from '../../shared/events';
import type { AttemptEntry } from './store';

/** Distinct skip reasons kept per level, most frequent first: the rest are counted under one line. */
const MAX_REASONS = 8;

/** The tallies of `attempts` (any order; every attempt of every atom), in level order; levels no atom reached are left out. */
export function tallyLevels(attempts: readonly AttemptEntry[]): LevelTally[] {
  const last = new Map<string, AttemptEntry>();
  for (const a of attempts) {
    const seen = last.get(a.atomId);
    if (!seen || a.attempt >= seen.attempt) last.set(a.atomId, a);
  }
  const tallies: LevelTally[] = [];
  for (const level of validationLevelSchema.options) {
    let pass = 0;
    let fail = 0;
    let skipped = 0;
    const reasons = new Map<string, number>();
    for (const attempt of last.values()) {
      const result = attempt.levels.find((l) => l.level === level);
      if (!result) continue;
      if (result.status === 'pass') pass++;
      else if (result.status === 'fail') fail++;
      else {
        skipped++;
        const reason = result.reason ?? 'no reason given';
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      }
    }
    if (pass + fail + skipped === 0) continue;
    const sorted = [...reasons].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([reason, atoms]) => ({ reason, atoms }));
    const rest = sorted.slice(MAX_REASONS).reduce((n, r) => n + r.atoms, 0);
    const skipReasons = rest > 0 ? [...sorted.slice(0, MAX_REASONS), { reason: `${sorted.length - MAX_REASONS} other reasons`, atoms: rest }] : sorted;
    tallies.push({ level, pass, fail, skipped, skipReasons });
  }
  return tallies;
}
