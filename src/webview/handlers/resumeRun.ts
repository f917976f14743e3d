import type { ExecuteResult } from '../../shared/protocol';
import type { HandlerDeps } from '../handlerTable';

/** `run/resume`: continues a stopped, failed or interrupted run from what is stored. */
export async function resumeRun(deps: HandlerDeps, params: { runId: string }): Promise<ExecuteResult> {
  const result = await deps.runs.resume(params.runId);
  deps.stateChanged();
  return result;
}
