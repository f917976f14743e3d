/**
 * The plan stages of a generate run (discovery, masterplan: the same code as `mge plan`, reused
 * from what is stored).
 */
import { runDiscovery } from '../discovery/runDiscovery';
import { runMasterPlan } from '../masterplan/runMasterPlan';
import type { RunRecord, StoredDiscovery, StoredMasterPlan } from '../ports';
import type { ProgressEvent } from '../../shared/events';
import type { CostCap } from '../execute';
import { cappedLlm } from './callGuard';
import type { GenerateDeps } from './deps';

import { inStage } from '../pipeline/inStage';
import { masterPlanContextSink } from '../pipeline/masterPlanContext';

/** Discovery and masterplan of `run`, each asked for only when not stored yet, within `cap`. */
export async function planStages(
  deps: GenerateDeps,
  run: RunRecord,
  emit: (e: ProgressEvent) => void,
  signal: AbortSignal,
  cap: CostCap,
): Promise<{ discovery: StoredDiscovery; plan: StoredMasterPlan }> {
  const runId = run.id;
  // Planning spends against the run's cap like every later call (CostCapReachedError past it).
  const planDeps = { ...deps, llm: cappedLlm(deps.llm, cap), settings: deps.planSettings };
  const discovery =
    deps.store.discoveryForRun(runId) ??
    (await inStage(deps, runId, 'discovery', emit, () => runDiscovery(planDeps, { runId, request: run.request }, signal)));
  emit({ type: 'discovery/ready', runId, discoveryId: discovery.id, domain: discovery.document.domain, markdown: discovery.markdown });
  const stored = deps.store.masterPlanForRun(runId);
  const plan =
    stored ??
    (await inStage(deps, runId, 'masterplan', emit, () =>
      runMasterPlan(planDeps, { runId, request: run.request, discovery, workspaceRoot: run.workspaceRoot, onContextUsed: masterPlanContextSink(runId, emit) }, signal),
    ));
  const tasks = plan.plan.phases.reduce((n, p) => n + p.tasks.length, 0);
  emit({ type: 'plan/ready', runId, masterPlanId: plan.id, phases: plan.plan.phases.length, tasks, markdown: plan.markdown });
  return { discovery, plan };
}
