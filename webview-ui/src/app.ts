import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { HostNotifications, Requests, type AppState, type ChatMessage } from '../../src/shared/protocol';
import type { ProgressEvent } from '../../src/shared/events';
import { WebviewRpc } from './rpc';
import { applyEvent, emptyRun, type RunView } from './runView';
import { renderRunCard } from './views/runCard';
import { renderComposer } from './views/composer';
import { panelStyles } from './styles';

interface SavedState {
  readonly draft: string;
  readonly runs: Record<string, RunView>;
}

/** The chat panel: conversation, runs with live progress, and the composer. */
export class MgeApp extends LitElement {
  static override styles = panelStyles;
  static override properties = {
    state: { state: true },
    runs: { state: true },
    draft: { state: true },
    notice: { state: true },
    busy: { state: true },
    now: { state: true },
  };

  private readonly rpc = new WebviewRpc();
  state: AppState | null = null;
  runs: Record<string, RunView> = {};
  draft = '';
  notice: { kind: 'needs-key' | 'rejected' | 'error'; message: string } | null = null;
  busy = false;
  now = Date.now();
  private ticker: number | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    const saved = this.rpc.vscode.getState() as SavedState | undefined;
    if (saved) {
      this.draft = saved.draft;
      this.runs = saved.runs;
    }
    this.rpc.on(HostNotifications.runEvent, ({ event }) => this.onEvent(event));
    this.rpc.on(HostNotifications.stateChanged, () => void this.refresh());
    this.rpc.on(HostNotifications.messageAdded, () => void this.refresh());
    this.rpc.announceReady();
    void this.refresh();
    // A 1 s tick drives rate-limit countdowns without the host sending an event every second.
    this.ticker = window.setInterval(() => { this.now = Date.now(); }, 1000);
  }

  override disconnectedCallback(): void {
    window.clearInterval(this.ticker);
    super.disconnectedCallback();
  }

  private async refresh(): Promise<void> {
    try {
      this.state = await this.rpc.request(Requests.getState, {});
    } catch (err) {
      this.notice = { kind: 'error', message: err instanceof Error ? err.message : String(err) };
    }
  }

  private onEvent(event: ProgressEvent): void {
    const run = this.runs[event.runId] ?? emptyRun(event.runId);
    this.runs = { ...this.runs, [event.runId]: applyEvent(run, event, Date.now()) };
    this.save();
  }

  private save(): void {
    const state: SavedState = { draft: this.draft, runs: this.runs };
    this.rpc.vscode.setState(state);
  }

  private async send(): Promise<void> {
    const text = this.draft.trim();
    if (text === '' || this.busy) return;
    this.busy = true;
    this.notice = null;
    try {
      const result = await this.rpc.request(Requests.sendMessage, { text, conversationId: this.state?.activeConversationId ?? null });
      if (result.status === 'started') {
        this.draft = '';
        this.runs = { ...this.runs, [result.runId]: this.runs[result.runId] ?? emptyRun(result.runId) };
        await this.refresh();
      } else {
        this.notice = { kind: result.status, message: result.message };
      }
    } catch (err) {
      this.notice = { kind: 'error', message: err instanceof Error ? err.message : String(err) };
    } finally {
      this.busy = false;
      this.save();
    }
  }

  private async setKey(): Promise<void> {
    const status = await this.rpc.request(Requests.setKey, {});
    if (status.hasKey && this.notice?.kind === 'needs-key') this.notice = null;
    await this.refresh();
  }

  override render(): TemplateResult {
    const messages = this.state?.messages ?? [];
    return html`<main class="panel">
      ${this.state && !this.state.key.hasKey && this.notice?.kind !== 'needs-key' ? this.renderKeyBanner() : nothing}
      <ol class="messages" aria-label="Conversation" aria-live="polite">
        ${messages.length === 0 ? html`<li class="empty muted">Describe the codebase you want. MGE writes a Discovery Document and a MasterPlan first, then generates and validates the code in small atoms; you review every change before it is applied.</li>` : nothing}
        ${messages.map((m) => this.renderMessage(m))}
      </ol>
      ${this.notice ? this.renderNotice(this.notice) : nothing}
      ${renderComposer({ busy: this.busy, draft: this.draft }, {
        input: (text) => { this.draft = text; this.save(); },
        send: () => void this.send(),
      })}
    </main>`;
  }

  private renderMessage(message: ChatMessage): TemplateResult {
    const run = message.runId ? this.runs[message.runId] : undefined;
    return html`<li class="message ${message.role}">
      <div class="bubble"><vscode-icon name=${message.role === 'user' ? 'account' : 'hubot'} aria-hidden="true"></vscode-icon>
        <span class="text">${message.text}</span></div>
      ${run ? renderRunCard(run, this.now, {
        stop: () => void this.rpc.request(Requests.stopRun, { runId: run.runId }),
        setKey: () => void this.setKey(),
      }) : nothing}
    </li>`;
  }

  private renderKeyBanner(): TemplateResult {
    return html`<div class="banner" role="note"><vscode-icon name="key" aria-hidden="true"></vscode-icon>
      No Anthropic API key yet. <vscode-button secondary aria-label="Set API Key" @click=${() => void this.setKey()}>Set API Key</vscode-button></div>`;
  }

  private renderNotice(notice: NonNullable<MgeApp['notice']>): TemplateResult {
    return html`<div class="notice ${notice.kind}" role="alert">${notice.message}
      ${notice.kind === 'needs-key' ? html`<vscode-button aria-label="Set API Key" @click=${() => void this.setKey()}>Set API Key</vscode-button>` : nothing}</div>`;
  }
}
