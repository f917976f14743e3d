/**
 * @title Vitest fake timers and system time for expiry logic
 * @tags testing, vitest, fake timers, system time, expiry
 * @stack vitest, typescript
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

function isExpired(expiresAt: Date): boolean {
  return Date.now() >= expiresAt.getTime();
}

describe('expiry', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('is not expired before the deadline and expired after', () => {
    const deadline = new Date('2026-01-01T00:10:00Z');
    expect(isExpired(deadline)).toBe(false);
    vi.advanceTimersByTime(10 * 60_000);
    expect(isExpired(deadline)).toBe(true);
  });
});
