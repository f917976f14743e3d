/** Number formats the panel shows; pure. */

/** 1234 -> "1.2 s"; 65000 -> "1 min 5 s". */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  // 119.6 s rounds to "2 min 0 s", not "1 min 60 s".
  return seconds === 60 ? `${minutes + 1} min 0 s` : `${minutes} min ${seconds} s`;
}

/** Dollars with cents, and four decimals under a dollar (atom calls cost fractions of a cent). */
export function formatUsd(usd: number): string {
  return usd >= 1 ? `$${usd.toFixed(2)}` : `$${usd.toFixed(4)}`;
}

/** A 0..1 ratio as a whole percent, or one decimal below 10 %. */
export function formatPercent(ratio: number): string {
  const pct = ratio * 100;
  return pct > 0 && pct < 10 ? `${pct.toFixed(1)} %` : `${Math.round(pct)} %`;
}

/** 1234567 -> "1,234,567" (locale-independent, so tests and screenshots agree). */
export function formatCount(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Seconds left until `until`, never negative. */
export function secondsLeft(until: number, now: number): number {
  return Math.max(0, Math.ceil((until - now) / 1000));
}
