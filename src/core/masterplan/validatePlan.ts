/**
 * Structural checks of a schema-valid plan before it may be stored: ids, dependencies, cycles,
 * file ownership and paths. Each problem carries a message written for the model (it is sent back
 * once to fix the plan) and for the user (it is shown when the plan is refused).
 */
import { findCycles, formatCycle } from '../graph/cycles';
import { checkWorkspacePath, normalizeWorkspacePath } from '../workspacePath';
import { planTasks, type MasterPlan } from './schema';

export type PlanProblemKind =
  | 'empty-plan'
  | 'duplicate-task-id'
  | 'unknown-dependency'
  | 'self-dependency'
  | 'cycle'
  | 'file-conflict'
  | 'outside-workspace'
  | 'invalid-path';

export interface PlanProblem {
  readonly kind: PlanProblemKind;
  /** The task the problem is about (the first of them for conflicts and cycles). */
  readonly taskId: string | null;
  readonly message: string;
}

/** Every structural problem of `plan`; an empty list means the plan may be stored. */
export function validatePlan(plan: MasterPlan, workspaceRoot: string): PlanProblem[] {
  const tasks = planTasks(plan);
  if (tasks.length === 0) return [{ kind: 'empty-plan', taskId: null, message: 'The plan has no tasks.' }];
  const problems: PlanProblem[] = [];
  const ids = new Set<string>();
  for (const task of tasks) {
    if (ids.has(task.id)) problems.push({ kind: 'duplicate-task-id', taskId: task.id, message: `Task id ${task.id} is used by more than one task.` });
    ids.add(task.id);
  }
  const deps = new Map<string, string[]>();
  for (const task of tasks) {
    const known: string[] = deps.get(task.id) ?? [];
    for (const dep of task.dependsOn) {
      if (dep === task.id) problems.push({ kind: 'self-dependency', taskId: task.id, message: `Task ${task.id} depends on itself.` });
      else if (!ids.has(dep)) problems.push({ kind: 'unknown-dependency', taskId: task.id, message: `Task ${task.id} depends on ${dep}, which is not in the plan.` });
      else known.push(dep);
    }
    deps.set(task.id, known);
  }
  for (const cycle of findCycles(deps.keys(), (id) => deps.get(id) ?? [])) {
    problems.push({ kind: 'cycle', taskId: cycle[0] ?? null, message: `Dependency cycle: ${formatCycle(cycle)}.` });
  }
  problems.push(...checkPaths(tasks, workspaceRoot), ...checkFileConflicts(tasks, deps));
  return problems;
}

type Task = ReturnType<typeof planTasks>[number];

function checkPaths(tasks: readonly Task[], workspaceRoot: string): PlanProblem[] {
  const problems: PlanProblem[] = [];
  for (const task of tasks) {
    for (const file of task.files) {
      const check = checkWorkspacePath(workspaceRoot, file.path);
      if (!check.ok) {
        problems.push({ kind: check.kind, taskId: task.id, message: `Task ${task.id} writes "${file.path}", which is refused: ${check.reason}.` });
      }
    }
  }
  return problems;
}

/** Two writers of one file must be ordered by a dependency path, or their edits would race. */
function checkFileConflicts(tasks: readonly Task[], deps: ReadonlyMap<string, readonly string[]>): PlanProblem[] {
  const writers = new Map<string, { path: string; ids: string[] }>();
  for (const task of tasks) {
    for (const file of task.files) {
      const check = normalizeWorkspacePath(file.path);
      if (!check.ok) continue;
      // Case-folded: on macOS and Windows "Task.ts" and "task.ts" are one file.
      const key = check.path.toLowerCase();
      const entry = writers.get(key) ?? { path: check.path, ids: [] };
      if (!entry.ids.includes(task.id)) entry.ids.push(task.id);
      writers.set(key, entry);
    }
  }
  const problems: PlanProblem[] = [];
  const reach = memoReach(deps);
  for (const { path, ids } of writers.values()) {
    ids.forEach((a, i) => {
      for (const b of ids.slice(i + 1)) {
        if (reach(a).has(b) || reach(b).has(a)) continue;
        problems.push({
          kind: 'file-conflict',
          taskId: a,
          message: `Tasks ${a} and ${b} both write ${path} but neither depends on the other (directly or through other tasks).`,
        });
      }
    });
  }
  return problems;
}

/** Transitive dependencies of a task, computed once per task. */
function memoReach(deps: ReadonlyMap<string, readonly string[]>): (id: string) => ReadonlySet<string> {
  const memo = new Map<string, Set<string>>();
  return (start) => {
    const cached = memo.get(start);
    if (cached) return cached;
    const seen = new Set<string>();
    const stack = [...(deps.get(start) ?? [])];
    while (stack.length > 0) {
      const id = stack.pop() ?? '';
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(deps.get(id) ?? []));
    }
    memo.set(start, seen);
    return seen;
  };
}
