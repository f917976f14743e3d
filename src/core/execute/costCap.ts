/**
 * The cost cap (mge.maxCostUsd): no new call starts once what was spent plus what the calls in
 * flight are expected to cost would pass the cap. Calls reserve their estimate before they start
 * and settle with the real cost when they end.
 */

/** A reserved estimate; settle it exactly once. */
export interface CostReservation {
  readonly id: number;
  readonly estimateUsd: number;
}

export interface CostCap {
  /** null: no cap. */
  readonly capUsd: number | null;
  readonly spentUsd: number;
  /** Sum of the estimates of calls in flight. */
  readonly reservedUsd: number;
  /** Reserves `estimateUsd`, or returns false when spent + reserved + estimate would pass the cap. */
  tryReserve(estimateUsd: number): CostReservation | false;
  /** The call ended (answered, failed or cancelled): replace its estimate with what it cost. */
  settle(reservation: CostReservation, actualUsd: number): void;
  /** Spend that was never reserved (planning calls, a resumed run's earlier spend). */
  addSpend(usd: number): void;
}

/** Thrown by reserveOrThrow; the scheduler treats it as "stop starting work, keep what runs". */
export class CostCapReachedError extends Error {
  constructor(
    readonly capUsd: number,
    readonly spentUsd: number,
    readonly reservedUsd: number,
    readonly estimateUsd: number,
  ) {
    super(
      `Cost cap of $${capUsd.toFixed(2)} reached: $${spentUsd.toFixed(4)} spent and ` +
        `$${reservedUsd.toFixed(4)} in flight leave no room for a call estimated at $${estimateUsd.toFixed(4)}.`,
    );
    this.name = 'CostCapReachedError';
  }
}

/** A cap of `capUsd` (null for none), starting from `spentUsd` already spent. */
export function createCostCap(options: { readonly capUsd: number | null; readonly spentUsd?: number }): CostCap {
  const capUsd = options.capUsd;
  if (capUsd !== null && !(capUsd >= 0)) throw new Error(`Cost cap must be >= 0 (got ${capUsd})`);
  let spentUsd = options.spentUsd ?? 0;
  let reservedUsd = 0;
  let nextId = 1;
  const open = new Map<number, number>();
  return {
    capUsd,
    get spentUsd() {
      return spentUsd;
    },
    get reservedUsd() {
      return reservedUsd;
    },
    tryReserve(estimateUsd) {
      const estimate = Math.max(0, estimateUsd);
      if (capUsd !== null && spentUsd + reservedUsd + estimate > capUsd) return false;
      const reservation = { id: nextId++, estimateUsd: estimate };
      open.set(reservation.id, estimate);
      reservedUsd += estimate;
      return reservation;
    },
    settle(reservation, actualUsd) {
      const estimate = open.get(reservation.id);
      if (estimate === undefined) throw new Error(`Cost reservation ${reservation.id} settled twice or never made`);
      open.delete(reservation.id);
      // Recomputed from the open set so floating-point drift cannot accumulate over 800 calls.
      reservedUsd = open.size === 0 ? 0 : [...open.values()].reduce((a, b) => a + b, 0);
      spentUsd += Math.max(0, actualUsd);
    },
    addSpend(usd) {
      spentUsd += Math.max(0, usd);
    },
  };
}

/** tryReserve, throwing CostCapReachedError instead of returning false. */
export function reserveOrThrow(cap: CostCap, estimateUsd: number): CostReservation {
  const reservation = cap.tryReserve(estimateUsd);
  if (reservation === false) {
    throw new CostCapReachedError(cap.capUsd ?? Infinity, cap.spentUsd, cap.reservedUsd, estimateUsd);
  }
  return reservation;
}
