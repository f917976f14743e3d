/**
 * The execution stage: every atom that is not done yet runs as soon as the atoms it depends on
 * have passed, up to the adaptive concurrency, with retries at the temperature schedule and each
 * retry told what the last attempt got wrong. Status is stored and emitted at every transition;
 * files are proposed as soon as they are complete.
 */
import { assembleFile } from '../atomize/assemble';
import { closures } from '../atomize/contextInjector';
import { sharedSystem } from '../atomize/prefix';
import { isTestFile } from '../atomize/testFiles';
import {
  classifyRunError, CostCapReachedError, createAdaptiveConcurrency, escalateLastAttempt, runDependencyDriven, runWithRetries,
  type NodeOutcome, type ScheduleResult,
} from '../execute';
import type { StructuralValidators } from '../validate/structuralValidators';
import type { AtomFailure, AtomStatus } from '../../shared/events';
import { attemptAtom, type AtomAttemptEnv } from './atomAttempt';
import { createRunGuard } from './runGuard';
import type { RunContext, RunTask } from './deps';
import type { GraphPlan } from './graphStage';
import type { ProposalTracker } from './proposals';
import { createRunRetrieval } from './retrieval';
import type { AttemptEntry } from './store';

/** How one atom ended in this run. */
export interface AtomResult {
  readonly passed: boolean;
  readonly attempts: number;
}

