// End to end: `mge generate` against the fake server writes a project whose own tests pass
// (npm install + npm test for TypeScript, python3 -m unittest for Python); flaky atoms are
// retried to success, a stubborn one fails the run with exit 1 and is reported; and a run killed
// with SIGKILL mid-execution, then `mge resume`d, ends with the same files as an uninterrupted run.
// The CLI runs from source through tsx, or the bundle with MGE_CLI=dist/cli.js (see cliProcess).
// Until the `generate` and `resume` commands are registered these tests are skipped, not failed.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { atomIdOf } from '../../../src/core/atomize/contract';
import { findCommand } from '../../../src/cli/commands';
import { planTasks, type MasterPlan } from '../../../src/core/masterplan/schema';
import { TASK_API_REQUEST } from '../../fixtures/fake-anthropic/scenarios/data/taskApiDomain';
import { FLAKY_ATOMS, SMALL_LIBRARY_REQUEST } from '../../fixtures/fake-anthropic/scenarios/flaky-atoms';
import { STUBBORN_ATOM } from '../../fixtures/fake-anthropic/scenarios/stubborn-atom';
import { TASK_API_PY_DIR, taskApiPyPlan } from '../../fixtures/fake-anthropic/scenarios/task-api-py';
import { TASK_API_TS_DIR, taskApiTsPlan } from '../../fixtures/fake-anthropic/scenarios/task-api-ts';
import { startFakeAnthropic, type FakeAnthropicServer } from '../../fixtures/fake-anthropic/server';
import { runMge, type CliRun } from '../cli/cliProcess';
import { countIn, runNpmProjectTests, runPythonProjectTests } from '../fixtures/fake-anthropic/codegenSupport';

const KEY = { ANTHROPIC_API_KEY: 'sk-ant-test-key' };
const PY_REQUEST = `${TASK_API_REQUEST}, in Python with only the standard library`;

/** Workspace files (not the .mge state folder), path -> text. */
function workspaceFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (at: string): void => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (name === '.mge' || name === 'node_modules' || name === 'dist' || name === '__pycache__') continue;
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path).split('\\').join('/'), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

const planFiles = (plan: MasterPlan): string[] => planTasks(plan).flatMap((t) => t.files.map((f) => f.path)).sort();
const trimLines = (text: string): string => text.split('\n').map((l) => l.trimEnd()).join('\n').trimEnd();

