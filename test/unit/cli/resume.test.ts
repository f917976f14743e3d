// `mge resume` as a child process: after the cost cap (exit 1 with how to continue; a plain
// resume is refused until the cap is raised), after SIGINT (exit 130), of a planning run, of a
// propose-only run with --apply, and with nothing left to resume.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TASK_API_REQUEST } from '../../fixtures/fake-anthropic/scenarios/data/taskApiDomain';
import { FINAL_FILES, statsScenario } from '../core/pipeline/generateScenario';
import { runMge } from './cliProcess';
import { filesUnder, fixtures, KEY } from './generateSupport';

describe('cli: mge resume', function () {
  this.timeout(120_000);
  const fx = fixtures();
  after(() => fx.cleanup());

  it('the cost cap stops a run (exit 1, says how to continue); resume needs a higher cap, then finishes with the mode the run started with', async () => {
    const server = await fx.serve(statsScenario());
    const ws = fx.dir();
    // The cap covers planning too: discovery reserves ~$0.086 (fits under $0.10) and costs
    // ~$0.016; the plan then reserves ~$0.119, which does not fit.
    const capped = await runMge(['generate', 'a stats library', '--workspace', ws, '--base-url', server.baseUrl, '--apply', '--max-cost', '0.10', '--json'], { env: KEY });
    assert.equal(capped.code, 1, capped.stderr.slice(-3000));
    const runId = String(capped.summary?.runId);
    assert.equal(capped.summary?.outcome, 'stopped-at-cost-cap');
    assert.equal((capped.summary?.error as { code: string }).code, 'cost-cap');
    assert.ok((capped.summary?.costUsd as number) <= 0.10);
    assert.equal(capped.summary?.resume, `mge resume ${runId} --max-cost <higher USD>`);
    assert.match(capped.stderr, new RegExp(`Stopped at the cost cap: Cost cap of \\$0\\.10 reached: .*Run ${runId} is saved; continue it with a higher cap: mge resume ${runId} --max-cost`));
    assert.deepEqual(readdirSync(ws), ['.mge']);

    const same = await runMge(['resume', '--workspace', ws, '--base-url', server.baseUrl], { env: KEY });
    assert.equal(same.code, 2, same.stderr);
    assert.match(same.stderr, new RegExp(`Run ${runId} stopped at its cost cap of \\$0\\.10 .*mge resume ${runId} --max-cost <USD>`));

    const raised = await runMge(['resume', runId, '--workspace', ws, '--base-url', server.baseUrl, '--max-cost', '5', '--json'], { env: KEY });
    assert.equal(raised.code, 0, raised.stderr.slice(-3000));
    assert.equal(raised.summary?.runId, runId);
    assert.equal(raised.summary?.outcome, 'done');
    assert.equal(raised.summary?.mode, 'apply', 'the mode the run started with');
    assert.deepEqual(filesUnder(ws), FINAL_FILES);
    assert.ok(!raised.jsonLines.some((l) => l.type === 'stage/started' && l.stage === 'discovery'), 'discovery not redone');
  });

  it('SIGINT cancels with exit 130 and a saved run; `mge resume` (latest unfinished) finishes it with the same files', async () => {
    const server = await fx.serve(statsScenario({ latency: { ttftMs: 400, tokensPerSecond: 20_000, jitter: 0 } }), 1);
    const ws = fx.dir();
    let signalled = false;
    const cancelled = await runMge(['generate', 'a stats library', '--workspace', ws, '--base-url', server.baseUrl, '--apply', '--json'], {
      env: KEY,
      onJsonLine: (line, child) => {
        if (!signalled && line.type === 'atom/status' && line.status === 'running') {
          signalled = true;
          child.kill('SIGINT');
        }
      },
    });
    assert.equal(cancelled.code, 130, cancelled.stderr.slice(-3000));
    assert.equal(cancelled.summary?.outcome, 'cancelled');
    const runId = String(cancelled.summary?.runId);
    assert.match(cancelled.stderr, new RegExp(`Cancelled\\. Run ${runId} is saved; continue it with: mge resume ${runId}`));
    assert.ok((cancelled.summary?.atomsPassed as number) < 8);

    const status = await runMge(['status', '--workspace', ws]);
    assert.match(status.stdout, new RegExp(`continue with: mge resume ${runId}`));
    const resumed = await runMge(['resume', '--workspace', ws, '--base-url', server.baseUrl, '--json'], { env: KEY });
    assert.equal(resumed.code, 0, resumed.stderr.slice(-3000));
    assert.equal(resumed.summary?.runId, runId);
    assert.deepEqual(filesUnder(ws), FINAL_FILES);

    const nothing = await runMge(['resume', '--workspace', ws, '--base-url', server.baseUrl], { env: KEY });
    assert.equal(nothing.code, 0, nothing.stderr);
    assert.match(nothing.stdout, /Nothing to resume: every run in this workspace is done\./);
    const elsewhere = await runMge(['resume', runId, '--workspace', fx.dir(), '--db', join(ws, '.mge', 'mge.db'), '--base-url', server.baseUrl], { env: KEY });
    assert.equal(elsewhere.code, 2, elsewhere.stderr);
    assert.match(elsewhere.stderr, new RegExp(`Run ${runId} generates into .*; resume it with --workspace`));
    const unknown = await runMge(['resume', 'run-0000000000', '--workspace', ws, '--base-url', server.baseUrl], { env: KEY });
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /There is no run run-0000000000/);
  });

  it('--apply on a run that only proposed writes its proposals into the workspace', async () => {
    const server = await fx.serve(statsScenario());
    const ws = fx.dir();
    const proposed = await runMge(['generate', 'a stats library', '--workspace', ws, '--base-url', server.baseUrl], { env: KEY });
    assert.equal(proposed.code, 0, proposed.stderr.slice(-3000));
    const runId = /mge resume (run-\w+) --apply/.exec(proposed.stdout)?.[1];
    assert.ok(runId, proposed.stdout);
    assert.deepEqual(readdirSync(ws), ['.mge']);
    const applied = await runMge(['resume', runId, '--apply', '--workspace', ws, '--base-url', server.baseUrl, '--json'], { env: KEY });
    assert.equal(applied.code, 0, applied.stderr.slice(-3000));
    assert.deepEqual(filesUnder(ws), FINAL_FILES);
    assert.deepEqual(applied.summary?.filesWritten, Object.keys(FINAL_FILES).sort());
    assert.equal(server.requests.filter((r) => JSON.stringify(r.body).includes('ATOM id=')).length, 7, 'no atom generated again');
  });

  it('a planning run (mge plan) stopped by SIGINT is continued by `mge resume` as a planning run', async () => {
    const server = await fx.serve('slow-plan');
    const ws = fx.dir();
    const plan = await runMge(['plan', TASK_API_REQUEST, '--workspace', ws, '--base-url', server.baseUrl, '--json'], {
      env: KEY,
      onJsonLine: (line, child) => {
        if (line.type === 'stage/started' && line.stage === 'masterplan') setTimeout(() => child.kill('SIGINT'), 200);
      },
    });
    assert.equal(plan.code, 130, plan.stderr);
    const resumed = await runMge(['resume', '--workspace', ws, '--base-url', server.baseUrl, '--json'], { env: KEY });
    assert.equal(resumed.code, 0, resumed.stderr.slice(-3000));
    assert.equal(resumed.summary?.tasks, 25);
    assert.equal(resumed.summary?.outcome, 'done');
    assert.deepEqual(readdirSync(join(ws)), ['.mge']);
  });
});
