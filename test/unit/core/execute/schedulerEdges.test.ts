import assert from 'node:assert/strict';
import { createAdaptiveConcurrency, fixedConcurrency } from '../../../../src/core/execute/concurrency';
import { runDependencyDriven } from '../../../../src/core/execute/scheduler';
import { controlledRuns, flush, manualClock } from './helpers';

describe('scheduler: edges', () => {
  it('rejects when a callback throws, and aborts the runs in flight', async () => {
    const runs = controlledRuns<number>();
    const result = runDependencyDriven({
      nodes: ['a', 'b'],
      dependsOn: () => [],
      run: runs.run,
      concurrency: fixedConcurrency(2),
      clock: manualClock(),
      signal: new AbortController().signal,
      onSettle: () => {
        throw new Error('listener bug');
      },
    });
    await flush();
    runs.resolve('a', 1);
    await assert.rejects(result, /listener bug/);
    assert.equal(runs.signals.get('b')?.aborted, true);
  });

  it('cancels promptly while nodes wait for the rate-limit budget', async () => {
    const clock = manualClock(0);
    const concurrency = createAdaptiveConcurrency({ maxConcurrency: 4, clock });
    concurrency.updateBudget({ requestsRemaining: 0, inputTokensRemaining: null, outputTokensRemaining: null, resetAt: 60_000 });
    const runs = controlledRuns<number>();
    const cancel = new AbortController();
    const result = runDependencyDriven({
      nodes: ['a', 'b'],
      dependsOn: () => [],
      run: runs.run,
      concurrency,
      clock,
      signal: cancel.signal,
    });
    await flush();
    assert.equal(runs.started.length, 0);
    assert.equal(clock.sleepers(), 2);
    cancel.abort();
    const done = await result;
    assert.deepEqual(done.stop, { kind: 'cancelled' });
    assert.equal(clock.sleepers(), 0, 'no timer left behind');
    assert.equal(runs.started.length, 0);
  });

  it('holds back new starts during a retry-after pause', async () => {
    const clock = manualClock(0);
    const concurrency = createAdaptiveConcurrency({ maxConcurrency: 4, initial: 1, clock });
    const runs = controlledRuns<number>();
    const result = runDependencyDriven({
      nodes: ['a', 'b'],
      dependsOn: () => [],
      run: runs.run,
      concurrency,
      clock,
      signal: new AbortController().signal,
    });
    await flush();
    concurrency.recordThrottle('rate-limit', 10_000);
    runs.resolve('a', 1);
    await flush();
    assert.deepEqual(runs.started, ['a'], 'b waits out the pause');
    clock.advance(10_000);
    await flush();
    assert.deepEqual(runs.started, ['a', 'b']);
    runs.resolve('b', 2);
    assert.equal((await result).outcomes.get('b')?.status, 'done');
  });
});
