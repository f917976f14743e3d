import assert from 'node:assert/strict';
import { createAdaptiveConcurrency, fixedConcurrency } from '../../../../src/core/execute/concurrency';
import { createCostCap, CostCapReachedError } from '../../../../src/core/execute/costCap';
import { runDependencyDriven } from '../../../../src/core/execute/scheduler';
import { countOutcomes, type ScheduleOptions } from '../../../../src/core/execute/scheduleTypes';
import { CycleError } from '../../../../src/core/graph/cycles';
import { createRealClock } from '../../../../src/core/clock';
import { controlledRuns, flush, manualClock } from './helpers';

type Deps = Record<string, string[]>;

function options(deps: Deps, run: ScheduleOptions<boolean>['run'], extra: Partial<ScheduleOptions<boolean>> = {}): ScheduleOptions<boolean> {
  return {
    nodes: Object.keys(deps),
    dependsOn: (id) => deps[id],
    run,
    concurrency: fixedConcurrency(10),
    clock: createRealClock(),
    signal: new AbortController().signal,
    succeeded: (passed) => passed,
    ...extra,
  };
}

class FakeLlmError extends Error {
  constructor(readonly code: string) {
    super(`llm ${code}`);
  }
}

describe('scheduler: dependency-driven start', () => {
  it('starts a node as soon as its dependencies are done, while its wave-mates still run', async () => {
    // Waves: [a, b] then [c, d]; c needs only a, d needs a and b.
    const runs = controlledRuns<boolean>();
    const result = runDependencyDriven(options({ a: [], b: [], c: ['a'], d: ['a', 'b'] }, runs.run));
    await flush();
    assert.deepEqual(runs.started, ['a', 'b']);
    runs.resolve('a', true);
    await flush();
    // b (wave 0) is still running, yet c (wave 1) has started: no wave barrier.
    assert.deepEqual(runs.started, ['a', 'b', 'c']);
    assert.equal(runs.inFlight(), 2);
    runs.resolve('c', true);
    await flush();
    assert.deepEqual(runs.started, ['a', 'b', 'c'], 'd waits for b');
    runs.resolve('b', true);
    await flush();
    assert.deepEqual(runs.started, ['a', 'b', 'c', 'd']);
    runs.resolve('d', true);
    const done = await result;
    assert.deepEqual(done.stop, { kind: 'completed' });
    assert.deepEqual(countOutcomes(done.outcomes), { done: 4, failed: 0, errored: 0, skipped: 0, cancelled: 0, pending: 0 });
  });

  it('never has more in flight than the limit', async () => {
    const deps: Deps = {};
    for (let i = 0; i < 40; i++) deps[`n${i}`] = i >= 10 ? [`n${i - 10}`] : [];
    const runs = controlledRuns<boolean>();
    const finished = new Set<string>();
    const result = runDependencyDriven(options(deps, runs.run, { concurrency: fixedConcurrency(4) }));
    for (let settled = 0; settled < 40; settled++) {
      await flush();
      assert.ok(runs.inFlight() <= 4);
      // Finish the most recently started first, to shake the order up.
      const running = runs.started.filter((id) => !finished.has(id));
      const id = running[running.length - 1];
      finished.add(id);
      runs.resolve(id, true);
    }
    const done = await result;
    assert.equal(runs.maxInFlight(), 4);
    assert.equal(countOutcomes(done.outcomes).done, 40);
  });

  it('starts the highest-priority ready node first', async () => {
    const runs = controlledRuns<boolean>();
    const priority: Record<string, number> = { low: 1, high: 9, mid: 5 };
    const result = runDependencyDriven(
      options({ low: [], high: [], mid: [] }, runs.run, { concurrency: fixedConcurrency(1), priority: (id) => priority[id] }),
    );
    for (const id of ['high', 'mid', 'low']) {
      await flush();
      assert.equal(runs.started[runs.started.length - 1], id);
      runs.resolve(id, true);
    }
    await result;
  });

  it('treats already-done dependencies as satisfied (resume)', async () => {
    const runs = controlledRuns<boolean>();
    const result = runDependencyDriven({
      ...options({ b: ['a'] }, runs.run),
      alreadyDone: new Set(['a']),
    });
    await flush();
    assert.deepEqual(runs.started, ['b']);
    runs.resolve('b', true);
    assert.equal((await result).outcomes.get('b')?.status, 'done');
  });

  it('uses room as soon as the adaptive limit grows, without waiting for a node to finish', async () => {
    const runs = controlledRuns<boolean>();
    const concurrency = createAdaptiveConcurrency({ maxConcurrency: 10, initial: 2, clock: { now: () => 0 } });
    const result = runDependencyDriven(options({ a: [], b: [], c: [], d: [] }, runs.run, { concurrency }));
    await flush();
    assert.equal(runs.inFlight(), 2);
    concurrency.recordSuccess();
    concurrency.recordSuccess();
    await flush();
    assert.equal(runs.inFlight(), 4);
    for (const id of ['a', 'b', 'c', 'd']) runs.resolve(id, true);
    await result;
  });
});

