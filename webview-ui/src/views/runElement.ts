import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { Requests, type ApplyResult, type PlanForReview } from '../../../src/shared/protocol';
import type { MasterPlan } from '../../../src/core/masterplan/schema';
import type { WebviewRpc } from '../rpc';
import type { RunEntry } from '../runReplay';
import type { SavedReview } from '../savedState';
import { announcement, runActions, runTitle, statusLabel } from '../runStatus';
import { taskProgress } from '../runView';
import { problemsFromHost, type PlanProblem } from '../planChecks';
import { taskIds } from '../planEdits';
import { formatMs } from '../format';
import { renderStages } from './stages';
import { renderProgress } from './waves';
import { renderSummaryCard } from './summaryCard';
import { renderMarkdown } from './markdownView';
import { renderPlanTree } from './planTree';
import { renderGenerationContext, renderPlanContext, type ContextExpansion, type OpenContextHandler } from './contextUsedView';
import { renderActionRow, renderApplyResult, type RunButtonHandlers } from './runActionsView';
import type { PlanEditEvent } from './planEditor';
import { panelStyles } from '../styles';

/** Detail of `review-change`: a run's plan review as it should be kept (null: forget it). */
export type ReviewChangeEvent = CustomEvent<{ runId: string; review: SavedReview | null }>;

type PlanFetch = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; data: PlanForReview } | { status: 'error'; message: string };

const OUTCOME_WORDS: Record<string, string> = {
  done: 'Finished', failed: 'Failed', cancelled: 'Stopped', 'stopped-at-cost-cap': 'Stopped at the cost cap',
};

/** "Finished in 29.4 s." and the like. */
export function outcomeText(outcome: string, wallMs: number | null): string {
  return `${OUTCOME_WORDS[outcome] ?? outcome}${wallMs !== null ? ` after ${formatMs(wallMs)}` : ''}.`;
}

/** What Review did and what the user can do next (the diff's buttons, then Apply). */
export function reviewText(result: { files: number; opened: string | null }): string {
  const { files, opened } = result;
  if (files === 0) return 'Nothing is waiting for review.';
  const count = `${files} proposed ${files === 1 ? 'file' : 'files'}`;
  const next = 'accept or reject each atom, or the whole file, with the buttons above its code, then Apply';
  if (opened === null) return `${count} ${files === 1 ? 'waits' : 'wait'} for review: pick one with Review to see its diff, ${next}.`;
  return files === 1
    ? `Opened the diff of ${opened} in the editor: ${next}.`
    : `Opened the diff of ${opened} in the editor (${count}; Review again for another): ${next}.`;
}

/** Text of a failed request, for an alert. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * One run: its state, stages, Discovery and MasterPlan cards, live progress, summary, the buttons
 * that act on it, and the plan review while its plan waits. It talks to the host for its own
 * actions and tells the panel when the state should be fetched again.
 */
export class MgeRun extends LitElement {
  static override styles = panelStyles;
  static override properties = {
    entry: { attribute: false },
    now: { attribute: false },
    rpc: { attribute: false },
    review: { attribute: false },
    planFetch: { state: true },
    hostProblems: { state: true },
    busy: { state: true },
    message: { state: true },
    applyResult: { state: true },
  };

  entry: RunEntry | null = null;
  now = 0;
  rpc: WebviewRpc | null = null;
  review: SavedReview | undefined = undefined;
  planFetch: PlanFetch = { status: 'idle' };
  hostProblems: PlanProblem[] = [];
  busy: 'stop' | 'resume' | 'review' | 'apply' | 'execute' | null = null;
  /** The last action's outcome; a transient one ("Stopping…") goes once the run reports its end. */
  message: { tone: 'info' | 'error'; text: string; transient?: boolean } | null = null;
  applyResult: ApplyResult | null = null;

  /** Where focus goes after the next render, so closing the review does not drop it to the page's start. */
  private focusNext: string | null = null;

  override willUpdate(): void {
    if (this.message?.transient && this.entry && (this.entry.view.outcome !== null || !this.entry.meta.live)) this.message = null;
  }

  override updated(): void {
    // A review left open before a reload comes back with the plan it needs.
    if (this.review?.open && this.planFetch.status === 'idle') void this.loadPlan();
    const target = this.focusNext ? this.renderRoot.querySelector<HTMLElement>(this.focusNext) : null;
    if (target) {
      this.focusNext = null;
      target.focus();
    }
  }

  private emit(name: 'state-stale' | 'set-key'): void {
    this.dispatchEvent(new CustomEvent(name));
  }

  private keepReview(review: SavedReview | null): void {
    if (!this.entry) return;
    this.dispatchEvent(new CustomEvent<ReviewChangeEvent['detail']>('review-change', { detail: { runId: this.entry.view.runId, review } }));
  }

