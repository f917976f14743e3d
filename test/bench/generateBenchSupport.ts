/**
 * Pieces of the generation bench (run.ts): the fake API in a child process (so its CPU and memory
 * are not charged to MGE), `mge` run in this process through runCli with a capturing CliIo (the
 * real CLI code path, so CPU time and peak RSS are the CLI's).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { runCli } from '../../src/cli/cli';
import type { CliIo } from '../../src/cli/io';

const REPO = resolve(__dirname, '../..');

/** A fake API server process. */
export interface ServerProcess {
  readonly baseUrl: string;
  close(): Promise<void>;
}

/** Starts `fake-anthropic --scenario <scenario> --latency-scale <scale>` and waits for its URL. */
export function startServerProcess(scenario: string, latencyScale: number, signal: AbortSignal): Promise<ServerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', resolve(REPO, 'test/fixtures/fake-anthropic/main.ts'), '--port', '0', '--scenario', scenario, '--latency-scale', String(latencyScale)],
    { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'], signal },
  );
  return new Promise((done, fail) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /^(http:\/\/\S+)$/m.exec(out)?.[1];
      if (!url) return;
      child.stdout?.removeAllListeners('data');
      done({
        baseUrl: url,
        close: () =>
          new Promise((closed) => {
            if (child.exitCode !== null) return closed();
            child.once('exit', () => closed());
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`the fake API exited (${code}) before serving: ${out}`)));
  });
}

/** One in-process `mge` command: exit code, last stdout line as JSON, stderr JSON events. */
export interface CliResult {
  readonly code: number;
  readonly summary: Record<string, unknown>;
  readonly events: ReadonlyArray<Record<string, unknown>>;
}

/** Runs `mge args...` in this process; `onEvent` sees each JSON stderr line as it is written. */
export async function cliInProcess(
  args: readonly string[],
  env: Readonly<Record<string, string>>,
  onEvent: (event: Record<string, unknown>) => void,
  signal: AbortSignal,
): Promise<CliResult> {
  let stdout = '';
  const events: Array<Record<string, unknown>> = [];
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => {
      for (const line of text.split('\n')) {
        if (!line.startsWith('{')) continue;
        const event = JSON.parse(line) as Record<string, unknown>;
        events.push(event);
        onEvent(event);
      }
    },
    env,
    cwd: REPO,
    stderrIsTty: false,
  };
  const code = await runCli(args, { io, signal });
  const last = stdout.trimEnd().split('\n').at(-1) ?? '{}';
  return { code, summary: JSON.parse(last) as Record<string, unknown>, events };
}
