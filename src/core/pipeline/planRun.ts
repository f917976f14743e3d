/**
 * One planning run: request -> discovery -> masterplan, each stored and saved as soon as it
 * exists, with progress events persisted and emitted. `resumePlan` continues a run that stopped
 * (killed, failed, cancelled) from what is stored: a stored discovery is never asked for again.
 */
import { runDiscovery } from '../discovery/runDiscovery';
import { runMasterPlan } from '../masterplan/runMasterPlan';
import type { Clock, LlmClient, Logger, PlanStore, ProgressSink, RunRecord, RunUsage, StoredDiscovery, StoredMasterPlan, VectorIndex } from '../ports';
import type { ProgressEvent } from '../../shared/events';
import { BadInputError, checkRequest } from './badInput';
import { inStage } from './inStage';
import { masterPlanContextSink } from './masterPlanContext';
import type { CallLedger } from './callLedger';
import type { PlanSettings } from './planSettings';
import { describeFailure, type RunFailure } from './runErrors';

export interface PlanRunDeps {
  readonly llm: LlmClient;
  /** Attributes the client's call records to the run (the client was built with its callbacks). */
  readonly calls: CallLedger;
  readonly store: PlanStore;
  readonly vectorIndex: VectorIndex;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly emit: ProgressSink;
  readonly settings: PlanSettings;
}

export interface PlanRunInput {
  readonly request: string;
  /** Absolute path of the workspace the plan's files are relative to. */
  readonly workspaceRoot: string;
  readonly conversationId?: string | null;
}

export interface PlanRunResult {
  readonly runId: string;
  readonly outcome: 'done' | 'failed' | 'cancelled';
  readonly discovery: StoredDiscovery | undefined;
  readonly masterPlan: StoredMasterPlan | undefined;
  readonly failure: RunFailure | undefined;
  /** Wall time of this call (a resumed run counts from the resume). */
  readonly wallMs: number;
  /** Tokens and cost of every call of the run, across resumes. */
  readonly usage: RunUsage;
}

/**
 * Plan `input.request`. Throws BadInputError (nothing stored) for an empty or oversized request;
 * every later failure ends the run as failed or cancelled and is returned in the result.
 */
export async function planRun(deps: PlanRunDeps, input: PlanRunInput, signal: AbortSignal): Promise<PlanRunResult> {
  const request = checkRequest(input.request);
  const run = deps.store.createRun({
    kind: 'plan',
    engine: 'v2',
    request,
    workspaceRoot: input.workspaceRoot,
    model: deps.settings.model,
    conversationId: input.conversationId ?? null,
    sourceRunId: null,
  });
  return drive(deps, run, signal);
}

/**
 * Continue run `runId` from what is stored: nothing is called again for a stage whose result
 * exists. A run that already has a valid plan is returned as done without any call.
 */
export async function resumePlan(deps: PlanRunDeps, runId: string, signal: AbortSignal): Promise<PlanRunResult> {
  const run = deps.store.getRun(runId);
  if (!run) throw new BadInputError(`There is no run ${runId} in this workspace's database.`);
  deps.logger.info(`Resuming run ${runId} (status ${run.status}, last stage ${run.stage ?? 'none'})`);
  return drive(deps, run, signal);
}

async function drive(deps: PlanRunDeps, run: RunRecord, signal: AbortSignal): Promise<PlanRunResult> {
  const { store, clock } = deps;
  const started = clock.now();
  const runId = run.id;
  const emit = (event: ProgressEvent): void => {
    store.appendEvent(runId, event);
    deps.emit(event);
  };
  const result = (outcome: PlanRunResult['outcome'], failure?: RunFailure): PlanRunResult => ({
    runId,
    outcome,
    discovery: store.discoveryForRun(runId),
    masterPlan: store.masterPlanForRun(runId),
    failure,
    wallMs: clock.now() - started,
    usage: store.usageForRun(runId),
  });
  const finish = async (outcome: PlanRunResult['outcome'], failure?: RunFailure): Promise<PlanRunResult> => {
    store.updateRun(runId, { status: outcome, error: failure ? { code: failure.code, message: failure.message } : null });
    emit({ type: 'run/finished', runId, outcome, wallMs: clock.now() - started });
    // Resume reads the run's status: it must be on disk before the caller exits.
    await store.flushNow();
    return result(outcome, failure);
  };

  if (store.masterPlanForRun(runId)) {
    if (run.status !== 'done') store.updateRun(runId, { status: 'done', error: null });
    return result('done');
  }
  if (run.status !== 'running') store.updateRun(runId, { status: 'running', error: null });
  emit({ type: 'run/started', runId, request: run.request, engine: run.engine });
  // After run/started: a resumed run's first cost/update (its spend so far) belongs to the run shown.
  deps.calls.attach(runId, emit);
  try {
    const discovery =
      store.discoveryForRun(runId) ??
      (await inStage(deps, runId, 'discovery', emit, () => runDiscovery(deps, { runId, request: run.request }, signal)));
    emit({ type: 'discovery/ready', runId, discoveryId: discovery.id, domain: discovery.document.domain, markdown: discovery.markdown });
    const input = { runId, request: run.request, discovery, workspaceRoot: run.workspaceRoot, onContextUsed: masterPlanContextSink(runId, emit) };
    const plan = await inStage(deps, runId, 'masterplan', emit, () => runMasterPlan(deps, input, signal));
    const tasks = plan.plan.phases.reduce((n, p) => n + p.tasks.length, 0);
    emit({ type: 'plan/ready', runId, masterPlanId: plan.id, phases: plan.plan.phases.length, tasks, markdown: plan.markdown });
    return await finish('done');
  } catch (err) {
    const failure = describeFailure(err, signal);
    const outcome = failure.code === 'cancelled' ? 'cancelled' : 'failed';
    if (outcome === 'failed') emit({ type: 'run/error', runId, code: failure.code, message: failure.message });
    deps.logger.error(`Run ${runId} ${outcome}: ${failure.message}`);
    return await finish(outcome, failure);
  } finally {
    deps.calls.detach();
  }

}
