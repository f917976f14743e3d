import { html, nothing, type TemplateResult } from 'lit';
import type { ApplyResult } from '../../../src/shared/protocol';
import type { RunActions } from '../runStatus';

/** What the run's buttons do. */
export interface RunButtonHandlers {
  readonly stop: () => void;
  readonly resume: () => void;
  readonly reviewPlan: () => void;
  readonly reviewChanges: () => void;
  readonly apply: () => void;
  readonly setKey: () => void;
}

type Busy = 'stop' | 'resume' | 'review' | 'apply' | 'execute' | null;

/** Stop, Resume, Review plan, Review changes and Apply, as the run's state allows. */
export function renderActionRow(actions: RunActions, pendingProposals: number, busy: Busy, planEdited: boolean, on: RunButtonHandlers): TemplateResult | typeof nothing {
  if (!actions.stop && !actions.resume && !actions.reviewPlan && !actions.reviewChanges && !actions.apply) return nothing;
  const files = `${pendingProposals} ${pendingProposals === 1 ? 'file' : 'files'}`;
  return html`<div class="row run-actions">
    ${actions.reviewPlan ? html`<vscode-button class="review-plan" icon="checklist" aria-label=${planEdited ? 'Review plan (edited)' : 'Review plan'}
      @click=${on.reviewPlan}>${planEdited ? 'Review plan (edited)' : 'Review plan'}</vscode-button>` : nothing}
    ${actions.stop ? html`<vscode-button secondary icon="debug-stop" aria-label="Stop run" ?disabled=${busy !== null}
      @click=${on.stop}>${busy === 'stop' ? 'Stopping…' : 'Stop'}</vscode-button>` : nothing}
    ${actions.resume ? html`<vscode-button icon="debug-continue" aria-label="Resume run" ?disabled=${busy !== null}
      @click=${on.resume}>${busy === 'resume' ? 'Resuming…' : 'Resume'}</vscode-button>` : nothing}
    ${actions.reviewChanges ? html`<vscode-button secondary icon="diff" aria-label="Review changes, ${files}" ?disabled=${busy !== null}
      @click=${on.reviewChanges}>Review (${files})</vscode-button>` : nothing}
    ${actions.apply ? html`<vscode-button icon="check-all" aria-label="Apply accepted changes" ?disabled=${busy !== null || actions.applyWaits}
      aria-describedby=${actions.applyWaits ? 'apply-waits' : nothing} @click=${on.apply}>${busy === 'apply' ? 'Applying…' : 'Apply'}</vscode-button>` : nothing}
    ${actions.applyWaits ? html`<span class="muted apply-waits" id="apply-waits">Apply is available once the run ends; Stop it to apply what is proposed so far.</span>` : nothing}
  </div>`;
}

/** What Apply did: files applied, skipped, and refused with the reason for each. */
export function renderApplyResult(result: ApplyResult): TemplateResult {
  if (result.status === 'nothing') {
    return html`<p class="apply-result note" role="status" tabindex="-1"><vscode-icon name="info" aria-hidden="true"></vscode-icon> ${result.message}</p>`;
  }
  const n = (k: number): string => `${k} ${k === 1 ? 'file' : 'files'}`;
  return html`<div class="apply-result ${result.refused.length > 0 ? 'error' : 'note'}" role="status" tabindex="-1">
    <p><vscode-icon name=${result.refused.length > 0 ? 'warning' : 'pass'} aria-hidden="true"></vscode-icon>
      Applied ${n(result.applied.length)}, skipped ${n(result.skipped.length)}, refused ${n(result.refused.length)}${result.discarded.length > 0 ? `, discarded ${n(result.discarded.length)} you rejected` : ''}.
      ${result.applied.length > 0 ? html`<span class="muted">Applied as one edit: one Undo takes it back, and puts the proposals back in review.</span>` : nothing}</p>
    ${result.applied.length > 0 ? html`<details><summary>Applied (${result.applied.length})</summary>
      <ul>${result.applied.map((f) => html`<li><code>${f}</code></li>`)}</ul></details>` : nothing}
    ${result.skipped.length > 0 ? html`<details><summary>Skipped (${result.skipped.length}, still in review)</summary>
      <ul>${result.skipped.map((f) => html`<li><code>${f}</code></li>`)}</ul></details>` : nothing}
    ${result.discarded.length > 0 ? html`<details><summary>Discarded (${result.discarded.length})</summary>
      <ul>${result.discarded.map((f) => html`<li><code>${f}</code></li>`)}</ul></details>` : nothing}
    ${result.refused.length > 0 ? html`<ul class="refused">${result.refused.map((r) => html`<li>
      <vscode-icon name="error" aria-hidden="true"></vscode-icon><code>${r.relPath}</code>: ${r.reason}</li>`)}</ul>` : nothing}
  </div>`;
}