  private async loadPlan(): Promise<void> {
    if (!this.rpc || !this.entry || this.planFetch.status === 'loading') return;
    this.planFetch = { status: 'loading' };
    try {
      this.planFetch = { status: 'ready', data: await this.rpc.request(Requests.getPlan, { runId: this.entry.view.runId }) };
    } catch (err) {
      this.planFetch = { status: 'error', message: errorText(err) };
    }
  }

  /** Runs one action with its button busy; a failure becomes an alert, never a blank panel. */
  private async act(name: NonNullable<MgeRun['busy']>, work: (rpc: WebviewRpc, runId: string) => Promise<void>): Promise<void> {
    if (!this.rpc || !this.entry || this.busy) return;
    this.busy = name;
    this.message = null;
    try {
      await work(this.rpc, this.entry.view.runId);
    } catch (err) {
      this.message = { tone: 'error', text: errorText(err) };
      this.focusNext = '.run-message';
    } finally {
      this.busy = null;
    }
  }

  private readonly handlers: RunButtonHandlers = {
    stop: () => void this.act('stop', async (rpc, runId) => {
      const { stopped } = await rpc.request(Requests.stopRun, { runId });
      this.message = stopped ? { tone: 'info', text: 'Stopping…', transient: true } : { tone: 'info', text: 'The run had already stopped.' };
      this.emit('state-stale');
    }),
    resume: () => void this.act('resume', async (rpc, runId) => {
      const result = await rpc.request(Requests.resumeRun, { runId });
      if (result.status === 'started') this.message = { tone: 'info', text: 'Resumed.' };
      else this.message = { tone: 'error', text: result.status === 'invalid' ? result.problems.join(' ') : result.message };
      this.emit('state-stale');
    }),
    reviewPlan: () => {
      this.hostProblems = [];
      this.keepReview({ open: true, plan: this.review?.plan ?? null });
      if (this.planFetch.status !== 'ready') void this.loadPlan();
    },
    reviewChanges: () => void this.act('review', async (rpc, runId) => {
      this.message = { tone: 'info', text: reviewText(await rpc.request(Requests.openReview, { runId })) };
      this.focusNext = '.run-message';
    }),
    apply: () => void this.act('apply', async (rpc, runId) => {
      this.applyResult = await rpc.request(Requests.applyReview, { runId });
      // Bring the outcome into view (and to a screen reader's attention) where the button was.
      this.focusNext = '.apply-result';
      this.emit('state-stale');
    }),
    setKey: () => this.emit('set-key'),
  };

  /** The context lists the user opened (kept across re-renders; their entries are built only while open). */
  private readonly expandedContext = new Set<string>();
  private readonly contextExpansion: ContextExpansion = {
    expanded: this.expandedContext,
    toggle: (key, open) => {
      if (open === this.expandedContext.has(key)) return;
      if (open) this.expandedContext.add(key);
      else this.expandedContext.delete(key);
      this.requestUpdate();
    },
  };

  /** Opens a "context used" snippet in the editor; a refusal or failure shows as the run's message. */
  private readonly openContext: OpenContextHandler = (entry) => {
    if (!this.rpc) return;
    const { path, startLine, endLine, source } = entry;
    this.rpc.request(Requests.openContext, { path, startLine, endLine, source }).then(
      (result) => {
        if (result.status === 'refused') {
          this.message = { tone: 'error', text: result.message };
          this.focusNext = '.run-message';
        }
      },
      (err: unknown) => {
        this.message = { tone: 'error', text: errorText(err) };
        this.focusNext = '.run-message';
      },
    );
  };

  private execute(plan: MasterPlan): void {
    void this.act('execute', async (rpc, runId) => {
      const result = await rpc.request(Requests.executePlan, { runId, plan });
      if (result.status === 'started') {
        this.hostProblems = [];
        this.keepReview(null);
        this.message = { tone: 'info', text: 'Generation started from the reviewed plan.' };
        this.focusNext = '.run-message';
        this.emit('state-stale');
      } else if (result.status === 'invalid') {
        this.hostProblems = problemsFromHost(result.problems, taskIds(plan));
      } else {
        this.message = { tone: 'error', text: result.message };
      }
    });
  }

