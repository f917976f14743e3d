/** Runs validation levels on one atom, cheapest first, stopping at the first failure. */
import type { AtomUnderValidation, AtomValidationReport, LevelResult, ValidationLevel, Validator } from './types';
import { LEVEL_ORDER } from './types';

/** Reason given to the levels that did not run because an earlier one failed. */
export const EARLIER_LEVEL_FAILED = 'an earlier level failed';

/**
 * Runs `validators` in level order (syntax, semantics, atomicity, types, runtime) whatever order
 * they are given in. After the first failure the remaining levels are reported as skipped with
 * the reason 'an earlier level failed'. A validator that throws (other than on abort) yields a
 * skipped result carrying the error, so a broken level is visible instead of failing every atom.
 */
export async function validateAtom(validators: readonly Validator[], target: AtomUnderValidation, signal: AbortSignal): Promise<AtomValidationReport> {
  const ordered = [...validators].sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level));
  const results: LevelResult[] = [];
  let firstFailure: LevelResult | null = null;
  for (const validator of ordered) {
    signal.throwIfAborted();
    if (firstFailure) {
      results.push(skipped(validator.level, EARLIER_LEVEL_FAILED));
      continue;
    }
    const result = await runOne(validator, target, signal);
    results.push(result);
    if (result.status === 'fail') firstFailure = result;
  }
  return { atomId: target.atomId, passed: firstFailure === null, results, firstFailure };
}

async function runOne(validator: Validator, target: AtomUnderValidation, signal: AbortSignal): Promise<LevelResult> {
  try {
    return await validator.validate(target, signal);
  } catch (err) {
    if (signal.aborted) throw err;
    const message = err instanceof Error ? err.message : String(err);
    return skipped(validator.level, `the ${validator.level} check crashed: ${message}`);
  }
}

/** A skipped result with its reason. */
export function skipped(level: ValidationLevel, reason: string): LevelResult {
  return { level, status: 'skipped', messages: [], reason };
}

/**
 * The failures of a report as retry feedback, one `{ level, message }` per finding with its
 * position in the message ("line 12:5: `fooo` is not defined (did you mean `foo`?)").
 */
export function reportFailures(report: AtomValidationReport): { level: ValidationLevel; message: string }[] {
  const failure = report.firstFailure;
  if (!failure) return [];
  if (failure.messages.length === 0) return [{ level: failure.level, message: `${failure.level} check failed` }];
  return failure.messages.map((m) => ({ level: failure.level, message: `line ${m.line}:${m.column}: ${m.message}` }));
}
