/** Controlled promises and a manual clock, so scheduling tests never sleep and hope. */
import type { Clock } from '../../../../src/core/ports';

export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: Error): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every pending microtask and I/O callback run (no wall-clock wait). */
export function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Runs whose completion the test decides, with the signal each one received. */
export interface ControlledRuns<T> {
  readonly run: (id: string, signal: AbortSignal) => Promise<T>;
  readonly started: string[];
  readonly signals: Map<string, AbortSignal>;
  /** Currently running, and the most ever running at once. */
  readonly inFlight: () => number;
  readonly maxInFlight: () => number;
  readonly resolve: (id: string, value: T) => void;
  readonly reject: (id: string, error: Error) => void;
}

export function controlledRuns<T>(): ControlledRuns<T> {
  const pending = new Map<string, Deferred<T>>();
  const started: string[] = [];
  const signals = new Map<string, AbortSignal>();
  let running = 0;
  let max = 0;
  const get = (id: string): Deferred<T> => {
    const d = pending.get(id);
    if (!d) throw new Error(`${id} has not started`);
    return d;
  };
  return {
    run(id, signal) {
      const d = deferred<T>();
      pending.set(id, d);
      started.push(id);
      signals.set(id, signal);
      running++;
      max = Math.max(max, running);
      return d.promise.finally(() => {
        running--;
      });
    },
    started,
    signals,
    inFlight: () => running,
    maxInFlight: () => max,
    resolve: (id, value) => get(id).resolve(value),
    reject: (id, error) => get(id).reject(error),
  };
}

/** A clock that moves only when the test says so. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
  readonly sleepers: () => number;
}

export function manualClock(start = 0): ManualClock {
  let now = start;
  const sleepers = new Set<{ at: number; wake: () => void }>();
  return {
    now: () => now,
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal.aborted) {
          reject(signal.reason as Error);
          return;
        }
        const entry = {
          at: now + ms,
          wake: () => {
            signal.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        const onAbort = (): void => {
          sleepers.delete(entry);
          reject(signal.reason as Error);
        };
        sleepers.add(entry);
        signal.addEventListener('abort', onAbort, { once: true });
      });
    },
    advance(ms) {
      now += ms;
      for (const entry of [...sleepers]) {
        if (entry.at <= now) {
          sleepers.delete(entry);
          entry.wake();
        }
      }
    },
    sleepers: () => sleepers.size,
  };
}
