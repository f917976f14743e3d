/**
 * Retries of one atom on validation failure: up to maxAttempts at a falling temperature, each
 * retry told what the previous attempt got wrong. Only validation failures are retried here;
 * anything thrown (transport errors the LLM client already retried, auth, spend limit, cancel,
 * the cost cap) propagates at once, because another attempt would fail the same way.
 */
import type { ValidationLevel } from '../../shared/events';

/** Default attempts per atom (mge.v2.maxRetries). */
export const DEFAULT_MAX_ATTEMPTS = 4;

/** Temperature per attempt; attempts beyond the list use the last value. */
export const DEFAULT_TEMPERATURES: readonly number[] = [0.7, 0.5, 0.3, 0.3];

export interface AttemptFailure {
  readonly level: ValidationLevel;
  readonly message: string;
}

/** What one attempt produced; `record` is whatever the caller persists (code, tokens, cost...). */
export interface AttemptResult<A> {
  readonly passed: boolean;
  /** Empty when passed; otherwise the validation failures to show the next attempt. */
  readonly failures: readonly AttemptFailure[];
  readonly record: A;
}

/** Everything the caller needs to make attempt `n`. */
export interface AttemptPlan<A> {
  /** 1-based. */
  readonly n: number;
  readonly isLast: boolean;
  readonly temperature: number;
  /** From modelForAttempt; undefined means the caller's default model. */
  readonly model: string | undefined;
  /** The previous attempt's validation failures (empty on the first attempt). */
  readonly previousFailures: readonly AttemptFailure[];
  /** The previous attempt's record (its code, to show beside the failures), or null. */
  readonly previousRecord: A | null;
}

export interface RetryOptions<A> {
  readonly attempt: (plan: AttemptPlan<A>, signal: AbortSignal) => Promise<AttemptResult<A>>;
  readonly signal: AbortSignal;
  /** Default 4. */
  readonly maxAttempts?: number;
  /** Default [0.7, 0.5, 0.3, 0.3]. */
  readonly temperatures?: readonly number[];
  /** Escalation hook: the model for attempt n (e.g. a stronger one for the last); see escalateLastAttempt. */
  readonly modelForAttempt?: (n: number, maxAttempts: number) => string | undefined;
  /** Called after every attempt, before the next starts (persist it here). */
  readonly onAttempt?: (result: AttemptResult<A>, plan: AttemptPlan<A>) => void;
}

export interface RetryOutcome<A> {
  readonly passed: boolean;
  /** Records of every attempt made, in order. */
  readonly attempts: A[];
  /** Failures of the last attempt (empty when it passed). */
  readonly finalFailures: readonly AttemptFailure[];
}

/** The temperature of attempt n (1-based) under a schedule. */
export function temperatureForAttempt(n: number, temperatures: readonly number[] = DEFAULT_TEMPERATURES): number {
  if (temperatures.length === 0) throw new Error('Temperature schedule is empty');
  return temperatures[Math.min(n, temperatures.length) - 1];
}

/** A modelForAttempt that keeps the default model and switches to `strongModel` on the last attempt. */
export function escalateLastAttempt(strongModel: string): (n: number, maxAttempts: number) => string | undefined {
  return (n, maxAttempts) => (n === maxAttempts && maxAttempts > 1 ? strongModel : undefined);
}

/** Runs attempts until one passes or maxAttempts is reached. Throws what an attempt throws. */
export async function runWithRetries<A>(options: RetryOptions<A>): Promise<RetryOutcome<A>> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new Error(`maxAttempts must be a positive integer (got ${maxAttempts})`);
  const temperatures = options.temperatures ?? DEFAULT_TEMPERATURES;
  const attempts: A[] = [];
  let previous: AttemptResult<A> | null = null;
  for (let n = 1; n <= maxAttempts; n++) {
    options.signal.throwIfAborted();
    const plan: AttemptPlan<A> = {
      n,
      isLast: n === maxAttempts,
      temperature: temperatureForAttempt(n, temperatures),
      model: options.modelForAttempt?.(n, maxAttempts),
      previousFailures: previous?.failures ?? [],
      previousRecord: previous?.record ?? null,
    };
    const result = await options.attempt(plan, options.signal);
    attempts.push(result.record);
    options.onAttempt?.(result, plan);
    if (result.passed) return { passed: true, attempts, finalFailures: [] };
    previous = result;
  }
  return { passed: false, attempts, finalFailures: previous?.failures ?? [] };
}
