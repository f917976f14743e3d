import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { MasterPlan } from '../../../src/core/masterplan/schema';
import {
  addTask, commonLanguage, dependencyCandidates, findTask, nextTaskId, removeTask, renumberTasks, setDependencies, taskIds, updateTask,
  type TaskPatch,
} from '../planEdits';
import { planProblems, type PlanProblem } from '../planChecks';
import { renderMarkdown } from './markdownView';
import { renderTaskEditor } from './taskEditor';
import { addTaskError, emptyAddTask, renderAddTaskForm, type AddTaskDraft } from './addTaskForm';
import { panelStyles } from '../styles';

/** Detail of `plan-edit`: the whole edited plan (the parent keeps it, so closing loses nothing). */
export type PlanEditEvent = CustomEvent<{ plan: MasterPlan }>;

/**
 * The plan review: the Discovery Document, then every task to edit, remove or add and its
 * dependencies, then Execute. The parent owns the draft and the host's problems; this element
 * owns only the add-task form and the undo list of structural edits.
 */
export class MgePlanEditor extends LitElement {
  static override styles = panelStyles;
  static override properties = {
    plan: { attribute: false },
    discoveryMarkdown: { attribute: false },
    hostProblems: { attribute: false },
    reservedIds: { attribute: false },
    edited: { type: Boolean },
    busy: { type: Boolean },
    adding: { state: true },
    openTasks: { state: true },
    history: { state: true },
  };

  plan: MasterPlan | null = null;
  discoveryMarkdown = '';
  /** Problems the host answered to the last Execute. */
  hostProblems: PlanProblem[] = [];
  /** Ids of the host's original plan: a removed task's id is not given to a new one. */
  reservedIds: string[] = [];
  edited = false;
  busy = false;
  adding: AddTaskDraft | null = null;
  history: Array<{ label: string; plan: MasterPlan }> = [];
  /** Tasks whose form is open. */
  openTasks: ReadonlySet<string> = new Set();

  private emit(name: 'plan-execute' | 'plan-cancel' | 'plan-discard'): void {
    this.dispatchEvent(new CustomEvent(name));
  }

  private edit(plan: MasterPlan, undoLabel?: string): void {
    if (undoLabel && this.plan) this.history = [...this.history.slice(-19), { label: undoLabel, plan: this.plan }];
    this.dispatchEvent(new CustomEvent<PlanEditEvent['detail']>('plan-edit', { detail: { plan } }));
  }

  private readonly taskActions = {
    patch: (taskId: string, patch: TaskPatch) => { if (this.plan) this.edit(updateTask(this.plan, taskId, patch)); },
    setDeps: (taskId: string, deps: string[]) => { if (this.plan) this.edit(setDependencies(this.plan, taskId, deps), `dependencies of ${taskId}`); },
    toggle: (taskId: string, open: boolean) => { this.setOpen(taskId, open); },
    remove: (taskId: string) => {
      if (!this.plan) return;
      const ids = taskIds(this.plan);
      const next = ids[ids.indexOf(taskId) + 1] ?? ids[ids.indexOf(taskId) - 1];
      // Focus would fall to the page's start with the removed task; keep it where the user was.
      this.pendingFocus = { taskId: next ?? null, open: false };
      this.edit(removeTask(this.plan, taskId), `removal of ${taskId}`);
    },
  };

  private setOpen(taskId: string, open: boolean): void {
    const next = new Set(this.openTasks);
    if (open) next.add(taskId);
    else next.delete(taskId);
    this.openTasks = next;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // The host's problems open the tasks they name, so the user lands on what to fix.
    if (changed.has('hostProblems') && this.hostProblems.some((p) => p.taskId !== null)) {
      this.openTasks = new Set([...this.openTasks, ...this.hostProblems.flatMap((p) => (p.taskId ? [p.taskId] : []))]);
    }
  }

  /** Focus to move once the edited plan comes back from the parent (a few renders later). */
  private pendingFocus: { taskId: string | null; open: boolean } | null = null;

  override updated(): void {
    const focus = this.pendingFocus;
    if (!focus || !this.plan) return;
    // An added task is not in the plan until the parent hands the edited plan back.
    if (focus.taskId !== null && !taskIds(this.plan).includes(focus.taskId)) return;
    this.pendingFocus = null;
    if (focus.taskId && focus.open && !this.openTasks.has(focus.taskId)) {
      // Open it first; the next render builds its form, then focus moves.
      this.pendingFocus = focus;
      this.setOpen(focus.taskId, true);
      return;
    }
    const details = focus.taskId ? this.renderRoot.querySelector<HTMLDetailsElement>(`details[data-task="${focus.taskId}"]`) : null;
    (details?.querySelector('summary') ?? this.renderRoot.querySelector<HTMLElement>('.execute'))?.focus();
  }

