/** The LLM layer's public surface: import from here, not from the files behind it. */
export { createAnthropicLlmClient, DEFAULT_BASE_URL, DEFAULT_MAX_TRANSPORT_RETRIES, DEFAULT_TIMEOUT_MS } from './anthropicClient';
export type { AnthropicLlmClient, AnthropicLlmClientOptions } from './anthropicClient';
export type { LlmCallRecord } from './callRecord';
export { LlmError, StructuredOutputError, isLlmError } from './errors';
export type { LlmErrorCode, TransportErrorCode } from './errors';
export type { LlmPause, PauseReason } from './pauseGate';
export { costOf, costWithoutCache, isKnownModel, priceFor, FALLBACK_MODEL, PRICES_CHECKED } from './prices';
export type { ModelPrice, PriceLookup } from './prices';
export type { RateLimitBucket, RateLimitState } from './rateLimitBudget';
export { createMemoryResponseCache, responseCacheKey } from './responseCache';
export type { MemoryResponseCache, ResponseCache } from './responseCache';
export { callStructured, toolInputSchema, DEFAULT_STRUCTURED_ATTEMPTS } from './structured';
export type { StructuredRequest, StructuredResult, StructuredTool } from './structured';
export { createUsageTotals } from './usageTotals';
export type { EarlierUsage, UsageSnapshot, UsageTotals } from './usageTotals';
