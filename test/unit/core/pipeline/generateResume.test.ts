import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateRun, resumeGenerate } from '../../../../src/core/generate/generateRun';
import { planRun } from '../../../../src/core/pipeline/planRun';
import type { GenerateDeps } from '../../../../src/core/generate/deps';
import type { GenerateSettings } from '../../../../src/core/generate/settings';
import type { ProgressEvent } from '../../../../src/shared/events';
import { startFakeAnthropic } from '../../../fixtures/fake-anthropic/server';
import { FINAL_FILES, statsScenario } from './generateScenario';
import { memorySink, startGenerateHarness, type GenerateHarness } from './generateHarness';

const noAbort = new AbortController().signal;
const withSettings = (deps: GenerateDeps, patch: Partial<GenerateSettings>): GenerateDeps => ({ ...deps, settings: { ...deps.settings, ...patch } });
const statuses = (h: GenerateHarness, runId: string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const a of h.session.generation.atoms(runId)) out[a.status] = (out[a.status] ?? 0) + 1;
  return out;
};

const spentOn = (h: GenerateHarness, runId: string, purposes: string): number =>
  Number(h.db.get(`SELECT COALESCE(SUM(cost_usd), 0) AS c FROM llm_calls WHERE run_id = ? AND (${purposes})`, [runId])?.c);
const costsAfter = (events: readonly ProgressEvent[], from: number): number[] =>
  events.slice(from).flatMap((e) => (e.type === 'cost/update' ? [e.costUsd] : []));
const messagesSent = (h: GenerateHarness): number => h.server.requests.filter((r) => r.path === '/v1/messages').length;

