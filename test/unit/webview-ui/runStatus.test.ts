import assert from 'node:assert/strict';
import { announcement, runActions, statusLabel, runTitle } from '../../../webview-ui/src/runStatus';
import { emptyRun } from '../../../webview-ui/src/runView';
import type { RunMeta } from '../../../webview-ui/src/runReplay';

const meta = (over: Partial<RunMeta> = {}): RunMeta => ({
  kind: 'generate', status: 'running', live: true, awaitingReview: false, generateRunId: null, pendingProposals: 0, ...over,
});

describe('webview-ui/runStatus', () => {
  it('offers Stop only while the run is driven and unfinished', () => {
    assert.equal(runActions(meta(), emptyRun('r')).stop, true);
    assert.equal(runActions(meta({ live: false }), emptyRun('r')).stop, false);
    const finished = { ...emptyRun('r'), outcome: 'done' as const };
    assert.equal(runActions(meta(), finished).stop, false);
  });

  it('offers Resume for an undriven run that is running, failed or cancelled, not for a done one', () => {
    for (const status of ['running', 'failed', 'cancelled'] as const) {
      assert.equal(runActions(meta({ live: false, status }), emptyRun('r')).resume, true, status);
    }
    assert.equal(runActions(meta({ live: false, status: 'done' }), emptyRun('r')).resume, false);
    assert.equal(runActions(meta({ live: true, status: 'failed' }), emptyRun('r')).resume, false);
  });

  it('offers Review plan while the plan waits, Review and Apply while proposals wait', () => {
    const plan = runActions(meta({ kind: 'plan', live: false, status: 'done', awaitingReview: true }), emptyRun('r'));
    assert.deepEqual(plan, { stop: false, resume: false, reviewPlan: true, reviewChanges: false, apply: false, applyWaits: false });
    const done = runActions(meta({ live: false, status: 'done', pendingProposals: 3 }), emptyRun('r'));
    assert.equal(done.reviewChanges && done.apply, true);
    assert.equal(done.applyWaits, false);
  });

  it('shows Apply but makes it wait while the run still generates (its proposals are not final)', () => {
    const going = runActions(meta({ live: true, status: 'running', pendingProposals: 2 }), emptyRun('r'));
    assert.deepEqual({ apply: going.apply, applyWaits: going.applyWaits, reviewChanges: going.reviewChanges }, { apply: true, applyWaits: true, reviewChanges: true });
    const ended = runActions(meta({ live: true, status: 'running', pendingProposals: 2 }), { ...emptyRun('r'), outcome: 'done' });
    assert.equal(ended.applyWaits, false, 'a run that reported its end is not waited for while its session closes');
  });

  it('reads state as an icon and words, never colour alone', () => {
    assert.deepEqual(statusLabel(meta(), emptyRun('r')), { icon: 'loading', spin: true, text: 'Running', tone: 'progress' });
    assert.equal(statusLabel(meta({ live: false }), emptyRun('r')).text, 'Interrupted');
    assert.equal(statusLabel(meta({ live: false, status: 'failed' }), { ...emptyRun('r'), outcome: 'stopped-at-cost-cap' }).text, 'Stopped at the cost cap');
    assert.equal(statusLabel(meta({ live: false, status: 'done', awaitingReview: true }), emptyRun('r')).text, 'Plan ready for review');
    assert.equal(runTitle(meta({ kind: 'plan' }), emptyRun('r')), 'Planning (V2)');
    assert.equal(runTitle(meta({ kind: null }), { ...emptyRun('r'), engine: 'v1' }), 'V1 run');
  });
});

describe('webview-ui/runStatus announcement', () => {
  it('announces state, stage and wave, not atom counts or seconds', () => {
    const view = emptyRun('r');
    view.stages.push({ stage: 'execution', state: 'running', durationMs: null });
    view.waves.push({ size: 2, done: 2, running: 0, failed: 0 }, { size: 3, done: 1, running: 2, failed: 0 });
    assert.equal(announcement(meta(), view), 'Generation (V2): Running. Now generation. Wave 2 of 2.');
    view.pause = { reason: 'rate-limit', until: 99_000, message: 'Slow down' };
    assert.equal(announcement(meta(), view), 'Generation (V2): Paused. Now generation. Wave 2 of 2. Paused: rate limit.');
    assert.equal(announcement(meta({ live: false, status: 'done' }), { ...view, outcome: 'done' }), 'Generation (V2): Done.');
  });
});
