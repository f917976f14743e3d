import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateRun } from '../../../../src/core/generate/generateRun';
import { planRun } from '../../../../src/core/pipeline/planRun';
import type { AtomStatusEvent, WavesPlannedEvent } from '../../../../src/shared/events';
import { FINAL_FILES, statsScenario } from './generateScenario';
import { memorySink, startGenerateHarness, type GenerateHarness } from './generateHarness';

const REQUEST = 'A small statistics library';
const noAbort = new AbortController().signal;

describe('generateRun (V2) against the fake server', function () {
  this.timeout(30_000);
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
  it('generates from a reviewed plan of an earlier run without planning again', async () => {
    h = await startGenerateHarness(statsScenario());
    const planned = await planRun(h.session.planDeps, { request: REQUEST, workspaceRoot: h.workspaceRoot }, noAbort);
    const before = h.server.requests.length;
    const summary = await generateRun(h.deps, { request: REQUEST, workspaceRoot: h.workspaceRoot, planFromRunId: planned.runId }, noAbort);
    assert.equal(summary.outcome, 'done');
    assert.equal(h.requestsWith('record_discovery').length + h.requestsWith('submit_masterplan').length, 2, 'only the planning run planned');
    assert.ok(h.server.requests.length > before);
    assert.deepEqual(h.sink.files(), FINAL_FILES);
  });

  it('answers a second identical run from the response cache (mge.v2.enableCaching): no API call, same files', async () => {
    h = await startGenerateHarness(statsScenario(), { settings: { enableCaching: true } });
    const first = await generateRun(h.deps, { request: REQUEST, workspaceRoot: h.workspaceRoot }, noAbort);
    const before = h.server.requests.length;
    const second = await generateRun(h.deps, { request: REQUEST, workspaceRoot: h.workspaceRoot }, noAbort);
    assert.equal(second.outcome, 'done');
    assert.equal(h.server.requests.length, before);
    assert.equal(second.usage.costUsd, 0);
    assert.deepEqual(h.sink.calls.filter((c) => c.runId === second.runId).flatMap((c) => c.proposals.map((p) => [p.relPath, p.content])).sort(),
      h.sink.calls.filter((c) => c.runId === first.runId).flatMap((c) => c.proposals.map((p) => [p.relPath, p.content])).sort());
  });
});

describe('generateRun: paths the model or the disk make unsafe', function () {
  this.timeout(30_000);
  let h: GenerateHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('ignores skeleton files outside the task\'s list, whatever path the model gives', async () => {
    const extra = [{ path: '../escape.ts', content: 'x' }, { path: '/etc/evil', content: 'x' }, { path: 'src/unplanned.ts', content: 'x' }];
    h = await startGenerateHarness(statsScenario({ extraSkeletonFiles: extra }));
    const summary = await generateRun(h.deps, { request: REQUEST, workspaceRoot: h.workspaceRoot }, noAbort);
    assert.equal(summary.outcome, 'done');
    assert.deepEqual(h.sink.files(), FINAL_FILES);
    const warnings = h.logger.lines.filter((l) => l.level === 'warn').map((l) => l.message).join('\n');
    for (const f of extra) assert.ok(warnings.includes(`ignored "${f.path}"`), warnings);
  });

  it('refuses to propose a file whose directory became a symlink out of the workspace', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'mge-outside-'));
    let root = '';
    const sink = memorySink(async () => {
      // After planning and atomization, before the first file under src/ is proposed.
      if (!existsSync(join(root, 'src'))) symlinkSync(outside, join(root, 'src'));
      await Promise.resolve();
    });
    root = mkdtempSync(join(tmpdir(), 'mge-ws-'));
    h = await startGenerateHarness(statsScenario(), { sink, workspaceRoot: root });
    const summary = await generateRun(h.deps, { request: REQUEST, workspaceRoot: root }, noAbort);
    assert.equal(summary.outcome, 'failed');
    assert.deepEqual(Object.keys(sink.files()), ['package.json']);
    assert.deepEqual(summary.filesRefused.map((r) => r.path).sort(), ['src/math.ts', 'src/report.ts', 'src/stats.ts']);
    assert.match(summary.filesRefused[0]?.reason ?? '', /symlink/);
    assert.deepEqual(readdirSync(outside), []);
  });
});
