import { html, nothing, type TemplateResult } from 'lit';
import type { RunView } from '../runView';
import { formatMs } from '../format';

const STAGE_LABELS: Record<string, string> = {
  discovery: 'Discovery', masterplan: 'MasterPlan', atomization: 'Atomization', graph: 'Dependency graph',
  execution: 'Generation', validation: 'Validation', assembly: 'Assembly',
};

/** The stages a run went through, each with an icon and a word for its state. */
export function renderStages(run: RunView, live: boolean): TemplateResult | typeof nothing {
  if (run.stages.length === 0) return nothing;
  return html`<ol class="stages" aria-label="Stages">
    ${run.stages.map((s) => {
      // A stage still "running" in a run nobody drives was cut off (a reload, a crash, Stop).
      const state = s.state === 'done' ? 'done' : live ? 'running' : 'interrupted';
      const icon = state === 'done' ? 'check' : state === 'running' ? 'loading' : 'debug-pause';
      return html`<li class="stage ${state}">
        <vscode-icon name=${icon} ?spin=${state === 'running'} aria-hidden="true"></vscode-icon>
        <span>${STAGE_LABELS[s.stage] ?? s.stage}</span>
        <span class="muted">${state === 'done' && s.durationMs !== null ? formatMs(s.durationMs) : state}</span>
      </li>`;
    })}
  </ol>`;
}
