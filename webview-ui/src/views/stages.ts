import { html, nothing, type TemplateResult } from 'lit';
import type { RunView } from '../runView';
import { formatMs } from '../format';

const STAGE_LABELS: Record<string, string> = {
  discovery: 'Discovery', masterplan: 'MasterPlan', atomization: 'Atomization', graph: 'Dependency graph',
  execution: 'Generation', validation: 'Validation', assembly: 'Assembly',
};

const STATE_ICONS: Record<string, string> = { done: 'check', running: 'loading', failed: 'error', stopped: 'circle-slash', interrupted: 'debug-pause' };

/** The stages a run went through, each with an icon and a word for its state. */
export function renderStages(run: RunView, live: boolean): TemplateResult | typeof nothing {
  if (run.stages.length === 0) return nothing;
  // A stage left "running" by a run nobody drives ended with the run: it failed, was stopped, or
  // was cut off by a reload or a crash (no outcome stored).
  const ended = run.error !== null || run.outcome === 'failed' ? 'failed'
    : run.outcome === 'cancelled' || run.outcome === 'stopped-at-cost-cap' ? 'stopped' : 'interrupted';
  return html`<ol class="stages" aria-label="Stages">
    ${run.stages.map((s) => {
      const state = s.state === 'done' ? 'done' : live ? 'running' : ended;
      const icon = STATE_ICONS[state];
      return html`<li class="stage ${state}">
        <vscode-icon name=${icon} ?spin=${state === 'running'} aria-hidden="true"></vscode-icon>
        <span>${STAGE_LABELS[s.stage] ?? s.stage}</span>
        <span class="muted">${state === 'done' && s.durationMs !== null ? formatMs(s.durationMs) : state}</span>
      </li>`;
    })}
  </ol>`;
}
