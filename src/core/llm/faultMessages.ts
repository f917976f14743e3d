/**
 * Plain words for the user: the countdown while a fault is waited out, and the final message
 * when the client gives up. Never a stack trace, never the key.
 */
import type { Fault } from './classifyFault';
import type { PauseMessage, PauseReason } from './pauseGate';

/** The pause reason shown for a retryable fault. */
export function pauseReasonOf(code: Fault['code']): PauseReason {
  switch (code) {
    case 'rate-limit': return 'rate-limit';
    case 'overloaded': return 'overloaded';
    case 'server': return 'server-error';
    default: return 'network';
  }
}

/** Countdown words for a retry after `fault` (attempt `attempt` of `maxAttempts` just failed). */
export function pauseMessage(fault: Fault, attempt: number, maxAttempts: number): PauseMessage {
  const which = `attempt ${attempt + 1} of ${maxAttempts}`;
  const cause =
    fault.code === 'rate-limit' ? 'Anthropic rate limit reached'
    : fault.code === 'overloaded' ? 'Anthropic is overloaded'
    : fault.code === 'server' ? `Anthropic server error${fault.status !== null ? ` (HTTP ${fault.status})` : ''}`
    : 'Connection to Anthropic failed';
  return (secondsLeft) => (secondsLeft > 0 ? `${cause}; retrying in ${secondsLeft} s (${which}).` : `${cause}; retrying now (${which}).`);
}

/** `text` with every occurrence of `secret` masked (gateways have been known to echo keys). */
export function redact(text: string, secret: string): string {
  return secret.length >= 8 ? text.split(secret).join('***') : text;
}

function trimDetail(detail: string): string {
  const clean = detail.replace(/\s+/g, ' ').trim();
  return clean.length > 300 ? `${clean.slice(0, 297)}...` : clean;
}

/** The final message when the client stops on `fault` after `attempts` requests. */
export function finalMessage(fault: Fault, attempts: number, host: string): string {
  const detail = trimDetail(fault.detail);
  const said = detail === '' ? '' : ` Anthropic said: "${detail}"`;
  const http = fault.status !== null ? ` (HTTP ${fault.status})` : '';
  const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
  switch (fault.code) {
    case 'auth':
      return `Anthropic rejected the API key${http}. Set a valid key and try again.`;
    case 'spend-limit':
      return `Anthropic refused the call because a spend or usage limit was reached${http}; not retrying. Raise the limit in the Anthropic console or wait until it resets.${said}`;
    case 'permission':
      return `The API key is not allowed to make this call${http}.${said}`;
    case 'bad-request':
      return `Anthropic refused the request as invalid${http}.${said}`;
    case 'rate-limit':
      return `Still rate limited by Anthropic after ${tries}. Wait a minute or lower the number of parallel calls.${said}`;
    case 'overloaded':
      return `Anthropic is overloaded; gave up after ${tries}. Try again later.${said}`;
    case 'server':
      return `Anthropic answered with a server error${http}; gave up after ${tries}.${said}`;
    case 'network':
      return `Could not get an answer from ${host}${detail === '' ? '' : ` (${detail})`}; gave up after ${tries}.`;
  }
}
