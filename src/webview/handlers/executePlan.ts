import type { MasterPlan } from '../../core/masterplan/schema';
import type { ExecuteResult } from '../../shared/protocol';
import type { HandlerDeps } from '../handlerTable';

/** `plan/execute`: validates the (edited) plan again, then generates from it. */
export async function executePlan(deps: HandlerDeps, params: { runId: string; plan: MasterPlan }): Promise<ExecuteResult> {
  const result = await deps.runs.executePlan(params.runId, params.plan);
  if (result.status === 'started') deps.stateChanged();
  return result;
}
