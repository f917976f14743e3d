/**
 * The LlmClient over @anthropic-ai/sdk. Transport faults are handled here, with the SDK's own
 * retries off, so that waits go through the injected Clock and show up as `llm/pause` countdowns:
 * 429 waits out retry-after (or the reset headers), 529 / 5xx / resets / timeouts back off with
 * jitter, and 401 / 403 / 400 / spend limits stop at once with a plain message.
 */
import Anthropic from '@anthropic-ai/sdk';
import type { Clock, LlmClient, LlmRequest, LlmResponse, LlmUsage, Logger } from '../ports';
import { addUsage, ZERO_USAGE, type LlmCallRecord } from './callRecord';
import { classifyFault, type Fault } from './classifyFault';
import { cancelledError, isLlmError, LlmError, type LlmErrorCode } from './errors';
import { finalMessage, pauseMessage, pauseReasonOf, redact } from './faultMessages';
import { createQuirkBook, refusedField } from './modelQuirks';
import { createPauseGate, type LlmPause } from './pauseGate';
import { costOf } from './prices';
import { countOverload, emptyRateLimitState, updateRateLimitState, type RateLimitState } from './rateLimitBudget';
import { toMessageParams } from './requestMapping';
import { responseCacheKey, type ResponseCache } from './responseCache';
import { retryWaitMs } from './retryWait';
import { sendAttempt } from './sendAttempt';
import type { StreamedMessage } from './streamReader';

/** Where requests go when no base URL is configured (the SDK would read ANTHROPIC_BASE_URL). */
export const DEFAULT_BASE_URL = 'https://api.anthropic.com';
export const DEFAULT_MAX_TRANSPORT_RETRIES = 6;
/** Longest silence allowed while connecting or between two stream events. */
export const DEFAULT_TIMEOUT_MS = 120_000;

/** How to build the client; everything it touches is injected. */
export interface AnthropicLlmClientOptions {
  readonly apiKey: string;
  /** An Anthropic-compatible endpoint (gateway, local server); undefined: the public API. */
  readonly baseUrl: string | undefined;
  /** The response cache (`mge.v2.enableCaching`), or null to always ask the API. */
  readonly cache: ResponseCache | null;
  /** Every finished call, success or final failure, for the store and the cost totals. */
  readonly onCall: (record: LlmCallRecord) => void;
  /** Countdown while a fault is waited out (first tick, then each second, then 0). */
  readonly onPause: (pause: LlmPause) => void;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Retries after the first request for retryable faults (default 6). */
  readonly maxTransportRetries?: number;
  /** Idle timeout per request, ms (default 120 s). */
  readonly timeoutMs?: number;
  /** Jitter source (tests pass a fixed one). */
  readonly random?: () => number;
}

/** The LlmClient plus the rate-limit budget the executor reads to size its concurrency. */
export interface AnthropicLlmClient extends LlmClient {
  getRateLimitState(): RateLimitState;
}

function toResponse(message: StreamedMessage, usage: LlmUsage, costUsd: number, durationMs: number): LlmResponse {
  return {
    text: message.text,
    toolInput: message.toolInput,
    toolName: message.toolName,
    stopReason: message.stopReason,
    usage,
    costUsd,
    fromCache: false,
    durationMs,
  };
}

function hostOf(baseURL: string): string {
  try {
    return new URL(baseURL).host;
  } catch {
    throw new LlmError('bad-request', `The Anthropic base URL "${baseURL}" is not a valid URL.`);
  }
}

