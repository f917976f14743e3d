/** How long to wait before retrying a fault. */
import type { Fault } from './classifyFault';
import { parseRetryAfterMs, resetWaitMs } from './rateLimitBudget';

/** A 429 that names no wait at all waits this long. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 10_000;
/** First backoff step for 529 / 5xx / network faults; doubles each attempt. */
export const BACKOFF_BASE_MS = 1_000;
/** Longest backoff step, and longest retry-after we honour (a larger one is clamped). */
export const BACKOFF_MAX_MS = 30_000;
export const MAX_WAIT_MS = 10 * 60_000;
/** Shortest wait after a 429: "retry-after: 0" must not turn into a burst. */
export const MIN_RATE_LIMIT_WAIT_MS = 500;

/**
 * Exponential backoff with jitter, in [half, full] of base * 2^(attempt-1) capped at the max:
 * the jitter spreads out calls that failed together, the floor keeps the growth meaningful.
 */
export function backoffMs(attempt: number, random: () => number): number {
  const step = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}

/** Wait after `fault` on attempt `attempt` (1-based): what the server asked for, else backoff. */
export function retryWaitMs(fault: Fault, attempt: number, now: number, random: () => number): number {
  const asked = fault.headers === null ? null : parseRetryAfterMs(fault.headers, now);
  if (fault.code === 'rate-limit') {
    const reset = fault.headers === null ? null : resetWaitMs(fault.headers, now);
    const wait = asked ?? reset ?? DEFAULT_RATE_LIMIT_WAIT_MS;
    return Math.min(MAX_WAIT_MS, Math.max(MIN_RATE_LIMIT_WAIT_MS, wait));
  }
  const backoff = backoffMs(attempt, random);
  return asked === null ? backoff : Math.min(MAX_WAIT_MS, Math.max(asked, backoff));
}