/** Runs the atoms of `graph` that have not passed; resolves once in-flight work has wound down. */
export async function executeAtoms(
  ctx: RunContext,
  graph: GraphPlan,
  structural: StructuralValidators,
  tracker: ProposalTracker,
  signal: AbortSignal,
): Promise<ScheduleResult<AtomResult>> {
  const { deps, runId } = ctx;
  const { settings, generation: gen } = deps;
  const concurrency = createAdaptiveConcurrency({ maxConcurrency: settings.maxConcurrency, clock: deps.clock });
  const env: AtomAttemptEnv = {
    guard: createRunGuard(ctx, concurrency),
    system: sharedSystem('atom', { discovery: ctx.discovery, plan: ctx.plan.plan }, settings.atomMaxLines),
    settings,
    validators: [...structural.validators, ...(deps.extraValidators ?? [])],
  };
  const passed = new Set(graph.schedulable.filter((id) => graph.atoms.get(id)?.status === 'passed'));
  const codeOf = new Map<string, string>();
  // Whole files (not scheduled) count too: a test run needs them in the shadow.
  for (const [id, atom] of graph.atoms) {
    if (atom.status === 'passed' && atom.code) codeOf.set(id, atom.code);
  }
  // Passed atoms' code: an atom is checked with its same-file dependencies filled in (a hole its
  // skeleton lacks is ignored), and level 5 runs its file with every passed atom in place.
  const passedFills = (path: string): Map<string, string> => {
    const fills = new Map<string, string>();
    for (const [id, code] of codeOf) {
      const other = graph.atoms.get(id);
      if (other?.path === path) fills.set(other.unit, code);
    }
    return fills;
  };
  const dependencyFills = (atomId: string, path: string): Map<string, string> => {
    const fills = new Map<string, string>();
    for (const dep of graph.contexts.get(atomId)?.dependsOn ?? []) {
      const other = graph.atoms.get(dep);
      const code = codeOf.get(dep);
      if (other && code !== undefined && other.path === path) fills.set(other.unit, code);
    }
    return fills;
  };
  // The run's files as complete as they are, each in the latest version the asking task can see
  // (its own or a dependency's): what a test file's run imports. A file a later task rewrites is
  // left to the shadow: writing the older version would undo the newer one there.
  const taskClosure = closures(ctx.tasks.map((t) => t.id), new Map(ctx.tasks.map((t) => [t.id, t.dependsOn])));
  const writers = new Map<string, string[]>();
  for (const t of ctx.tasks) for (const f of t.files) writers.set(f.path, [...(writers.get(f.path) ?? []), t.id]);
  const runFiles = (taskId: string, ownPath: string): Map<string, string> => {
    const files = new Map<string, string>();
    for (const [path, list] of writers) {
      const writer = list.filter((w) => w === taskId || taskClosure.get(taskId)?.has(w)).pop();
      if (path === ownPath || writer === undefined || writer !== list[list.length - 1]) continue;
      const assembled = assembleFile(graph.skeletonOf(writer, path), passedFills(path));
      if (assembled.openHoles.length === 0) files.set(path, assembled.text);
    }
    return files;
  };
  const todo = graph.schedulable.filter((id) => !passed.has(id));
  const status = (atomId: string, value: AtomStatus, attempt: number, failure: AtomFailure | null): void => {
    const atom = graph.atoms.get(atomId);
    ctx.emit({ type: 'atom/status', runId, atomId, taskId: atom?.taskId ?? '', wave: graph.waveOf.get(atomId) ?? 0, status: value, attempt, failure });
  };

  const retrieval = createRunRetrieval(ctx);

  const runAtom = async (atomId: string, atomSignal: AbortSignal): Promise<AtomResult> => {
    const atom = graph.atoms.get(atomId);
    if (!atom) throw new Error(`unknown atom ${atomId}`);
    const task = ctx.taskById.get(atom.taskId) as RunTask;
    const retrieved = await retrieval.forAtom(atom, task, atomSignal);
    const job = {
      atom,
      task,
      retrieved,
      skeleton: graph.skeletonOf(atom.taskId, atom.path),
      context: graph.contexts.get(atomId) ?? { signatures: [], dependsOn: [] },
      dependencyFills: dependencyFills(atomId, atom.path),
      passedFills: () => passedFills(atom.path),
      ...(isTestFile(atom.path) ? { runFiles: () => runFiles(atom.taskId, atom.path) } : {}),
    };
    gen.updateAtom(runId, atomId, { status: 'running', attempts: 0, failure: null });
    status(atomId, 'running', 1, null);
    let durationMs = 0;
    try {
      const outcome = await runWithRetries<AttemptEntry>({
        attempt: (plan, s) => attemptAtom(env, job, plan, s),
        signal: atomSignal,
        maxAttempts: settings.maxRetries,
        temperatures: settings.temperatures,
        modelForAttempt: settings.escalateLastAttempt ? escalateLastAttempt(settings.planningModel) : undefined,
        onAttempt: (result, plan) => {
          gen.recordAttempt(runId, result.record);
          durationMs += result.record.durationMs;
          if (!result.passed && !plan.isLast) status(atomId, 'running', plan.n + 1, result.record.failure);
        },
      });
      const last = outcome.attempts[outcome.attempts.length - 1];
      const final = outcome.passed ? 'passed' : 'failed';
      const failure = outcome.passed ? null : (last?.failure ?? null);
      gen.updateAtom(runId, atomId, { status: final, attempts: outcome.attempts.length, code: last?.code ?? null, failure, durationMs });
      status(atomId, final, outcome.attempts.length, failure);
      if (outcome.passed && last?.code) codeOf.set(atomId, last.code);
      if (outcome.passed) tracker.update([{ ...atom, status: 'passed', code: last?.code ?? null }]);
      return { passed: outcome.passed, attempts: outcome.attempts.length };
    } catch (err) {
      // Stopped by the cap or a cancel: the atom never finished and is redone on resume.
      if (err instanceof CostCapReachedError || atomSignal.aborted) {
        gen.updateAtom(runId, atomId, { status: 'pending', durationMs });
        status(atomId, 'pending', 0, null);
      }
      throw err;
    }
  };

  const settle = (atomId: string, outcome: NodeOutcome<AtomResult>): void => {
    if (outcome.status === 'skipped') {
      gen.updateAtom(runId, atomId, { status: 'skipped', failure: null });
      status(atomId, 'skipped', 0, null);
    } else if (outcome.status === 'cancelled') {
      gen.updateAtom(runId, atomId, { status: 'pending' });
    } else if (outcome.status === 'errored' && classifyRunError(outcome.error) === 'fail') {
      const failure: AtomFailure = { level: 'syntax', message: `no code: the model call failed: ${outcome.error instanceof Error ? outcome.error.message : String(outcome.error)}` };
      gen.updateAtom(runId, atomId, { status: 'failed', failure });
      status(atomId, 'failed', 0, failure);
    }
  };

  const result = await runDependencyDriven<AtomResult>({
    nodes: todo,
    dependsOn: (id) => graph.contexts.get(id)?.dependsOn ?? [],
    alreadyDone: passed,
    run: runAtom,
    succeeded: (value) => value.passed,
    priority: (id) => graph.tails.get(id) ?? 0,
    onSettle: settle,
    concurrency,
    clock: deps.clock,
    signal,
  });
  await result.drained;
  return result;
}
