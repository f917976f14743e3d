/** A promise raced against a deadline and an AbortSignal, leaving no timer or listener behind. */

/** The server did not answer in time: the types level turns this into 'skipped' with the reason. */
export class LspTimeoutError extends Error {
  override readonly name = 'LspTimeoutError';
}

/** The server could not be started or has died: also 'skipped' with the reason, never a pass. */
export class LspUnavailableError extends Error {
  override readonly name = 'LspUnavailableError';
}

/**
 * Resolves as `work` does, or rejects with LspTimeoutError(`what` ...) after `ms`, or with the
 * signal's reason on abort. `onGiveUp` runs on timeout or abort (to cancel the request).
 */
export function withDeadline<T>(work: Promise<T>, ms: number, signal: AbortSignal, what: string, onGiveUp?: () => void): Promise<T> {
  const giveUp = (): void => {
    try {
      onGiveUp?.();
    } catch {
      // Cancelling on a connection that has just closed throws; there is nothing left to cancel.
    }
  };
  if (signal.aborted) {
    giveUp();
    return Promise.reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
  }
  return new Promise<T>((resolve, reject) => {
    const settle = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    };
    const timer = setTimeout(() => {
      settle();
      giveUp();
      reject(new LspTimeoutError(`${what} did not answer within ${ms} ms`));
    }, ms);
    const onAbort = (): void => {
      settle();
      giveUp();
      reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        settle();
        resolve(value);
      },
      (err: unknown) => {
        settle();
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}
