import type { HandlerDeps } from '../handlerTable';

/** `review/open`: shows the proposals of a run in VS Code's diff editor. */
export async function openReview(deps: HandlerDeps, params: { runId: string }): Promise<{ files: number; opened: string | null }> {
  return deps.openReview(params.runId);
}
