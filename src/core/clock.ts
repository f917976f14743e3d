/** The real Clock: wall time and timers, for the extension and the CLI (tests pass fakes). */
import type { Clock } from './ports';

/** Resolves after `ms`; rejects with `signal.reason` as soon as the signal aborts (also if it already has). */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  // AbortController's default reason is a DOMException, an Error; a custom one may not be.
  const reasonOf = (): Error => {
    const reason: unknown = signal.reason;
    return reason instanceof Error ? reason : new Error(typeof reason === 'string' ? reason : 'aborted');
  };
  return new Promise<void>((resolve, reject) => {
    if (signal.aborted) {
      reject(reasonOf());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(reasonOf());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** A Clock over Date.now and setTimeout. */
export function createRealClock(): Clock {
  return { now: () => Date.now(), sleep };
}
