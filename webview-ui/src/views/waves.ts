import { html, nothing, type TemplateResult } from 'lit';
import { atomStats, type RunView } from '../runView';
import { formatCount, formatUsd, secondsLeft } from '../format';

const PAUSE_WORDS: Record<string, string> = {
  'rate-limit': 'Rate limited', overloaded: 'The API is overloaded', 'server-error': 'The API had an error', network: 'Network trouble',
};

/** Live progress: rate-limit countdown, a bar per wave, atom counts and failures, tokens and cost. */
export function renderProgress(run: RunView, now: number): TemplateResult {
  return html`${renderPause(run, now)}${renderSlowdown(run)}${run.waves.length > 0 ? renderWaves(run) : nothing}${renderAtoms(run)}${renderCost(run)}`;
}

function renderPause(run: RunView, now: number): TemplateResult | typeof nothing {
  if (!run.pause) return nothing;
  const left = secondsLeft(run.pause.until, now);
  return html`<p class="pause" role="status"><vscode-icon name="watch" aria-hidden="true"></vscode-icon>
    <span><strong>${PAUSE_WORDS[run.pause.reason] ?? 'Paused'}:</strong> ${run.pause.message}
    ${left > 0 ? html`Retrying in <span class="countdown">${left} s</span>.` : 'Retrying now.'}</span></p>`;
}

// Not a countdown: the run keeps going, only fewer calls at once, so the user knows why waves slowed.
function renderSlowdown(run: RunView): TemplateResult | typeof nothing {
  if (!run.slowdown || run.outcome) return nothing;
  return html`<p class="slowdown" role="status"><vscode-icon name="dashboard" aria-hidden="true"></vscode-icon>
    <span><strong>${run.slowdown.reason === 'overloaded' ? 'The API is overloaded' : 'Rate limited'}:</strong> ${run.slowdown.message}</span></p>`;
}

function renderWaves(run: RunView): TemplateResult {
  return html`<ol class="waves" aria-label="Waves">
    ${run.waves.map((w, i) => {
      const finished = w.done + w.failed;
      const label = `Wave ${i + 1} of ${run.waves.length}: ${w.done} of ${w.size} done, ${w.running} running, ${w.failed} failed`;
      return html`<li class="wave">
        <span class="wave-label">Wave ${i + 1}</span>
        <vscode-progress-bar .value=${finished} .max=${Math.max(1, w.size)} aria-label=${label}></vscode-progress-bar>
        <span class="wave-counts">
          <span><vscode-icon name="check" aria-hidden="true"></vscode-icon>${w.done}/${w.size} done</span>
          ${w.running > 0 ? html`<span><vscode-icon name="loading" spin aria-hidden="true"></vscode-icon>${w.running} running</span>` : nothing}
          ${w.failed > 0 ? html`<span class="failed"><vscode-icon name="error" aria-hidden="true"></vscode-icon>${w.failed} failed</span>` : nothing}
        </span>
      </li>`;
    })}
  </ol>`;
}

function renderAtoms(run: RunView): TemplateResult | typeof nothing {
  const stats = atomStats(run);
  if (stats.total === 0) return nothing;
  return html`<div class="atoms">
    <p class="atom-counts" aria-label="Atoms">
      <span><vscode-icon name="symbol-method" aria-hidden="true"></vscode-icon>${stats.total} atoms:</span>
      <span>${stats.passed} passed,</span> <span>${stats.running} running,</span>
      <span>${stats.failed} failed,</span> <span>${stats.pending} waiting;</span>
      <span><vscode-icon name="refresh" aria-hidden="true"></vscode-icon>${stats.retries} ${stats.retries === 1 ? 'retry' : 'retries'}</span>
    </p>
    ${stats.failedAtoms.length > 0 && !run.summary ? html`<details class="card failed-atoms">
      <summary><vscode-icon name="error" aria-hidden="true"></vscode-icon> Failed atoms (${stats.failedAtoms.length})</summary>
      <ul>${stats.failedAtoms.map((a) => html`<li><code>${a.atomId}</code> (task ${a.taskId}, attempt ${a.attempt}):
        ${a.failure ? html`<strong>${a.failure.level}</strong> ${a.failure.message}` : a.status === 'skipped' ? 'skipped: an atom it needs failed' : 'failed'}</li>`)}</ul>
    </details>` : nothing}
  </div>`;
}

function renderCost(run: RunView): TemplateResult | typeof nothing {
  const cost = run.cost;
  if (!cost || run.summary) return nothing;
  return html`<p class="cost"><vscode-icon name="credit-card" aria-hidden="true"></vscode-icon>
    <span>${formatCount(cost.inputTokens)} tokens in, ${formatCount(cost.outputTokens)} out, ${formatCount(cost.cacheReadTokens)} read from cache:
    <strong>${formatUsd(cost.costUsd)}</strong>${cost.cacheSavingsUsd > 0 ? html` <span class="muted">(caching saved ${formatUsd(cost.cacheSavingsUsd)})</span>` : nothing}</span></p>`;
}
