import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../src/core/store/database';
import { MAX_REQUEST_BYTES } from '../../../src/core/pipeline/badInput';
import { TASK_API_REQUEST } from '../../fixtures/fake-anthropic/scenarios/data/taskApiDomain';
import { SYNTHETIC_LARGE_REQUEST } from '../../fixtures/fake-anthropic/scenarios/synthetic-large';
import { startFakeAnthropic, type FakeAnthropicServer } from '../../fixtures/fake-anthropic/server';
import { capturingLogger } from '../core/testDoubles';
import { runMge } from './cliProcess';

const KEY = { ANTHROPIC_API_KEY: 'sk-ant-test-key' };

describe('cli: mge plan end to end', function () {
  this.timeout(60_000);
  let server: FakeAnthropicServer | undefined;
  let workspace: string;
  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'mge-cli-'));
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    rmSync(workspace, { recursive: true, force: true });
  });
  const serve = async (scenario: string) => {
    server = await startFakeAnthropic({ scenario, latencyScale: 0 });
    return server.baseUrl;
  };

  for (const [scenario, request, tasks, phases] of [
    ['task-api-ts', TASK_API_REQUEST, 25, 6],
    ['task-api-py', `${TASK_API_REQUEST}, in Python with only the standard library`, 24, 6],
    ['synthetic-large', SYNTHETIC_LARGE_REQUEST, 120, 8],
  ] as const) {
    it(`plans ${scenario} with --json: summary on the last stdout line, events as JSON lines on stderr, exit 0`, async () => {
      const baseUrl = await serve(scenario);
      const run = await runMge(['plan', request, '--workspace', workspace, '--base-url', baseUrl, '--json'], { env: KEY });
      assert.equal(run.code, 0, run.stderr);
      const s = run.summary!;
      assert.deepEqual(Object.keys(s).slice(0, 10), ['runId', 'masterPlanId', 'tasks', 'phases', 'inputTokens', 'outputTokens', 'cacheReadTokens', 'cacheWriteTokens', 'costUsd', 'wallMs']);
      assert.equal(s.tasks, tasks);
      assert.equal(s.phases, phases);
      assert.ok((s.outputTokens as number) > 0 && (s.costUsd as number) > 0 && (s.wallMs as number) > 0);
      for (const line of run.stderr.trimEnd().split('\n')) assert.doesNotThrow(() => JSON.parse(line), `stderr line is not JSON: ${line}`);
      const types = run.jsonLines.map((l) => l.type).filter((t) => t !== undefined && t !== 'cost/update');
      assert.deepEqual(types, ['run/started', 'stage/started', 'stage/finished', 'discovery/ready', 'stage/started', 'stage/finished', 'plan/ready', 'run/finished']);
      const db = await openDatabase({ path: join(workspace, '.mge', 'mge.db'), logger: capturingLogger(), readOnly: true });
      assert.equal(db.get('SELECT COUNT(*) AS n FROM tasks WHERE masterplan_id = ?', [s.masterPlanId as string])?.n, tasks);
      await db.close();
    });
  }

  it('prints the plan and the totals for people without --json', async () => {
    const baseUrl = await serve('task-api-ts');
    const run = await runMge(['plan', TASK_API_REQUEST, '-w', workspace, '--base-url', baseUrl], { env: KEY });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^# Task management REST API/m);
    assert.match(run.stdout, /MasterPlan mp-[0-9a-f]+: 25 tasks in 6 phases/);
    assert.match(run.stdout, /Tokens: [\d,]+ in, [\d,]+ out/);
    assert.match(run.stderr, /masterplan done in/);
  });

  it('exits 2 on an empty request, before needing a key', async () => {
    const run = await runMge(['plan', '   ', '--workspace', workspace]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /request is empty/);
  });

  it('exits 2 on a request over 100 KB (as an argument and from --file)', async () => {
    const big = 'x'.repeat(MAX_REQUEST_BYTES + 10);
    const asArg = await runMge(['plan', big, '--workspace', workspace], { env: KEY });
    assert.equal(asArg.code, 2);
    assert.match(asArg.stderr, /limit is 100 KB/);
    const file = join(workspace, 'request.txt');
    writeFileSync(file, big);
    const fromFile = await runMge(['plan', '--file', file, '--workspace', workspace, '--json'], { env: KEY });
    assert.equal(fromFile.code, 2);
    assert.equal((fromFile.summary?.error as { code?: string } | undefined)?.code, 'bad-input');
  });

  it('exits 3 without ANTHROPIC_API_KEY and says how to set it', async () => {
    const run = await runMge(['plan', TASK_API_REQUEST, '--workspace', workspace]);
    assert.equal(run.code, 3);
    assert.match(run.stderr, /ANTHROPIC_API_KEY is not set.*export ANTHROPIC_API_KEY=/);
  });

  it('exits 3 on a key the API refuses (401), with the plain message and no key in it', async () => {
    const baseUrl = await serve('task-api-ts');
    const run = await runMge(['plan', TASK_API_REQUEST, '--workspace', workspace, '--base-url', baseUrl], { env: { ANTHROPIC_API_KEY: 'invalid-sk-ant-123' } });
    assert.equal(run.code, 3);
    assert.match(run.stderr, /failed \(auth\)/);
    assert.doesNotMatch(run.stdout + run.stderr, /invalid-sk-ant-123/);
  });

  it('exits 1 when the plan is still invalid after one repair', async () => {
    const baseUrl = await serve('plan-always-invalid');
    const run = await runMge(['plan', TASK_API_REQUEST, '--workspace', workspace, '--base-url', baseUrl, '--json'], { env: KEY });
    assert.equal(run.code, 1);
    assert.equal((run.summary?.error as { code: string }).code, 'invalid-plan');
    assert.equal(run.summary?.masterPlanId, null);
  });

  it('exits 2 on an unknown option, with the usage hint', async () => {
    const run = await runMge(['plan', 'x', '--frobnicate']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /mge plan --help/);
  });
});
