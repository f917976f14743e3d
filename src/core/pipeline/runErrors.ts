/** Turning whatever ended a run into a stable code and a plain message. */
import { isLlmError } from '../llm';

export interface RunFailure {
  /** 'cancelled', an LlmError code ('auth', 'spend-limit', 'malformed-answer' ...), 'invalid-plan', a store code, or 'internal'. */
  readonly code: string;
  readonly message: string;
}

/** Code and message for `err`; an aborted signal always reads as 'cancelled'. */
export function describeFailure(err: unknown, signal: AbortSignal): RunFailure {
  if (signal.aborted || (isLlmError(err) && err.code === 'cancelled')) return { code: 'cancelled', message: 'The run was cancelled.' };
  if (isLlmError(err)) return { code: err.code, message: err.message };
  if (err instanceof Error && 'code' in err && typeof err.code === 'string') return { code: err.code, message: err.message };
  return { code: 'internal', message: `Internal error: ${err instanceof Error ? err.message : String(err)}` };
}
