/**
 * Waiting out a transport fault with a visible countdown. A rate limit or an overloaded API is
 * shared by every call of the client, so the client holds one gate: a 429 on one call pauses the
 * calls about to start too (sending them would only collect more 429s), and the countdown is
 * reported once per second for all of them, not once per waiting call.
 */
import type { Clock } from '../ports';
import type { LlmPauseEvent } from '../../shared/events';
import { cancelledError } from './errors';

/** Why calls are paused (the `llm/pause` event's reason). */
export type PauseReason = LlmPauseEvent['reason'];

/** The `llm/pause` payload without run id; the caller adds those. */
export interface LlmPause {
  readonly reason: PauseReason;
  readonly secondsLeft: number;
  readonly message: string;
}

/** Words for the countdown, given the seconds left (0: about to resume). */
export type PauseMessage = (secondsLeft: number) => string;

/** A pause that any number of calls can extend and wait on. */
export interface PauseGate {
  /** Makes the pause last at least `ms` from now. */
  hold(ms: number, reason: PauseReason, message: PauseMessage): void;
  /** Resolves when no pause is in force; rejects with a `cancelled` LlmError on abort. */
  pass(signal: AbortSignal): Promise<void>;
}

/** A gate reporting through `onPause`, timed by `clock` so tests run instantly. */
export function createPauseGate(clock: Clock, onPause: (pause: LlmPause) => void): PauseGate {
  let until = 0;
  let reason: PauseReason = 'rate-limit';
  let message: PauseMessage = () => '';
  let lastReported = '';

  const report = (secondsLeft: number): void => {
    const key = `${until}:${secondsLeft}`;
    if (key === lastReported) return;
    lastReported = key;
    onPause({ reason, secondsLeft, message: message(secondsLeft) });
  };

  return {
    hold(ms, why, words) {
      const end = clock.now() + Math.max(0, ms);
      if (end <= until) return;
      until = end;
      reason = why;
      message = words;
    },
    async pass(signal) {
      for (;;) {
        if (signal.aborted) throw cancelledError(0);
        const left = until - clock.now();
        if (left <= 0) {
          if (until > 0) report(0);
          return;
        }
        const seconds = Math.ceil(left / 1000);
        report(seconds);
        // Wake on the next whole second, so the countdown ticks 10, 9, 8 ... not 10, 9.4, 8.4.
        try {
          await clock.sleep(left - (seconds - 1) * 1000, signal);
        } catch {
          throw cancelledError(0);
        }
      }
    },
  };
}
