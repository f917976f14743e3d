/**
 * Plays the extension host inside the harness page, before the panel's bundle loads: defines
 * acquireVsCodeApi, answers the panel's requests from fixtures, and lets the test send events,
 * fail methods and inspect the calls (window.mgeHost). Bundled for the browser by panel.test.ts.
 * Written without DOM types (the root tsconfig has none): the page's globals are typed here.
 */
import type { ProgressEvent } from '../../../src/shared/events';
import type { AppState, ExecuteResult, ApplyResult, RunInfo } from '../../../src/shared/protocol';
import { DISCOVERY_MARKDOWN, PLAN, initialState, runInfo } from './fixtures';

interface Envelope { readonly kind: string; readonly id?: number; readonly method?: string; readonly params?: unknown }

interface PageGlobals {
  acquireVsCodeApi?: () => { postMessage(m: unknown): void; getState(): unknown; setState(s: unknown): void };
  postMessage(message: unknown, targetOrigin: string): void;
  mgeHost?: FakeHost;
  /** Set by the test before the page loads: adjusts the host before the panel asks anything. */
  mgeSetup?: (host: FakeHost) => void;
}

const page = globalThis as unknown as PageGlobals;

/** The fake host the test drives through `window.mgeHost`. */
export class FakeHost {
  state: AppState = initialState();
  readonly calls: Array<{ method: string; params: unknown }> = [];
  /** Methods that answer with an error, and its message. */
  readonly failing: Record<string, string> = {};
  /** Answers plan/execute gives, first to last; then 'started'. */
  readonly executeAnswers: ExecuteResult[] = [];
  applyAnswer: ApplyResult = { status: 'applied', applied: ['src/domain/task.ts', 'src/domain/user.ts'], skipped: ['src/http/routes.ts'], refused: [{ relPath: 'src/repo/memory.ts', reason: 'You changed it after the proposal was made.' }], discarded: ['src/http/legacy.ts'] };
  /** Requests held unanswered until release(), to see the panel while it waits. */
  readonly held = new Set<string>();
  private readonly waiting: Array<() => void> = [];
  savedState: unknown = undefined;
  ready = false;

  receive(envelope: Envelope): void {
    if (envelope.kind === 'notification' && envelope.method === 'webview/ready') this.ready = true;
    if (envelope.kind !== 'request' || envelope.id === undefined || envelope.method === undefined) return;
    const { id, method } = envelope;
    this.calls.push({ method, params: envelope.params });
    const answer = (): void => {
      const error = this.failing[method];
      if (error !== undefined) this.post({ kind: 'error', id, error: { code: 'handler-failed', message: error } });
      else this.post({ kind: 'response', id, result: this.handle(method, envelope.params) });
    };
    if (this.held.has(method)) this.waiting.push(answer);
    else setTimeout(answer, 5);
  }

  release(): void {
    this.held.clear();
    for (const answer of this.waiting.splice(0)) answer();
  }

  private run(runId: string): RunInfo | undefined {
    return this.state.runs.find((r) => r.runId === runId);
  }

  private handle(method: string, params: unknown): unknown {
    const p = (params ?? {}) as Record<string, unknown>;
    switch (method) {
      case 'app/getState': return this.state;
      case 'key/set': this.state = { ...this.state, key: { hasKey: true } }; return { hasKey: true };
      case 'plan/get': return { runId: p.runId, masterPlanId: 'mp-7f3a', discoveryMarkdown: DISCOVERY_MARKDOWN, plan: PLAN };
      case 'plan/execute': return this.execute(String(p.runId));
      case 'run/stop': return { stopped: true };
      case 'run/resume': return { status: 'started', runId: p.runId };
      case 'review/open': return { files: this.run(String(p.runId))?.pendingProposals ?? 0, opened: 'src/domain/task.ts' };
      case 'review/apply': return this.applyAnswer;
      case 'conversation/select': return this.select(p.conversationId as string | null);
      case 'chat/send': return this.send(String(p.text));
      case 'context/open': return String(p.path).startsWith('../') ? { status: 'refused', message: `${String(p.path)} is not inside the workspace.` } : { status: 'opened' };
      default: throw new Error(`fake host: no answer for ${method}`);
    }
  }

  private execute(runId: string): ExecuteResult {
    const answer = this.executeAnswers.shift() ?? { status: 'started', runId: 'gen1' };
    if (answer.status === 'started') {
      this.state = {
        ...this.state,
        runs: [
          ...this.state.runs.map((r) => (r.runId === runId ? { ...r, awaitingReview: false, generateRunId: answer.runId } : r)),
          runInfo(answer.runId, []),
        ],
      };
      setTimeout(() => this.notify('state/changed', {}), 10);
    }
    return answer;
  }

  private select(conversationId: string | null): { ok: boolean } {
    this.state = { ...this.state, activeConversationId: conversationId, messages: conversationId === 'c1' ? initialState().messages : [], runs: conversationId === 'c1' ? this.state.runs : [] };
    return { ok: true };
  }

  private send(text: string): unknown {
    const runId = `plan${this.state.messages.length + 1}`;
    this.state = {
      ...this.state,
      messages: [...this.state.messages, { id: `m${this.state.messages.length + 1}`, role: 'user', text, createdAt: Date.now(), runId }],
      runs: [...this.state.runs, runInfo(runId, [], { kind: 'plan' })],
    };
    return { status: 'started', conversationId: this.state.activeConversationId ?? 'c-new', runId };
  }

  /** Replaces a stored run's fields (status, live, pendingProposals ...) and tells the panel. */
  updateRun(runId: string, patch: Partial<RunInfo>): void {
    this.state = { ...this.state, runs: this.state.runs.map((r) => (r.runId === runId ? { ...r, ...patch } : r)) };
    this.notify('state/changed', {});
  }

  /** Sends live events, and stores them the way the real host does. */
  emit(events: readonly ProgressEvent[], store = true): void {
    for (const event of events) {
      if (store) this.state = { ...this.state, runs: this.state.runs.map((r) => (r.runId === event.runId ? { ...r, events: [...r.events, event] } : r)) };
      this.notify('run/event', { event });
    }
  }

  notify(method: string, params: unknown): void {
    this.post({ kind: 'notification', method, params });
  }

  private post(envelope: unknown): void {
    page.postMessage(envelope, '*');
  }
}

const host = new FakeHost();
page.mgeHost = host;
page.mgeSetup?.(host);
page.acquireVsCodeApi = () => ({
  postMessage: (m: unknown) => host.receive(m as Envelope),
  getState: () => host.savedState,
  setState: (s: unknown) => { host.savedState = s; },
});
