/**
 * Every generation call goes through here: reserve its estimated cost against the cap (throws
 * CostCapReachedError when it does not fit), wait for the shared prefix to be in the prompt
 * cache, call, settle the reservation with the real cost, and tell the concurrency controller
 * what the API said about our rate limits.
 */
import { createHash } from 'node:crypto';
import { costOf, type RateLimitState } from '../llm';
import { budgetFromBuckets, reserveOrThrow, type ConcurrencyController, type CostCap } from '../execute';
import type { LlmClient, LlmRequest, LlmResponse } from '../ports';
import { createPrefixWarmup, type PrefixWarmup } from './warmup';

/** The one way generation calls the model. */
export interface CallGuard {
  call(request: LlmRequest, signal: AbortSignal): Promise<LlmResponse>;
}

/** What a guard checks calls against and reports to. */
export interface CallGuardOptions {
  readonly llm: LlmClient;
  readonly cap: CostCap;
  readonly concurrency: ConcurrencyController;
  readonly rateLimits?: () => RateLimitState;
  /** Shared by the stages of a run, so a prefix warmed once stays warm. */
  readonly warmup?: PrefixWarmup;
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

/** A guard over `options.llm`. */
export function createCallGuard(options: CallGuardOptions): CallGuard {
  const warmup = options.warmup ?? createPrefixWarmup();
  let seenThrottles = options.rateLimits?.().rateLimitedCount ?? 0;
  let seenObservation: number | null = null;

  const feedRateState = (answered: boolean): void => {
    const state = options.rateLimits?.();
    if (!state) {
      if (answered) options.concurrency.recordSuccess();
      return;
    }
    if (state.rateLimitedCount > seenThrottles) {
      seenThrottles = state.rateLimitedCount;
      options.concurrency.recordThrottle('rate-limit', state.retryAfterMs);
    } else if (answered) {
      options.concurrency.recordSuccess();
    }
    if (state.observedAt !== null && state.observedAt !== seenObservation) {
      seenObservation = state.observedAt;
      options.concurrency.updateBudget(budgetFromBuckets(state));
    }
  };

  return {
    async call(request, signal) {
      const key = prefixKey(request);
      const reservation = reserveOrThrow(options.cap, estimateCostUsd(request, warmup.isWarm(key)));
      let cost = 0;
      try {
        const response = await warmup.run(key, signal, () => options.llm.call(request, signal));
        cost = response.costUsd;
        feedRateState(true);
        return response;
      } catch (err) {
        feedRateState(false);
        throw err;
      } finally {
        options.cap.settle(reservation, cost);
      }
    },
  };
}
