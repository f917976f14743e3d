/**
 * Running totals over call records: what the `cost/update` event and the end-of-run numbers
 * show, including what prompt caching saved.
 */
import type { LlmUsage } from '../ports';
import type { CostUpdateEvent } from '../../shared/events';
import type { LlmCallRecord } from './callRecord';
import { costWithoutCache, isKnownModel } from './prices';

/** Totals so far. */
export interface UsageSnapshot {
  readonly calls: number;
  readonly failedCalls: number;
  /** Calls answered from the response cache (no tokens spent). */
  readonly responseCacheHits: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheReadTokens: number;
  readonly cacheWriteTokens: number;
  readonly costUsd: number;
  /** The same tokens with no prompt caching, minus costUsd (negative while only writes happened). */
  readonly cacheSavingsUsd: number;
  /** Share of prompt tokens read from the prompt cache (0..1). */
  readonly cacheReadShare: number;
  /** Models priced with the fallback price: their cost is an estimate. */
  readonly unpricedModels: readonly string[];
}

/** What earlier sessions of a run spent, for totals that continue from it (a resumed run). */
export interface EarlierUsage {
  readonly calls: number;
  readonly usage: LlmUsage;
  readonly costUsd: number;
  /** The same tokens at no-cache prices; equal to costUsd when not known (no savings claimed). */
  readonly uncachedCostUsd: number;
}

/** An accumulator of call records. */
export interface UsageTotals {
  add(record: LlmCallRecord): void;
  snapshot(): UsageSnapshot;
  /** The `cost/update` event for the totals so far. */
  costUpdate(runId: string): CostUpdateEvent;
}

/** Totals starting at zero, or at `earlier`. */
export function createUsageTotals(earlier?: EarlierUsage): UsageTotals {
  let calls = earlier?.calls ?? 0;
  let failedCalls = 0;
  let responseCacheHits = 0;
  let inputTokens = earlier?.usage.inputTokens ?? 0;
  let outputTokens = earlier?.usage.outputTokens ?? 0;
  let cacheReadTokens = earlier?.usage.cacheReadTokens ?? 0;
  let cacheWriteTokens = earlier?.usage.cacheWriteTokens ?? 0;
  let costUsd = earlier?.costUsd ?? 0;
  let uncachedCostUsd = earlier?.uncachedCostUsd ?? 0;
  const unpriced = new Set<string>();

  const snapshot = (): UsageSnapshot => {
    const prompt = inputTokens + cacheReadTokens + cacheWriteTokens;
    return {
      calls,
      failedCalls,
      responseCacheHits,
      inputTokens,
      outputTokens,
      cacheReadTokens,
      cacheWriteTokens,
      costUsd,
      cacheSavingsUsd: uncachedCostUsd - costUsd,
      cacheReadShare: prompt === 0 ? 0 : cacheReadTokens / prompt,
      unpricedModels: [...unpriced].sort(),
    };
  };

  return {
    add(record) {
      calls++;
      if (record.errorCode !== null) failedCalls++;
      if (record.fromCache) responseCacheHits++;
      inputTokens += record.usage.inputTokens;
      outputTokens += record.usage.outputTokens;
      cacheReadTokens += record.usage.cacheReadTokens;
      cacheWriteTokens += record.usage.cacheWriteTokens;
      costUsd += record.costUsd;
      uncachedCostUsd += costWithoutCache(record.model, record.usage);
      if (!isKnownModel(record.model)) unpriced.add(record.model);
    },
    snapshot,
    costUpdate(runId) {
      const s = snapshot();
      return {
        type: 'cost/update',
        runId,
        inputTokens: s.inputTokens,
        outputTokens: s.outputTokens,
        cacheReadTokens: s.cacheReadTokens,
        cacheWriteTokens: s.cacheWriteTokens,
        costUsd: s.costUsd,
        cacheSavingsUsd: s.cacheSavingsUsd,
      };
    },
  };
}
