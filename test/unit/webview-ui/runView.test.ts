import assert from 'node:assert/strict';
import { applyEvent, atomStats, emptyRun, taskProgress } from '../../../webview-ui/src/runView';
import type { ProgressEvent } from '../../../src/shared/events';
import { atom } from './builders';

const summary: ProgressEvent = {
  type: 'run/summary', runId: 'r', engine: 'v2', masterPlanId: 'mp-1', tasks: 3, atoms: 10, atomsPassed: 9, atomsFailed: 1,
  precision: 0.9, firstPassRate: 0.7, retries: 4, wallMs: 60_000, executionMs: 50_000, criticalPathMs: 20_000,
  inputTokens: 1000, outputTokens: 500, cacheReadTokens: 800, costUsd: 0.12, cacheSavingsUsd: 0.05,
  filesProposed: ['src/a.ts'], failed: [{ atomId: 'a9', task: 'T2', level: 'types', message: 'x is not a number' }],
};

describe('webview-ui/runView', () => {
  it('counts atoms per wave as their status moves, never twice', () => {
    const run = emptyRun('r');
    applyEvent(run, { type: 'waves/planned', runId: 'r', waveSizes: [2, 1], atoms: 3, criticalPathMs: 100 }, 0);
    for (const e of [atom('a', 0, 'running'), atom('b', 0, 'running')]) applyEvent(run, e, 0);
    assert.deepEqual(run.waves[0], { size: 2, done: 0, running: 2, failed: 0 });
    for (const e of [atom('a', 0, 'passed'), atom('b', 0, 'failed'), atom('b', 0, 'failed')]) applyEvent(run, e, 0);
    assert.deepEqual(run.waves[0], { size: 2, done: 1, running: 0, failed: 1 });
    assert.deepEqual(run.atoms.b.failure, { level: 'types', message: 'bad b' });
  });

  it('keeps the last failure through a retry and forgets it once the atom passes', () => {
    const run = emptyRun('r');
    applyEvent(run, atom('a', 0, 'failed', 1), 0);
    applyEvent(run, atom('a', 0, 'running', 2), 0);
    assert.equal(run.atoms.a.failure?.message, 'bad a');
    assert.equal(run.atoms.a.attempt, 2);
    applyEvent(run, atom('a', 0, 'passed', 2), 0);
    assert.equal(run.atoms.a.failure, null);
  });

  it('recounts known atoms when a resumed run plans its waves again', () => {
    const run = emptyRun('r');
    applyEvent(run, { type: 'waves/planned', runId: 'r', waveSizes: [2], atoms: 2, criticalPathMs: 1 }, 0);
    applyEvent(run, atom('a', 0, 'passed'), 0);
    applyEvent(run, { type: 'waves/planned', runId: 'r', waveSizes: [2], atoms: 2, criticalPathMs: 1 }, 0);
    assert.deepEqual(run.waves[0], { size: 2, done: 1, running: 0, failed: 0 });
  });

  it('turns a pause into a deadline and clears it when the run finishes', () => {
    const run = emptyRun('r');
    applyEvent(run, { type: 'llm/pause', runId: 'r', reason: 'rate-limit', secondsLeft: 5, message: 'Rate limited.' }, 1000);
    assert.equal(run.pause?.until, 6000);
    applyEvent(run, { type: 'llm/pause', runId: 'r', reason: 'rate-limit', secondsLeft: 0, message: 'Go.' }, 1500);
    assert.equal(run.pause, null);
    applyEvent(run, { type: 'llm/pause', runId: 'r', reason: 'overloaded', secondsLeft: 3, message: 'Busy.' }, 1500);
    applyEvent(run, { type: 'run/finished', runId: 'r', outcome: 'done', wallMs: 10 }, 2000);
    assert.equal(run.pause, null);
    assert.equal(run.outcome, 'done');
  });

  it('keeps the last slowdown (fewer calls at once) while the run goes and drops it at the end', () => {
    const run = emptyRun('r');
    applyEvent(run, { type: 'llm/slowdown', runId: 'r', reason: 'overloaded', concurrency: 16, message: 'API overloaded, slowing down: 16 calls at a time.' }, 0);
    applyEvent(run, { type: 'llm/slowdown', runId: 'r', reason: 'overloaded', concurrency: 8, message: 'API overloaded, slowing down: 8 calls at a time.' }, 0);
    assert.deepEqual(run.slowdown, { reason: 'overloaded', concurrency: 8, message: 'API overloaded, slowing down: 8 calls at a time.' });
    applyEvent(run, { type: 'run/finished', runId: 'r', outcome: 'done', wallMs: 10 }, 0);
    assert.equal(run.slowdown, null);
  });

  it('forgets the stopped attempt\'s end when the run starts again (Resume), keeping its atoms', () => {
    const run = emptyRun('r');
    const started: ProgressEvent = { type: 'run/started', runId: 'r', request: 'x', engine: 'v2' };
    applyEvent(run, started, 0);
    applyEvent(run, { type: 'waves/planned', runId: 'r', waveSizes: [2], atoms: 2, criticalPathMs: 1 }, 0);
    applyEvent(run, atom('a', 0, 'passed'), 0);
    applyEvent(run, { type: 'llm/pause', runId: 'r', reason: 'rate-limit', secondsLeft: 5, message: 'Rate limited.' }, 0);
    applyEvent(run, { type: 'run/error', runId: 'r', code: 'cancelled', message: 'Stopped by the user.' }, 0);
    applyEvent(run, { type: 'run/finished', runId: 'r', outcome: 'cancelled', wallMs: 10 }, 0);
    applyEvent(run, summary, 0);
    applyEvent(run, started, 100);
    assert.deepEqual({ outcome: run.outcome, wallMs: run.wallMs, summary: run.summary, error: run.error, pause: run.pause },
      { outcome: null, wallMs: null, summary: null, error: null, pause: null });
    assert.equal(run.atoms.a?.status, 'passed', 'the atoms that passed before the stop stay passed');
    applyEvent(run, { type: 'run/finished', runId: 'r', outcome: 'done', wallMs: 20 }, 200);
    assert.equal(run.outcome, 'done');
  });

  it('keeps the run/summary numbers without the envelope', () => {
    const run = applyEvent(emptyRun('r'), summary, 0);
    assert.equal(run.summary?.masterPlanId, 'mp-1');
    assert.equal(run.summary?.precision, 0.9);
    assert.deepEqual(run.summary?.failed.map((f) => f.atomId), ['a9']);
    assert.ok(run.summary && !('type' in run.summary) && !('runId' in run.summary));
  });

  it('sums atoms, retries and failures, with the planned total', () => {
    const run = emptyRun('r');
    const events: ProgressEvent[] = [
      { type: 'waves/planned', runId: 'r', waveSizes: [3, 2], atoms: 5, criticalPathMs: 1 },
      atom('a', 0, 'passed', 1), atom('b', 0, 'failed', 3), atom('c', 0, 'running', 2),
    ];
    for (const e of events) applyEvent(run, e, 0);
    const stats = atomStats(run);
    assert.deepEqual({ ...stats, failedAtoms: stats.failedAtoms.length }, { total: 5, passed: 1, running: 1, failed: 1, pending: 2, retries: 3, failedAtoms: 1 });
    assert.equal(stats.failedAtoms[0].failure?.level, 'types');
    assert.deepEqual(taskProgress(run).T1, { total: 3, passed: 1, failed: 1, running: 1 });
  });
});
