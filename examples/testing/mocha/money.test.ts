/**
 * @title Mocha unit tests for a value object with node:assert/strict
 * @tags testing, mocha, unit test, assert, value object
 * @stack mocha, typescript
 */
import assert from 'node:assert/strict';
import { Money } from '../../ddd/money-value-object';

describe('Money', () => {
  it('adds amounts of the same currency', () => {
    assert.equal(Money.of(1.1, 'EUR').add(Money.of(2.2, 'EUR')).minorUnits, 330);
  });

  it('refuses to add different currencies', () => {
    assert.throws(() => Money.of(1, 'EUR').add(Money.of(1, 'USD')), /cannot mix EUR and USD/);
  });

  it('rejects a malformed currency code', () => {
    assert.throws(() => Money.of(1, 'euro'), /bad currency code/);
  });
});
