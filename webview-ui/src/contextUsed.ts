/**
 * Folds `context/used` events into what the panel lists as "context used": the MasterPlan
 * prompt's snippets, and per task its skeleton's and its atoms'. Pure, like runView: a resumed
 * run's atom that builds its prompt again replaces what the atom had.
 */
import type { ContextUsedEntry, ContextUsedEvent } from '../../src/shared/events';

/** The retrieved context of one task's prompts. */
export interface TaskContextUsed {
  skeleton: ContextUsedEntry[];
  /** By atom id, in the order the atoms were first seen. */
  atoms: Record<string, ContextUsedEntry[]>;
}

/** The retrieved context of one run's prompts. */
export interface ContextUsedView {
  plan: ContextUsedEntry[];
  /** By task id, in the order the tasks were first seen. */
  tasks: Record<string, TaskContextUsed>;
}

export function emptyContextUsed(): ContextUsedView {
  return { plan: [], tasks: {} };
}

/** Applies one `context/used` event (mutates `view`). */
export function applyContextUsed(view: ContextUsedView, event: ContextUsedEvent): void {
  if (event.scope === 'masterplan' || event.taskId === null) {
    view.plan = [...event.entries];
    return;
  }
  const task = view.tasks[event.taskId] ?? { skeleton: [], atoms: {} };
  if (event.scope === 'skeleton') task.skeleton = [...event.entries];
  else if (event.atomId !== null) task.atoms[event.atomId] = [...event.entries];
  view.tasks[event.taskId] = task;
}

/** Snippets and prompts of the generation stages (skeletons and atoms). */
export function generationCounts(view: ContextUsedView): { prompts: number; snippets: number } {
  let prompts = 0;
  let snippets = 0;
  for (const task of Object.values(view.tasks)) {
    if (task.skeleton.length > 0) {
      prompts++;
      snippets += task.skeleton.length;
    }
    for (const entries of Object.values(task.atoms)) {
      prompts++;
      snippets += entries.length;
    }
  }
  return { prompts, snippets };
}

/** `src/a.ts:3-9` */
export function entryLocation(entry: Pick<ContextUsedEntry, 'path' | 'startLine' | 'endLine'>): string {
  return entry.startLine === entry.endLine ? `${entry.path}:${entry.startLine}` : `${entry.path}:${entry.startLine}-${entry.endLine}`;
}

/** The hole name of an atom id (`T3.src/a.ts#createTask` -> `createTask`). */
export function atomUnit(atomId: string): string {
  return atomId.slice(atomId.lastIndexOf('#') + 1);
}
