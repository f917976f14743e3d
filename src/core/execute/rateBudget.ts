/**
 * The rate-limit budget as the executor sees it: what the last anthropic-ratelimit-* headers said
 * remains, minus what calls started since then will take. Headers only arrive with answers, so
 * without the local deduction 100 calls started together would all read the same "remaining".
 */

/** Remaining budget until `resetAt`, parsed by the LLM layer from the response headers. */
export interface RateLimitBudget {
  /** null: unknown (no header), treated as unlimited. */
  readonly requestsRemaining: number | null;
  readonly inputTokensRemaining: number | null;
  /** Output tokens are charged up front from max_tokens, so this is what calls reserve. */
  readonly outputTokensRemaining: number | null;
  /** Epoch ms when these values stop applying (the bucket refills); null: unknown. */
  readonly resetAt: number | null;
}

/** What one call is expected to take: uncached input tokens and its max_tokens. */
export interface ExpectedUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
}

export type BudgetLimiter = 'paused' | 'requests' | 'input-tokens' | 'output-tokens';

/** May a call start now; if not, when to ask again and what is short. */
export type StartCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly retryAt: number; readonly limitedBy: BudgetLimiter };

/** Mutable tracker over one budget snapshot; time is passed in so it stays pure. */
export interface RateBudgetTracker {
  /** A fresher snapshot; calls started before it are assumed counted in it. */
  update(budget: RateLimitBudget): void;
  check(usage: ExpectedUsage, now: number): StartCheck;
  /** A call started: deduct it until the next snapshot. */
  consume(usage: ExpectedUsage): void;
}

/** When remaining values come without a reset time, look again after this long. */
const UNKNOWN_RESET_RETRY_MS = 1000;

/** An empty tracker: unlimited until the first snapshot. */
export function createRateBudgetTracker(): RateBudgetTracker {
  let snapshot: RateLimitBudget | null = null;
  let requests = 0;
  let input = 0;
  let output = 0;
  return {
    update(budget) {
      snapshot = budget;
      requests = 0;
      input = 0;
      output = 0;
    },
    check(usage, now) {
      if (snapshot === null) return { ok: true };
      if (snapshot.resetAt !== null && now >= snapshot.resetAt) return { ok: true };
      const retryAt = snapshot.resetAt ?? now + UNKNOWN_RESET_RETRY_MS;
      if (short(snapshot.requestsRemaining, requests, 1)) return { ok: false, retryAt, limitedBy: 'requests' };
      if (short(snapshot.inputTokensRemaining, input, usage.inputTokens)) return { ok: false, retryAt, limitedBy: 'input-tokens' };
      if (short(snapshot.outputTokensRemaining, output, usage.outputTokens)) return { ok: false, retryAt, limitedBy: 'output-tokens' };
      return { ok: true };
    },
    consume(usage) {
      requests += 1;
      input += usage.inputTokens;
      output += usage.outputTokens;
    },
  };
}

function short(remaining: number | null, used: number, wanted: number): boolean {
  return remaining !== null && remaining - used < wanted;
}

/** The shape of one header family as the LLM layer keeps it (remaining + reset). */
export interface BucketLike {
  readonly remaining: number | null;
  readonly resetAt: number | null;
}

/**
 * Folds per-family buckets (requests, input tokens, output tokens, each with its own reset) into
 * one budget. The latest reset is used: the executor would rather wait a little long than burst
 * into a bucket that has not refilled yet (the 429 path is slower than waiting).
 */
export function budgetFromBuckets(buckets: {
  readonly requests: BucketLike;
  readonly inputTokens: BucketLike;
  readonly outputTokens: BucketLike;
}): RateLimitBudget {
  const resets = [buckets.requests, buckets.inputTokens, buckets.outputTokens]
    .map((b) => b.resetAt)
    .filter((t): t is number => t !== null);
  return {
    requestsRemaining: buckets.requests.remaining,
    inputTokensRemaining: buckets.inputTokens.remaining,
    outputTokensRemaining: buckets.outputTokens.remaining,
    resetAt: resets.length > 0 ? Math.max(...resets) : null,
  };
}