/** Creates the client. Nothing is read from the environment: key and URL come from options. */
export function createAnthropicLlmClient(options: AnthropicLlmClientOptions): AnthropicLlmClient {
  const { clock, logger, onCall, cache } = options;
  const maxAttempts = 1 + (options.maxTransportRetries ?? DEFAULT_MAX_TRANSPORT_RETRIES);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const random = options.random ?? Math.random;
  const baseURL = options.baseUrl ?? DEFAULT_BASE_URL;
  const host = hostOf(baseURL);
  const sdk = new Anthropic({
    apiKey: options.apiKey,
    authToken: null,
    baseURL,
    maxRetries: 0,
    timeout: timeoutMs,
    logLevel: 'warn',
    logger: {
      error: (m: string) => logger.error(redact(`anthropic sdk: ${m}`, options.apiKey)),
      warn: (m: string) => logger.warn(redact(`anthropic sdk: ${m}`, options.apiKey)),
      info: (m: string) => logger.info(redact(`anthropic sdk: ${m}`, options.apiKey)),
      debug: (m: string) => logger.debug(redact(`anthropic sdk: ${m}`, options.apiKey)),
    },
  });
  const quirks = createQuirkBook();
  // Shared by all calls: a rate limit or an overload is the account's, not one call's.
  const sharedGate = createPauseGate(clock, options.onPause);
  let rateLimits = emptyRateLimitState();

  const fail = (fault: Fault, attempts: number): LlmError =>
    new LlmError(fault.code, redact(finalMessage(fault, attempts, host), options.apiKey), { status: fault.status, attempts });

  /** Tries until an answer or a final error; `progress` tells the caller what was spent. */
  async function answer(request: LlmRequest, signal: AbortSignal, started: number, progress: { attempts: number; usage: LlmUsage }): Promise<LlmResponse> {
    if (options.apiKey.trim() === '') {
      throw new LlmError('auth', 'No Anthropic API key is set. Set one and try again.');
    }
    const ownGate = createPauseGate(clock, options.onPause);
    for (;;) {
      await sharedGate.pass(signal);
      await ownGate.pass(signal);
      progress.attempts++;
      const modelQuirks = quirks.get(request.model);
      try {
        const { message, headers } = await sendAttempt(sdk, toMessageParams(request, modelQuirks), signal, timeoutMs);
        rateLimits = updateRateLimitState(rateLimits, headers, clock.now(), false);
        progress.usage = addUsage(progress.usage, message.usage);
        return toResponse(message, progress.usage, costOf(request.model, progress.usage), clock.now() - started);
      } catch (err) {
        if (signal.aborted) throw cancelledError(progress.attempts);
        const fault = classifyFault(err);
        if (fault.headers !== null || fault.code === 'rate-limit') {
          rateLimits = updateRateLimitState(rateLimits, fault.headers ?? { get: () => null }, clock.now(), fault.code === 'rate-limit');
        }
        if (fault.code === 'overloaded') rateLimits = countOverload(rateLimits);
        logger.debug(redact(`llm ${request.purpose}: attempt ${progress.attempts} failed: ${fault.code} ${fault.status ?? ''} ${fault.detail}`, options.apiKey));
        const field = fault.code === 'bad-request' ? refusedField(fault.detail) : null;
        const relevant = field === 'temperature' ? modelQuirks.temperature : field === 'forcedTool' && request.forceTool !== null;
        if (field !== null && relevant && quirks.learn(request.model, field) && progress.attempts < maxAttempts) {
          logger.info(`llm: ${request.model} refused ${field === 'temperature' ? 'temperature' : 'a forced tool choice'}; sending without it from now on.`);
          continue;
        }
        if (!fault.retryable || progress.attempts >= maxAttempts) throw fail(fault, progress.attempts);
        const wait = retryWaitMs(fault, progress.attempts, clock.now(), random);
        const gate = fault.code === 'rate-limit' || fault.code === 'overloaded' ? sharedGate : ownGate;
        gate.hold(wait, pauseReasonOf(fault.code), pauseMessage(fault, progress.attempts, maxAttempts));
      }
    }
  }

  async function fromResponseCache(key: string): Promise<LlmResponse | undefined> {
    if (cache === null) return undefined;
    try {
      return await cache.get(key);
    } catch (err) {
      logger.warn(`llm: response cache read failed, asking the API: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  }

  async function remember(key: string, response: LlmResponse): Promise<void> {
    // A cut-off or refused answer is not worth repeating forever.
    if (cache === null || response.stopReason === 'max_tokens' || response.stopReason === 'refusal') return;
    try {
      await cache.put(key, response);
    } catch (err) {
      logger.warn(`llm: response cache write failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  return {
    getRateLimitState: () => rateLimits,
    async forget(request) {
      if (cache === null) return;
      try {
        await cache.delete(responseCacheKey(request));
      } catch (err) {
        logger.warn(`llm: response cache delete failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
    async call(request, signal) {
      const started = clock.now();
      const promptHash = responseCacheKey(request);
      const record = (usage: LlmUsage, costUsd: number, fromCache: boolean, errorCode: LlmErrorCode | null, attempts: number): void =>
        onCall({
          purpose: request.purpose,
          model: request.model,
          temperature: request.temperature,
          usage,
          costUsd,
          durationMs: clock.now() - started,
          fromCache,
          promptHash,
          errorCode,
          attempts,
          ...(request.contextUsed && request.contextUsed.length > 0 ? { contextUsed: request.contextUsed } : {}),
        });
      const progress = { attempts: 0, usage: ZERO_USAGE };
      let outcome: { response: LlmResponse; cached: boolean };
      try {
        if (signal.aborted) throw cancelledError(0);
        const cached = await fromResponseCache(promptHash);
        outcome = cached !== undefined ? { response: cached, cached: true } : { response: await answer(request, signal, started, progress), cached: false };
      } catch (err) {
        const error = signal.aborted
          ? cancelledError(progress.attempts)
          : isLlmError(err)
            ? new LlmError(err.code, err.message, { status: err.status, attempts: progress.attempts })
            : new LlmError('network', `The model call failed unexpectedly: ${err instanceof Error ? err.message : String(err)}`, { attempts: progress.attempts });
        record(progress.usage, costOf(request.model, progress.usage), false, error.code, progress.attempts);
        throw error;
      }
      if (outcome.cached) {
        // Nothing was spent on this call, so a hit reports zero usage and cost.
        record(ZERO_USAGE, 0, true, null, 0);
        return { ...outcome.response, usage: ZERO_USAGE, costUsd: 0, fromCache: true, durationMs: clock.now() - started };
      }
      await remember(promptHash, outcome.response);
      record(outcome.response.usage, outcome.response.costUsd, false, null, progress.attempts);
      return outcome.response;
    },
  };
}
