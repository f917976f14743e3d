import type { HandlerDeps } from '../handlerTable';

/** `run/stop`: cancels the run through its AbortController; the core saves what it has. */
export function stopRun(deps: HandlerDeps, params: { runId: string }): Promise<{ stopped: boolean }> {
  return Promise.resolve({ stopped: deps.chat.stop(params.runId) });
}
