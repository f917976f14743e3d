import assert from 'node:assert/strict';
import { buildRuns, placeRuns, unpersisted } from '../../../webview-ui/src/runReplay';
import type { ProgressEvent } from '../../../src/shared/events';
import { atom, runInfo } from './builders';

const waves: ProgressEvent = { type: 'waves/planned', runId: 'r', waveSizes: [2], atoms: 2, criticalPathMs: 10 };

describe('webview-ui/runReplay', () => {
  it('keeps only the live events the store has not caught up with, copy for copy', () => {
    const stored = [waves, atom('a', 0, 'running')];
    const live = [atom('a', 0, 'running'), atom('a', 0, 'passed'), atom('b', 0, 'running')];
    assert.deepEqual(unpersisted(stored, live), [atom('a', 0, 'passed'), atom('b', 0, 'running')]);
    // Two identical live copies and one stored: one is still to come from the store.
    assert.deepEqual(unpersisted([atom('a', 0, 'running')], [atom('a', 0, 'running'), atom('a', 0, 'running')]), [atom('a', 0, 'running')]);
  });

  it('replays stored events, then live ones on top, and counts nothing twice', () => {
    const stored = [runInfo('r', [waves, atom('a', 0, 'running')])];
    const { runs, pending } = buildRuns(stored, { r: [atom('a', 0, 'running'), atom('a', 0, 'passed')] }, 0);
    assert.deepEqual(runs.r.view.waves[0], { size: 2, done: 1, running: 0, failed: 0 });
    assert.deepEqual(pending, { r: [atom('a', 0, 'passed')] });
    assert.equal(runs.r.meta.live, true);
    assert.ok(!('events' in runs.r.meta));
  });

  it('drops a stored pause of a run nobody drives, keeps it for a live run', () => {
    const pause: ProgressEvent = { type: 'llm/pause', runId: 'r', reason: 'rate-limit', secondsLeft: 30, message: 'Rate limited.' };
    const dead = buildRuns([runInfo('r', [pause], { live: false })], {}, 0);
    assert.equal(dead.runs.r.view.pause, null);
    const live = buildRuns([runInfo('r', [pause])], {}, 0);
    assert.equal(live.runs.r.view.pause?.until, 30_000);
  });

  it('shows a run seen only live, running until it reports an outcome', () => {
    const started: ProgressEvent = { type: 'run/started', runId: 'x', request: 'todo', engine: 'v1' };
    const { runs, pending } = buildRuns([], { x: [started] }, 0);
    assert.equal(runs.x.view.engine, 'v1');
    assert.deepEqual(runs.x.meta, { kind: null, status: 'running', live: true, awaitingReview: false, generateRunId: null, pendingProposals: 0 });
    assert.equal(pending.x.length, 1);
    const finished = buildRuns([], { x: [started, { type: 'run/finished', runId: 'x', outcome: 'stopped-at-cost-cap', wallMs: 1 }] }, 0);
    assert.equal(finished.runs.x.meta.status, 'failed');
    assert.equal(finished.runs.x.meta.live, false);
  });

  it('places a message\'s run and the generate run started from it under the message; the rest are orphans', () => {
    const { runs } = buildRuns([
      runInfo('plan1', [], { kind: 'plan', generateRunId: 'gen1' }),
      runInfo('gen1', []),
      runInfo('palette', [], { generateRunId: 'gen2' }),
      runInfo('gen2', []),
    ], {}, 0);
    const placement = placeRuns([{ id: 'm1', runId: 'plan1' }, { id: 'm2', runId: null }, { id: 'm3', runId: 'missing' }], runs);
    assert.deepEqual(placement.byMessage, { m1: ['plan1', 'gen1'], m3: ['missing'] });
    assert.deepEqual(placement.orphans, ['palette', 'gen2']);
  });
});
