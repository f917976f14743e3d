import type { PlanForReview } from '../../shared/protocol';
import type { HandlerDeps } from '../handlerTable';

/** `plan/get`: the Discovery Document and MasterPlan of a planning run, for review. */
export function getPlan(deps: HandlerDeps, params: { runId: string }): Promise<PlanForReview> {
  return deps.runs.planForReview(params.runId);
}
