import assert from 'node:assert/strict';
import {
  escalateLastAttempt,
  runWithRetries,
  temperatureForAttempt,
  type AttemptFailure,
  type AttemptPlan,
  type AttemptResult,
} from '../../../../src/core/execute/retryOrchestrator';

interface Record {
  readonly n: number;
  readonly code: string;
}

function failingUntil(passOn: number, seen: AttemptPlan<Record>[]) {
  return (plan: AttemptPlan<Record>): Promise<AttemptResult<Record>> => {
    seen.push(plan);
    const passed = plan.n >= passOn;
    const failures: AttemptFailure[] = passed ? [] : [{ level: 'semantics', message: `unknown name x${plan.n}` }];
    return Promise.resolve({ passed, failures, record: { n: plan.n, code: `code ${plan.n}` } });
  };
}

class FakeLlmError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

describe('retry orchestrator', () => {
  it('stops at the first pass', async () => {
    const seen: AttemptPlan<Record>[] = [];
    const outcome = await runWithRetries({ attempt: failingUntil(1, seen), signal: new AbortController().signal });
    assert.deepEqual(outcome, { passed: true, attempts: [{ n: 1, code: 'code 1' }], finalFailures: [] });
    assert.equal(seen.length, 1);
  });

  it('uses the temperature schedule and hands each retry the previous failures and record', async () => {
    const seen: AttemptPlan<Record>[] = [];
    const recorded: number[] = [];
    const outcome = await runWithRetries({
      attempt: failingUntil(3, seen),
      signal: new AbortController().signal,
      onAttempt: (result) => recorded.push(result.record.n),
    });
    assert.equal(outcome.passed, true);
    assert.deepEqual(seen.map((p) => p.temperature), [0.7, 0.5, 0.3]);
    assert.deepEqual(seen[0].previousFailures, []);
    assert.equal(seen[0].previousRecord, null);
    assert.deepEqual(seen[2].previousFailures, [{ level: 'semantics', message: 'unknown name x2' }]);
    assert.deepEqual(seen[2].previousRecord, { n: 2, code: 'code 2' });
    assert.deepEqual(recorded, [1, 2, 3]);
  });

  it('gives up after maxAttempts with the last failures, past the schedule at its last value', async () => {
    const seen: AttemptPlan<Record>[] = [];
    const outcome = await runWithRetries({ attempt: failingUntil(99, seen), maxAttempts: 6, signal: new AbortController().signal });
    assert.equal(outcome.passed, false);
    assert.equal(outcome.attempts.length, 6);
    assert.deepEqual(outcome.finalFailures, [{ level: 'semantics', message: 'unknown name x6' }]);
    assert.deepEqual(seen.map((p) => p.temperature), [0.7, 0.5, 0.3, 0.3, 0.3, 0.3]);
    assert.deepEqual(seen.map((p) => p.isLast), [false, false, false, false, false, true]);
  });

  it('escalates the model on the last attempt only', async () => {
    const seen: AttemptPlan<Record>[] = [];
    await runWithRetries({
      attempt: failingUntil(99, seen),
      signal: new AbortController().signal,
      modelForAttempt: escalateLastAttempt('claude-strong'),
    });
    assert.deepEqual(seen.map((p) => p.model), [undefined, undefined, undefined, 'claude-strong']);
  });

  it('lets transport errors propagate instead of retrying them', async () => {
    for (const code of ['auth', 'spend-limit', 'cancelled']) {
      let calls = 0;
      await assert.rejects(
        runWithRetries<Record>({
          attempt: () => {
            calls++;
            return Promise.reject(new FakeLlmError(code));
          },
          signal: new AbortController().signal,
        }),
        (error: unknown) => error instanceof FakeLlmError && error.code === code,
      );
      assert.equal(calls, 1);
    }
  });

  it('starts no further attempt once the signal aborts', async () => {
    const controller = new AbortController();
    let calls = 0;
    await assert.rejects(
      runWithRetries<Record>({
        attempt: (plan) => {
          calls++;
          controller.abort(new Error('user cancelled'));
          return Promise.resolve({ passed: false, failures: [{ level: 'syntax', message: 'x' }], record: { n: plan.n, code: '' } });
        },
        signal: controller.signal,
      }),
      /user cancelled/,
    );
    assert.equal(calls, 1);
  });

  it('reads the schedule past its end at the last value', () => {
    assert.equal(temperatureForAttempt(1), 0.7);
    assert.equal(temperatureForAttempt(9, [0.9, 0.1]), 0.1);
    assert.throws(() => temperatureForAttempt(1, []), /empty/);
  });
});
