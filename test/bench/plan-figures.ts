/**
 * The planning figures of the closing note: for each scenario, `mge plan --json` twice against
 * one fake server (cold, then warm: the second run reads the cached prompt prefix), each in a
 * fresh workspace. Prints a table and, last, one JSON line with every figure.
 *
 *   npx tsx test/bench/plan-figures.ts [--latency-scale 1] [--cli dist/cli.js]
 *
 * Latency scale 1 is the scenario's model of the API (400 ms to first token, 80 tokens/s);
 * 0 measures MGE's own overhead.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { TASK_API_REQUEST } from '../fixtures/fake-anthropic/scenarios/data/taskApiDomain';
import { SYNTHETIC_LARGE_REQUEST } from '../fixtures/fake-anthropic/scenarios/synthetic-large';
import { startFakeAnthropic } from '../fixtures/fake-anthropic/server';

const REPO = resolve(__dirname, '../..');
const SCENARIOS: ReadonlyArray<readonly [string, string]> = [
  ['task-api-ts', TASK_API_REQUEST],
  ['task-api-py', `${TASK_API_REQUEST}, in Python with only the standard library`],
  ['synthetic-large', SYNTHETIC_LARGE_REQUEST],
];

interface Summary {
  tasks: number;
  phases: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  costUsd: number;
  wallMs: number;
  cacheReadShare: number;
}

function runPlan(cli: string | undefined, baseUrl: string, request: string): Promise<Summary & { processMs: number }> {
  const workspace = mkdtempSync(join(tmpdir(), 'mge-figures-'));
  const args = cli ? [resolve(REPO, cli)] : ['--import', 'tsx', resolve(REPO, 'src/cli/main.ts')];
  const started = Date.now();
  const child = spawn(process.execPath, [...args, 'plan', request, '--workspace', workspace, '--base-url', baseUrl, '--json', '--no-cache'], {
    env: { ...process.env, ANTHROPIC_API_KEY: 'sk-ant-figures', MGE_MODEL: 'claude-sonnet-5' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  return new Promise((done, fail) => {
    child.on('close', (code) => {
      rmSync(workspace, { recursive: true, force: true });
      if (code !== 0) return fail(new Error(`mge plan exited ${code}: ${stdout}`));
      done({ ...(JSON.parse(stdout.trimEnd().split('\n').at(-1) ?? '{}') as Summary), processMs: Date.now() - started });
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'latency-scale': { type: 'string', default: '1' }, cli: { type: 'string' } } });
  const latencyScale = Number(values['latency-scale']);
  const rows: Array<Record<string, unknown>> = [];
  for (const [scenario, request] of SCENARIOS) {
    const server = await startFakeAnthropic({ scenario, latencyScale });
    try {
      for (const pass of ['cold', 'warm'] as const) {
        const s = await runPlan(values.cli, server.baseUrl, request);
        rows.push({ scenario, pass, ...s });
      }
    } finally {
      await server.close();
    }
  }
  const header = 'scenario         pass  tasks  wall ms  process ms  input  output  cache read  cache write  read share  cost USD';
  process.stdout.write(`latency scale ${latencyScale}, CLI ${values.cli ?? 'src/cli/main.ts via tsx'}\n${header}\n`);
  for (const r of rows) {
    process.stdout.write(
      `${String(r.scenario).padEnd(17)}${String(r.pass).padEnd(6)}${String(r.tasks).padStart(5)}${String(r.wallMs).padStart(9)}${String(r.processMs).padStart(12)}` +
        `${String(r.inputTokens).padStart(7)}${String(r.outputTokens).padStart(8)}${String(r.cacheReadTokens).padStart(12)}${String(r.cacheWriteTokens).padStart(13)}` +
        `${((r.cacheReadShare as number) * 100).toFixed(1).padStart(11)}%${(r.costUsd as number).toFixed(4).padStart(10)}\n`,
    );
  }
  process.stdout.write(`${JSON.stringify({ latencyScale, runs: rows })}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
