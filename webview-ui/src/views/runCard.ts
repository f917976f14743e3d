import { html, nothing, type TemplateResult } from 'lit';
import type { RunView } from '../runView';

const STAGE_LABELS: Record<string, string> = {
  discovery: 'Discovery', masterplan: 'MasterPlan', atomization: 'Atomization', graph: 'Dependency graph',
  execution: 'Generation', validation: 'Validation', assembly: 'Assembly',
};

/** One run: stages, discovery and plan cards, waves, pause countdown, cost, outcome. */
export function renderRunCard(run: RunView, now: number, actions: { readonly stop: () => void; readonly setKey: () => void }): TemplateResult {
  const live = run.outcome === null && run.error === null;
  return html`<section class="run" aria-label="Run ${run.runId}">
    <header class="run-head">
      <vscode-icon name=${live ? 'loading' : run.outcome === 'done' ? 'pass' : 'error'} ?spin=${live} aria-hidden="true"></vscode-icon>
      <span class="run-title">${run.engine.toUpperCase()} run</span>
      ${live ? html`<vscode-button secondary icon="debug-stop" aria-label="Stop run" @click=${actions.stop}>Stop</vscode-button>` : nothing}
    </header>
    <ol class="stages">
      ${run.stages.map((s) => html`<li class="stage ${s.state}">
        <vscode-icon name=${s.state === 'done' ? 'check' : 'loading'} ?spin=${s.state !== 'done'} aria-hidden="true"></vscode-icon>
        ${STAGE_LABELS[s.stage] ?? s.stage}${s.durationMs !== null ? html` <span class="muted">${formatMs(s.durationMs)}</span>` : nothing}
      </li>`)}
    </ol>
    ${run.pause ? renderPause(run.pause, now) : nothing}
    ${run.discovery ? html`<details class="card"><summary>Discovery: ${run.discovery.domain}</summary><pre class="md">${run.discovery.markdown}</pre></details>` : nothing}
    ${run.plan ? html`<details class="card"><summary>MasterPlan ${run.plan.masterPlanId}: ${run.plan.phases} phases, ${run.plan.tasks} tasks</summary><pre class="md">${run.plan.markdown}</pre></details>` : nothing}
    ${run.waves.length > 0 ? renderWaves(run) : nothing}
    ${run.cost ? renderCost(run.cost) : nothing}
    ${run.error ? renderError(run.error, actions.setKey) : nothing}
    ${run.outcome ? html`<p class="outcome" role="status">Finished: ${run.outcome}${run.wallMs !== null ? ` in ${formatMs(run.wallMs)}` : ''}</p>` : nothing}
  </section>`;
}

function renderPause(pause: NonNullable<RunView['pause']>, now: number): TemplateResult {
  const seconds = Math.max(0, Math.ceil((pause.until - now) / 1000));
  return html`<p class="pause" role="status"><vscode-icon name="watch" aria-hidden="true"></vscode-icon>
    ${pause.message} Resuming in ${seconds} s.</p>`;
}

function renderWaves(run: RunView): TemplateResult {
  return html`<div class="waves" aria-label="Wave progress">
    ${run.waves.map((w, i) => html`<div class="wave">
      <span class="wave-label">Wave ${i + 1}</span>
      <vscode-progress-bar .value=${w.done + w.failed} .max=${w.size} aria-label="Wave ${i + 1}"></vscode-progress-bar>
      <span class="muted">${w.done}/${w.size} done, ${w.running} running, ${w.failed} failed</span>
    </div>`)}
  </div>`;
}

function renderCost(cost: NonNullable<RunView['cost']>): TemplateResult {
  return html`<p class="cost"><vscode-icon name="credit-card" aria-hidden="true"></vscode-icon>
    ${cost.inputTokens.toLocaleString()} in, ${cost.outputTokens.toLocaleString()} out,
    ${cost.cacheReadTokens.toLocaleString()} from cache — $${cost.costUsd.toFixed(4)}
    ${cost.cacheSavingsUsd > 0 ? html`<span class="muted">(caching saved $${cost.cacheSavingsUsd.toFixed(4)})</span>` : nothing}</p>`;
}

function renderError(error: NonNullable<RunView['error']>, setKey: () => void): TemplateResult {
  return html`<div class="error" role="alert"><vscode-icon name="error" aria-hidden="true"></vscode-icon> ${error.message}
    ${error.code === 'auth' ? html`<vscode-button aria-label="Set API Key" @click=${setKey}>Set API Key</vscode-button>` : nothing}</div>`;
}

/** 1234 -> "1.2 s"; 65000 -> "1 min 5 s". */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}
