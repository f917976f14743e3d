import * as vscode from 'vscode';
import {
  envelopeSchema,
  Requests,
  WebviewNotifications,
  type Envelope,
  type NotificationType,
  type RequestMap,
} from '../shared/protocol';
import type { HandlerDeps, HandlerTable } from './handlerTable';

type RequestName = keyof RequestMap;

/**
 * The host end of the typed channel to one webview. Validates every arriving envelope and its
 * params against the protocol before a handler sees them, answers each request with a response
 * or an error, and holds outgoing notifications until the page says `webview/ready`.
 */
export class WebviewMessenger implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly queue: Envelope[] = [];
  private readonly inFlight = new Set<AbortController>();
  private ready = false;
  private readonly readyWaiters: Array<() => void> = [];

  constructor(
    private readonly webview: vscode.Webview,
    private readonly handlers: HandlerTable,
    private readonly deps: HandlerDeps,
  ) {
    this.disposables.push(webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)));
  }

  /** Resolves once the page has announced it is listening. */
  whenReady(): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Sends a notification now, or when the page is ready. */
  notify<P>(type: NotificationType<P>, params: P): void {
    this.post({ kind: 'notification', method: type.method, params });
  }

  /**
   * Runs a request through the same validation and handler the webview's messages use. The
   * extension's test API uses this to exercise the protocol without a browser.
   */
  async dispatch(method: string, params: unknown, signal: AbortSignal): Promise<unknown> {
    const name = (Object.keys(Requests) as RequestName[]).find((k) => Requests[k].method === method);
    if (!name) throw new ProtocolError('unknown-method', `Unknown method "${method}".`);
    const type = Requests[name];
    const parsed = type.params.safeParse(params);
    if (!parsed.success) throw new ProtocolError('invalid-params', `Invalid params for ${method}: ${parsed.error.message}`);
    const handler = this.handlers[name] as (d: HandlerDeps, p: unknown, s: AbortSignal) => Promise<unknown>;
    const result = await handler(this.deps, parsed.data, signal);
    return type.result.parse(result);
  }

  private receive(raw: unknown): void {
    const envelope = envelopeSchema.safeParse(raw);
    if (!envelope.success) {
      this.deps.logger.warn(`Dropped a malformed message from the chat view: ${envelope.error.message}`);
      return;
    }
    const message = envelope.data;
    if (message.kind === 'notification') {
      if (message.method === WebviewNotifications.ready.method) this.markReady();
      else this.deps.logger.warn(`Unknown notification from the chat view: ${message.method}`);
      return;
    }
    if (message.kind !== 'request') return;
    const controller = new AbortController();
    this.inFlight.add(controller);
    this.dispatch(message.method, message.params, controller.signal).then(
      (result) => this.post({ kind: 'response', id: message.id, result }),
      (err: unknown) => {
        const code = err instanceof ProtocolError ? err.code : 'handler-failed';
        const text = err instanceof Error ? err.message : String(err);
        this.deps.logger.error(`${message.method} failed: ${text}`);
        this.post({ kind: 'error', id: message.id, error: { code, message: text } });
      },
    ).finally(() => this.inFlight.delete(controller));
  }

  private markReady(): void {
    this.ready = true;
    for (const envelope of this.queue.splice(0)) void this.webview.postMessage(envelope);
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }

  private post(envelope: Envelope): void {
    if (!this.ready) {
      this.queue.push(envelope);
      return;
    }
    void this.webview.postMessage(envelope);
  }

  dispose(): void {
    for (const c of this.inFlight) c.abort(new Error('The chat view was closed.'));
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** A message that does not fit the protocol. */
export class ProtocolError extends Error {
  constructor(readonly code: 'unknown-method' | 'invalid-params', message: string) {
    super(message);
    this.name = 'ProtocolError';
  }
}
