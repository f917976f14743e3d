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
      ${summary.levels && summary.levels.length > 0 ? html`<dt>Validation</dt><dd class="levels">${renderLevels(summary.levels)}</dd>` : nothing}
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

/**
 * Per level "types 125 passed, 6 skipped", then why levels were skipped ("types: skipped for 6
 * atoms — pyright not found"): a level that did not run must not read as a pass.
 */
function renderLevels(levels: NonNullable<RunSummary['levels']>): TemplateResult {
  const counts = levels.map((l) => [`${l.pass} passed`, ...(l.fail > 0 ? [`${l.fail} failed`] : []), ...(l.skipped > 0 ? [`${l.skipped} skipped`] : [])].join(', '));
  const reasons = levels.flatMap((l) => l.skipReasons.map((r) => ({ level: l.level, ...r })));
  return html`<ul class="level-counts">${levels.map((l, i) => html`<li><strong>${l.level}</strong> ${counts[i]}</li>`)}</ul>
    ${reasons.length > 0 ? html`<ul class="skip-reasons muted">${reasons.map((r) => html`<li>${r.level}: skipped for ${r.atoms} ${r.atoms === 1 ? 'atom' : 'atoms'} — ${r.reason}</li>`)}</ul>` : nothing}`;
}

/** How far generation was from its lower bound, e.g. " (2.5x)"; nothing when there is no bound. */
function boundRatio(summary: RunSummary): string {
  return summary.criticalPathMs > 0 ? ` (${(summary.executionMs / summary.criticalPathMs).toFixed(1)}x)` : '';
}
