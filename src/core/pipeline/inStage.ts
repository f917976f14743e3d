/** Running one stage of a run between its events; shared by planning and generation. */
import type { Clock, PlanStore } from '../ports';
import type { ProgressEvent, Stage } from '../../shared/events';

/**
 * Runs `body` as stage `name`: recorded as the run's current stage and saved before the stage's
 * calls start (so `mge status` after a kill names the right stage), between started/finished events.
 */
export async function inStage<T>(
  deps: { readonly store: Pick<PlanStore, 'updateRun' | 'flushNow'>; readonly clock: Pick<Clock, 'now'> },
  runId: string,
  name: Stage,
  emit: (e: ProgressEvent) => void,
  body: () => Promise<T>,
): Promise<T> {
  const t0 = deps.clock.now();
  deps.store.updateRun(runId, { stage: name });
  await deps.store.flushNow();
  emit({ type: 'stage/started', runId, stage: name });
  const value = await body();
  emit({ type: 'stage/finished', runId, stage: name, durationMs: deps.clock.now() - t0 });
  return value;
}