describe('e2e: mge generate against the fake server', function () {
  this.timeout(600_000);
  const servers: FakeAnthropicServer[] = [];
  const workspaces: string[] = [];

  before(function () {
    // Waiting for the execution issue's CLI: skip (with the reason in the title) rather than fail.
    if (!findCommand('generate') || !findCommand('resume')) this.skip();
  });
  after(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
    for (const dir of workspaces.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  async function serve(scenario: string, latencyScale = 0): Promise<string> {
    const server = await startFakeAnthropic({ scenario, latencyScale });
    servers.push(server);
    return server.baseUrl;
  }

  function workspace(): string {
    const dir = mkdtempSync(join(tmpdir(), 'mge-e2e-'));
    workspaces.push(dir);
    return dir;
  }

  async function generate(scenario: string, request: string, extra: readonly string[] = []): Promise<{ run: CliRun; dir: string }> {
    const dir = workspace();
    const baseUrl = await serve(scenario);
    const run = await runMge(['generate', request, '--workspace', dir, '--base-url', baseUrl, '--apply', '--json', ...extra], { env: KEY, timeoutMs: 300_000 });
    return { run, dir };
  }

  /** The run finished with every atom passed and wrote exactly the plan's files, as the reference project has them. */
  function assertComplete(run: CliRun, dir: string, plan: MasterPlan, referenceDir: string): void {
    assert.equal(run.code, 0, run.stderr.slice(-4000));
    const summary = run.summary ?? {};
    assert.equal(summary.atomsFailed, 0, JSON.stringify(summary.failed));
    assert.deepEqual([...(summary.filesWritten as string[])].sort(), planFiles(plan));
    const files = workspaceFiles(dir);
    assert.deepEqual([...files.keys()].sort(), planFiles(plan));
    for (const [path, text] of files) assert.equal(trimLines(text), trimLines(readFileSync(join(referenceDir, path), 'utf8')), path);
  }

  it('task-api-ts (V2): the generated project is the reference project and `npm test` passes', async () => {
    const { run, dir } = await generate('task-api-ts', TASK_API_REQUEST);
    assertComplete(run, dir, taskApiTsPlan, TASK_API_TS_DIR);
    assert.equal(run.summary?.precision, 1);
    const tests = await runNpmProjectTests(dir);
    assert.ok(tests.ok, tests.output.slice(-4000));
    assert.equal(countIn(tests.output, /# fail (\d+)/), 0, tests.output.slice(-4000));
  });

  it('task-api-py (V2): the generated project passes `python3 -m unittest`', async () => {
    const { run, dir } = await generate('task-api-py', PY_REQUEST);
    assertComplete(run, dir, taskApiPyPlan, TASK_API_PY_DIR);
    const tests = await runPythonProjectTests(dir);
    assert.ok(tests.ok, tests.output.slice(-4000));
    assert.match(tests.output, /\nOK\b/);
  });

  it('task-api-py (V1, --v1): whole tasks give the same project, and its tests pass', async () => {
    const { run, dir } = await generate('task-api-py', PY_REQUEST, ['--v1']);
    assertComplete(run, dir, taskApiPyPlan, TASK_API_PY_DIR);
    const tests = await runPythonProjectTests(dir);
    assert.ok(tests.ok, tests.output.slice(-4000));
  });

  it('flaky-atoms: bad first attempts are retried until every atom passes', async () => {
    const { run } = await generate('flaky-atoms', SMALL_LIBRARY_REQUEST);
    assert.equal(run.code, 0, run.stderr.slice(-4000));
    const summary = run.summary ?? {};
    assert.equal(summary.atomsFailed, 0, JSON.stringify(summary.failed));
    assert.equal(summary.precision, 1);
    const badAttempts = FLAKY_ATOMS.reduce((n, f) => n + f.badAttempts, 0);
    assert.ok((summary.retries as number) >= badAttempts, `retries ${String(summary.retries)} < ${badAttempts}`);
    assert.ok((summary.firstPassRate as number) < 1);
  });

  it('stubborn-atom: the run ends with exit 1 and reports the atom at the semantics level', async () => {
    const { run } = await generate('stubborn-atom', SMALL_LIBRARY_REQUEST);
    assert.equal(run.code, 1, run.stderr.slice(-4000));
    const failed = (run.summary?.failed ?? []) as Array<{ atomId: string; task: string; level: string; message: string }>;
    const atomId = atomIdOf(STUBBORN_ATOM.taskId, STUBBORN_ATOM.path, STUBBORN_ATOM.unit);
    const stubborn = failed.find((f) => f.atomId === atomId);
    assert.ok(stubborn, JSON.stringify(failed));
    assert.equal(stubborn.task, STUBBORN_ATOM.taskId);
    assert.equal(stubborn.level, 'semantics');
    assert.match(stubborn.message, /normaliseQuantity/);
    assert.equal(run.summary?.atomsFailed, 1);
  });

  it('kill -9 mid-run, then `mge resume`, ends with the same files as an uninterrupted run', async () => {
    const whole = await generate('task-api-ts', TASK_API_REQUEST);
    assert.equal(whole.run.code, 0, whole.run.stderr.slice(-4000));

    // Slow the model down and narrow the pipe so the kill lands in the middle of execution.
    const dir = workspace();
    const baseUrl = await serve('task-api-ts', 0.05);
    let passed = 0;
    const killed = await runMge(['generate', TASK_API_REQUEST, '--workspace', dir, '--base-url', baseUrl, '--apply', '--json', '--concurrency', '2'], {
      env: KEY,
      timeoutMs: 300_000,
      onJsonLine: (line, child) => {
        if (line.type === 'atom/status' && line.status === 'passed' && ++passed === 30) child.kill('SIGKILL');
      },
    });
    assert.equal(killed.signal, 'SIGKILL', `the run ended before the kill (${passed} atoms passed): ${killed.stderr.slice(-2000)}`);

    // resume takes the endpoint from the environment (its documented options are RUN_ID, --workspace, --json).
    const resumed = await runMge(['resume', '--workspace', dir, '--json'], { env: { ...KEY, ANTHROPIC_BASE_URL: baseUrl }, timeoutMs: 300_000 });
    assert.equal(resumed.code, 0, resumed.stderr.slice(-4000));
    assert.equal(resumed.summary?.atomsFailed, 0);
    assert.deepEqual(workspaceFiles(dir), workspaceFiles(whole.dir));
  });
});
