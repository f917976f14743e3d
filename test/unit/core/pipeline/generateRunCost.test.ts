import assert from 'node:assert/strict';
import { generateRun, resumeGenerate } from '../../../../src/core/generate/generateRun';
import type { GenerateDeps } from '../../../../src/core/generate/deps';
import type { GenerateSettings } from '../../../../src/core/generate/settings';
import type { ProgressEvent } from '../../../../src/shared/events';
import { statsScenario } from './generateScenario';
import { startGenerateHarness, type GenerateHarness } from './generateHarness';

const noAbort = new AbortController().signal;
const withSettings = (deps: GenerateDeps, patch: Partial<GenerateSettings>): GenerateDeps => ({ ...deps, settings: { ...deps.settings, ...patch } });
const spentOn = (h: GenerateHarness, runId: string, purposes: string): number =>
  Number(h.db.get(`SELECT COALESCE(SUM(cost_usd), 0) AS c FROM llm_calls WHERE run_id = ? AND (${purposes})`, [runId])?.c);
const costsAfter = (events: readonly ProgressEvent[], from: number): number[] =>
  events.slice(from).flatMap((e) => (e.type === 'cost/update' ? [e.costUsd] : []));
const messagesSent = (h: GenerateHarness): number => h.server.requests.filter((r) => r.path === '/v1/messages').length;

describe('generateRun: one cost cap over the whole run, and the run\'s spend across resumes', function () {
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
});
