/** What the client reports about every model call, for the store and the cost totals. */
import type { LlmUsage } from '../ports';
import type { ContextUsedEntry } from '../../shared/events';
import type { LlmErrorCode } from './errors';

/**
 * One finished call, success or final failure (also a cancelled one, and one answered from the
 * response cache). Field for field the store's `LlmCallEntry`, so it can be saved as is.
 */
export interface LlmCallRecord {
  readonly purpose: string;
  readonly model: string;
  /** Temperature asked for (a model that refuses the parameter was sent none). */
  readonly temperature: number;
  /** Tokens billed over all attempts of this call (zero when answered from the response cache). */
  readonly usage: LlmUsage;
  readonly costUsd: number;
  /** From the call's start to its end, waits included. */
  readonly durationMs: number;
  readonly fromCache: boolean;
  /** `responseCacheKey` of the request: equal prompts, equal hashes. */
  readonly promptHash: string;
  /** Why the call failed, or null when it answered. */
  readonly errorCode: LlmErrorCode | null;
  /** HTTP requests made (0 for a response-cache hit). */
  readonly attempts: number;
  /** Retrieved snippets the prompt held (LlmRequest.contextUsed). */
  readonly contextUsed?: readonly ContextUsedEntry[];
}

/** Usage with every count at zero. */
export const ZERO_USAGE: LlmUsage = { inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0 };

/** Sum of two usages. */
export function addUsage(a: LlmUsage, b: LlmUsage): LlmUsage {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
    cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
  };
}
