/**
 * The language servers of one run: started on first use, reused by every atom, keyed by server
 * kind and root folder. A server that cannot start is remembered with its reason so a hundred
 * atoms do not each wait for it; one that dies is restarted once. dispose() stops them all.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LspUnavailableError } from './deadline';
import { startLanguageServer, type LanguageServer, type LanguageServerOptions } from './languageServer';
import { serverCommand, type ServerKind, type ServerLocations } from './serverCommands';
import type { ServerCommand } from './serverProcess';

/** The run's servers. The pool owns every server it started. */
export interface LanguageServerPool {
  /** The server of `kind` for `rootDir`; rejects with LspUnavailableError (and the reason) when there is none. */
  get(kind: ServerKind, rootDir: string, signal: AbortSignal): Promise<LanguageServer>;
  /** Shuts every server down and kills its process. */
  dispose(): Promise<void>;
}

export interface LanguageServerPoolOptions extends ServerLocations {
  /** How long a server may take to initialize (default 30 s). */
  readonly startTimeoutMs?: number;
  /** Replaces the command lookup (tests: a server that cannot start). */
  readonly commandFor?: (kind: ServerKind, rootDir: string) => ServerCommand | Error;
  /** How many times a server that died is started again (default 1). */
  readonly restarts?: number;
}

interface Entry { server: Promise<LanguageServer>; restartsLeft: number }

/** Creates an empty pool. */
export function createLanguageServerPool(options: LanguageServerPoolOptions = {}): LanguageServerPool {
  const entries = new Map<string, Entry>();
  const started: LanguageServer[] = [];
  const failures = new Map<string, string>();
  let disposed = false;

  async function start(kind: ServerKind, rootDir: string, signal: AbortSignal): Promise<LanguageServer> {
    const command = options.commandFor ? options.commandFor(kind, rootDir) : serverCommand(kind, rootDir, options);
    if (command instanceof Error) throw new LspUnavailableError(command.message);
    const server = await startLanguageServer(command, serverOptions(kind, rootDir, options.startTimeoutMs ?? 30_000), signal);
    if (disposed) {
      await server.dispose();
      throw new LspUnavailableError('the language server pool was disposed');
    }
    started.push(server);
    return server;
  }

  async function get(kind: ServerKind, rootDir: string, signal: AbortSignal): Promise<LanguageServer> {
    if (disposed) throw new LspUnavailableError('the language server pool was disposed');
    const key = `${kind}\0${rootDir}`;
    const failed = failures.get(key);
    if (failed) throw new LspUnavailableError(failed);
    let entry = entries.get(key);
    if (!entry) {
      entry = { server: start(kind, rootDir, signal), restartsLeft: options.restarts ?? 1 };
      entries.set(key, entry);
    }
    let server: LanguageServer;
    try {
      server = await entry.server;
    } catch (err) {
      // An abort is this caller's, not the server's fault: the next caller tries again.
      if (signal.aborted) {
        entries.delete(key);
        throw err;
      }
      const reason = err instanceof Error ? err.message : String(err);
      failures.set(key, reason);
      throw new LspUnavailableError(reason);
    }
    const dead = server.deadReason();
    if (dead === null) return server;
    if (entry.restartsLeft <= 0) {
      failures.set(key, dead);
      throw new LspUnavailableError(dead);
    }
    entries.set(key, { server: start(kind, rootDir, signal), restartsLeft: entry.restartsLeft - 1 });
    return get(kind, rootDir, signal);
  }

  async function dispose(): Promise<void> {
    disposed = true;
    const all = [...started];
    started.length = 0;
    entries.clear();
    await Promise.all(all.map((s) => s.dispose()));
  }

  return { get, dispose };
}

function serverOptions(kind: ServerKind, rootDir: string, startTimeoutMs: number): LanguageServerOptions {
  if (kind === 'typescript') return { rootDir, startTimeoutMs, settings: () => null };
  const venv = ['.venv', 'venv'].map((d) => join(rootDir, d, 'bin', 'python')).find((p) => existsSync(p));
  // Open files only: the level asks about one file at a time, and a whole-workspace scan would
  // compete with it for the CPU.
  const analysis = { typeCheckingMode: 'standard', diagnosticMode: 'openFilesOnly', autoSearchPaths: true };
  const python = { analysis, ...(venv ? { pythonPath: venv } : {}) };
  return {
    rootDir,
    startTimeoutMs,
    settings: (section) => (section === 'python' ? python : section === 'python.analysis' ? analysis : section === 'pyright' ? {} : null),
  };
}
