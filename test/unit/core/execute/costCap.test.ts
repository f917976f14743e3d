import assert from 'node:assert/strict';
import { CostCapReachedError, createCostCap, reserveOrThrow } from '../../../../src/core/execute/costCap';

describe('cost cap', () => {
  it('refuses a reservation that would pass the cap with spend plus calls in flight', () => {
    const cap = createCostCap({ capUsd: 1, spentUsd: 0.5 });
    const first = cap.tryReserve(0.3);
    assert.ok(first);
    assert.equal(cap.tryReserve(0.3), false, '0.5 + 0.3 + 0.3 > 1');
    const second = cap.tryReserve(0.2);
    assert.ok(second, 'exactly at the cap is allowed');
    cap.settle(first, 0.1);
    assert.equal(cap.reservedUsd, 0.2);
    assert.ok(Math.abs(cap.spentUsd - 0.6) < 1e-12);
    assert.ok(cap.tryReserve(0.2), 'a cheaper actual cost frees room');
  });

  it('never refuses without a cap', () => {
    const cap = createCostCap({ capUsd: null });
    assert.ok(cap.tryReserve(1e6));
  });

  it('refuses to settle a reservation twice', () => {
    const cap = createCostCap({ capUsd: 1 });
    const r = cap.tryReserve(0.1);
    assert.ok(r);
    cap.settle(r, 0.1);
    assert.throws(() => cap.settle(r, 0.1), /settled twice/);
  });

  it('throws a CostCapReachedError from reserveOrThrow, with the figures', () => {
    const cap = createCostCap({ capUsd: 0.1 });
    cap.addSpend(0.09);
    assert.throws(() => reserveOrThrow(cap, 0.02), (error: unknown) =>
      error instanceof CostCapReachedError && error.capUsd === 0.1 && /Cost cap of \$0\.10 reached/.test(error.message));
  });
});
