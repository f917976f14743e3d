/**
 * The V2 engine: atomization, graph, execution (proposing files as they complete), assembly of
 * whatever is left. Each stage starts only if the one before completed; a cancel, the cost cap
 * or a fatal error ends the run with everything so far stored for a resume.
 */
import { createStructuralValidators } from '../validate/structuralValidators';
import { atomizeTasks } from './atomizeStage';
import type { RunContext } from './deps';
import { outcomeOfStop, type EngineResult } from './engineResult';
import { executeAtoms } from './executeStage';
import { measuredCriticalPathMs, planGraph } from './graphStage';
import { createProposalTracker } from './proposals';
import { inStage } from '../pipeline/inStage';

/** Every file's latest skeleton into the validation workspace (levels 4-5 see the whole project's declarations). */
async function mirrorSkeletons(ctx: RunContext, signal: AbortSignal): Promise<void> {
  const target = ctx.deps.validationWorkspace;
  if (!target) return;
  const latest = new Map<string, string>();
  const rank = new Map(ctx.tasks.map((t, i) => [t.id, i]));
  const files = ctx.deps.generation.taskFiles(ctx.runId).sort((a, b) => (rank.get(a.taskId) ?? 0) - (rank.get(b.taskId) ?? 0));
  for (const f of files) latest.set(f.path, f.content);
  for (const [path, text] of latest) await target.write(path, text, signal);
}

/** Runs the V2 stages of the run in `ctx`. */
export async function runV2(ctx: RunContext, signal: AbortSignal): Promise<EngineResult> {
  const { deps, runId, emit } = ctx;
  const gen = deps.generation;
  const empty = { executionMs: 0, criticalPathMs: 0, waves: 0, proposedNow: [], refused: [] };
  const atomized = await inStage(deps, runId, 'atomization', emit, () => atomizeTasks(ctx, signal));
  const stopped = outcomeOfStop(atomized.stop, signal);
  if (stopped) return { ...empty, ...stopped };

  const graph = await inStage(deps, runId, 'graph', emit, () => planGraph(ctx, signal));
  await mirrorSkeletons(ctx, signal);
  const structural = createStructuralValidators(deps.parser);
  const tracker = createProposalTracker(ctx, [...graph.atoms.values()], signal);
  // A resumed run may hold complete files whose proposal never happened (or never finished).
  tracker.checkAll();
  const t0 = deps.clock.now();
  let executed;
  try {
    executed = await inStage(deps, runId, 'execution', emit, () => executeAtoms(ctx, graph, structural, tracker, signal));
  } finally {
    structural.dispose();
  }
  const executionMs = deps.clock.now() - t0;
  let forced = outcomeOfStop(executed.stop, signal);
  if (!forced) {
    await inStage(deps, runId, 'assembly', emit, async () => {
      tracker.checkAll();
      await tracker.drain();
    });
  } else {
    await tracker.drain();
  }
  // Cancelled while the last files were being proposed: they were not all handed over.
  if (!forced && signal.aborted) forced = { outcome: 'cancelled', error: null };
  const atoms = gen.atoms(runId);
  const durations = new Map(atoms.map((a) => [a.atomId, a.durationMs]));
  const states = gen.taskStates(runId);
  const clean =
    ctx.tasks.every((t) => states.get(t.id)?.status === 'done') &&
    atoms.every((a) => a.status === 'passed') &&
    tracker.errors.length === 0 &&
    tracker.refused.length === 0;
  return {
    outcome: forced?.outcome ?? (clean ? 'done' : 'failed'),
    error: forced?.error ?? (tracker.errors[0] !== undefined ? { code: 'edit-sink', message: tracker.errors[0] } : null),
    executionMs,
    criticalPathMs: measuredCriticalPathMs(graph, (id) => durations.get(id) ?? 0),
    waves: graph.waves.length,
    proposedNow: tracker.proposedNow,
    refused: tracker.refused,
  };
}
