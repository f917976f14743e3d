/**
 * One HTTP request to the Messages API, streamed, with an idle watchdog: the SDK's timeout only
 * covers the wait for response headers, and a stream that goes silent halfway would otherwise
 * hang the call forever.
 */
import type Anthropic from '@anthropic-ai/sdk';
import { IncompleteStreamError } from './classifyFault';
import type { WireParams } from './requestMapping';
import type { HeaderReader } from './rateLimitBudget';
import { readMessageStream, type StreamedMessage } from './streamReader';

/** A complete answer and the headers it came with. */
export interface AttemptResult {
  readonly message: StreamedMessage;
  readonly headers: HeaderReader;
}

/**
 * Sends `params` once (the SDK's own retries are off) and reads the whole stream.
 * Throws whatever the SDK throws, or IncompleteStreamError on a cut or silent stream.
 */
export async function sendAttempt(
  sdk: Anthropic,
  params: WireParams,
  signal: AbortSignal,
  idleTimeoutMs: number,
): Promise<AttemptResult> {
  const controller = new AbortController();
  const onAbort = (): void => controller.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  if (signal.aborted) controller.abort();

  let silent = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      silent = true;
      controller.abort();
    }, idleTimeoutMs);
  };

  try {
    arm();
    const { data, response } = await sdk.messages
      .create(params, { signal: controller.signal, timeout: idleTimeoutMs, maxRetries: 0 })
      .withResponse();
    const message = await readMessageStream(data, arm);
    return { message, headers: response.headers };
  } catch (err) {
    if (silent && !signal.aborted) {
      throw new IncompleteStreamError(`no data for ${Math.round(idleTimeoutMs / 1000)} s (timed out)`);
    }
    throw err;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}
