import { html, nothing, type TemplateResult } from 'lit';
import type { ContextUsedEntry } from '../../../src/shared/events';
import { atomUnit, entryLocation, generationCounts, type ContextUsedView, type TaskContextUsed } from '../contextUsed';

/** Called with the snippet the user picked, to open it in the editor. */
export type OpenContextHandler = (entry: ContextUsedEntry) => void;

/** The MasterPlan prompt's retrieved snippets, under the MasterPlan card; nothing when there were none. */
export function renderPlanContext(entries: readonly ContextUsedEntry[], open: OpenContextHandler): TemplateResult | typeof nothing {
  if (entries.length === 0) return nothing;
  return html`<details class="card context-used plan-context">
    <summary><vscode-icon name="references" aria-hidden="true"></vscode-icon> Context used by the MasterPlan (${entries.length})</summary>
    ${renderEntries(entries, open)}
  </details>`;
}

/** Which collapsible lists are open: their entries are only built then (a run has hundreds of atoms). */
export interface ContextExpansion {
  readonly expanded: ReadonlySet<string>;
  toggle(key: string, open: boolean): void;
}

/** The skeleton and atom prompts' snippets, per task; nothing when retrieval gave none. */
export function renderGenerationContext(view: ContextUsedView, open: OpenContextHandler, expansion: ContextExpansion): TemplateResult | typeof nothing {
  const tasks = Object.entries(view.tasks);
  if (tasks.length === 0) return nothing;
  const { prompts, snippets } = generationCounts(view);
  return html`<details class="card context-used generation-context" ?open=${expansion.expanded.has('generation')} @toggle=${onToggle(expansion, 'generation')}>
    <summary><vscode-icon name="references" aria-hidden="true"></vscode-icon> Context used in generation (${snippets})
      <span class="muted">${prompts} ${prompts === 1 ? 'prompt' : 'prompts'}</span></summary>
    ${expansion.expanded.has('generation') ? tasks.map(([taskId, task]) => renderTask(taskId, task, open, expansion)) : nothing}
  </details>`;
}

function onToggle(expansion: ContextExpansion, key: string): (e: Event) => void {
  return (e) => expansion.toggle(key, (e.target as HTMLDetailsElement).open);
}

function renderTask(taskId: string, task: TaskContextUsed, open: OpenContextHandler, expansion: ContextExpansion): TemplateResult {
  const atoms = Object.entries(task.atoms);
  const count = task.skeleton.length + atoms.reduce((n, [, entries]) => n + entries.length, 0);
  const key = `task:${taskId}`;
  const shown = expansion.expanded.has(key);
  return html`<details class="context-task" ?open=${shown} @toggle=${onToggle(expansion, key)}>
    <summary>Task ${taskId} <span class="muted">(${count})</span></summary>
    ${shown && task.skeleton.length > 0 ? html`<p class="context-scope">Skeleton</p>${renderEntries(task.skeleton, open)}` : nothing}
    ${shown ? atoms.map(([atomId, entries]) => html`<p class="context-scope" title=${atomId}>Atom <code>${atomUnit(atomId)}</code></p>${renderEntries(entries, open)}`) : nothing}
  </details>`;
}

function renderEntries(entries: readonly ContextUsedEntry[], open: OpenContextHandler): TemplateResult {
  return html`<ul class="context-entries">${entries.map((entry) => {
    const where = entryLocation(entry);
    const from = entry.source === 'examples' ? 'example' : 'workspace';
    return html`<li>
      <button type="button" class="context-link" aria-label="Open ${where} (${from})" @click=${() => open(entry)}>
        <vscode-icon name=${entry.source === 'examples' ? 'book' : 'file-code'} aria-hidden="true"></vscode-icon>${where}</button>
      <span class="muted">${entry.symbol ? html`<code>${entry.symbol}</code> · ` : nothing}${from} · score ${entry.score.toFixed(2)}</span>
    </li>`;
  })}</ul>`;
}
