/** Exit codes of `mge`, and which failure code maps to which. */

export const EXIT = {
  /** Done. */
  ok: 0,
  /** The run finished with failures (invalid plan, unusable model answers, internal error). */
  failed: 1,
  /** Bad usage or bad input (unknown flag, empty or oversized request, unknown run id, locked database). */
  usage: 2,
  /** The API refused or could not be reached (missing or wrong key, spend limit, network, overload). */
  api: 3,
  /** Cancelled (SIGINT); what was done is saved. */
  cancelled: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

const API_CODES = new Set(['auth', 'spend-limit', 'permission', 'bad-request', 'rate-limit', 'overloaded', 'server', 'network']);
const USAGE_CODES = new Set(['bad-input', 'db-locked', 'db-newer', 'usage']);

/** Exit code for a run failure or refusal code. */
export function exitCodeFor(code: string): ExitCode {
  if (code === 'cancelled') return EXIT.cancelled;
  if (API_CODES.has(code)) return EXIT.api;
  if (USAGE_CODES.has(code)) return EXIT.usage;
  return EXIT.failed;
}
