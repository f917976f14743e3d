import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { HostNotifications, Requests, type AppState, type ChatMessage } from '../../src/shared/protocol';
import type { ProgressEvent } from '../../src/shared/events';
import { WebviewRpc } from './rpc';
import { applyEvent } from './runView';
import { buildRuns, foldRun, metaFromView, placeRuns, type RunEntry } from './runReplay';
import { parseSavedState, pruneReviews, type SavedState } from './savedState';
import { renderComposer } from './views/composer';
import { renderConversationList } from './views/conversationList';
import { errorText, type ReviewChangeEvent } from './views/runElement';
import { panelStyles } from './styles';

type Notice = { kind: 'needs-key' | 'rejected' | 'error'; message: string };

/**
 * The chat panel: the conversation picker, the messages with the runs they started (replayed
 * from the host's stored events, live events on top), and the composer. Every request that fails
 * ends in an alert with its message; the panel is never left blank.
 */
export class MgeApp extends LitElement {
  static override styles = panelStyles;
  static override properties = {
    state: { state: true },
    runs: { state: true },
    saved: { state: true },
    notice: { state: true },
    loadError: { state: true },
    busy: { state: true },
    switching: { state: true },
    now: { state: true },
  };

  private readonly rpc = new WebviewRpc();
  state: AppState | null = null;
  runs: Record<string, RunEntry> = {};
  saved: SavedState = { draft: '', reviews: {} };
  notice: Notice | null = null;
  /** Why the last app/getState failed; the panel keeps what it had and offers Retry. */
  loadError: string | null = null;
  busy = false;
  switching = false;
  now = Date.now();
  /** Live events per run not yet in the host's stored list (see runReplay). */
  private live: Record<string, ProgressEvent[]> = {};
  /** Runs met only through live events that a refetch was already asked for. */
  private readonly askedAbout = new Set<string>();
  private refreshSeq = 0;
  private ticker: number | undefined;
  private shownMessages = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    this.saved = parseSavedState(this.rpc.vscode.getState());
    this.rpc.on(HostNotifications.runEvent, ({ event }) => this.onEvent(event));
    this.rpc.on(HostNotifications.stateChanged, () => void this.refresh());
    this.rpc.on(HostNotifications.messageAdded, () => void this.refresh());
    this.rpc.announceReady();
    void this.refresh();
    // The host sends a pause once; a 1 s tick counts it down, and only while some run is paused.
    this.ticker = window.setInterval(() => {
      if (Object.values(this.runs).some((r) => r.view.pause)) this.now = Date.now();
    }, 1000);
  }

  override disconnectedCallback(): void {
    window.clearInterval(this.ticker);
    super.disconnectedCallback();
  }

  override updated(): void {
    const count = this.state?.messages.length ?? 0;
    if (count > this.shownMessages) this.renderRoot.querySelector('.messages > li:last-of-type')?.scrollIntoView({ block: 'nearest' });
    this.shownMessages = count;
  }

  private async refresh(): Promise<void> {
    // Answers can overtake each other; only the newest request's answer is drawn.
    const seq = ++this.refreshSeq;
    try {
      const state = await this.rpc.request(Requests.getState, {});
      if (seq !== this.refreshSeq) return;
      this.state = state;
      this.loadError = null;
      this.rebuild();
      this.saved = pruneReviews(this.saved, state.runs);
      this.save();
    } catch (err) {
      if (seq === this.refreshSeq) this.loadError = errorText(err);
    }
  }

  private rebuild(): void {
    const { runs, pending } = buildRuns(this.state?.runs ?? [], this.live, Date.now());
    this.runs = runs;
    this.live = pending;
  }

  private onEvent(event: ProgressEvent): void {
    (this.live[event.runId] ??= []).push(event);
    const entry = this.runs[event.runId];
    if (entry) {
      applyEvent(entry.view, event, Date.now());
      // A new entry object, so the run's element sees a changed property and draws again.
      this.runs = { ...this.runs, [event.runId]: { view: entry.view, meta: entry.meta.kind === null ? metaFromView(entry.view) : entry.meta } };
    } else {
      const view = foldRun(event.runId, this.live[event.runId], Date.now());
      this.runs = { ...this.runs, [event.runId]: { view, meta: metaFromView(view) } };
      if (!this.askedAbout.has(event.runId)) {
        this.askedAbout.add(event.runId);
        void this.refresh();
      }
    }
    if (event.type === 'llm/pause') this.now = Date.now();
    // Proposals, status and "live" change when a run ends; the host's list has them.
    if (event.type === 'run/finished') void this.refresh();
  }

  private save(): void {
    this.rpc.vscode.setState(this.saved);
  }

  private async send(): Promise<void> {
    const text = this.saved.draft.trim();
    if (text === '' || this.busy) return;
    this.busy = true;
    this.notice = null;
    try {
      const result = await this.rpc.request(Requests.sendMessage, { text, conversationId: this.state?.activeConversationId ?? null });
      if (result.status === 'started') {
        this.saved = { ...this.saved, draft: '' };
        this.askedAbout.add(result.runId);
        await this.refresh();
      } else {
        this.notice = { kind: result.status, message: result.message };
      }
    } catch (err) {
      this.notice = { kind: 'error', message: errorText(err) };
    } finally {
      this.busy = false;
      this.save();
    }
  }

  private async setKey(): Promise<void> {
    try {
      const status = await this.rpc.request(Requests.setKey, {});
      if (status.hasKey && this.notice?.kind === 'needs-key') this.notice = null;
      await this.refresh();
    } catch (err) {
      this.notice = { kind: 'error', message: errorText(err) };
    }
  }

  private async selectConversation(conversationId: string | null): Promise<void> {
    if (this.switching) return;
    this.switching = true;
    this.notice = null;
    try {
      const { ok } = await this.rpc.request(Requests.selectConversation, { conversationId });
      if (!ok) this.notice = { kind: 'error', message: 'That conversation could not be opened; it may have been deleted.' };
      // Finished runs of the old conversation must not linger as "other runs" in the new one.
      for (const [runId, entry] of Object.entries(this.runs)) if (entry.view.outcome !== null) delete this.live[runId];
      await this.refresh();
    } catch (err) {
      this.notice = { kind: 'error', message: errorText(err) };
    } finally {
      this.switching = false;
    }
  }

  private onReviewChange(e: ReviewChangeEvent): void {
    const reviews = { ...this.saved.reviews };
    if (e.detail.review) reviews[e.detail.runId] = e.detail.review;
    else delete reviews[e.detail.runId];
    this.saved = { ...this.saved, reviews };
    this.save();
  }

  override render(): TemplateResult {
    const state = this.state;
    const messages = state?.messages ?? [];
    const placement = placeRuns(messages, this.runs);
    return html`<main class="panel">
      ${state ? renderConversationList(state.conversations, state.activeConversationId, { busy: this.switching || this.busy, now: this.now },
        { select: (id) => void this.selectConversation(id) }) : nothing}
      ${state && !state.key.hasKey && this.notice?.kind !== 'needs-key' ? this.renderKeyBanner() : nothing}
      ${state && !state.settings.v2Enabled ? html`<p class="note"><vscode-icon name="info" aria-hidden="true"></vscode-icon>
        Using the V1 engine (the setting mge.v2.enabled is off).</p>` : nothing}
      ${this.loadError ? html`<div class="notice error" role="alert"><vscode-icon name="error" aria-hidden="true"></vscode-icon>
        <span>The panel could not load its state: ${this.loadError}</span>
        <vscode-button secondary icon="refresh" aria-label="Retry loading the panel" @click=${() => void this.refresh()}>Retry</vscode-button></div>` : nothing}
      ${!state && !this.loadError ? html`<p class="muted" role="status"><vscode-icon name="loading" spin aria-hidden="true"></vscode-icon> Loading…</p>` : nothing}
      <ol class="messages" aria-label="Conversation">
        ${state && messages.length === 0 ? html`<li class="empty muted">Describe the codebase you want. MGE writes a Discovery Document and a MasterPlan first, then generates and validates the code in small atoms; you review every change before it is applied.</li>` : nothing}
        ${messages.map((m) => this.renderMessage(m, placement.byMessage[m.id] ?? []))}
        ${placement.orphans.length > 0 ? html`<li class="message other-runs"><p class="muted">Runs not started from a message in this conversation</p>
          ${placement.orphans.map((id) => this.renderRun(id))}</li>` : nothing}
      </ol>
      ${this.notice ? this.renderNotice(this.notice) : nothing}
      ${renderComposer({ busy: this.busy, draft: this.saved.draft }, {
        input: (text) => { this.saved = { ...this.saved, draft: text }; this.save(); },
        send: () => void this.send(),
      })}
    </main>`;
  }

  private renderMessage(message: ChatMessage, runIds: readonly string[]): TemplateResult {
    return html`<li class="message ${message.role}">
      <div class="bubble"><vscode-icon name=${message.role === 'user' ? 'account' : 'hubot'} aria-hidden="true"></vscode-icon>
        <span class="sr-only">${message.role === 'user' ? 'You:' : 'MGE:'}</span>
        <span class="text">${message.text}</span></div>
      ${runIds.map((id) => this.renderRun(id))}
    </li>`;
  }

  private renderRun(runId: string): TemplateResult {
    const entry = this.runs[runId];
    if (!entry) return html`<p class="muted run-pending" role="status"><vscode-icon name="loading" spin aria-hidden="true"></vscode-icon> Starting…</p>`;
    return html`<mge-run .entry=${entry} .now=${entry.view.pause ? this.now : 0} .rpc=${this.rpc} .review=${this.saved.reviews[runId]}
      @review-change=${(e: ReviewChangeEvent) => this.onReviewChange(e)}
      @state-stale=${() => void this.refresh()}
      @set-key=${() => void this.setKey()}></mge-run>`;
  }

  private renderKeyBanner(): TemplateResult {
    return html`<div class="banner" role="note"><vscode-icon name="key" aria-hidden="true"></vscode-icon>
      No Anthropic API key yet. <vscode-button secondary icon="key" aria-label="Set API Key" @click=${() => void this.setKey()}>Set API Key</vscode-button></div>`;
  }

  private renderNotice(notice: Notice): TemplateResult {
    return html`<div class="notice ${notice.kind}" role="alert">
      <vscode-icon name=${notice.kind === 'needs-key' ? 'key' : 'error'} aria-hidden="true"></vscode-icon><span>${notice.message}</span>
      ${notice.kind === 'needs-key' ? html`<vscode-button aria-label="Set API Key" icon="key" @click=${() => void this.setKey()}>Set API Key</vscode-button>` : nothing}
      <vscode-button secondary icon="close" aria-label="Dismiss" @click=${() => { this.notice = null; }}>Dismiss</vscode-button></div>`;
  }
}
