/**
 * The webview end of the typed channel to the host. Requests get an id and a promise; results
 * and notifications are validated against the protocol's schemas before anyone sees them.
 */
import {
  envelopeSchema,
  WebviewNotifications,
  type Envelope,
  type NotificationType,
  type RequestType,
} from '../../src/shared/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** Error answered by the host for a request. */
export class RpcError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'RpcError';
  }
}

export class WebviewRpc {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Array<(params: unknown) => void>>();
  readonly vscode: VsCodeApi = acquireVsCodeApi();

  constructor() {
    window.addEventListener('message', (e: MessageEvent<unknown>) => this.receive(e.data));
  }

  /** Tells the host the page is listening; call after every listener is registered. */
  announceReady(): void {
    this.post({ kind: 'notification', method: WebviewNotifications.ready.method, params: {} });
  }

  request<P, R>(type: RequestType<P, R>, params: P): Promise<R> {
    const id = this.nextId++;
    return new Promise<R>((resolve, reject) => {
      this.pending.set(id, {
        resolve: (value) => {
          const parsed = type.result.safeParse(value);
          if (parsed.success) resolve(parsed.data);
          else reject(new RpcError('invalid-result', `Invalid answer to ${type.method}: ${parsed.error.message}`));
        },
        reject,
      });
      this.post({ kind: 'request', id, method: type.method, params });
    });
  }

  on<P>(type: NotificationType<P>, handler: (params: P) => void): void {
    const list = this.listeners.get(type.method) ?? [];
    list.push((raw) => {
      const parsed = type.params.safeParse(raw);
      if (parsed.success) handler(parsed.data);
      else console.warn(`MGE: dropped invalid ${type.method}`, parsed.error.message);
    });
    this.listeners.set(type.method, list);
  }

  private post(envelope: Envelope): void {
    this.vscode.postMessage(envelope);
  }

  private receive(raw: unknown): void {
    const parsed = envelopeSchema.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.kind === 'response' || message.kind === 'error') {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      if (message.kind === 'response') pending.resolve(message.result);
      else pending.reject(new RpcError(message.error.code, message.error.message));
      return;
    }
    if (message.kind === 'notification') {
      for (const listener of this.listeners.get(message.method) ?? []) listener(message.params);
    }
  }
}
