/**
 * One generate run: the plan stages (as `mge plan`), then the V2 engine (atoms) or the V1 engine
 * (whole tasks), with events persisted and emitted and everything resume needs stored as it
 * happens. `resumeGenerate` continues a run that stopped at any point (killed, cancelled, cost
 * cap, failed): stored stages are not redone, passed atoms are kept, atoms that were in flight
 * are redone, and files already proposed are not proposed again.
 */
import { CostCapReachedError, createCostCap } from '../execute';
import { CycleError } from '../graph';
import { planTasks } from '../masterplan/schema';
import { BadInputError, checkRequest } from '../pipeline/badInput';
import { describeFailure } from '../pipeline/runErrors';
import type { RunRecord, RunStatus, StoredDiscovery, StoredMasterPlan } from '../ports';
import type { ProgressEvent, RunSummaryEvent } from '../../shared/events';
import type { GenerateDeps, GenerateInput, RunContext, RunTask } from './deps';
import type { EngineResult } from './engineResult';
import { planStages } from './stages';
import { buildSummary, type GenerateOutcome, type GenerateSummary } from './summary';
import { runV1 } from './v1Engine';
import { runV2 } from './v2Engine';
import { createPrefixWarmup } from './warmup';

/**
 * Generate code for `input.request` into proposals. Throws BadInputError (nothing stored) for an
 * empty or oversized request; every later failure ends the run and is reported in the summary.
 */
export async function generateRun(deps: GenerateDeps, input: GenerateInput, signal: AbortSignal): Promise<GenerateSummary> {
  const request = checkRequest(input.request);
  const source = input.planFromRunId === undefined ? undefined : reviewedPlan(deps, input.planFromRunId);
  const run = deps.store.createRun({
    kind: 'generate',
    engine: deps.settings.engine,
    request,
    workspaceRoot: input.workspaceRoot,
    model: deps.settings.planningModel,
    conversationId: input.conversationId ?? null,
    sourceRunId: source ? (input.planFromRunId ?? null) : null,
  });
  if (source) {
    const discovery = deps.store.saveDiscovery(run.id, source.discovery.document, source.discovery.markdown);
    deps.store.saveMasterPlan(run.id, discovery.id, source.plan.plan, source.plan.markdown);
  }
  return drive(deps, run, signal);
}

/** The stored discovery and plan of run `runId`, or BadInputError. */
function reviewedPlan(deps: GenerateDeps, runId: string): { discovery: StoredDiscovery; plan: StoredMasterPlan } {
  const discovery = deps.store.discoveryForRun(runId);
  const plan = deps.store.masterPlanForRun(runId);
  if (!discovery || !plan) throw new BadInputError(`Run ${runId} has no stored plan to generate from.`);
  return { discovery, plan };
}

/** Continue generate run `runId` from what is stored (its engine is the one it started with). */
export async function resumeGenerate(deps: GenerateDeps, runId: string, signal: AbortSignal): Promise<GenerateSummary> {
  const run = deps.store.getRun(runId);
  if (!run) throw new BadInputError(`There is no run ${runId} in this workspace's database.`);
  if (run.kind !== 'generate') throw new BadInputError(`Run ${runId} is a planning run; continue it with \`mge plan --resume ${runId}\`.`);
  deps.logger.info(`Resuming run ${runId} (status ${run.status}, last stage ${run.stage ?? 'none'})`);
  return drive(deps, run, signal);
}

const STATUS: Readonly<Record<GenerateOutcome, RunStatus>> = { done: 'done', failed: 'failed', cancelled: 'cancelled', 'stopped-at-cost-cap': 'failed' };

