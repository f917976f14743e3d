import assert from 'node:assert/strict';
import { applyEvent, emptyRun } from '../../../webview-ui/src/runView';

describe('webview-ui/runView', () => {
  it('counts atoms per wave as their status moves, never twice', () => {
    const run = emptyRun('r');
    applyEvent(run, { type: 'waves/planned', runId: 'r', waveSizes: [2, 1], atoms: 3, criticalPathMs: 100 }, 0);
    const atom = (atomId: string, wave: number, status: 'running' | 'passed' | 'failed') =>
      applyEvent(run, { type: 'atom/status', runId: 'r', atomId, taskId: 't', wave, status, attempt: 1, failure: status === 'failed' ? { level: 'syntax', message: 'bad' } : null }, 0);
    atom('a', 0, 'running');
    atom('b', 0, 'running');
    assert.deepEqual(run.waves[0], { size: 2, done: 0, running: 2, failed: 0 });
    atom('a', 0, 'passed');
    atom('b', 0, 'failed');
    assert.deepEqual(run.waves[0], { size: 2, done: 1, running: 0, failed: 1 });
    assert.equal(run.atoms.b.failure, 'syntax: bad');
  });

  it('turns a pause into a deadline and clears it when the run finishes', () => {
    const run = emptyRun('r');
    applyEvent(run, { type: 'llm/pause', runId: 'r', reason: 'rate-limit', secondsLeft: 5, message: 'Rate limited.' }, 1000);
    assert.equal(run.pause?.until, 6000);
    applyEvent(run, { type: 'run/finished', runId: 'r', outcome: 'done', wallMs: 10 }, 2000);
    assert.equal(run.pause, null);
    assert.equal(run.outcome, 'done');
  });
});
