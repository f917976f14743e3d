import type { ApplyResult } from '../../shared/protocol';
import type { HandlerDeps } from '../handlerTable';

/** `review/apply`: applies the accepted proposals of a run as one edit. */
export async function applyReview(deps: HandlerDeps, params: { runId: string }): Promise<ApplyResult> {
  const result = await deps.applyReview(params.runId);
  deps.stateChanged();
  return result;
}
