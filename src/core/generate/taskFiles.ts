/**
 * What a task sees of the files around it: the files its dependency tasks wrote (nearest first)
 * and the current content of the files it changes (an earlier task's version, else the
 * workspace). Shared by the skeleton stage (V2) and the task stage (V1).
 */
import type { TaskFile } from '../atomize/types';
import type { ShownFile } from '../atomize/taskPrompt';
import type { RunContext, RunTask } from './deps';

/** The files around one task. */
export interface TaskSurroundings {
  readonly dependencyFiles: ShownFile[];
  /** Current text of the task's files that exist, by path. */
  readonly current: Map<string, string>;
  /** Of those, the ones an earlier task of this run wrote. */
  readonly fromRun: Set<string>;
  /** The file before the run touched it, by path (undefined: new file). */
  readonly base: Map<string, string | undefined>;
}

/** Dependency tasks breadth-first from `task`, nearest first. */
export function dependencyOrder(ctx: RunContext, task: RunTask): string[] {
  const order: string[] = [];
  const queue = [...task.dependsOn];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (order.includes(id)) continue;
    order.push(id);
    queue.push(...(ctx.taskById.get(id)?.dependsOn ?? []));
  }
  return order;
}

/** The files around `task`, read from the store and (for files no task wrote yet) the workspace. */
export async function surroundings(ctx: RunContext, task: RunTask, signal: AbortSignal): Promise<TaskSurroundings> {
  const order = dependencyOrder(ctx, task);
  const stored = ctx.deps.generation.taskFiles(ctx.runId);
  const byTask = new Map<string, TaskFile[]>();
  for (const f of stored) byTask.set(f.taskId, [...(byTask.get(f.taskId) ?? []), f]);
  const dependencyFiles: ShownFile[] = [];
  const latest = new Map<string, TaskFile>();
  // Walk from the farthest dependency to the nearest so the latest version of a path wins.
  for (const id of [...order].reverse()) for (const f of byTask.get(id) ?? []) latest.set(f.path, f);
  const ownPaths = new Set(task.files.map((f) => f.path));
  const shown = new Set<string>();
  for (const id of order) {
    for (const f of byTask.get(id) ?? []) {
      if (shown.has(f.path) || ownPaths.has(f.path)) continue;
      shown.add(f.path);
      dependencyFiles.push({ path: f.path, content: latest.get(f.path)?.content ?? f.content });
    }
  }
  const current = new Map<string, string>();
  const fromRun = new Set<string>();
  const base = new Map<string, string | undefined>();
  for (const planned of task.files) {
    const earlier = latest.get(planned.path);
    const firstVersion = stored.find((f) => f.path === planned.path && order.includes(f.taskId));
    if (earlier) {
      current.set(planned.path, earlier.content);
      fromRun.add(planned.path);
      base.set(planned.path, firstVersion?.baseContent);
      continue;
    }
    const onDisk = await ctx.deps.workspace.readFile(planned.path, signal);
    if (onDisk !== undefined) current.set(planned.path, onDisk);
    base.set(planned.path, onDisk);
  }
  return { dependencyFiles, current, fromRun, base };
}
