/**
 * @title Vitest unit tests with describe, it and expect imported from vitest
 * @tags testing, vitest, unit test, value object
 * @stack vitest, typescript
 */
import { describe, expect, it } from 'vitest';
import { DateRange } from '../../ddd/date-range';

describe('DateRange', () => {
  const jan = (day: number): Date => new Date(Date.UTC(2026, 0, day));

  it('detects overlapping ranges', () => {
    expect(DateRange.between(jan(1), jan(5)).overlaps(DateRange.between(jan(4), jan(8)))).toBe(true);
    expect(DateRange.between(jan(1), jan(5)).overlaps(DateRange.between(jan(5), jan(8)))).toBe(false);
  });

  it('counts days', () => {
    expect(DateRange.between(jan(1), jan(8)).days()).toBe(7);
  });

  it('refuses an empty range', () => {
    expect(() => DateRange.between(jan(2), jan(2))).toThrow('must end after it starts');
  });
});
