/**
 * @title Mocha test controlling time with an injected clock instead of real timers
 * @tags testing, mocha, time, clock, dependency injection, rate limit
 * @stack mocha, typescript
 */
import assert from 'node:assert/strict';
import { LoginThrottle } from '../../auth/login-throttle';

describe('login throttle', () => {
  it('locks after five failures and unlocks after the lock period', () => {
    const throttle = new LoginThrottle(5, 60_000);
    const t0 = 1_000_000;
    for (let i = 0; i < 5; i++) throttle.recordFailure('ada', t0);
    assert.equal(throttle.isLocked('ada', t0 + 1), true);
    assert.equal(throttle.isLocked('ada', t0 + 60_001), false);
  });

  it('forgets failures after a success', () => {
    const throttle = new LoginThrottle(2, 60_000);
    throttle.recordFailure('bob', 0);
    throttle.recordSuccess('bob');
    throttle.recordFailure('bob', 0);
    assert.equal(throttle.isLocked('bob', 1), false);
  });
});
