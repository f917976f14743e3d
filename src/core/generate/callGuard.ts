/**
 * Every generation call goes through here: reserve its estimated cost against the cap (throws
 * CostCapReachedError when it does not fit), wait for the shared prefix to be in the prompt
 * cache, call, settle the reservation with the real cost, and tell the concurrency controller
 * what the API said about our rate limits and overloads. Planning calls go through `cappedLlm`,
 * so one cap covers the whole run.
 */
import { createHash } from 'node:crypto';
import { costOf, type RateLimitState } from '../llm';
import { budgetFromBuckets, reserveOrThrow, type ConcurrencyController, type CostCap, type ThrottleKind } from '../execute';
import type { LlmClient, LlmRequest, LlmResponse } from '../ports';
import { createPrefixWarmup, type PrefixWarmup } from './warmup';

/** The one way generation calls the model: an LlmClient whose calls are checked as above. */
export type CallGuard = LlmClient;

/** What a guard checks calls against and reports to. */
export interface CallGuardOptions {
  readonly llm: LlmClient;
  readonly cap: CostCap;
  readonly concurrency: ConcurrencyController;
  readonly rateLimits?: () => RateLimitState;
  /** Shared by the stages of a run, so a prefix warmed once stays warm. */
  readonly warmup?: PrefixWarmup;
  /** A 429 or a 529 made the concurrency limit smaller; `limit` is the new one. */
  readonly onSlowdown?: (kind: ThrottleKind, limit: number) => void;
}

/** Characters per token assumed by estimates; a little low on purpose, so estimates err high. */
const CHARS_PER_TOKEN = 3.5;

/** Estimated cost of `request`: the cached system prefix read from cache once warm, the rest as input, max_tokens as output. */
export function estimateCostUsd(request: LlmRequest, prefixWarm: boolean): number {
  const prefixChars = request.system.reduce((n, b) => n + b.text.length, 0) + JSON.stringify(request.tools).length;
  const restChars = request.messages.reduce((n, m) => n + m.content.reduce((k, b) => k + b.text.length, 0), 0);
  const prefix = Math.ceil(prefixChars / CHARS_PER_TOKEN);
  return costOf(request.model, {
    inputTokens: Math.ceil(restChars / CHARS_PER_TOKEN),
    outputTokens: request.maxTokens,
    cacheReadTokens: prefixWarm ? prefix : 0,
    cacheWriteTokens: prefixWarm ? 0 : prefix,
  });
}

/** The prompt-cache identity of a request: model, tools and system text. */
export function prefixKey(request: LlmRequest): string {
  const hash = createHash('sha256').update(request.model).update('\0').update(JSON.stringify(request.tools.map((t) => t.name)));
  for (const block of request.system) hash.update('\0').update(block.text);
  return hash.digest('hex');
}

/** Runs `body` with `estimateUsd` reserved against `cap`, settled with what the answer cost. */
async function reserved(cap: CostCap, estimateUsd: number, body: () => Promise<LlmResponse>): Promise<LlmResponse> {
  const reservation = reserveOrThrow(cap, estimateUsd);
  let cost = 0;
  try {
    const response = await body();
    cost = response.costUsd;
    return response;
  } finally {
    cap.settle(reservation, cost);
  }
}

/**
 * `llm` with each call reserved against `cap` first: the planning stages of a generate run, so
 * discovery and the plan cannot spend past the cap before the first atom is asked for. Their
 * prompts are estimated cold (a prompt-cache write), the dearer case.
 */
export function cappedLlm(llm: LlmClient, cap: CostCap): LlmClient {
  return {
    call: (request, signal) => reserved(cap, estimateCostUsd(request, false), () => llm.call(request, signal)),
    forget: (request) => llm.forget(request),
  };
}

/** A guard over `options.llm`. */
export function createCallGuard(options: CallGuardOptions): CallGuard {
  const warmup = options.warmup ?? createPrefixWarmup();
  const { concurrency } = options;
  let seenThrottles = options.rateLimits?.().rateLimitedCount ?? 0;
  let seenOverloads = options.rateLimits?.().overloadedCount ?? 0;
  let seenObservation: number | null = null;

  const throttle = (kind: ThrottleKind, retryAfterMs: number | null): void => {
    const before = concurrency.limit;
    concurrency.recordThrottle(kind, retryAfterMs);
    if (concurrency.limit < before) options.onSlowdown?.(kind, concurrency.limit);
  };

  const feedRateState = (answered: boolean): void => {
    const state = options.rateLimits?.();
    if (!state) {
      if (answered) concurrency.recordSuccess();
      return;
    }
    const rateLimited = state.rateLimitedCount > seenThrottles;
    const overloaded = state.overloadedCount > seenOverloads;
    seenThrottles = state.rateLimitedCount;
    seenOverloads = state.overloadedCount;
    // An overloaded API is slowed down like a rate limit: more calls in flight would only add to the load.
    if (rateLimited) throttle('rate-limit', state.retryAfterMs);
    else if (overloaded) throttle('overloaded', null);
    else if (answered) concurrency.recordSuccess();
    if (state.observedAt !== null && state.observedAt !== seenObservation) {
      seenObservation = state.observedAt;
      concurrency.updateBudget(budgetFromBuckets(state));
    }
  };

  return {
    call(request, signal) {
      const key = prefixKey(request);
      return reserved(options.cap, estimateCostUsd(request, warmup.isWarm(key)), async () => {
        try {
          const response = await warmup.run(key, signal, () => options.llm.call(request, signal));
          feedRateState(true);
          return response;
        } catch (err) {
          feedRateState(false);
          throw err;
        }
      });
    },
    forget: (request) => options.llm.forget(request),
  };
}
