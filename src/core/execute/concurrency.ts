/**
 * The concurrency controller the scheduler asks before starting work: how many calls may be in
 * flight (adaptive: ramps up on success, halves on 429/529) and whether the rate-limit budget and
 * any retry-after pause let one more call start now. The LLM layer feeds it (successes,
 * throttles, header budgets); the scheduler reads it.
 */
import type { Clock } from '../ports';
import { aimdSuccess, aimdThrottle, initialAimd, type AimdBounds, type AimdState } from './aimd';
import { createRateBudgetTracker, type ExpectedUsage, type RateLimitBudget, type StartCheck } from './rateBudget';

export type ThrottleKind = 'rate-limit' | 'overloaded';

export interface ConcurrencyController {
  /** Calls allowed in flight now (>= 1). */
  readonly limit: number;
  readonly maxConcurrency: number;
  /** Called with the new limit whenever it changes; returns the unsubscribe function. */
  onLimitChange(listener: (limit: number) => void): () => void;
  /** Whether a call expecting `usage` may start now (pause and rate budget). */
  check(usage: ExpectedUsage): StartCheck;
  /** A call started: its expected usage counts against the budget until the next update. */
  recordStart(usage: ExpectedUsage): void;
  /** A call got an answer. */
  recordSuccess(): void;
  /** A call was throttled; `retryAfterMs` also holds back every new start for that long. */
  recordThrottle(kind: ThrottleKind, retryAfterMs: number | null): void;
  /** A fresher rate-limit budget from response headers. */
  updateBudget(budget: RateLimitBudget): void;
}

export interface AdaptiveConcurrencyOptions {
  readonly maxConcurrency: number;
  /** Starting limit; default min(maxConcurrency, 8). */
  readonly initial?: number;
  /** Default 1. */
  readonly minConcurrency?: number;
  /** Throttles this close to the last halving are the same event; default 1000 ms. */
  readonly throttleCooldownMs?: number;
  /** false: the limit stays at `initial` (budget and pauses still apply). Default true. */
  readonly adaptive?: boolean;
  readonly clock: Pick<Clock, 'now'>;
}

/** Default starting point of the ramp. */
export const DEFAULT_RAMP_START = 8;

/** An adaptive controller; see AdaptiveConcurrencyOptions for the knobs. */
export function createAdaptiveConcurrency(options: AdaptiveConcurrencyOptions): ConcurrencyController {
  const max = Math.floor(options.maxConcurrency);
  if (!(max >= 1)) throw new Error(`maxConcurrency must be at least 1 (got ${options.maxConcurrency})`);
  const bounds: AimdBounds = {
    min: Math.max(1, Math.min(max, options.minConcurrency ?? 1)),
    max,
    cooldownMs: options.throttleCooldownMs ?? 1000,
  };
  const adaptive = options.adaptive ?? true;
  const clock = options.clock;
  const budget = createRateBudgetTracker();
  const listeners = new Set<(limit: number) => void>();
  let state: AimdState = initialAimd(options.initial ?? Math.min(max, DEFAULT_RAMP_START), bounds);
  let pausedUntil = 0;

  const apply = (next: AimdState): void => {
    const changed = next.limit !== state.limit;
    state = next;
    if (changed) for (const listener of [...listeners]) listener(state.limit);
  };

  return {
    get limit() {
      return state.limit;
    },
    maxConcurrency: max,
    onLimitChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    check(usage) {
      const now = clock.now();
      if (now < pausedUntil) return { ok: false, retryAt: pausedUntil, limitedBy: 'paused' };
      return budget.check(usage, now);
    },
    recordStart(usage) {
      budget.consume(usage);
    },
    recordSuccess() {
      if (adaptive) apply(aimdSuccess(state, bounds));
    },
    recordThrottle(_kind, retryAfterMs) {
      const now = clock.now();
      if (retryAfterMs !== null && retryAfterMs > 0) pausedUntil = Math.max(pausedUntil, now + retryAfterMs);
      if (adaptive) apply(aimdThrottle(state, now, bounds));
    },
    updateBudget(next) {
      budget.update(next);
    },
  };
}

/** A controller whose limit never changes (tests, benchmarks, V1's 2-3 tasks at a time). */
export function fixedConcurrency(limit: number, clock: Pick<Clock, 'now'> = { now: () => Date.now() }): ConcurrencyController {
  return createAdaptiveConcurrency({ maxConcurrency: limit, initial: limit, adaptive: false, clock });
}
