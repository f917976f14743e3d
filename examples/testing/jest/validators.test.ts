/**
 * @title Jest table-driven tests with test.each for input validators
 * @tags testing, jest, test.each, table driven, validation
 * @stack jest, typescript
 */
import { maxLength, required } from '../../validation/manual-validators';

describe('validators', () => {
  test.each([
    ['', 'is required'],
    ['   ', 'is required'],
    ['ok', null],
  ])('required(%j) -> %j', (input, expected) => {
    expect(required(input)).toBe(expected);
  });

  test('maxLength reports the limit', () => {
    expect(maxLength(3)('abcd')).toBe('must be at most 3 characters');
    expect(maxLength(3)('abc')).toBeNull();
  });
});