describe('generateRun: cost cap, cancel and resume', function () {
  this.timeout(30_000);
  const open: GenerateHarness[] = [];
  afterEach(async () => {
    for (const h of open.splice(0)) await h.close();
  });
  const harness = async (...args: Parameters<typeof startGenerateHarness>): Promise<GenerateHarness> => {
    const h = await startGenerateHarness(...args);
    open.push(h);
    return h;
  };

  it('stops at the cost cap with nothing new started past it, then finishes on resume with a higher cap', async () => {
    // Atoms on the planning model with a large max_tokens: each reserves about $0.04, so a cap
    // $0.06 above what the skeletons cost lets one or two atoms start, not all seven. The plan is
    // made by a planning run first (as the extension does): its calls are estimated far above
    // what they cost and would not fit under such a cap.
    const settings = { atomModel: 'claude-sonnet-5', atomMaxTokens: 4_000 };
    const reference = await harness(statsScenario(), { settings });
    const full = await generateRun(reference.deps, { request: 'stats', workspaceRoot: reference.workspaceRoot }, noAbort);
    const cap = full.usage.costUsd - spentOn(reference, full.runId, `purpose LIKE 'atom:%' OR purpose IN ('discovery', 'masterplan')`) + 0.06;

    const h = await harness(statsScenario(), { settings });
    const planned = await planRun(h.session.planDeps, { request: 'stats', workspaceRoot: h.workspaceRoot }, noAbort);
    const capped = await generateRun(withSettings(h.deps, { maxCostUsd: cap }), { request: 'stats', workspaceRoot: h.workspaceRoot, planFromRunId: planned.runId }, noAbort);
    assert.equal(capped.outcome, 'stopped-at-cost-cap');
    assert.equal(capped.error?.code, 'cost-cap');
    assert.ok(capped.usage.costUsd <= cap, `${capped.usage.costUsd} spent under a cap of ${cap}`);
    const stopped = statuses(h, capped.runId);
    assert.ok(stopped.passed !== undefined && stopped.passed > 1 && stopped.pending !== undefined, JSON.stringify(stopped));
    assert.equal(statuses(h, capped.runId).running, undefined);
    const finished = h.events.at(-1);
    assert.equal(finished?.type === 'run/finished' ? finished.outcome : finished?.type, 'stopped-at-cost-cap');

    const resumed = await resumeGenerate(withSettings(h.deps, { maxCostUsd: cap * 10 }), capped.runId, noAbort);
    assert.equal(resumed.outcome, 'done', JSON.stringify(resumed.failed));
    assert.deepEqual(h.sink.files(), FINAL_FILES);
    assert.ok(Object.values(h.sink.counts()).every((n) => n === 1), JSON.stringify(h.sink.counts()));
    assert.equal(h.db.get(`SELECT COUNT(*) AS n FROM llm_calls WHERE purpose IN ('discovery', 'masterplan')`)?.n, 2, 'planning was not redone');
  });

  it('caps the planning calls too: a cap below what discovery and the plan cost stops before passing it, and no skeleton or atom is asked for', async () => {
    const reference = await harness(statsScenario());
    const full = await generateRun(reference.deps, { request: 'stats', workspaceRoot: reference.workspaceRoot }, noAbort);
    const planning = spentOn(reference, full.runId, `purpose IN ('discovery', 'masterplan')`);
    assert.ok(planning > 0);

    const h = await harness(statsScenario());
    const cap = planning * 0.9;
    const capped = await generateRun(withSettings(h.deps, { maxCostUsd: cap }), { request: 'stats', workspaceRoot: h.workspaceRoot }, noAbort);
    assert.equal(capped.outcome, 'stopped-at-cost-cap');
    assert.equal(capped.error?.code, 'cost-cap');
    assert.match(capped.error?.message ?? '', /Cost cap of \$0\.\d\d reached/);
    assert.ok(capped.usage.costUsd <= cap, `${capped.usage.costUsd} spent under a cap of ${cap}`);
    assert.equal(h.requestsWith('SKELETON task=').length, 0);
    assert.equal(h.session.store.getRun(capped.runId)?.status, 'failed');
    const last = h.events.at(-1);
    assert.equal(last?.type === 'run/finished' ? last.outcome : last?.type, 'stopped-at-cost-cap');

    // Resumable with a higher cap: the run finishes from where it stopped.
    const resumed = await resumeGenerate(withSettings(h.deps, { maxCostUsd: null }), capped.runId, noAbort);
    assert.equal(resumed.outcome, 'done', JSON.stringify(resumed.failed));
  });

  it('counts what earlier sessions spent: a resume with the same cap asks for nothing, the live cost continues from the run\'s spend, and the summary is the whole run\'s', async () => {
    // Atoms on the planning model with a large max_tokens reserve about $0.04 each: a cap $0.06
    // above planning and skeletons stops the run among its atoms.
    const settings = { atomModel: 'claude-sonnet-5', atomMaxTokens: 4_000 };
    const reference = await harness(statsScenario(), { settings });
    const full = await generateRun(reference.deps, { request: 'stats', workspaceRoot: reference.workspaceRoot }, noAbort);
    const cap = full.usage.costUsd - spentOn(reference, full.runId, `purpose LIKE 'atom:%'`) + 0.06;

    const h = await harness(statsScenario(), { settings });
    const capped = await generateRun(withSettings(h.deps, { maxCostUsd: cap }), { request: 'stats', workspaceRoot: h.workspaceRoot }, noAbort);
    assert.equal(capped.outcome, 'stopped-at-cost-cap');
    const spent = capped.usage.costUsd;
    assert.ok(spent > 0.01 && spent <= cap, `${spent} of ${cap}`);

    const sent = messagesSent(h);
    const again = await resumeGenerate(withSettings(h.deps, { maxCostUsd: spent + 0.001 }), capped.runId, noAbort);
    assert.equal(again.outcome, 'stopped-at-cost-cap');
    assert.equal(messagesSent(h), sent, 'the earlier spend left no room: nothing was sent');

    const from = h.events.length;
    const resumed = await resumeGenerate(withSettings(h.deps, { maxCostUsd: null }), capped.runId, noAbort);
    assert.equal(resumed.outcome, 'done', JSON.stringify(resumed.failed));
    const live = costsAfter(h.events, from);
    assert.ok(live.length >= 2, JSON.stringify(live));
    // The first update restates the run's spend so far; every later one adds to it.
    assert.ok(Math.abs((live[0] ?? 0) - spent) < 1e-9, `first live cost ${live[0]} after ${spent} spent`);
    assert.ok(live.every((c, i) => c >= spent && (i === 0 || c >= (live[i - 1] ?? 0))), JSON.stringify(live));
    const total = h.session.store.usageForRun(capped.runId).costUsd;
    assert.ok(Math.abs((live.at(-1) ?? 0) - total) < 1e-9, `last live cost ${live.at(-1)} vs the run's ${total}`);
    assert.ok(Math.abs(resumed.usage.costUsd - total) < 1e-9);
    const summary = h.events.slice(from).find((e) => e.type === 'run/summary');
    assert.ok(summary?.type === 'run/summary' && Math.abs(summary.costUsd - total) < 1e-9, JSON.stringify(summary));
    assert.ok(total > spent);
  });

  it('cancels: no new calls, the call in flight aborted, atoms left pending, and a resume finishes the run', async () => {
    const controller = new AbortController();
    // Cancelled while the first atom call is at the server, before it answers.
    const scenario = statsScenario({
      latency: { ttftMs: 200, tokensPerSecond: 5_000, jitter: 0 },
      onHeader: (header) => {
        if (header.kind === 'atom') controller.abort(new Error('Stopped by the user.'));
      },
    });
    const h = await harness(scenario);
    const cancelled = await generateRun(h.deps, { request: 'stats', workspaceRoot: h.workspaceRoot }, controller.signal);
    assert.equal(cancelled.outcome, 'cancelled');
    assert.equal(h.session.store.getRun(cancelled.runId)?.status, 'cancelled');
    assert.deepEqual(statuses(h, cancelled.runId), { passed: 1, pending: 7 });
    const atomCalls = h.server.requests.filter((r) => JSON.stringify(r.body).includes('ATOM id='));
    assert.equal(atomCalls.length, 1, 'only the call in flight at the cancel was made');
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(atomCalls[0]?.outcome, 'aborted', 'the call in flight was aborted');
    const resumed = await resumeGenerate(h.deps, cancelled.runId, noAbort);
    assert.equal(resumed.outcome, 'done');
    assert.deepEqual(h.sink.files(), FINAL_FILES);
  });

  it('resumes a run killed mid-execution from its last saved database: same files, none proposed twice, nothing planned again', async () => {
    // A little latency, so atoms are still in flight when the second file is proposed.
    const server = await startFakeAnthropic({ scenario: statsScenario({ latency: { ttftMs: 40, tokensPerSecond: 10_000, jitter: 0 } }), latencyScale: 1 });
    const dir = mkdtempSync(join(tmpdir(), 'mge-crash-'));
    const dbPath = join(dir, 'mge.db');
    const crashCopy = join(dir, 'crashed.db');
    const killer = new AbortController();
    let proposeCalls = 0;
    // The "kill": at the second proposal the database file is copied as it is on disk, and the
    // proposal never reaches the sink (the process would be gone).
    const firstSink = memorySink((_proposals, signal) => {
      proposeCalls++;
      if (proposeCalls < 2) return Promise.resolve();
      copyFileSync(dbPath, crashCopy);
      killer.abort(new Error('killed'));
      return signal.aborted ? Promise.reject(new Error('killed')) : Promise.resolve();
    });
    try {
      const first = await harness(statsScenario(), { server, dbPath, sink: firstSink });
      const killed = await generateRun(first.deps, { request: 'stats', workspaceRoot: first.workspaceRoot }, killer.signal);
      assert.equal(killed.outcome, 'cancelled');
      const before = server.requests.length;

      const secondSink = memorySink();
      const second = await harness(statsScenario(), { server, dbPath: crashCopy, sink: secondSink, workspaceRoot: first.workspaceRoot });
      const atCrash = statuses(second, killed.runId);
      assert.ok((atCrash.passed ?? 0) < 8, `the copy was taken mid-run: ${JSON.stringify(atCrash)}`);
      const resumed = await resumeGenerate(second.deps, killed.runId, noAbort);
      assert.equal(resumed.outcome, 'done', JSON.stringify(resumed.failed));
      const after = server.requests.slice(before).map((r) => JSON.stringify(r.body));
      assert.equal(after.filter((b) => /SKELETON task=|record_discovery|submit_masterplan/.test(b) && !/ATOM id=/.test(b)).length, 0, 'no planning or skeleton call on resume');
      const all = { ...firstSink.files(), ...secondSink.files() };
      assert.deepEqual(all, FINAL_FILES);
      const counts = [firstSink.counts(), secondSink.counts()].flatMap((c) => Object.entries(c));
      assert.equal(counts.length, Object.keys(FINAL_FILES).length, `each file proposed once: ${JSON.stringify(counts)}`);
      assert.deepEqual(resumed.filesProposed, Object.keys(FINAL_FILES).sort());
    } finally {
      await server.close();
    }
  });

  it('stops at once on an auth error with run/error, leaving atoms pending for a resume', async () => {
    const h = await harness(statsScenario({ atomError: { status: 401, errorType: 'authentication_error' } }));
    const summary = await generateRun(h.deps, { request: 'stats', workspaceRoot: h.workspaceRoot }, noAbort);
    assert.equal(summary.outcome, 'failed');
    assert.equal(summary.error?.code, 'auth');
    assert.ok(h.events.some((e) => e.type === 'run/error' && e.code === 'auth'));
    assert.equal(statuses(h, summary.runId).failed, undefined, 'an auth error is not the atoms\' fault');
    assert.equal(h.requestsWith('ATOM id=').length, 1, 'no further atom call after the first 401');
  });
});
