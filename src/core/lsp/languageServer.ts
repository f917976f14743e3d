/**
 * A headless LSP client over vscode-jsonrpc: initialize, keep documents in sync (didOpen then
 * full-text didChange), and get a document's diagnostics by pulling (`textDocument/diagnostic`)
 * when the server offers it, else by waiting for the publishDiagnostics of that version.
 */
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { LspUnavailableError, withDeadline } from './deadline';
import { readConfigurationItems, readPublishParams, readPullReport, registersPullDiagnostics, supportsPullDiagnostics, type LspDiagnostic } from './protocol';
import { spawnServer, type ServerCommand, type ServerProcess } from './serverProcess';

/** What the session needs beyond the command. */
export interface LanguageServerOptions {
  /** The workspace folder the server analyses (the shadow root). */
  readonly rootDir: string;
  /** Answer to workspace/configuration for one section (null: the server's defaults). */
  readonly settings: (section: string | null) => unknown;
  readonly initializationOptions?: unknown;
  /** How long initialize may take (a cold server loads its standard library). */
  readonly startTimeoutMs: number;
}

/** A started server. Owned by its pool; dispose() shuts it down and kills the process. */
export interface LanguageServer {
  readonly name: string;
  readonly pullDiagnostics: boolean;
  /** Why the server is gone, or null while it runs. */
  deadReason(): string | null;
  /** Whether the document is open on the server (its text then comes from sync, not the disk). */
  isOpen(absPath: string): boolean;
  /** Tells the server that files it has not opened changed on disk (it does not watch the shadow itself). */
  filesChanged(absPaths: readonly string[]): void;
  /** Opens or updates a document; returns the version the server now has. */
  sync(absPath: string, languageId: string, text: string): number;
  /** Errors and warnings of the document at `version` (the one sync returned). */
  diagnostics(absPath: string, version: number, timeoutMs: number, signal: AbortSignal): Promise<LspDiagnostic[]>;
  dispose(): Promise<void>;
}

interface Published { version: number | null; seq: number; diagnostics: LspDiagnostic[] }
interface Waiter { uri: string; version: number; afterSeq: number; resolve: (d: LspDiagnostic[]) => void }

/** Spawns `command` and completes the initialize handshake; rejects with LspUnavailableError when it cannot. */
export async function startLanguageServer(command: ServerCommand, options: LanguageServerOptions, signal: AbortSignal): Promise<LanguageServer> {
  let proc: ServerProcess;
  try {
    proc = await spawnServer(command, options.rootDir);
  } catch (err) {
    throw new LspUnavailableError(err instanceof Error ? err.message : String(err));
  }
  const connection = createMessageConnection(new StreamMessageReader(proc.child.stdout), new StreamMessageWriter(proc.child.stdin));
  const session = new Session(command.name, proc, connection);
  try {
    await session.initialize(options, signal);
  } catch (err) {
    // The reason before our own kill: a crash says why, a silent server says it timed out.
    const why = proc.exitReason() ?? (err instanceof Error ? err.message : String(err));
    await session.dispose();
    if (signal.aborted) throw err;
    throw new LspUnavailableError(`${command.name} did not start: ${why}`);
  }
  return session;
}

class Session implements LanguageServer {
  pullDiagnostics = false;
  private pullRegistered: () => void = () => undefined;
  // Settles when the server turns out to serve pull diagnostics (a registration may come late).
  private readonly pullReady = new Promise<void>((resolve) => (this.pullRegistered = resolve));
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  private readonly published = new Map<string, Published>();
  private waiters: Waiter[] = [];
  private publishSeq = 0;
  private disposed: Promise<void> | null = null;

  constructor(readonly name: string, private readonly proc: ServerProcess, private readonly connection: MessageConnection) {}

  async initialize(options: LanguageServerOptions, signal: AbortSignal): Promise<void> {
    const c = this.connection;
    // Without these answers some servers wait forever (NOTES: vscode-jsonrpc headless).
    c.onRequest('workspace/configuration', (params: unknown) => readConfigurationItems(params).map((s) => options.settings(s) ?? null));
    // pyright announces pull diagnostics by dynamic registration rather than in its capabilities.
    c.onRequest('client/registerCapability', (params: unknown) => {
      if (registersPullDiagnostics(params)) this.markPull();
      return null;
    });
    c.onRequest('client/unregisterCapability', () => null);
    c.onRequest('window/workDoneProgress/create', () => null);
    c.onRequest('workspace/workspaceFolders', () => [folder(options.rootDir)]);
    // Refresh requests and anything else a server asks: acknowledged, so it never waits on us.
    c.onRequest(() => null);
    c.onNotification('textDocument/publishDiagnostics', (params: unknown) => this.onPublish(params));
    c.onError(() => undefined);
    c.onClose(() => this.failWaiters());
    c.listen();
    const result = await withDeadline(
      c.sendRequest('initialize', initializeParams(options)),
      options.startTimeoutMs, signal, `${this.name} initialize`,
    );
    if (supportsPullDiagnostics(result)) this.markPull();
    await c.sendNotification('initialized', {});
    await c.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  }

  private markPull(): void {
    this.pullDiagnostics = true;
    this.pullRegistered();
  }