describe('scheduler: failures', () => {
  it('skips every dependent of a failed node, directly or not, and runs the rest', async () => {
    const runs = controlledRuns<boolean>();
    const result = runDependencyDriven(options({ a: [], b: ['a'], c: ['b'], d: [], e: ['d'] }, runs.run));
    await flush();
    runs.resolve('a', false);
    runs.resolve('d', true);
    await flush();
    runs.resolve('e', true);
    const done = await result;
    assert.deepEqual(runs.started, ['a', 'd', 'e']);
    assert.deepEqual(done.outcomes.get('a'), { status: 'failed', value: false });
    assert.deepEqual(done.outcomes.get('c'), { status: 'skipped', blockedBy: 'a' });
    assert.deepEqual(countOutcomes(done.outcomes), { done: 2, failed: 1, errored: 0, skipped: 2, cancelled: 0, pending: 0 });
  });

  it('records an ordinary thrown error (also a synchronous one) as errored and skips dependents', async () => {
    const result = await runDependencyDriven(
      options({ a: [], b: ['a'] }, (id) => {
        if (id === 'a') throw new Error('boom');
        return Promise.resolve(true);
      }),
    );
    assert.equal(result.outcomes.get('a')?.status, 'errored');
    assert.equal(result.outcomes.get('b')?.status, 'skipped');
    assert.deepEqual(result.stop, { kind: 'completed' });
  });

  it('aborts everything on a fatal LLM error (auth)', async () => {
    const runs = controlledRuns<boolean>();
    const result = runDependencyDriven(options({ a: [], b: [], c: ['a'] }, runs.run));
    await flush();
    runs.reject('a', new FakeLlmError('auth'));
    const done = await result;
    assert.equal(done.stop.kind, 'fatal');
    assert.equal(done.outcomes.get('a')?.status, 'errored');
    assert.equal(done.outcomes.get('b')?.status, 'cancelled');
    assert.equal(done.outcomes.get('c')?.status, 'pending');
    assert.equal(runs.signals.get('b')?.aborted, true);
  });

  it('refuses an unknown dependency and names a cycle before running anything', () => {
    const run = (): Promise<boolean> => Promise.resolve(true);
    assert.throws(() => runDependencyDriven(options({ a: ['zz'] }, run)), /"a" depends on unknown node "zz"/);
    assert.throws(
      () => runDependencyDriven(options({ s: [], a: ['c', 's'], b: ['a'], c: ['b'] }, run)),
      (error: unknown) => error instanceof CycleError && /a -> c -> b -> a/.test(error.message),
    );
  });
});

