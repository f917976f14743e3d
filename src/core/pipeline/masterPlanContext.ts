/** The `context/used` event of a MasterPlan prompt, shared by planning and generate runs. */
import type { ContextUsedEntry, ProgressEvent } from '../../shared/events';

/** What runMasterPlan's `onContextUsed` should be for run `runId`. */
export function masterPlanContextSink(runId: string, emit: (event: ProgressEvent) => void): (entries: readonly ContextUsedEntry[]) => void {
  return (entries) => emit({ type: 'context/used', runId, scope: 'masterplan', taskId: null, atomId: null, entries: [...entries] });
}
