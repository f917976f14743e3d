import assert from 'node:assert/strict';
import { generateRun } from '../../../../src/core/generate/generateRun';
import type { AtomStatusEvent, WavesPlannedEvent } from '../../../../src/shared/events';
import { FINAL_FILES, statsScenario } from './generateScenario';
import { startGenerateHarness, type GenerateHarness } from './generateHarness';

const noAbort = new AbortController().signal;

describe('generateRun (V1, the legacy engine) on the same scenario', function () {
  this.timeout(30_000);
  let h: GenerateHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('generates whole tasks, one call each, reports ~25-line chunks as atoms and proposes the same files as V2', async () => {
    h = await startGenerateHarness(statsScenario(), { settings: { engine: 'v1' } });
    const summary = await generateRun(h.deps, { request: 'stats', workspaceRoot: h.workspaceRoot }, noAbort);
    assert.equal(summary.outcome, 'done', JSON.stringify(summary.failed));
    assert.equal(summary.engine, 'v1');
    assert.deepEqual(h.sink.files(), FINAL_FILES);
    assert.equal(h.requestsWith('V1TASK task=').length, 4);
    assert.equal(h.requestsWith('SKELETON task=').length + h.requestsWith('ATOM id=').length, 0);
    const chunks = h.session.generation.atoms(summary.runId);
    assert.deepEqual(chunks.map((a) => a.atomId), ['T1.package.json#L1-5', 'T2.src/math.ts#L1-10', 'T3.src/stats.ts#L1-15', 'T4.src/report.ts#L1-9', 'T4.src/stats.ts#L1-22']);
    assert.deepEqual([summary.atoms, summary.atomsPassed, summary.precision, summary.firstPassRate, summary.retries], [5, 5, 1, 1, 0]);
    const waves = h.events.find((e): e is WavesPlannedEvent => e.type === 'waves/planned');
    assert.deepEqual(waves?.waveSizes, [1, 1, 1, 1]);
    assert.equal(h.events.filter((e): e is AtomStatusEvent => e.type === 'atom/status' && e.status === 'passed').length, 5);
  });

  it('asks a task again with its syntax errors until its files parse', async () => {
    h = await startGenerateHarness(statsScenario({ v1Broken: ['T3'] }), { settings: { engine: 'v1' } });
    const summary = await generateRun(h.deps, { request: 'stats', workspaceRoot: h.workspaceRoot }, noAbort);
    assert.equal(summary.outcome, 'done');
    assert.equal(summary.retries, 1);
    const calls = h.requestsWith('V1TASK task=T3');
    assert.equal(calls.length, 2);
    assert.match(JSON.stringify(calls[1]), /Your previous answer could not be used:\\n- src\/stats.ts line \d+:\d+: /);
    assert.deepEqual(h.sink.files(), FINAL_FILES);
  });

  it('has the same summary shape as V2, so the two compare', async () => {
    h = await startGenerateHarness(statsScenario(), { settings: { engine: 'v1' } });
    const v1 = await generateRun(h.deps, { request: 'stats', workspaceRoot: h.workspaceRoot }, noAbort);
    const v2 = await generateRun({ ...h.deps, settings: { ...h.deps.settings, engine: 'v2' } }, { request: 'stats', workspaceRoot: h.workspaceRoot }, noAbort);
    assert.deepEqual(Object.keys(v1).sort(), Object.keys(v2).sort());
    assert.equal(v2.engine, 'v2');
  });
});
