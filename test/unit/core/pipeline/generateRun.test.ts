import assert from 'node:assert/strict';
import { generateRun } from '../../../../src/core/generate/generateRun';
import type { AtomStatusEvent, WavesPlannedEvent } from '../../../../src/shared/events';
import { FINAL_FILES, statsScenario } from './generateScenario';
import { startGenerateHarness, type GenerateHarness } from './generateHarness';

const REQUEST = 'A small statistics library';
const noAbort = new AbortController().signal;

describe('generateRun (V2) against the fake server', () => {
  let h: GenerateHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('plans, atomizes, runs the atoms in dependency order and proposes every file once, whole', async () => {
    h = await startGenerateHarness(statsScenario());
    const summary = await generateRun(h.deps, { request: REQUEST, workspaceRoot: h.workspaceRoot }, noAbort);
    assert.equal(summary.outcome, 'done', JSON.stringify(summary.failed));
    assert.deepEqual(h.sink.files(), FINAL_FILES);
    assert.deepEqual(Object.values(h.sink.counts()), [1, 1, 1, 1]);
    assert.deepEqual(summary.filesProposed, Object.keys(FINAL_FILES).sort());
    assert.deepEqual(
      [summary.tasks, summary.atoms, summary.atomsPassed, summary.atomsFailed, summary.precision, summary.firstPassRate, summary.retries],
      [4, 8, 8, 0, 1, 1, 0],
    );
    const waves = h.events.find((e): e is WavesPlannedEvent => e.type === 'waves/planned');
    // add, mul, median | sum | mean | report (report and median use sum/mean; DEFAULT_SAMPLE uses nothing)
    assert.deepEqual(waves?.waveSizes, [4, 1, 1, 1]);
    assert.equal(summary.waves, 4);
    const order = h.events.filter((e): e is AtomStatusEvent => e.type === 'atom/status' && e.status === 'passed').map((e) => e.atomId);
    assert.ok(order.indexOf('T2.src/math.ts#add') < order.indexOf('T3.src/stats.ts#sum'), order.join(' '));
    assert.ok(order.indexOf('T3.src/stats.ts#sum') < order.indexOf('T3.src/stats.ts#mean'), order.join(' '));
    assert.ok(order.indexOf('T3.src/stats.ts#mean') < order.indexOf('T4.src/report.ts#report'), order.join(' '));
    const stats = h.sink.calls.flatMap((c) => c.proposals).find((p) => p.relPath === 'src/stats.ts');
    assert.deepEqual(stats?.atoms.map((a) => [a.atomId, a.startLine, a.endLine]), [
      ['T3.src/stats.ts#sum', 5, 5],
      ['T3.src/stats.ts#mean', 10, 13],
      ['T4.src/stats.ts#median', 18, 20],
    ]);
    assert.equal(stats?.atoms[1]?.placeholder, '  // @atom mean: returns sum of xs divided by its length; a RangeError for an empty list');
    assert.equal(stats?.baseContent, undefined);
    assert.equal(h.session.store.getRun(summary.runId)?.status, 'done');
  });
});
