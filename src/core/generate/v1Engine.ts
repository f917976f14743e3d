/**
 * The V1 engine: tasks in dependency order, a fixed few at a time, one call per task, syntax
 * check only. Each generated file is reported in ~25-line chunks (the legacy "subtasks") as
 * atoms, so the events and the summary compare with V2's.
 */
import { atomIdOf } from '../atomize/contract';
import type { AtomSpec, TaskFile } from '../atomize/types';
import { classifyRunError, fixedConcurrency, runDependencyDriven } from '../execute';
import { buildAtomGraph, computeWaves, criticalPath, waveIndex } from '../graph';
import { createRunGuard } from './runGuard';
import type { RunContext, RunTask } from './deps';
import { outcomeOfStop, type EngineResult } from './engineResult';
import { createProposalTracker } from './proposals';
import { ATOMS_PER_TASK } from './atomizeStage';
import { surroundings } from './taskFiles';
import { generateV1Task, type V1File } from './v1Task';

/** Runs every V1 task not done yet and proposes the files that parse. */
export async function runV1(ctx: RunContext, signal: AbortSignal): Promise<EngineResult> {
  const { deps, runId } = ctx;
  const { settings, generation: gen, clock } = deps;
  const states = gen.taskStates(runId);
  const done = new Set(ctx.tasks.filter((t) => states.get(t.id)?.status === 'done').map((t) => t.id));
  const chunksOf = (t: RunTask): number => Math.max(1, Math.ceil(t.estimatedLoc / settings.v1ChunkLines));
  const graph = buildAtomGraph(ctx.tasks.map((t) => ({ id: t.id, dependsOn: t.dependsOn, expectedMs: settings.expectedAtomMs * chunksOf(t) })));
  const waves = computeWaves(graph);
  const waveOf = waveIndex(waves);
  const sizes = waves.map((w) => w.reduce((n, id) => n + chunksOf(ctx.taskById.get(id) as RunTask), 0));
  ctx.emit({ type: 'waves/planned', runId, waveSizes: sizes, atoms: sizes.reduce((a, b) => a + b, 0), criticalPathMs: criticalPath(graph).lengthMs });
  const tracker = createProposalTracker(ctx, gen.atoms(runId), signal);
  tracker.checkAll();
  const concurrency = fixedConcurrency(settings.v1Concurrency, clock);
  const guard = createRunGuard(ctx, concurrency);

  const runTask = async (id: string, taskSignal: AbortSignal): Promise<boolean> => {
    const task = ctx.taskById.get(id) as RunTask;
    const around = await surroundings(ctx, task, taskSignal);
    const result = await generateV1Task(ctx, guard, task, around, taskSignal);
    if (!result.ok) {
      gen.markTaskFailed(runId, id, result.attempts, result.failure);
      return false;
    }
    const files: TaskFile[] = result.files.map((f, ordinal) => ({ taskId: id, path: f.path, ordinal, content: f.content, baseContent: around.base.get(f.path) }));
    const chunks = chunkAtoms(ctx, task, result.files);
    gen.saveTaskResult(runId, id, result.attempts, files, chunks.map((c) => c.spec));
    for (const c of chunks) {
      gen.updateAtom(runId, c.spec.atomId, { status: c.failure ? 'failed' : 'passed', attempts: result.attempts, code: c.text, failure: c.failure });
      ctx.emit({ type: 'atom/status', runId, atomId: c.spec.atomId, taskId: id, wave: waveOf.get(id) ?? 0, status: c.failure ? 'failed' : 'passed', attempt: result.attempts, failure: c.failure });
    }
    tracker.update(chunks.map((c) => ({ ...c.spec, status: c.failure ? 'failed' : 'passed', code: c.text })));
    return true;
  };

  const t0 = clock.now();
  const result = await runDependencyDriven<boolean>({
    nodes: ctx.tasks.filter((t) => !done.has(t.id)).map((t) => t.id),
    dependsOn: (id) => ctx.taskById.get(id)?.dependsOn ?? [],
    alreadyDone: done,
    run: runTask,
    succeeded: (ok) => ok,
    onSettle: (id, outcome) => {
      if (outcome.status === 'errored' && classifyRunError(outcome.error) === 'fail') {
        gen.markTaskFailed(runId, id, 1, { level: 'syntax', message: `the task call failed: ${outcome.error instanceof Error ? outcome.error.message : String(outcome.error)}` });
      }
    },
    concurrency,
    clock,
    signal,
  });
  await result.drained;
  const executionMs = clock.now() - t0;
  tracker.checkAll();
  await tracker.drain();
  const durations = new Map<string, number>();
  for (const a of gen.attempts(runId)) if (a.atomId.endsWith('#v1')) durations.set(a.atomId.slice(0, -3), (durations.get(a.atomId.slice(0, -3)) ?? 0) + a.durationMs);
  const measured = buildAtomGraph(ctx.tasks.map((t) => ({ id: t.id, dependsOn: t.dependsOn, expectedMs: durations.get(t.id) ?? 0 })));
  const forced = outcomeOfStop(result.stop, signal) ?? (signal.aborted ? { outcome: 'cancelled' as const, error: null } : null);
  const finalStates = gen.taskStates(runId);
  const clean = ctx.tasks.every((t) => finalStates.get(t.id)?.status === 'done') && gen.atoms(runId).every((a) => a.status === 'passed') && tracker.errors.length === 0 && tracker.refused.length === 0;
  return {
    outcome: forced?.outcome ?? (clean ? 'done' : 'failed'),
    error: forced?.error ?? null,
    executionMs,
    criticalPathMs: criticalPath(measured).lengthMs,
    waves: waves.length,
    proposedNow: tracker.proposedNow,
    refused: tracker.refused,
  };
}

interface Chunk {
  readonly spec: AtomSpec;
  readonly text: string;
  readonly failure: { readonly level: 'syntax'; readonly message: string } | null;
}

/** Each file in slices of `v1ChunkLines` lines; a slice with a syntax error in it fails. */
function chunkAtoms(ctx: RunContext, task: RunTask, files: readonly V1File[]): Chunk[] {
  const size = ctx.deps.settings.v1ChunkLines;
  let ordinal = ctx.tasks.findIndex((t) => t.id === task.id) * ATOMS_PER_TASK;
  const chunks: Chunk[] = [];
  for (const f of files) {
    const lines = f.content.split('\n');
    for (let start = 1; start <= Math.max(1, lines.length); start += size) {
      const end = Math.min(lines.length, start + size - 1);
      const unit = `L${start}-${end}`;
      const inside = f.problems.filter((p) => p.line <= end && p.endLine >= start);
      chunks.push({
        spec: {
          atomId: atomIdOf(task.id, f.path, unit), taskId: task.id, path: f.path, unit, kind: 'chunk', signature: null,
          description: `lines ${start}-${end} of ${f.path}`, holeLine: start, holeText: '', indent: '',
          language: ctx.deps.parser.languageForPath(f.path) ?? null, ordinal: ordinal++,
        },
        text: lines.slice(start - 1, end).join('\n'),
        failure: inside.length > 0 ? { level: 'syntax', message: inside.map((p) => `line ${p.line}:${p.column}: ${p.message}`).join('; ') } : null,
      });
    }
  }
  return chunks;
}