  override render(): TemplateResult {
    if (!this.entry) return html``;
    const { view, meta } = this.entry;
    const status = statusLabel(meta, view);
    const live = meta.live && view.outcome === null;
    const id = `run-${view.runId}`;
    return html`<section class="run" aria-labelledby=${id}>
      <header class="run-head">
        <vscode-icon name=${status.icon} ?spin=${status.spin} aria-hidden="true"></vscode-icon>
        <span class="run-title" id=${id}>${runTitle(meta, view)}</span>
        <span class="run-status tone-${status.tone}">${status.text}</span>
      </header>
      <p class="sr-only" role="status" aria-live="polite">${announcement(meta, view)}</p>
      ${renderStages(view, live)}
      ${view.discovery ? html`<details class="card"><summary><vscode-icon name="book" aria-hidden="true"></vscode-icon>
        Discovery Document: ${view.discovery.domain}</summary>${renderMarkdown(view.discovery.markdown)}</details>` : nothing}
      ${view.plan ? this.renderPlanCard(view.plan, taskProgress(view)) : nothing}
      ${renderPlanContext(view.context.plan, this.openContext)}
      ${renderProgress(view, this.now)}
      ${renderGenerationContext(view.context, this.openContext, this.contextExpansion)}
      ${view.error ? this.renderError(view.error) : nothing}
      ${view.summary ? renderSummaryCard(view.summary) : view.outcome ? html`<p class="outcome">${outcomeText(view.outcome, view.wallMs)}</p>` : nothing}
      ${renderActionRow(runActions(meta, view), meta.pendingProposals, this.busy, Boolean(this.review?.plan), this.handlers)}
      ${this.message ? html`<p class="run-message ${this.message.tone === 'error' ? 'error' : 'note'}" tabindex="-1" role=${this.message.tone === 'error' ? 'alert' : 'status'}>
        <vscode-icon name=${this.message.tone === 'error' ? 'error' : 'info'} aria-hidden="true"></vscode-icon> ${this.message.text}</p>` : nothing}
      ${this.applyResult ? renderApplyResult(this.applyResult) : nothing}
      ${meta.awaitingReview && this.review?.open ? this.renderReview() : nothing}
    </section>`;
  }

  private renderPlanCard(plan: NonNullable<RunEntry['view']['plan']>, progress: ReturnType<typeof taskProgress>): TemplateResult {
    const onToggle = (e: Event): void => {
      if ((e.target as HTMLDetailsElement).open && this.planFetch.status === 'idle') void this.loadPlan();
    };
    const fetch = this.planFetch;
    return html`<details class="card" @toggle=${onToggle}>
      <summary><vscode-icon name="list-tree" aria-hidden="true"></vscode-icon>
        MasterPlan <code>${plan.masterPlanId}</code>: ${plan.phases} phases, ${plan.tasks} tasks</summary>
      ${fetch.status === 'ready' ? renderPlanTree(fetch.data.plan, progress)
        : fetch.status === 'error' ? html`<p class="muted">The plan's structure is not available (${fetch.message}); here it is as text.</p>${renderMarkdown(plan.markdown)}`
          : html`<p class="muted" role="status"><vscode-icon name="loading" spin aria-hidden="true"></vscode-icon> Loading the plan…</p>`}
    </details>`;
  }

  private renderError(error: { code: string; message: string }): TemplateResult {
    return html`<div class="error" role="alert"><vscode-icon name="error" aria-hidden="true"></vscode-icon>
      <span>${error.message}${error.code === 'spend-limit' ? ' Raise the cost cap (mge.maxCostUsd) in Settings, then Resume.' : ''}</span>
      ${error.code === 'auth' ? html`<vscode-button aria-label="Set API Key" icon="key" @click=${this.handlers.setKey}>Set API Key</vscode-button>` : nothing}</div>`;
  }

  private renderReview(): TemplateResult {
    const fetch = this.planFetch;
    if (fetch.status === 'error') {
      return html`<div class="error" role="alert"><vscode-icon name="error" aria-hidden="true"></vscode-icon> Could not load the plan: ${fetch.message}
        <vscode-button secondary aria-label="Try loading the plan again" @click=${() => { this.planFetch = { status: 'idle' }; void this.loadPlan(); }}>Try again</vscode-button></div>`;
    }
    const original = fetch.status === 'ready' ? fetch.data : null;
    return html`<mge-plan-editor
      .plan=${this.review?.plan ?? original?.plan ?? null}
      .discoveryMarkdown=${original?.discoveryMarkdown ?? ''}
      .hostProblems=${this.hostProblems}
      .reservedIds=${original ? taskIds(original.plan) : []}
      ?edited=${Boolean(this.review?.plan)}
      ?busy=${this.busy === 'execute'}
      @plan-edit=${(e: PlanEditEvent) => this.keepReview({ open: true, plan: e.detail.plan })}
      @plan-execute=${() => { const plan = this.review?.plan ?? original?.plan; if (plan) this.execute(plan); }}
      @plan-cancel=${() => { this.focusNext = '.review-plan'; this.keepReview({ open: false, plan: this.review?.plan ?? null }); }}
      @plan-discard=${() => { this.hostProblems = []; this.keepReview({ open: true, plan: null }); }}
    ></mge-plan-editor>`;
  }
}
