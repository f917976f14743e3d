import assert from 'node:assert/strict';
import { createAdaptiveConcurrency, fixedConcurrency } from '../../../../src/core/execute/concurrency';
import { budgetFromBuckets, createRateBudgetTracker } from '../../../../src/core/execute/rateBudget';

function clockAt(start = 0): { now: () => number; set: (t: number) => void } {
  let t = start;
  return { now: () => t, set: (next) => (t = next) };
}

const SMALL = { inputTokens: 100, outputTokens: 100 };

describe('concurrency: adaptive limit', () => {
  it('ramps from min(max, 8) towards the maximum as calls succeed', () => {
    const c = createAdaptiveConcurrency({ maxConcurrency: 100, clock: clockAt() });
    assert.equal(c.limit, 8);
    for (let i = 0; i < 8; i++) c.recordSuccess();
    assert.equal(c.limit, 16, 'one round of successes doubles it');
    for (let i = 0; i < 200; i++) c.recordSuccess();
    assert.equal(c.limit, 100, 'never beyond the maximum');
    assert.equal(createAdaptiveConcurrency({ maxConcurrency: 3, clock: clockAt() }).limit, 3);
  });

  it('halves on a 429, counts a burst of throttles once, and grows back gradually', () => {
    const clock = clockAt(0);
    const c = createAdaptiveConcurrency({ maxConcurrency: 64, initial: 64, clock });
    const seen: number[] = [];
    c.onLimitChange((limit) => seen.push(limit));
    c.recordThrottle('rate-limit', null);
    assert.equal(c.limit, 32);
    clock.set(500);
    c.recordThrottle('rate-limit', null);
    c.recordThrottle('overloaded', null);
    assert.equal(c.limit, 32, 'throttles within the cooldown are the same event');
    clock.set(1500);
    c.recordThrottle('overloaded', null);
    assert.equal(c.limit, 16);
    // Above the new threshold growth is +1 per window of `limit` successes, not +1 per success.
    for (let i = 0; i < 15; i++) c.recordSuccess();
    assert.equal(c.limit, 16);
    c.recordSuccess();
    assert.equal(c.limit, 17);
    for (let i = 0; i < 17; i++) c.recordSuccess();
    assert.equal(c.limit, 18);
    assert.deepEqual(seen, [32, 16, 17, 18]);
  });

  it('never goes below one', () => {
    const clock = clockAt(0);
    const c = createAdaptiveConcurrency({ maxConcurrency: 4, initial: 1, clock });
    c.recordThrottle('rate-limit', null);
    assert.equal(c.limit, 1);
  });

  it('holds back every start for retry-after', () => {
    const clock = clockAt(1000);
    const c = createAdaptiveConcurrency({ maxConcurrency: 4, clock });
    c.recordThrottle('rate-limit', 5000);
    assert.deepEqual(c.check(SMALL), { ok: false, retryAt: 6000, limitedBy: 'paused' });
    clock.set(6000);
    assert.deepEqual(c.check(SMALL), { ok: true });
  });

  it('keeps a fixed limit fixed', () => {
    const c = fixedConcurrency(5);
    c.recordThrottle('rate-limit', null);
    c.recordSuccess();
    assert.equal(c.limit, 5);
  });

  it('rejects a maximum below one', () => {
    assert.throws(() => createAdaptiveConcurrency({ maxConcurrency: 0, clock: clockAt() }), /at least 1/);
  });
});

describe('concurrency: rate-limit budget', () => {
  it('refuses a call whose expected tokens exceed what remains before the reset, counting calls started since', () => {
    const clock = clockAt(0);
    const c = createAdaptiveConcurrency({ maxConcurrency: 10, clock });
    assert.deepEqual(c.check({ inputTokens: 1e9, outputTokens: 1e9 }), { ok: true }, 'no headers yet: no limit');
    c.updateBudget({ requestsRemaining: 10, inputTokensRemaining: 5000, outputTokensRemaining: 2500, resetAt: 30_000 });
    const call = { inputTokens: 2000, outputTokens: 1000 };
    assert.deepEqual(c.check(call), { ok: true });
    c.recordStart(call);
    c.recordStart(call);
    assert.deepEqual(c.check(call), { ok: false, retryAt: 30_000, limitedBy: 'input-tokens' });
    assert.deepEqual(c.check({ inputTokens: 0, outputTokens: 600 }), { ok: false, retryAt: 30_000, limitedBy: 'output-tokens' });
    clock.set(30_000);
    assert.deepEqual(c.check(call), { ok: true }, 'after the reset the snapshot no longer applies');
  });

  it('takes a fresh snapshot as the new truth', () => {
    const t = createRateBudgetTracker();
    t.update({ requestsRemaining: 1, inputTokensRemaining: null, outputTokensRemaining: null, resetAt: 100 });
    t.consume(SMALL);
    assert.deepEqual(t.check(SMALL, 0), { ok: false, retryAt: 100, limitedBy: 'requests' });
    t.update({ requestsRemaining: 3, inputTokensRemaining: null, outputTokensRemaining: null, resetAt: 200 });
    assert.deepEqual(t.check(SMALL, 0), { ok: true });
  });

  it('asks again soon when the headers gave no reset time', () => {
    const t = createRateBudgetTracker();
    t.update({ requestsRemaining: 0, inputTokensRemaining: null, outputTokensRemaining: null, resetAt: null });
    assert.deepEqual(t.check(SMALL, 500), { ok: false, retryAt: 1500, limitedBy: 'requests' });
  });

  it('folds per-family buckets into one budget with the latest reset', () => {
    assert.deepEqual(
      budgetFromBuckets({
        requests: { remaining: 49, resetAt: 1000 },
        inputTokens: { remaining: 30_000, resetAt: 4000 },
        outputTokens: { remaining: null, resetAt: null },
      }),
      { requestsRemaining: 49, inputTokensRemaining: 30_000, outputTokensRemaining: null, resetAt: 4000 },
    );
  });
});
