import assert from 'node:assert/strict';
import { createRealClock } from '../../../../src/core/clock';
import { createPauseGate, type LlmPause } from '../../../../src/core/llm/pauseGate';
import { isLlmError } from '../../../../src/core/llm/errors';
import { fakeClock } from './helpers';

describe('pause gate', () => {
  it('counts down on whole seconds and ends with 0', async () => {
    const clock = fakeClock();
    const pauses: LlmPause[] = [];
    const gate = createPauseGate(clock, (p) => pauses.push(p));
    gate.hold(2500, 'overloaded', (s) => `wait ${s}`);
    await gate.pass(new AbortController().signal);
    assert.deepEqual(pauses.map((p) => p.secondsLeft), [3, 2, 1, 0]);
    assert.deepEqual(clock.slept, [500, 1000, 1000]);
    assert.equal(pauses[0].message, 'wait 3');
    assert.equal(pauses[0].reason, 'overloaded');
  });

  it('passes at once when nothing holds it, and a shorter hold does not shorten a longer one', async () => {
    const clock = fakeClock();
    const pauses: LlmPause[] = [];
    const gate = createPauseGate(clock, (p) => pauses.push(p));
    await gate.pass(new AbortController().signal);
    assert.equal(pauses.length, 0);
    gate.hold(3000, 'rate-limit', () => '');
    gate.hold(1000, 'network', () => '');
    await gate.pass(new AbortController().signal);
    assert.equal(clock.totalSlept(), 3000);
    assert.equal(pauses[0].reason, 'rate-limit');
  });

  it('rejects with a cancelled LlmError as soon as the signal aborts (real clock)', async () => {
    const gate = createPauseGate(createRealClock(), () => undefined);
    gate.hold(60_000, 'rate-limit', () => '');
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(gate.pass(controller.signal), (err: unknown) => isLlmError(err) && err.code === 'cancelled');
    assert.ok(Date.now() - started < 500);
  });
});

describe('real clock', () => {
  it('sleeps, and rejects with the abort reason', async () => {
    const clock = createRealClock();
    const t0 = clock.now();
    await clock.sleep(20, new AbortController().signal);
    assert.ok(clock.now() - t0 >= 15);
    const controller = new AbortController();
    const reason = new Error('stop');
    setTimeout(() => controller.abort(reason), 10);
    await assert.rejects(clock.sleep(10_000, controller.signal), (err: unknown) => err === reason);
    await assert.rejects(clock.sleep(1, controller.signal), (err: unknown) => err === reason, 'already aborted');
  });
});