async function drive(deps: GenerateDeps, run: RunRecord, signal: AbortSignal): Promise<GenerateSummary> {
  const { store, clock, generation: gen } = deps;
  const started = clock.now();
  const runId = run.id;
  const emit = (event: ProgressEvent): void => {
    store.appendEvent(runId, event);
    deps.emit(event);
  };
  const redone = gen.resetRunningAtoms(runId);
  if (redone > 0) deps.logger.info(`Run ${runId}: ${redone} atom(s) were in flight when it stopped; they will be redone.`);
  if (run.status !== 'running') store.updateRun(runId, { status: 'running', error: null });
  emit({ type: 'run/started', runId, request: run.request, engine: run.engine });
  // After run/started: a resumed run's first cost/update (its spend so far) belongs to the run shown.
  deps.calls.attach(runId, emit);
  let plan: StoredMasterPlan | undefined;
  let result: EngineResult;
  // One cap over the whole run, from discovery to the last atom; what earlier sessions of the run
  // spent counts against it, so a resume continues from the run's spend, not from $0.
  const cap = createCostCap({ capUsd: deps.settings.maxCostUsd, spentUsd: store.usageForRun(runId).costUsd });
  try {
    const stages = await planStages(deps, run, emit, signal, cap);
    plan = stages.plan;
    const tasks: RunTask[] = planTasks(plan.plan);
    const ctx: RunContext = {
      deps, run, runId, emit, plan, tasks, cap,
      discovery: stages.discovery.document,
      taskById: new Map(tasks.map((t) => [t.id, t])),
      warmup: createPrefixWarmup(),
    };
    result = run.engine === 'v1' ? await runV1(ctx, signal) : await runV2(ctx, signal);
  } catch (err) {
    const empty = { executionMs: 0, criticalPathMs: 0, waves: 0, proposedNow: [], refused: [] };
    if (err instanceof CostCapReachedError && !signal.aborted) {
      result = { ...empty, outcome: 'stopped-at-cost-cap', error: { code: 'cost-cap', message: err.message } };
    } else {
      const failure = err instanceof CycleError ? { code: 'cycle', message: err.message } : describeFailure(err, signal);
      const cancelled = failure.code === 'cancelled';
      result = { ...empty, outcome: cancelled ? 'cancelled' : 'failed', error: cancelled ? null : failure };
    }
  } finally {
    deps.calls.detach();
  }
  if (result.error && result.outcome === 'failed') emit({ type: 'run/error', runId, code: result.error.code, message: result.error.message });
  if (result.outcome !== 'done') deps.logger.warn(`Run ${runId} ${result.outcome}${result.error ? `: ${result.error.message}` : ''}`);
  store.updateRun(runId, { status: STATUS[result.outcome], error: result.error });
  const summary = buildSummary(deps, {
    runId,
    engine: run.engine,
    plan: plan ?? store.masterPlanForRun(runId),
    outcome: result.outcome,
    error: result.error,
    wallMs: clock.now() - started,
    executionMs: result.executionMs,
    criticalPathMs: result.criticalPathMs,
    waves: result.waves,
    filesProposedNow: result.proposedNow,
    filesRefused: result.refused,
  });
  emit(summaryEvent(summary));
  emit({ type: 'run/finished', runId, outcome: result.outcome, wallMs: summary.wallMs });
  // Resume reads the run's state: it must be on disk before the caller exits.
  await store.flushNow();
  await gen.flushNow();
  return summary;
}

/** The summary card's numbers, as an event the panel can show and restore after a reload. */
function summaryEvent(s: GenerateSummary): RunSummaryEvent {
  return {
    type: 'run/summary', runId: s.runId, engine: s.engine, masterPlanId: s.masterPlanId, tasks: s.tasks, atoms: s.atoms,
    atomsPassed: s.atomsPassed, atomsFailed: s.atomsFailed, precision: s.precision, firstPassRate: s.firstPassRate,
    retries: s.retries, wallMs: s.wallMs, executionMs: s.executionMs, criticalPathMs: s.criticalPathMs,
    inputTokens: s.usage.inputTokens, outputTokens: s.usage.outputTokens, cacheReadTokens: s.usage.cacheReadTokens,
    costUsd: s.usage.costUsd, cacheSavingsUsd: s.usage.cacheSavingsUsd, filesProposed: s.filesProposed, failed: s.failed,
    levels: s.levels,
  };
}