  deadReason(): string | null {
    return this.proc.exitReason();
  }

  isOpen(absPath: string): boolean {
    return this.versions.has(pathToFileURL(absPath).href);
  }

  filesChanged(absPaths: readonly string[]): void {
    if (absPaths.length === 0) return;
    // 2 = Changed; a server that did not know a file treats it as new.
    const changes = absPaths.map((p) => ({ uri: pathToFileURL(p).href, type: 2 }));
    this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes }).catch(() => undefined);
  }

  sync(absPath: string, languageId: string, text: string): number {
    const uri = pathToFileURL(absPath).href;
    const previous = this.versions.get(uri);
    // The same text again (a catch-up after our own write) would only make the server re-check.
    if (previous !== undefined && this.texts.get(uri) === text) return previous;
    this.texts.set(uri, text);
    const version = (previous ?? 0) + 1;
    this.versions.set(uri, version);
    const sent = previous === undefined
      ? this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } })
      : this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    // A write to a dying server fails here; diagnostics() then reports the dead server.
    sent.catch(() => undefined);
    return version;
  }

  async diagnostics(absPath: string, version: number, timeoutMs: number, signal: AbortSignal): Promise<LspDiagnostic[]> {
    const dead = this.deadReason();
    if (dead) throw new LspUnavailableError(dead);
    const uri = pathToFileURL(absPath).href;
    if (this.pullDiagnostics) return this.pull(uri, timeoutMs, signal);
    // Until a registration says otherwise the server pushes; if one comes while we wait, pull.
    const giveUp = new AbortController();
    const onAbort = (): void => giveUp.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      const pulled = this.pullReady.then(() => this.pull(uri, timeoutMs, giveUp.signal));
      return await Promise.race([this.awaitPublished(uri, version, timeoutMs, giveUp.signal), pulled]);
    } finally {
      signal.removeEventListener('abort', onAbort);
      giveUp.abort(new Error('answered'));
    }
  }

  private async pull(uri: string, timeoutMs: number, signal: AbortSignal): Promise<LspDiagnostic[]> {
    {
      const cancel = new CancellationTokenSource();
      try {
        const report = await withDeadline(
          this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }, cancel.token),
          timeoutMs, signal, `${this.name} diagnostics`, () => cancel.cancel(),
        );
        return readPullReport(report);
      } finally {
        cancel.dispose();
      }
    }
  }

  private awaitPublished(uri: string, version: number, timeoutMs: number, signal: AbortSignal): Promise<LspDiagnostic[]> {
    const seen = this.published.get(uri);
    if (seen && seen.version !== null && seen.version >= version) return Promise.resolve(seen.diagnostics);
    let waiter: Waiter | undefined;
    const arrived = new Promise<LspDiagnostic[]>((resolve) => {
      waiter = { uri, version, afterSeq: this.syncSeq(uri), resolve };
      this.waiters.push(waiter);
    });
    const drop = (): void => {
      this.waiters = this.waiters.filter((w) => w !== waiter);
    };
    return withDeadline(arrived, timeoutMs, signal, `${this.name} diagnostics`, drop);
  }

  // Servers that publish without a version: any publish after this point answers the wait.
  private syncSeq(uri: string): number {
    return this.published.get(uri)?.seq ?? -1;
  }

  private onPublish(params: unknown): void {
    const p = readPublishParams(params);
    if (!p) return;
    const entry: Published = { version: p.version, seq: ++this.publishSeq, diagnostics: p.diagnostics };
    this.published.set(p.uri, entry);
    const ready = this.waiters.filter((w) => w.uri === p.uri && (p.version === null ? entry.seq > w.afterSeq : p.version >= w.version));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve(p.diagnostics);
  }

  private failWaiters(): void {
    // Waiters then end by their deadline; diagnostics() reports the dead server on the next call.
    this.waiters = [];
  }

  dispose(): Promise<void> {
    this.disposed ??= this.shutdown();
    return this.disposed;
  }

  private async shutdown(): Promise<void> {
    if (!this.proc.exitReason()) {
      const polite = new AbortController();
      try {
        await withDeadline(this.connection.sendRequest('shutdown'), 300, polite.signal, 'shutdown');
        await this.connection.sendNotification('exit');
      } catch {
        // A server that will not shut down politely is killed below.
      }
    }
    this.connection.dispose();
    await this.proc.kill(300);
  }
}

function folder(rootDir: string): { uri: string; name: string } {
  return { uri: pathToFileURL(rootDir).href, name: 'shadow' };
}

function initializeParams(options: LanguageServerOptions): Record<string, unknown> {
  return {
    processId: process.pid,
    clientInfo: { name: 'mge' },
    rootUri: pathToFileURL(options.rootDir).href,
    workspaceFolders: [folder(options.rootDir)],
    initializationOptions: options.initializationOptions ?? {},
    capabilities: {
      workspace: {
        configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
      },
      textDocument: {
        synchronization: { dynamicRegistration: true, didSave: false },
        publishDiagnostics: { relatedInformation: false, versionSupport: true },
        diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false },
      },
      window: { workDoneProgress: true },
    },
  };
}
