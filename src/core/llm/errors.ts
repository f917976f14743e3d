/**
 * The errors the LLM layer throws. Callers branch on `code` (stable strings), never on the class
 * name or the message, because esbuild may rename classes and messages are for people.
 */

/** Transport and API outcomes of one model call that ended without an answer. */
export type TransportErrorCode =
  | 'auth'
  | 'spend-limit'
  | 'permission'
  | 'bad-request'
  | 'rate-limit'
  | 'overloaded'
  | 'server'
  | 'network'
  | 'cancelled';

/** Every code an `LlmError` can carry; 'malformed-answer' comes from `callStructured`. */
export type LlmErrorCode = TransportErrorCode | 'malformed-answer';

/** A model call failed for good; `message` is plain words fit for the user (no stack, no key). */
export class LlmError extends Error {
  override readonly name: string = 'LlmError';
  readonly code: LlmErrorCode;
  /** HTTP status of the last answer, or null (network fault, cancel, malformed answer). */
  readonly status: number | null;
  /** Requests made before giving up (0 when answered from cache or cancelled before sending). */
  readonly attempts: number;

  constructor(code: LlmErrorCode, message: string, options: { status?: number | null; attempts?: number } = {}) {
    super(message);
    this.code = code;
    this.status = options.status ?? null;
    this.attempts = options.attempts ?? 0;
  }
}

/** Structured answer still wrong after the last attempt; `problems` lists what was wrong. */
export class StructuredOutputError extends LlmError {
  override readonly name: string = 'StructuredOutputError';
  readonly problems: readonly string[];

  constructor(message: string, problems: readonly string[], attempts: number) {
    super('malformed-answer', message, { attempts });
    this.problems = problems;
  }
}

/**
 * True for an LlmError, also across bundles: two copies of this module (extension and a test
 * harness, say) would fail `instanceof`, so the shape is checked too.
 */
export function isLlmError(value: unknown): value is LlmError {
  if (value instanceof LlmError) return true;
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { code?: unknown; attempts?: unknown; message?: unknown };
  return typeof candidate.code === 'string' && typeof candidate.attempts === 'number' && typeof candidate.message === 'string';
}

/** The `cancelled` error every abort path turns into. */
export function cancelledError(attempts: number): LlmError {
  return new LlmError('cancelled', 'The model call was cancelled.', { attempts });
}
