/**
 * What the API says about our rate-limit budget, read from the anthropic-ratelimit-* and
 * retry-after headers of every answer (success or error). The executor reads this state to
 * shrink or grow its concurrency; the client reads retry-after to know how long to pause.
 */

/** The one thing we need from a Headers object (web Headers, or a test double). */
export interface HeaderReader {
  get(name: string): string | null;
}

/** One limit family (requests, tokens, input tokens, output tokens) per minute, per model. */
export interface RateLimitBucket {
  readonly limit: number | null;
  readonly remaining: number | null;
  /** Wall-clock time (epoch ms) when the bucket refills, from the RFC 3339 reset header. */
  readonly resetAt: number | null;
}

/** Limits as of the last answer that carried rate-limit headers. */
export interface RateLimitState {
  readonly requests: RateLimitBucket;
  readonly tokens: RateLimitBucket;
  readonly inputTokens: RateLimitBucket;
  readonly outputTokens: RateLimitBucket;
  /** Wait the API asked for on its last answer that had retry-after (ms), else null. */
  readonly retryAfterMs: number | null;
  /** Clock time of the last answer that had any of these headers, or null (none seen yet). */
  readonly observedAt: number | null;
  /** 429 answers (not spend limits) seen since the client was made. */
  readonly rateLimitedCount: number;
  /** Clock time of the last 429, or null. */
  readonly lastRateLimitedAt: number | null;
  /** 529 overloaded answers seen since the client was made (the executor slows down on them too). */
  readonly overloadedCount: number;
}

const EMPTY_BUCKET: RateLimitBucket = { limit: null, remaining: null, resetAt: null };

const BUCKETS = [
  ['requests', 'requests'],
  ['tokens', 'tokens'],
  ['inputTokens', 'input-tokens'],
  ['outputTokens', 'output-tokens'],
] as const;

/** State before any answer arrived. */
export function emptyRateLimitState(): RateLimitState {
  return {
    requests: EMPTY_BUCKET,
    tokens: EMPTY_BUCKET,
    inputTokens: EMPTY_BUCKET,
    outputTokens: EMPTY_BUCKET,
    retryAfterMs: null,
    observedAt: null,
    rateLimitedCount: 0,
    lastRateLimitedAt: null,
    overloadedCount: 0,
  };
}

function parseCount(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : null;
}

function parseTime(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const parsed = Date.parse(value);
  return Number.isFinite(parsed) ? parsed : null;
}

function parseBucket(headers: HeaderReader, family: string): RateLimitBucket | null {
  const limit = parseCount(headers.get(`anthropic-ratelimit-${family}-limit`));
  const remaining = parseCount(headers.get(`anthropic-ratelimit-${family}-remaining`));
  const resetAt = parseTime(headers.get(`anthropic-ratelimit-${family}-reset`));
  if (limit === null && remaining === null && resetAt === null) return null;
  return { limit, remaining, resetAt };
}

/**
 * The wait the server asked for, in ms: `retry-after-ms`, else `retry-after` as seconds or an
 * HTTP date (both forms are legal HTTP). Null when absent or unreadable.
 */
export function parseRetryAfterMs(headers: HeaderReader, now: number): number | null {
  const millis = parseCount(headers.get('retry-after-ms'));
  if (millis !== null) return millis;
  const raw = headers.get('retry-after');
  if (raw === null || raw.trim() === '') return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : null;
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - now) : null;
}

/**
 * When a rate limit will let us through again, from the reset headers: the latest reset among
 * buckets that are empty, or among all buckets when none says it is empty. Null without headers.
 */
export function resetWaitMs(headers: HeaderReader, now: number): number | null {
  const buckets = BUCKETS.map(([, family]) => parseBucket(headers, family)).filter((b): b is RateLimitBucket => b !== null);
  const exhausted = buckets.filter((b) => b.remaining === 0 && b.resetAt !== null);
  const candidates = (exhausted.length > 0 ? exhausted : buckets).map((b) => b.resetAt).filter((t): t is number => t !== null);
  if (candidates.length === 0) return null;
  return Math.max(0, Math.max(...candidates) - now);
}

/** Folds one answer's headers into the state; buckets the answer does not mention are kept. */
export function updateRateLimitState(
  state: RateLimitState,
  headers: HeaderReader,
  now: number,
  wasRateLimited: boolean,
): RateLimitState {
  let seen = false;
  const next: { -readonly [K in keyof RateLimitState]: RateLimitState[K] } = { ...state };
  for (const [key, family] of BUCKETS) {
    const bucket = parseBucket(headers, family);
    if (bucket !== null) {
      next[key] = bucket;
      seen = true;
    }
  }
  const retryAfter = parseRetryAfterMs(headers, now);
  if (retryAfter !== null) seen = true;
  next.retryAfterMs = retryAfter;
  if (seen) next.observedAt = now;
  if (wasRateLimited) {
    next.rateLimitedCount = state.rateLimitedCount + 1;
    next.lastRateLimitedAt = now;
  }
  return next;
}

/** One more 529 overloaded answer. */
export function countOverload(state: RateLimitState): RateLimitState {
  return { ...state, overloadedCount: state.overloadedCount + 1 };
}
