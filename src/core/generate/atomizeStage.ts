/**
 * The atomization stage: one skeleton per task, tasks in dependency order (a task sees the
 * skeletons of the tasks it depends on), as many at once as the concurrency allows; each usable
 * skeleton is cut into atoms and stored with them. Tasks already atomized (resume) are kept.
 */
import { decomposeTask } from '../atomize/decomposer';
import { sharedSystem } from '../atomize/prefix';
import { runSkeleton, SkeletonError, type SkeletonAttempt } from '../atomize/runSkeleton';
import type { TaskFile } from '../atomize/types';
import { responseCacheKey } from '../llm';
import type { LlmRequest } from '../ports';
import { classifyRunError, createAdaptiveConcurrency, runDependencyDriven, type ScheduleResult } from '../execute';
import { holeNameOf } from '../atomize/assemble';
import { createRunGuard } from './runGuard';
import type { RunContext, RunTask } from './deps';
import { createRunRetrieval } from './retrieval';
import { surroundings } from './taskFiles';

/** Ordinals leave room for this many atoms per task, so they stay stable when a task is redone. */
export const ATOMS_PER_TASK = 10_000;

/** Skeleton temperature: low, the same task should give the same skeleton. */
const SKELETON_TEMPERATURE = 0.2;

/** Atomizes every task not atomized yet; resolves with how the schedule stopped. */
export async function atomizeTasks(ctx: RunContext, signal: AbortSignal): Promise<ScheduleResult<boolean>> {
  const { deps, runId } = ctx;
  const { settings, generation: gen } = deps;
  const states = gen.taskStates(runId);
  const done = new Set(ctx.tasks.filter((t) => states.get(t.id)?.status === 'done').map((t) => t.id));
  const todo = ctx.tasks.filter((t) => !done.has(t.id));
  const concurrency = createAdaptiveConcurrency({ maxConcurrency: settings.maxConcurrency, clock: deps.clock });
  const guard = createRunGuard(ctx, concurrency);
  const system = sharedSystem('skeleton', { discovery: ctx.discovery, plan: ctx.plan.plan }, settings.atomMaxLines);

  const retrieval = createRunRetrieval(ctx);

  const atomize = async (task: RunTask, taskSignal: AbortSignal): Promise<boolean> => {
    const around = await surroundings(ctx, task, taskSignal);
    const retrieved = await retrieval.forSkeleton(task, taskSignal);
    const keptHoles = new Map<string, Set<string>>();
    for (const path of around.fromRun) {
      const names = (around.current.get(path) ?? '').split('\n').map(holeNameOf).filter((n): n is string => n !== null);
      keptHoles.set(path, new Set(names));
    }
    const calls = {
      call: (request: LlmRequest, s: AbortSignal) => guard.call(request, s),
      forget: (request: LlmRequest) => guard.forget(request),
      attempted: (o: SkeletonAttempt) =>
        gen.recordAttempt(runId, {
          atomId: `${task.id}#skeleton`, attempt: o.attempt, model: o.request.model, temperature: o.request.temperature,
          promptHash: responseCacheKey(o.request), usage: o.response.usage, costUsd: o.response.costUsd, durationMs: o.response.durationMs,
          fromCache: o.response.fromCache, passed: o.failure === null, failure: o.failure, levels: [], code: null,
        }),
      warn: (message: string) => deps.logger.warn(message),
    };
    try {
      const result = await runSkeleton(deps.parser, calls, {
        task, system, dependencyFiles: around.dependencyFiles, currentFiles: around.current, keptHoles,
        model: settings.planningModel, maxTokens: settings.skeletonMaxTokens, maxLines: settings.atomMaxLines,
        attempts: settings.skeletonAttempts, temperature: SKELETON_TEMPERATURE, retrieved,
      }, taskSignal);
      const index = ctx.tasks.findIndex((t) => t.id === task.id);
      const atoms = decomposeTask(task.id, result.files, index * ATOMS_PER_TASK, keptHoles);
      const files: TaskFile[] = result.files.map((f, ordinal) => ({ taskId: task.id, path: f.path, ordinal, content: f.content, baseContent: around.base.get(f.path) }));
      gen.saveTaskResult(runId, task.id, result.attempts, files, atoms);
      deps.logger.info(`Task ${task.id}: skeleton of ${files.length} file(s), ${atoms.length} atom(s) after ${result.attempts} call(s).`);
      return true;
    } catch (err) {
      if (!(err instanceof SkeletonError)) throw err;
      gen.markTaskFailed(runId, task.id, err.attempts, err.failure);
      deps.logger.error(`Task ${task.id}: ${err.failure.message}`);
      return false;
    }
  };

  const result = await runDependencyDriven<boolean>({
    nodes: todo.map((t) => t.id),
    dependsOn: (id) => ctx.taskById.get(id)?.dependsOn ?? [],
    alreadyDone: done,
    run: (id, taskSignal) => atomize(ctx.taskById.get(id) as RunTask, taskSignal),
    succeeded: (ok) => ok,
    onSettle: (id, outcome) => {
      // A call that failed for good (not a fatal one: those stop the run) fails the task.
      if (outcome.status === 'errored' && classifyRunError(outcome.error) === 'fail') {
        const message = `the skeleton call failed: ${outcome.error instanceof Error ? outcome.error.message : String(outcome.error)}`;
        gen.markTaskFailed(runId, id, 1, { level: 'syntax', message });
        deps.logger.error(`Task ${id}: ${message}`);
      }
    },
    concurrency,
    clock: deps.clock,
    signal,
  });
  await result.drained;
  return result;
}
