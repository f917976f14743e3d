import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TASK_API_REQUEST } from '../../fixtures/fake-anthropic/scenarios/data/taskApiDomain';
import { startFakeAnthropic, type FakeAnthropicServer } from '../../fixtures/fake-anthropic/server';
import { runMge } from './cliProcess';

describe('cli: mge status and help', function () {
  this.timeout(60_000);
  let workspace: string;
  let server: FakeAnthropicServer | undefined;
  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'mge-cli-status-'));
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    rmSync(workspace, { recursive: true, force: true });
  });

  it('says there are no runs in a fresh workspace', async () => {
    const run = await runMge(['status', '--workspace', workspace]);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /No runs yet/);
  });

  it('shows the latest run and a run by id, and exits 2 for an unknown id', async () => {
    server = await startFakeAnthropic({ scenario: 'task-api-ts', latencyScale: 0 });
    const plan = await runMge(['plan', TASK_API_REQUEST, '--workspace', workspace, '--base-url', server.baseUrl, '--json'], { env: { ANTHROPIC_API_KEY: 'sk-ant-x' } });
    assert.equal(plan.code, 0, plan.stderr);
    const latest = await runMge(['status', '--workspace', workspace, '--json']);
    assert.equal(latest.summary?.runId, plan.summary?.runId);
    assert.equal(latest.summary?.status, 'done');
    assert.equal(latest.summary?.tasks, 25);
    assert.equal(latest.summary?.outputTokens, plan.summary?.outputTokens);
    const byId = await runMge(['status', String(plan.summary?.runId), '--workspace', workspace]);
    assert.match(byId.stdout, /: done, last stage masterplan/);
    assert.match(byId.stdout, /plan: mp-[0-9a-f]+, 25 tasks in 6 phases/);
    const unknown = await runMge(['status', 'run-0000000000', '--workspace', workspace]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no run run-0000000000/);
  });

  it('lists the commands in mge --help and explains each with mge <cmd> --help', async () => {
    const help = await runMge(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Commands:\n/);
    for (const command of ['generate', 'resume', 'plan', 'status', 'index', 'search', 'validate']) {
      assert.match(help.stdout, new RegExp(`\\n  ${command}\\s+\\S`), `mge --help lists ${command}`);
    }
    const planHelp = await runMge(['plan', '--help']);
    assert.match(planHelp.stdout, /Usage: mge plan "<request>"/);
    const unknown = await runMge(['frob']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command "frob"/);
  });
});
