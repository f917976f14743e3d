/** How an engine (V1 or V2) ended, and turning a scheduler stop into a run outcome. */
import { CostCapReachedError, type StopReason } from '../execute';
import { describeFailure } from '../pipeline/runErrors';
import type { GenerateOutcome } from './summary';

/** What an engine reports to the run driver. */
export interface EngineResult {
  readonly outcome: GenerateOutcome;
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly executionMs: number;
  readonly criticalPathMs: number;
  readonly waves: number;
  readonly proposedNow: readonly string[];
  readonly refused: ReadonlyArray<{ readonly path: string; readonly reason: string }>;
}

/** The outcome a stop forces, or null when the schedule completed (then the atoms decide). */
export function outcomeOfStop(stop: StopReason, signal: AbortSignal): Pick<EngineResult, 'outcome' | 'error'> | null {
  switch (stop.kind) {
    case 'completed':
      return null;
    case 'cancelled':
      return { outcome: 'cancelled', error: null };
    case 'halted':
      if (stop.cause instanceof CostCapReachedError) return { outcome: 'stopped-at-cost-cap', error: { code: 'cost-cap', message: stop.cause.message } };
      return { outcome: 'failed', error: describeFailure(stop.cause, signal) };
    case 'fatal': {
      const error = describeFailure(stop.error, signal);
      return { outcome: error.code === 'cancelled' ? 'cancelled' : 'failed', error: error.code === 'cancelled' ? null : error };
    }
  }
}
