/**
 * Edits of a MasterPlan under review. Each returns a new plan and leaves the old one untouched, so
 * the editor can keep the host's original beside the draft. Task ids stay stable while editing
 * (the user reads and picks them); renumbering is a separate, explicit step.
 */
import type { MasterPlan, PlanTask, PlannedFile } from '../../src/core/masterplan/schema';

/** The fields of a task the editor changes in place. */
export type TaskPatch = Partial<Pick<PlanTask, 'title' | 'description' | 'acceptance' | 'language' | 'files' | 'estimatedLoc'>>;

/** What the user types to add a task. */
export interface NewTask {
  readonly title: string;
  readonly description: string;
  /** One path a line; a line ending in "(modify)" changes an existing file. */
  readonly files: string;
  readonly language: string;
  readonly acceptance?: string;
}

function mapTasks(plan: MasterPlan, fn: (task: PlanTask) => PlanTask | null): MasterPlan {
  return {
    ...plan,
    phases: plan.phases.map((phase) => ({
      ...phase,
      tasks: phase.tasks.map(fn).filter((t): t is PlanTask => t !== null),
    })),
  };
}

/** Every task id in plan order. */
export function taskIds(plan: MasterPlan): string[] {
  return plan.phases.flatMap((p) => p.tasks.map((t) => t.id));
}

/** Finds a task by id. */
export function findTask(plan: MasterPlan, taskId: string): PlanTask | undefined {
  for (const phase of plan.phases) {
    const task = phase.tasks.find((t) => t.id === taskId);
    if (task) return task;
  }
  return undefined;
}

/**
 * The next free id of the plan's "T<n>" series. `reserved` ids count as taken too: a task removed
 * in this review keeps its id out of reuse, so "T5" never names two different tasks to the user.
 */
export function nextTaskId(plan: MasterPlan, reserved: readonly string[] = []): string {
  const ids = new Set([...taskIds(plan), ...reserved]);
  let n = 0;
  for (const id of ids) {
    const m = /^T(\d+)$/.exec(id);
    if (m) n = Math.max(n, Number(m[1]));
  }
  let candidate = `T${n + 1}`;
  while (ids.has(candidate)) candidate = `T${++n + 1}`;
  return candidate;
}

/** Changes some fields of one task. */
export function updateTask(plan: MasterPlan, taskId: string, patch: TaskPatch): MasterPlan {
  return mapTasks(plan, (t) => (t.id === taskId ? { ...t, ...patch } : t));
}

/** Removes a task and every dependency on it (the tasks that needed it no longer wait for it). */
export function removeTask(plan: MasterPlan, taskId: string): MasterPlan {
  return mapTasks(plan, (t) => (t.id === taskId ? null : t.dependsOn.includes(taskId) ? { ...t, dependsOn: t.dependsOn.filter((d) => d !== taskId) } : t));
}

/** Reads the add-task form's file list: one path a line, "(modify)" at the end for an existing file. */
export function parseFileList(text: string): PlannedFile[] {
  const files: PlannedFile[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const modify = /\s*\(modify\)$/i.exec(line);
    const path = (modify ? line.slice(0, modify.index) : line).trim().replace(/\\/g, '/');
    if (path !== '' && !files.some((f) => f.path === path)) files.push({ path, change: modify ? 'modify' : 'create' });
  }
  return files;
}

/** Writes files back in the form's format. */
export function formatFileList(files: readonly PlannedFile[]): string {
  return files.map((f) => (f.change === 'modify' ? `${f.path} (modify)` : f.path)).join('\n');
}

/** Adds a task at the end of a phase with the next free id (see nextTaskId); returns the plan and the new id. */
export function addTask(plan: MasterPlan, phaseId: string, draft: NewTask, reserved: readonly string[] = []): { plan: MasterPlan; taskId: string } {
  const taskId = nextTaskId(plan, reserved);
  const phase = plan.phases.find((p) => p.id === phaseId);
  if (!phase) return { plan, taskId };
  const files = parseFileList(draft.files);
  const title = draft.title.trim();
  const task: PlanTask = {
    id: taskId,
    title,
    description: draft.description.trim(),
    boundedContext: commonContext(phase.tasks),
    files,
    dependsOn: [],
    acceptance: draft.acceptance?.trim() || `${title} works as described and the project builds.`,
    // A rough size so the planner's budget has a number; the atomizer measures the real one.
    estimatedLoc: Math.min(5000, Math.max(1, files.length * 40)),
    language: draft.language.trim().toLowerCase(),
  };
  return {
    plan: { ...plan, phases: plan.phases.map((p) => (p.id === phaseId ? { ...p, tasks: [...p.tasks, task] } : p)) },
    taskId,
  };
}

function commonContext(tasks: readonly PlanTask[]): string {
  const counts = new Map<string, number>();
  for (const t of tasks) counts.set(t.boundedContext, (counts.get(t.boundedContext) ?? 0) + 1);
  let best = '';
  let bestCount = 0;
  for (const [context, n] of counts) if (n > bestCount) [best, bestCount] = [context, n];
  return best;
}

/** The language most tasks use, as the add form's default. */
export function commonLanguage(plan: MasterPlan): string {
  const counts = new Map<string, number>();
  for (const phase of plan.phases) for (const t of phase.tasks) counts.set(t.language, (counts.get(t.language) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'typescript';
}

/** Ids of the tasks that depend on `taskId`, directly or through others. */
export function dependents(plan: MasterPlan, taskId: string): Set<string> {
  const users = new Map<string, string[]>();
  for (const phase of plan.phases) {
    for (const t of phase.tasks) for (const d of t.dependsOn) users.set(d, [...(users.get(d) ?? []), t.id]);
  }
  const out = new Set<string>();
  const queue = [taskId];
  while (queue.length > 0) {
    for (const user of users.get(queue.pop() ?? '') ?? []) {
      if (!out.has(user)) {
        out.add(user);
        queue.push(user);
      }
    }
  }
  return out;
}

/** Tasks `taskId` may depend on without a cycle: every other task that does not already need it. */
export function dependencyCandidates(plan: MasterPlan, taskId: string): string[] {
  const blocked = dependents(plan, taskId);
  return taskIds(plan).filter((id) => id !== taskId && !blocked.has(id));
}

/** Sets a task's dependencies: known ids only, never itself, no repeats, in plan order. */
export function setDependencies(plan: MasterPlan, taskId: string, deps: readonly string[]): MasterPlan {
  const wanted = new Set(deps);
  const ordered = taskIds(plan).filter((id) => id !== taskId && wanted.has(id));
  return mapTasks(plan, (t) => (t.id === taskId ? { ...t, dependsOn: ordered } : t));
}

/** Renames tasks to T1..Tn in plan order and rewrites the dependencies; returns the old -> new ids. */
export function renumberTasks(plan: MasterPlan): { plan: MasterPlan; renamed: Map<string, string> } {
  const renamed = new Map<string, string>();
  taskIds(plan).forEach((id, i) => renamed.set(id, `T${i + 1}`));
  const rename = (id: string): string => renamed.get(id) ?? id;
  return { plan: mapTasks(plan, (t) => ({ ...t, id: rename(t.id), dependsOn: t.dependsOn.map(rename) })), renamed };
}