  private undo(): void {
    const last = this.history.at(-1);
    if (!last) return;
    this.history = this.history.slice(0, -1);
    this.edit(last.plan);
  }

  private addTask(): void {
    if (!this.plan || !this.adding) return;
    const error = addTaskError(this.adding);
    if (error) {
      this.adding = { ...this.adding, error };
      return;
    }
    const { plan, taskId } = addTask(this.plan, this.adding.phaseId, this.adding, this.reservedIds);
    this.adding = null;
    this.pendingFocus = { taskId, open: true };
    this.edit(plan, `adding ${taskId}`);
  }

  private renumber(): void {
    if (!this.plan) return;
    const { plan, renamed } = renumberTasks(this.plan);
    this.openTasks = new Set([...this.openTasks].map((id) => renamed.get(id) ?? id));
    this.edit(plan, 'renumbering');
  }

  override render(): TemplateResult {
    const plan = this.plan;
    if (!plan) return html`<p class="muted" role="status"><vscode-icon name="loading" spin aria-hidden="true"></vscode-icon> Loading the plan…</p>`;
    const local = planProblems(plan);
    const problems = [...local, ...this.hostProblems];
    const taskCount = taskIds(plan).length;
    return html`<section class="plan-editor" aria-label="Plan review">
      <h4><vscode-icon name="checklist" aria-hidden="true"></vscode-icon> Review the plan before any code is written</h4>
      <p class="muted">Edit, remove or add tasks and change their dependencies, then Execute. Closing the review keeps your edits.</p>
      ${this.discoveryMarkdown ? html`<details class="card"><summary>Discovery Document</summary>${renderMarkdown(this.discoveryMarkdown)}</details>` : nothing}
      <p><strong>${plan.title}</strong>: ${plan.summary} <span class="muted">(${plan.phases.length} phases, ${taskCount} tasks)</span></p>
      ${local.length > 0 ? html`<div class="problems" role="alert">
        <p><vscode-icon name="warning" aria-hidden="true"></vscode-icon> <strong>${local.length} ${local.length === 1 ? 'problem' : 'problems'} to fix before Execute</strong></p>
        <ul>${local.map((p) => html`<li>${p.message}</li>`)}</ul>
      </div>` : nothing}
      ${this.hostProblems.length > 0 ? html`<div class="problems" role="alert">
        <p><vscode-icon name="error" aria-hidden="true"></vscode-icon> <strong>The last Execute was refused; nothing ran.</strong> Fix these and Execute again:</p>
        <ul>${this.hostProblems.map((p) => html`<li>${p.message}</li>`)}</ul>
      </div>` : nothing}
      ${plan.phases.map((phase) => html`<fieldset class="phase">
        <legend>${phase.id} ${phase.name}</legend>
        <p class="muted">${phase.goal}</p>
        ${phase.tasks.map((task) => renderTaskEditor(
          task,
          this.openTasks.has(task.id),
          dependencyCandidates(plan, task.id).map((id) => ({ id, title: findTask(plan, id)?.title ?? '' })),
          problems.filter((p) => p.taskId === task.id),
          this.taskActions,
        ))}
        ${this.adding?.phaseId === phase.id
          ? renderAddTaskForm(this.adding, nextTaskId(plan, this.reservedIds), {
            change: (draft) => { this.adding = draft; },
            add: () => this.addTask(),
            cancel: () => { this.adding = null; },
          })
          : html`<vscode-button secondary icon="add" aria-label="Add a task to phase ${phase.id}"
              @click=${() => { this.adding = emptyAddTask(phase.id, commonLanguage(plan)); }}>Add task</vscode-button>`}
      </fieldset>`)}
      <div class="row editor-actions">
        <vscode-button class="execute" icon="play" aria-label="Execute the plan" ?disabled=${this.busy || local.length > 0}
          @click=${() => this.emit('plan-execute')}>${this.busy ? 'Starting…' : 'Execute'}</vscode-button>
        <vscode-button secondary icon="close" aria-label="Cancel review (edits are kept)" @click=${() => this.emit('plan-cancel')}>Cancel review</vscode-button>
        ${this.history.length > 0 ? html`<vscode-button secondary icon="discard" aria-label="Undo ${this.history.at(-1)?.label ?? ''}"
          @click=${() => this.undo()}>Undo</vscode-button>` : nothing}
        <vscode-button secondary icon="list-ordered" aria-label="Renumber tasks T1 to T${taskCount}" @click=${() => this.renumber()}>Renumber</vscode-button>
        ${this.edited ? html`<vscode-button secondary icon="clear-all" aria-label="Discard all edits" @click=${() => this.emit('plan-discard')}>Discard edits</vscode-button>` : nothing}
      </div>
      ${local.length > 0 ? html`<p class="muted">Execute is available once the problems above are fixed.</p>` : nothing}
    </section>`;
  }
}
