/** One language-server child process: spawned on stdio, its stderr tail kept for error messages, killed by its owner. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/** How to start a server. */
export interface ServerCommand {
  /** Shown in reasons and logs: "TypeScript 7.0.2 (bundled)". */
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  /** The whole environment of the server (already stripped of secrets). */
  readonly env: Readonly<Record<string, string>>;
}

/** A running server process. The creator owns it and must call kill(). */
export interface ServerProcess {
  readonly child: ChildProcessWithoutNullStreams;
  /** Why it ended ("exited with code 1: <stderr tail>"), or null while it runs. */
  exitReason(): string | null;
  /** Resolves when the process has ended (at once if it already has). */
  readonly ended: Promise<void>;
  /** The last few KB of stderr. */
  stderrTail(): string;
  /** SIGTERM, then SIGKILL after `graceMs` if still alive; resolves once it has ended. */
  kill(graceMs?: number): Promise<void>;
}

const STDERR_KEEP = 4096;

/**
 * Spawns `command` in `cwd`. Rejects when the executable cannot be spawned at all (ENOENT,
 * EACCES), so a missing server becomes a reason rather than a hang.
 */
export function spawnServer(command: ServerCommand, cwd: string): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(command.command, [...command.args], { cwd, env: { ...command.env }, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    let tail = '';
    let reason: string | null = null;
    let markEnded: () => void = () => undefined;
    const ended = new Promise<void>((r) => (markEnded = r));
    child.stderr.on('data', (chunk: Buffer) => {
      tail = (tail + chunk.toString()).slice(-STDERR_KEEP);
    });
    child.once('exit', (code, sig) => {
      reason = `${command.name} exited (${sig ?? `code ${code ?? '?'}`})${tail.trim() ? `: ${tail.trim().slice(-400)}` : ''}`;
      markEnded();
    });
    // A write to a dead server's stdin must not become an uncaught EPIPE.
    child.stdin.on('error', () => undefined);
    child.once('error', (err) => {
      reason ??= `${command.name} could not be started: ${err.message}`;
      markEnded();
      reject(new Error(reason));
    });
    child.once('spawn', () => {
      resolve({
        child,
        exitReason: () => reason,
        ended,
        stderrTail: () => tail,
        kill: (graceMs = 500) => killChild(child, ended, graceMs),
      });
    });
  });
}

async function killChild(child: ChildProcessWithoutNullStreams, ended: Promise<void>, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((r) => (timer = setTimeout(r, graceMs)));
  await Promise.race([ended, grace]);
  clearTimeout(timer);
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await ended;
  }
}
