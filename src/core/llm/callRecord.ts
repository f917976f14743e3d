/** What the client reports about every model call, for the store and the cost totals. */
import type { LlmCallEntry, LlmUsage } from '../ports';
import type { LlmErrorCode } from './errors';

/**
 * One finished call, success or final failure (also a cancelled one, and one answered from the
 * response cache): the store's `LlmCallEntry`, so it is saved as is, with the error code typed.
 * Tokens are billed over all attempts (zero for a response-cache hit); the duration runs from the
 * call's start to its end, waits included; attempts counts HTTP requests (0 for a cache hit).
 */
export interface LlmCallRecord extends Omit<LlmCallEntry, 'errorCode'> {
  /** Why the call failed, or null when it answered. */
  readonly errorCode: LlmErrorCode | null;
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
