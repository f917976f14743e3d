import { html, nothing, type TemplateResult } from 'lit';
import type { RunSummary } from '../runView';
import { formatCount, formatMs, formatPercent, formatUsd } from '../format';

/** The end-of-run numbers: plan, atoms, precision, time against the lower bound, cost, failures, files. */
export function renderSummaryCard(summary: RunSummary): TemplateResult {
  const retries = `${summary.retries} ${summary.retries === 1 ? 'retry' : 'retries'}`;
  return html`<section class="summary card" aria-label="Run summary">
    <h4><vscode-icon name="graph" aria-hidden="true"></vscode-icon> Summary</h4>
    <dl class="facts">
      ${summary.masterPlanId !== null ? html`<dt>MasterPlan</dt><dd><code>${summary.masterPlanId}</code></dd>` : nothing}
      <dt>Tasks</dt><dd>${summary.tasks}</dd>
      <dt>Atoms</dt><dd>${summary.atoms} (${summary.atomsPassed} passed, ${summary.atomsFailed} failed)</dd>
      <dt>Precision</dt><dd>${formatPercent(summary.precision)} <span class="muted">atoms that passed every level</span></dd>
      <dt>First pass</dt><dd>${formatPercent(summary.firstPassRate)} <span class="muted">${retries}</span></dd>
      <dt>Time</dt><dd>${formatMs(summary.wallMs)} in all; generation ${formatMs(summary.executionMs)}
        <span class="muted">against a critical-path lower bound of ${formatMs(summary.criticalPathMs)}${boundRatio(summary)}</span></dd>
      <dt>Tokens</dt><dd>${formatCount(summary.inputTokens)} in, ${formatCount(summary.outputTokens)} out, ${formatCount(summary.cacheReadTokens)} from cache</dd>
      <dt>Cost</dt><dd><strong>${formatUsd(summary.costUsd)}</strong>
        ${summary.cacheSavingsUsd > 0 ? html`<span class="muted">(prompt caching saved ${formatUsd(summary.cacheSavingsUsd)})</span>` : nothing}</dd>
    </dl>
    ${summary.failed.length > 0 ? html`<details class="failed-atoms" open>
      <summary><vscode-icon name="error" aria-hidden="true"></vscode-icon> Failed atoms (${summary.failed.length})</summary>
      <ul>${summary.failed.map((f) => html`<li><code>${f.atomId}</code> (task ${f.task}): <strong>${f.level}</strong> ${f.message}</li>`)}</ul>
    </details>` : nothing}
    ${summary.filesProposed.length > 0 ? html`<details class="files">
      <summary><vscode-icon name="files" aria-hidden="true"></vscode-icon> Files proposed (${summary.filesProposed.length})</summary>
      <ul>${summary.filesProposed.map((f) => html`<li><code>${f}</code></li>`)}</ul>
    </details>` : html`<p class="muted">No files proposed.</p>`}
  </section>`;
}

/** How far generation was from its lower bound, e.g. " (2.5x)"; nothing when there is no bound. */
function boundRatio(summary: RunSummary): string {
  return summary.criticalPathMs > 0 ? ` (${(summary.executionMs / summary.criticalPathMs).toFixed(1)}x)` : '';
}
