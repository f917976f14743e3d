/**
 * The arithmetic of adaptive concurrency, as pure state transitions (TCP-style): slow start
 * (+1 per success, so the limit doubles per round of calls) up to a threshold, then +1 per full
 * window of successes; a throttle halves the limit and sets the threshold there. A ramp instead of
 * starting at the maximum because sudden bursts trip the API's acceleration limits.
 */

export interface AimdState {
  readonly limit: number;
  /** Below this the limit grows by one per success; at or above it, by one per window. */
  readonly threshold: number;
  /** Successes counted towards the next +1 above the threshold. */
  readonly credit: number;
  /** Clock time of the last halving, or null. */
  readonly lastDecreaseAt: number | null;
}

export interface AimdBounds {
  readonly min: number;
  readonly max: number;
  /** Throttles within this many ms after a halving count as the same event. */
  readonly cooldownMs: number;
}

/** State at the start of a run. */
export function initialAimd(initial: number, bounds: AimdBounds): AimdState {
  return { limit: clamp(initial, bounds), threshold: bounds.max, credit: 0, lastDecreaseAt: null };
}

/** One call succeeded. */
export function aimdSuccess(state: AimdState, bounds: AimdBounds): AimdState {
  if (state.limit >= bounds.max) return state.credit === 0 ? state : { ...state, credit: 0 };
  if (state.limit < state.threshold) return { ...state, limit: clamp(state.limit + 1, bounds) };
  const credit = state.credit + 1;
  if (credit < state.limit) return { ...state, credit };
  return { ...state, limit: clamp(state.limit + 1, bounds), credit: 0 };
}

/**
 * A call was throttled (429 rate limit or 529 overloaded). Many in-flight calls see the same
 * throttle at once; counting each would collapse the limit to the minimum, hence the cooldown.
 */
export function aimdThrottle(state: AimdState, now: number, bounds: AimdBounds): AimdState {
  if (state.lastDecreaseAt !== null && now - state.lastDecreaseAt < bounds.cooldownMs) return state;
  const limit = clamp(Math.floor(state.limit / 2), bounds);
  return { limit, threshold: limit, credit: 0, lastDecreaseAt: now };
}

function clamp(value: number, bounds: AimdBounds): number {
  return Math.max(bounds.min, Math.min(bounds.max, Math.floor(value)));
}