describe('scheduler: cancel', () => {
  it('resolves at once with in-flight nodes cancelled and their signals aborted', async () => {
    const runs = controlledRuns<boolean>();
    const cancel = new AbortController();
    const result = runDependencyDriven(
      options({ a: [], b: [], c: [], d: ['a'] }, runs.run, { signal: cancel.signal, concurrency: fixedConcurrency(2) }),
    );
    await flush();
    assert.deepEqual(runs.started, ['a', 'b']);
    cancel.abort();
    // Nothing resolves the runs: the scheduler must not wait for them.
    const done = await result;
    assert.deepEqual(done.stop, { kind: 'cancelled' });
    assert.deepEqual(countOutcomes(done.outcomes), { done: 0, failed: 0, errored: 0, skipped: 0, cancelled: 2, pending: 2 });
    assert.equal(runs.signals.get('a')?.aborted, true);
    assert.equal(runs.signals.get('b')?.aborted, true);
    await flush();
    assert.deepEqual(runs.started, ['a', 'b'], 'nothing starts after the cancel');
    runs.reject('a', new Error('aborted'));
    runs.resolve('b', true);
    await done.drained;
    assert.equal(done.outcomes.get('b')?.status, 'cancelled', 'late results do not rewrite the outcome');
  });

  it('returns everything pending when the signal is already aborted', async () => {
    const runs = controlledRuns<boolean>();
    const done = await runDependencyDriven(options({ a: [] }, runs.run, { signal: AbortSignal.abort() }));
    assert.deepEqual(done.stop, { kind: 'cancelled' });
    assert.equal(runs.started.length, 0);
  });
});

describe('scheduler: cost cap and rate budget', () => {
  it('stops starting work once the gate refuses, lets in-flight work finish, leaves the rest pending', async () => {
    const cap = createCostCap({ capUsd: 0.25 });
    const runs = controlledRuns<boolean>();
    const reservations = new Map<string, ReturnType<typeof cap.tryReserve>>();
    const result = runDependencyDriven(
      options({ a: [], b: [], c: [], d: [], e: ['a'] }, runs.run, {
        gate: (id) => {
          const reservation = cap.tryReserve(0.1);
          reservations.set(id, reservation);
          return reservation ? { start: true } : { start: false, reason: 'cost-cap' };
        },
      }),
    );
    await flush();
    assert.deepEqual(runs.started, ['a', 'b']);
    let resolved = false;
    void result.then(() => {
      resolved = true;
    });
    await flush();
    assert.equal(resolved, false, 'waits for the two calls in flight');
    for (const id of ['a', 'b']) {
      const reservation = reservations.get(id);
      if (reservation) cap.settle(reservation, 0.09);
      runs.resolve(id, true);
    }
    const done = await result;
    assert.deepEqual(done.stop, { kind: 'halted', nodeId: 'c', cause: 'cost-cap' });
    assert.deepEqual(runs.started, ['a', 'b'], 'e became ready after the stop and was not started');
    assert.deepEqual(countOutcomes(done.outcomes), { done: 2, failed: 0, errored: 0, skipped: 0, cancelled: 0, pending: 3 });
  });

  it('halts on a CostCapReachedError thrown mid-node and leaves that node pending', async () => {
    const runs = controlledRuns<boolean>();
    const result = runDependencyDriven(options({ a: [], b: [] }, runs.run));
    await flush();
    runs.reject('a', new CostCapReachedError(1, 0.95, 0, 0.1));
    await flush();
    assert.equal(runs.signals.get('b')?.aborted, false, 'b keeps running');
    runs.resolve('b', true);
    const done = await result;
    assert.equal(done.stop.kind, 'halted');
    assert.equal(done.outcomes.get('a')?.status, 'pending');
    assert.equal(done.outcomes.get('b')?.status, 'done');
  });

  it('waits for the rate-limit budget to reset before starting a call that does not fit', async () => {
    const clock = manualClock(0);
    const concurrency = createAdaptiveConcurrency({ maxConcurrency: 10, clock });
    concurrency.updateBudget({ requestsRemaining: 50, inputTokensRemaining: null, outputTokensRemaining: 3000, resetAt: 60_000 });
    const runs = controlledRuns<boolean>();
    const result = runDependencyDriven(
      options({ a: [], b: [], c: [] }, runs.run, {
        concurrency,
        clock,
        expectedUsage: () => ({ inputTokens: 500, outputTokens: 1024 }),
      }),
    );
    await flush();
    assert.deepEqual(runs.started, ['a', 'b'], 'a third 1,024-token call does not fit in 3,000');
    clock.advance(59_999);
    await flush();
    assert.equal(runs.started.length, 2);
    clock.advance(1);
    await flush();
    assert.deepEqual(runs.started, ['a', 'b', 'c']);
    for (const id of ['a', 'b', 'c']) runs.resolve(id, true);
    await result;
  });
});
