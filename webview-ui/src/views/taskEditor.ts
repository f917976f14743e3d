import { html, nothing, type TemplateResult } from 'lit';
import type { PlanTask } from '../../../src/core/masterplan/schema';
import type { PlanProblem } from '../planChecks';
import type { TaskPatch } from '../planEdits';

/** What the task editor reports back. */
export interface TaskEditorActions {
  readonly patch: (taskId: string, patch: TaskPatch) => void;
  readonly setDeps: (taskId: string, deps: string[]) => void;
  readonly remove: (taskId: string) => void;
  readonly toggle: (taskId: string, open: boolean) => void;
}

/** Reads a vscode form control's value from its input/change event. */
export function valueOf(e: Event): string {
  return (e.target as HTMLInputElement).value;
}

/**
 * One task of the plan under review: a disclosure with its title in the summary and, inside, the
 * title, description and dependencies to edit, the files it writes, and Remove. Dependencies offer
 * only tasks that would not close a cycle. The form is only built while the task is open: a
 * vscode-option reads its label from innerText, which is empty inside a closed <details>, and a
 * 150-task plan should not build 150 forms.
 */
export function renderTaskEditor(
  task: PlanTask,
  open: boolean,
  candidates: ReadonlyArray<{ id: string; title: string }>,
  problems: readonly PlanProblem[],
  on: TaskEditorActions,
): TemplateResult {
  const deps = task.dependsOn.length > 0 ? `after ${task.dependsOn.join(', ')}` : 'no dependencies';
  const summaryLabel = `Task ${task.id}: ${task.title || '(no title)'}, ${deps}${problems.length > 0 ? `, ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}` : ''}`;
  const onToggle = (e: Event): void => {
    const now = (e.target as HTMLDetailsElement).open;
    if (now !== open) on.toggle(task.id, now);
  };
  return html`<details class="task ${problems.length > 0 ? 'has-problems' : ''}" data-task=${task.id} .open=${open} @toggle=${onToggle}>
    <summary aria-label=${summaryLabel}>
      <span class="task-id">${task.id}</span> <span class="task-title">${task.title || '(no title)'}</span>
      <span class="muted">${deps}</span>
      ${problems.length > 0 ? html`<span class="problem-flag"><vscode-icon name="warning" aria-hidden="true"></vscode-icon>${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}</span>` : nothing}
    </summary>
    ${open ? renderTaskForm(task, candidates, problems, on) : nothing}
  </details>`;
}

function renderTaskForm(
  task: PlanTask,
  candidates: ReadonlyArray<{ id: string; title: string }>,
  problems: readonly PlanProblem[],
  on: TaskEditorActions,
): TemplateResult {
  return html`<div class="task-form">
      ${problems.length > 0 ? html`<ul class="task-problems">${problems.map((p) => html`<li><vscode-icon name="warning" aria-hidden="true"></vscode-icon> ${p.message}</li>`)}</ul>` : nothing}
      <span class="field-label">Title</span>
      <vscode-textfield .label=${`Title of task ${task.id}`} .value=${task.title} ?invalid=${task.title.trim() === ''}
        @input=${(e: Event) => on.patch(task.id, { title: valueOf(e) })}></vscode-textfield>
      <span class="field-label">Description</span>
      <vscode-textarea .label=${`Description of task ${task.id}`} .value=${task.description} rows="4" resize="vertical"
        ?invalid=${task.description.trim() === ''}
        @input=${(e: Event) => on.patch(task.id, { description: valueOf(e) })}></vscode-textarea>
      <span class="field-label">Done when</span>
      <vscode-textfield .label=${`Acceptance check of task ${task.id}`} .value=${task.acceptance} ?invalid=${task.acceptance.trim() === ''}
        @input=${(e: Event) => on.patch(task.id, { acceptance: valueOf(e) })}></vscode-textfield>
      <span class="field-label">Depends on</span>
      ${candidates.length > 0 ? html`<vscode-multi-select .label=${`Tasks that task ${task.id} depends on`} combobox
        @change=${(e: Event) => on.setDeps(task.id, (e.target as HTMLElement & { value: string[] }).value)}>
        ${candidates.map((c) => html`<vscode-option value=${c.id} ?selected=${task.dependsOn.includes(c.id)}>${c.id} ${c.title}</vscode-option>`)}
      </vscode-multi-select>` : html`<span class="muted">No task can come first without a cycle.</span>`}
      <span class="field-label">Files</span>
      <ul class="task-files">${task.files.map((f) => html`<li>
        <vscode-icon name=${f.change === 'create' ? 'new-file' : 'edit'} aria-hidden="true"></vscode-icon><code>${f.path}</code>
        <span class="muted">${f.change === 'create' ? 'new' : 'changed'}</span></li>`)}</ul>
      <p class="muted">${task.language}, about ${task.estimatedLoc} lines${task.boundedContext ? `, context ${task.boundedContext}` : ''}</p>
      <div class="row">
        <vscode-button secondary icon="trash" aria-label=${`Remove task ${task.id}`} @click=${() => on.remove(task.id)}>Remove task</vscode-button>
      </div>
    </div>`;
}
