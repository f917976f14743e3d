/**
 * Prompt-cache warm-up. A cache entry exists only once a request with that prefix has been
 * admitted, so 100 calls started together would all pay to write the same prefix. The first call
 * of each prefix goes alone; the others wait for it (a few seconds, once per run and model),
 * then read the prefix from the cache.
 */

export interface PrefixWarmup {
  isWarm(key: string): boolean;
  /** Runs `call`; the first caller of `key` runs at once, later ones after the first has finished. */
  run<T>(key: string, signal: AbortSignal, call: () => Promise<T>): Promise<T>;
}

/** An empty warm-up registry. */
export function createPrefixWarmup(): PrefixWarmup {
  const warm = new Set<string>();
  const leaders = new Map<string, Promise<void>>();
  return {
    isWarm: (key) => warm.has(key),
    async run(key, signal, call) {
      if (warm.has(key)) return call();
      const leader = leaders.get(key);
      if (leader) {
        await untilDoneOrAborted(leader, signal);
        return call();
      }
      let release: () => void = () => undefined;
      leaders.set(key, new Promise<void>((resolve) => (release = resolve)));
      try {
        return await call();
      } finally {
        // Warm even when the first call failed: the others must not wait forever, and a failed
        // call may well have written the cache before it broke.
        warm.add(key);
        leaders.delete(key);
        release();
      }
    },
  };
}

function untilDoneOrAborted(done: Promise<void>, signal: AbortSignal): Promise<void> {
  signal.throwIfAborted();
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    void done.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}
