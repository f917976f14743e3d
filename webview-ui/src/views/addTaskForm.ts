import { html, nothing, type TemplateResult } from 'lit';
import type { NewTask } from '../planEdits';
import { valueOf } from './taskEditor';

/** The add-task form's fields while the user types. */
export interface AddTaskDraft extends NewTask {
  readonly phaseId: string;
  readonly acceptance: string;
  /** Shown after a failed Add: what is missing. */
  readonly error: string | null;
}

/** An empty form for a phase, with the plan's usual language filled in. */
export function emptyAddTask(phaseId: string, language: string): AddTaskDraft {
  return { phaseId, title: '', description: '', files: '', language, acceptance: '', error: null };
}

/** What is missing before the task can be added, or null. */
export function addTaskError(draft: AddTaskDraft): string | null {
  const missing = [
    draft.title.trim() === '' ? 'a title' : '',
    draft.description.trim() === '' ? 'a description' : '',
    draft.files.trim() === '' ? 'at least one file' : '',
    draft.language.trim() === '' ? 'a language' : '',
  ].filter((m) => m !== '');
  return missing.length > 0 ? `The new task needs ${missing.join(', ')}.` : null;
}

/** The form that adds a task to a phase; its id is assigned on Add. */
export function renderAddTaskForm(
  draft: AddTaskDraft,
  nextId: string,
  on: { readonly change: (draft: AddTaskDraft) => void; readonly add: () => void; readonly cancel: () => void },
): TemplateResult {
  const set = (key: 'title' | 'description' | 'files' | 'language' | 'acceptance') => (e: Event) => on.change({ ...draft, [key]: valueOf(e) });
  return html`<form class="add-task" aria-label="New task ${nextId} in phase ${draft.phaseId}"
    @submit=${(e: Event) => { e.preventDefault(); on.add(); }}
    @keydown=${(e: KeyboardEvent) => { if (e.key === 'Escape') { e.preventDefault(); on.cancel(); } }}>
    <p><strong>New task ${nextId}</strong> <span class="muted">in ${draft.phaseId}</span></p>
    <span class="field-label">Title</span>
    <vscode-textfield .label=${`Title of new task ${nextId}`} .value=${draft.title} @input=${set('title')}></vscode-textfield>
    <span class="field-label">Description</span>
    <vscode-textarea .label=${`Description of new task ${nextId}`} .value=${draft.description} rows="3" resize="vertical" @input=${set('description')}></vscode-textarea>
    <span class="field-label">Files (one path a line; end a line with "(modify)" to change an existing file)</span>
    <vscode-textarea .label=${`Files of new task ${nextId}, one path a line`} .value=${draft.files} rows="2" resize="vertical" @input=${set('files')}></vscode-textarea>
    <span class="field-label">Language</span>
    <vscode-textfield .label=${`Language of new task ${nextId}`} .value=${draft.language} @input=${set('language')}></vscode-textfield>
    <span class="field-label">Done when (optional)</span>
    <vscode-textfield .label=${`Acceptance check of new task ${nextId}`} .value=${draft.acceptance} @input=${set('acceptance')}></vscode-textfield>
    ${draft.error ? html`<p class="error" role="alert"><vscode-icon name="warning" aria-hidden="true"></vscode-icon> ${draft.error}</p>` : nothing}
    <div class="row">
      <vscode-button icon="add" aria-label=${`Add task ${nextId}`} @click=${on.add}>Add task</vscode-button>
      <vscode-button secondary aria-label="Cancel adding a task" @click=${on.cancel}>Cancel</vscode-button>
    </div>
  </form>`;
}
