/**
 * What an error thrown out of one node's work means for the whole run. Validation failures never
 * get here (they are results, not errors); what does is either the node's own problem, a reason
 * to stop starting work, or a reason to stop everything.
 */
import { CostCapReachedError } from './costCap';

/**
 * - 'fail': this node failed; its dependents are skipped, the rest goes on.
 * - 'halt': start nothing new, let calls in flight finish; this node stays pending (resumable).
 * - 'fatal': abort everything now (a bad key or a spend limit fails every other call too).
 */
export type ErrorDisposition = 'fail' | 'halt' | 'fatal';

/** LlmError codes that no retry or other atom can get past. */
export const FATAL_LLM_CODES: ReadonlySet<string> = new Set(['auth', 'spend-limit', 'cancelled']);

/**
 * True for an LlmError (src/core/llm) whose code is fatal. Checked by shape, not `instanceof`:
 * codes are the LLM layer's stable contract and class identity does not survive two bundles.
 */
export function isFatalLlmError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && FATAL_LLM_CODES.has(code);
}

/** The default classification: cost cap halts, fatal LLM codes abort, anything else fails the node. */
export function classifyRunError(error: unknown): ErrorDisposition {
  if (error instanceof CostCapReachedError) return 'halt';
  if (isFatalLlmError(error)) return 'fatal';
  return 'fail';
}
