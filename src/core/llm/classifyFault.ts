/**
 * Turns whatever a request attempt threw (SDK errors, a stream cut short, an idle timeout) into
 * one decision: which stable code, and whether waiting and trying again can help.
 * Branches on `status` and the API's error `type` first: classes are a fallback, because
 * mid-stream errors arrive with no status and bundlers may rename classes.
 */
import { APIConnectionError, APIError, AnthropicError } from '@anthropic-ai/sdk';
import type { TransportErrorCode } from './errors';
import type { HeaderReader } from './rateLimitBudget';

/** What one failed attempt means. */
export interface Fault {
  readonly code: Exclude<TransportErrorCode, 'cancelled'>;
  readonly retryable: boolean;
  /** HTTP status, or null (connection fault, error event inside a stream). */
  readonly status: number | null;
  /** What the API or the socket said, for logs and the final message (may be empty). */
  readonly detail: string;
  /** Headers of the error answer, for retry-after and the rate-limit budget. */
  readonly headers: HeaderReader | null;
}

/** The stream ended before `message_stop`, or went silent longer than the idle timeout. */
export class IncompleteStreamError extends Error {
  override readonly name: string = 'IncompleteStreamError';
}

// A 429 or 400 whose text says money, not speed, is the limit: waiting a minute will not help.
const SPEND_LIMIT_TEXT = /spend(ing)? limit|usage limit|credit balance|billing|quota|payment/i;
const SPEND_LIMIT_CODE = /spend|billing|credit|payment|quota/i;

function fault(code: Fault['code'], retryable: boolean, status: number | null, detail: string, headers: HeaderReader | null): Fault {
  return { code, retryable, status, detail, headers };
}

/** The fields of an SDK APIError we read (its generic parameters default to `any`). */
interface ApiErrorFields {
  readonly status: unknown;
  readonly type: string | null;
  readonly errorCode: string | null;
  readonly apiMessage: string | null;
  readonly message: string;
  readonly headers: HeaderReader | undefined;
}

function isSpendLimit(err: ApiErrorFields): boolean {
  if (err.type === 'billing_error') return true;
  if (err.errorCode !== null && SPEND_LIMIT_CODE.test(err.errorCode)) return true;
  return SPEND_LIMIT_TEXT.test(err.apiMessage ?? err.message);
}

function fromErrorType(type: string | null, detail: string): Fault | null {
  switch (type) {
    case 'rate_limit_error': return fault('rate-limit', true, null, detail, null);
    case 'overloaded_error': return fault('overloaded', true, null, detail, null);
    case 'api_error':
    case 'timeout_error': return fault('server', true, null, detail, null);
    case 'authentication_error': return fault('auth', false, null, detail, null);
    case 'permission_error': return fault('permission', false, null, detail, null);
    case 'billing_error': return fault('spend-limit', false, null, detail, null);
    case 'invalid_request_error':
    case 'not_found_error': return fault('bad-request', false, null, detail, null);
    default: return null;
  }
}

function fromApiError(err: ApiErrorFields): Fault {
  const detail = err.apiMessage ?? err.message;
  const status = typeof err.status === 'number' ? err.status : null;
  const headers = err.headers ?? null;
  if (status === null) {
    // An `error` event inside a 200 stream: only the body's type tells what happened.
    return fromErrorType(err.type, detail) ?? fault('network', true, null, detail, headers);
  }
  if (status === 401) return fault('auth', false, status, detail, headers);
  if (status === 402) return fault('spend-limit', false, status, detail, headers);
  if (status === 403) return fault('permission', false, status, detail, headers);
  if (status === 429) {
    return isSpendLimit(err) ? fault('spend-limit', false, status, detail, headers) : fault('rate-limit', true, status, detail, headers);
  }
  if (status === 408) return fault('network', true, status, detail, headers);
  if (status === 529 || err.type === 'overloaded_error') return fault('overloaded', true, status, detail, headers);
  if (status >= 500 || status === 409) return fault('server', true, status, detail, headers);
  if (status === 400 && isSpendLimit(err)) return fault('spend-limit', false, status, detail, headers);
  return fault('bad-request', false, status, detail, headers);
}

function describeCause(err: Error): string {
  const cause = (err as { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' ? `${err.message} (${code})` : `${err.message} (${cause.message})`;
  }
  return err.message;
}

/**
 * Classifies an attempt's failure. Cancellation is not decided here: the caller checks its own
 * AbortSignal first, since an abort can surface as many different errors.
 */
export function classifyFault(err: unknown): Fault {
  if (err instanceof IncompleteStreamError) return fault('network', true, null, err.message, null);
  if (err instanceof APIConnectionError) return fault('network', true, null, describeCause(err), null);
  if (err instanceof APIError) {
    const fields: ApiErrorFields = {
      status: err.status as unknown,
      type: err.type,
      errorCode: err.errorCode,
      apiMessage: err.apiMessage,
      message: err.message,
      headers: err.headers as HeaderReader | undefined,
    };
    return fromApiError(fields);
  }
  // Anything else the SDK raised while reading the stream (socket reset, bad SSE chunk).
  if (err instanceof AnthropicError) return fault('network', true, null, describeCause(err), null);
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    const socketLike = typeof code === 'string' && /^(E[A-Z]+|UND_ERR_\w+)$/.test(code);
    const fetchLike = err instanceof TypeError && /fetch failed|terminated|network/i.test(err.message);
    // A bug in our own code must not be retried six times and reported as a network fault.
    return fault('network', socketLike || fetchLike, null, describeCause(err), null);
  }
  return fault('network', false, null, String(err), null);
}
