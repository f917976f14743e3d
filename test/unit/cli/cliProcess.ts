/**
 * Runs `mge` as a child process: through tsx from source by default, or the bundle when
 * MGE_CLI=dist/cli.js (after `node esbuild.mjs`). Collects stdout, stderr (as lines and as parsed
 * JSON lines) and the exit code; lets a test act on stderr lines as they come (to signal or kill).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const REPO = resolve(__dirname, '../../..');

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stderr lines that parse as JSON objects. */
  readonly jsonLines: Array<Record<string, unknown>>;
  /** The last stdout line parsed as JSON (the --json summary), or undefined. */
  readonly summary: Record<string, unknown> | undefined;
}

export interface CliRunOptions {
  readonly env?: Record<string, string | undefined>;
  /** Called with each JSON stderr line; may signal or kill the child. */
  readonly onJsonLine?: (line: Record<string, unknown>, child: ChildProcess) => void;
  readonly timeoutMs?: number;
}

/** Spawn `mge args...` and wait for it to exit. */
export function runMge(args: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  const bundle = process.env.MGE_CLI;
  const command = bundle ? [resolve(REPO, bundle)] : ['--import', 'tsx', resolve(REPO, 'src/cli/main.ts')];
  const env: Record<string, string | undefined> = { ...process.env, ANTHROPIC_API_KEY: undefined, ANTHROPIC_BASE_URL: undefined, MGE_MODEL: 'claude-sonnet-5', ...options.env };
  const child = spawn(process.execPath, [...command, ...args], { cwd: REPO, env: env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let pending = '';
  const jsonLines: Array<Record<string, unknown>> = [];
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    const text = d.toString();
    stderr += text;
    pending += text;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const parsed = parseObject(line);
      if (!parsed) continue;
      jsonLines.push(parsed);
      options.onJsonLine?.(parsed, child);
    }
  });
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`mge ${args.join(' ')} timed out; stderr:\n${stderr}`));
    }, options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const lastLine = stdout.trimEnd().split('\n').at(-1) ?? '';
      resolvePromise({ code, signal, stdout, stderr, jsonLines, summary: parseObject(lastLine) });
    });
  });
}

function parseObject(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
