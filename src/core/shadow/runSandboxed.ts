/**
 * Runs one command for the runtime level: its own process group (so a timeout kills whatever it
 * started too), a deadline, stdout and stderr captured together up to a limit, stdin closed.
 */
import { spawn } from 'node:child_process';

export interface SandboxedCommand {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** The whole environment (build it with safeEnv: no secrets). */
  readonly env: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  /** Most characters of output kept (the rest is dropped from the middle). */
  readonly outputLimit: number;
}

export interface SandboxedOutcome {
  /** Exit code, or null when killed by a signal. */
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
  /** stdout and stderr interleaved as they came, truncated in the middle past the limit. */
  readonly output: string;
  readonly durationMs: number;
}

/**
 * Runs `cmd` and resolves when it and its process group are gone. Rejects only when the
 * executable cannot be spawned (ENOENT) or on abort (after killing the group).
 */
export function runSandboxed(cmd: SandboxedCommand, signal: AbortSignal): Promise<SandboxedOutcome> {
  signal.throwIfAborted();
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd.command, [...cmd.args], {
      cwd: cmd.cwd, env: { ...cmd.env }, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true,
      // A group of its own: on timeout we kill the group, children and grandchildren included.
      detached: process.platform !== 'win32',
    });
    const output = new CappedOutput(cmd.outputLimit);
    let timedOut = false;
    const killGroup = (): void => {
      if (child.pid === undefined) return;
      try {
        if (process.platform === 'win32') child.kill('SIGKILL');
        else process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, cmd.timeoutMs);
    const onAbort = (): void => killGroup();
    signal.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (d: Buffer) => output.add(d.toString()));
    child.stderr.on('data', (d: Buffer) => output.add(d.toString()));
    child.once('error', (err) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      reject(new Error(`could not run ${cmd.command}: ${err.message}`));
    });
    // Whatever the command left running in its group goes with it; a grandchild holding the
    // pipes open would otherwise delay 'close' until the deadline.
    child.once('exit', killGroup);
    child.once('close', (exitCode, exitSignal) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      if (signal.aborted) {
        reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
        return;
      }
      resolve({ exitCode, signal: exitSignal, timedOut, output: output.text(), durationMs: Date.now() - started });
    });
  });
}

/** Keeps the head and the tail of a long output: the start says what ran, the end how it died. */
class CappedOutput {
  private head = '';
  private tail = '';
  private dropped = 0;

  constructor(private readonly limit: number) {}

  add(text: string): void {
    const headRoom = Math.floor(this.limit / 4) - this.head.length;
    if (headRoom > 0) {
      this.head += text.slice(0, headRoom);
      text = text.slice(headRoom);
    }
    this.tail += text;
    const keep = this.limit - Math.floor(this.limit / 4);
    if (this.tail.length > keep) {
      this.dropped += this.tail.length - keep;
      this.tail = this.tail.slice(-keep);
    }
  }

  text(): string {
    return this.dropped > 0 ? `${this.head}\n[... ${this.dropped} characters cut ...]\n${this.tail}` : this.head + this.tail;
  }
}
