// SIGINT and SIGKILL against a real `mge plan` process, with the slow-plan scenario holding the
// masterplan answer so the signal lands after discovery is stored.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DISCOVERY_TOOL_NAME } from '../../../src/core/discovery/prompt';
import { MASTERPLAN_TOOL_NAME } from '../../../src/core/masterplan/prompt';
import { openDatabase } from '../../../src/core/store/database';
import { TASK_API_REQUEST } from '../../fixtures/fake-anthropic/scenarios/data/taskApiDomain';
import { startFakeAnthropic, type FakeAnthropicServer } from '../../fixtures/fake-anthropic/server';
import { capturingLogger } from '../core/testDoubles';
import { runMge } from './cliProcess';

const KEY = { ANTHROPIC_API_KEY: 'sk-ant-test-key' };

function askedTools(server: FakeAnthropicServer): string[] {
  return server.requests
    .filter((r) => r.path === '/v1/messages')
    .map((r) => {
      const body = r.body as { tool_choice?: { name?: string }; tools?: Array<{ name?: string }> };
      return body.tool_choice?.name ?? body.tools?.[0]?.name ?? '(none)';
    });
}

describe('cli: signals and resume', function () {
  this.timeout(90_000);
  let server: FakeAnthropicServer;
  let workspace: string;
  beforeEach(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'mge-cli-sig-'));
    server = await startFakeAnthropic({ scenario: 'slow-plan', latencyScale: 0 });
  });
  afterEach(async () => {
    await server.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('SIGINT cancels cleanly: exit 130, the run saved as cancelled, and it can be resumed', async () => {
    const run = await runMge(['plan', TASK_API_REQUEST, '--workspace', workspace, '--base-url', server.baseUrl, '--json'], {
      env: KEY,
      onJsonLine: (line, child) => {
        if (line.type === 'stage/started' && line.stage === 'masterplan') setTimeout(() => child.kill('SIGINT'), 200);
      },
    });
    assert.equal(run.code, 130, run.stderr);
    assert.match(run.stderr, /continue it with: mge plan --resume run-/);
    const db = await openDatabase({ path: join(workspace, '.mge', 'mge.db'), logger: capturingLogger(), readOnly: true });
    const runId = String(db.get('SELECT id FROM runs')?.id);
    assert.equal(db.get('SELECT status FROM runs')?.status, 'cancelled');
    await db.close();
    const resumed = await runMge(['plan', '--resume', runId, '--workspace', workspace, '--base-url', server.baseUrl, '--json'], { env: KEY });
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.equal(resumed.summary?.tasks, 25);
  });

  it('resumes after SIGKILL between discovery and plan: only the masterplan call is made again', async () => {
    let runId = '';
    const killed = await runMge(['plan', TASK_API_REQUEST, '--workspace', workspace, '--base-url', server.baseUrl, '--json'], {
      env: KEY,
      onJsonLine: (line, child) => {
        if (line.type === 'run/started') runId = String(line.runId);
        if (line.type === 'stage/started' && line.stage === 'masterplan') setTimeout(() => child.kill('SIGKILL'), 200);
      },
    });
    assert.equal(killed.signal, 'SIGKILL');
    assert.deepEqual(askedTools(server), [DISCOVERY_TOOL_NAME, MASTERPLAN_TOOL_NAME]);

    const status = await runMge(['status', '--workspace', workspace, '--json']);
    assert.equal(status.code, 0, status.stderr);
    assert.deepEqual([status.summary?.runId, status.summary?.status, status.summary?.stage, status.summary?.masterPlanId], [runId, 'running', 'masterplan', null]);

    const resumed = await runMge(['plan', '--resume', runId, '--workspace', workspace, '--base-url', server.baseUrl, '--json'], { env: KEY });
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.equal(resumed.summary?.runId, runId);
    assert.equal(resumed.summary?.tasks, 25);
    assert.deepEqual(askedTools(server), [DISCOVERY_TOOL_NAME, MASTERPLAN_TOOL_NAME, MASTERPLAN_TOOL_NAME], 'discovery was not asked again');
    assert.ok(!resumed.jsonLines.some((l) => l.type === 'stage/started' && l.stage === 'discovery'));
    const db = await openDatabase({ path: join(workspace, '.mge', 'mge.db'), logger: capturingLogger(), readOnly: true });
    assert.deepEqual(db.all('SELECT purpose FROM llm_calls ORDER BY id').map((r) => r.purpose), ['discovery', 'masterplan']);
    assert.equal(db.get('SELECT status FROM runs')?.status, 'done');
    await db.close();
  });
});
