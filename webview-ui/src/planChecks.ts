/**
 * Checks of an edited plan the panel can make before Execute: the protocol's schema (plan/execute
 * refuses params that do not fit it), ids, dependencies and cycles. The host validates again
 * (paths, file conflicts) and answers `invalid` with its own problems, which are mapped back onto
 * the tasks they name.
 */
import { masterPlanSchema, type MasterPlan } from '../../src/core/masterplan/schema';
import { taskIds } from './planEdits';

/** One problem, attached to a task when it is about one. */
export interface PlanProblem {
  readonly taskId: string | null;
  readonly message: string;
}

const FIELD_NAMES: Record<string, string> = {
  title: 'title', description: 'description', files: 'file list', acceptance: 'acceptance check',
  language: 'language', estimatedLoc: 'size estimate', path: 'file path', dependsOn: 'dependencies', id: 'id',
  boundedContext: 'bounded context', name: 'name', goal: 'goal', summary: 'summary', phases: 'phases',
};

/** Every problem the panel can see in `plan`; empty means it may be sent. */
export function planProblems(plan: MasterPlan): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const parsed = masterPlanSchema.safeParse(plan);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(describeIssue(plan, issue.path, issue.code, issue.message));
  }
  const ids = taskIds(plan);
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) problems.push({ taskId: id, message: `Task id ${id} is used by more than one task.` });
    seen.add(id);
  }
  const deps = new Map<string, string[]>();
  for (const phase of plan.phases) {
    for (const task of phase.tasks) {
      for (const dep of task.dependsOn) {
        if (dep === task.id) problems.push({ taskId: task.id, message: `Task ${task.id} depends on itself.` });
        else if (!seen.has(dep)) problems.push({ taskId: task.id, message: `Task ${task.id} depends on ${dep}, which is not in the plan.` });
      }
      deps.set(task.id, task.dependsOn.filter((d) => d !== task.id && seen.has(d)));
    }
  }
  const cycle = findCycle(deps);
  if (cycle) problems.push({ taskId: cycle[0], message: `Dependency cycle: ${cycle.join(' -> ')}.` });
  return problems;
}

function describeIssue(plan: MasterPlan, path: readonly PropertyKey[], code: string, message: string): PlanProblem {
  const [top, phaseIndex, inner, taskIndex, field] = path;
  const phase = top === 'phases' && typeof phaseIndex === 'number' ? plan.phases[phaseIndex] : undefined;
  const task = phase && inner === 'tasks' && typeof taskIndex === 'number' ? phase.tasks[taskIndex] : undefined;
  const leaf = [...path].reverse().find((p): p is string => typeof p === 'string');
  const what = FIELD_NAMES[String(field ?? leaf)] ?? String(leaf ?? 'plan');
  const why = what === 'size estimate' ? 'must be a whole number from 1 to 5000'
    : code === 'too_small' ? (what === 'file list' || what === 'phases' ? 'needs at least one entry' : 'is empty')
    : code === 'too_big' ? 'is too long' : message;
  if (task) return { taskId: task.id, message: `Task ${task.id}: the ${what} ${why}.` };
  if (phase) return { taskId: null, message: `Phase ${phase.id}: the ${what} ${why}.` };
  return { taskId: null, message: `The plan's ${what} ${why}.` };
}

/** One dependency cycle as a path that ends where it starts, or null. */
export function findCycle(deps: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    if (state.get(id) === 'done') return null;
    if (state.get(id) === 'visiting') return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 'visiting');
    stack.push(id);
    for (const dep of deps.get(id) ?? []) {
      const found = visit(dep);
      if (found) return found;
    }
    stack.pop();
    state.set(id, 'done');
    return null;
  };
  for (const id of deps.keys()) {
    const found = visit(id);
    if (found) return found;
  }
  return null;
}

/** Attaches the host's problem texts to the task ids they name ("Task T3 writes ..."). */
export function problemsFromHost(messages: readonly string[], ids: readonly string[]): PlanProblem[] {
  const known = new Set(ids);
  return messages.map((message) => {
    const named = [...message.matchAll(/\b([A-Za-z][\w-]{0,19})\b/g)].map((m) => m[1]).find((word) => known.has(word));
    return { taskId: named ?? null, message };
  });
}
