import assert from 'node:assert/strict';
import { emptyRateLimitState, parseRetryAfterMs, resetWaitMs, updateRateLimitState } from '../../../../src/core/llm/rateLimitBudget';
import { retryWaitMs } from '../../../../src/core/llm/retryWait';
import type { Fault } from '../../../../src/core/llm/classifyFault';

const NOW = Date.parse('2026-11-24T10:00:00Z');
const headers = (h: Record<string, string>) => new Headers(h);

describe('rate-limit budget', () => {
  it('reads every anthropic-ratelimit bucket and keeps the ones an answer leaves out', () => {
    let state = updateRateLimitState(
      emptyRateLimitState(),
      headers({
        'anthropic-ratelimit-requests-limit': '50',
        'anthropic-ratelimit-requests-remaining': '49',
        'anthropic-ratelimit-requests-reset': '2026-11-24T10:00:01Z',
        'anthropic-ratelimit-input-tokens-limit': '30000',
        'anthropic-ratelimit-input-tokens-remaining': '0',
        'anthropic-ratelimit-input-tokens-reset': '2026-11-24T10:00:20Z',
        'anthropic-ratelimit-output-tokens-limit': '8000',
        'anthropic-ratelimit-tokens-limit': '38000',
      }),
      NOW,
      false,
    );
    assert.deepEqual(state.requests, { limit: 50, remaining: 49, resetAt: NOW + 1000 });
    assert.deepEqual(state.inputTokens, { limit: 30000, remaining: 0, resetAt: NOW + 20_000 });
    assert.deepEqual(state.outputTokens, { limit: 8000, remaining: null, resetAt: null });
    assert.equal(state.tokens.limit, 38000);
    assert.equal(state.observedAt, NOW);
    state = updateRateLimitState(state, headers({ 'anthropic-ratelimit-requests-remaining': '10', 'retry-after': '7' }), NOW + 5, true);
    assert.equal(state.requests.remaining, 10);
    assert.equal(state.inputTokens.limit, 30000, 'kept');
    assert.equal(state.retryAfterMs, 7000);
    assert.equal(state.rateLimitedCount, 1);
    assert.equal(state.lastRateLimitedAt, NOW + 5);
  });

  it('reads retry-after as seconds, as an HTTP date, and retry-after-ms first', () => {
    assert.equal(parseRetryAfterMs(headers({ 'retry-after': '2.5' }), NOW), 2500);
    assert.equal(parseRetryAfterMs(headers({ 'retry-after': new Date(NOW + 4000).toUTCString() }), NOW), 4000);
    assert.equal(parseRetryAfterMs(headers({ 'retry-after': '3', 'retry-after-ms': '120' }), NOW), 120);
    assert.equal(parseRetryAfterMs(headers({ 'retry-after': 'soon' }), NOW), null);
    assert.equal(parseRetryAfterMs(headers({}), NOW), null);
  });

  it('waits for the emptied bucket to reset when there is no retry-after', () => {
    const h = headers({
      'anthropic-ratelimit-requests-remaining': '12',
      'anthropic-ratelimit-requests-reset': '2026-11-24T10:00:59Z',
      'anthropic-ratelimit-output-tokens-remaining': '0',
      'anthropic-ratelimit-output-tokens-reset': '2026-11-24T10:00:08Z',
    });
    assert.equal(resetWaitMs(h, NOW), 8000);
    const fault: Fault = { code: 'rate-limit', retryable: true, status: 429, detail: '', headers: h };
    assert.equal(retryWaitMs(fault, 1, NOW, () => 0.5), 8000);
    assert.equal(retryWaitMs({ ...fault, headers: headers({ 'retry-after': '3' }) }, 1, NOW, () => 0.5), 3000, 'retry-after wins');
    assert.equal(retryWaitMs({ ...fault, headers: headers({}) }, 1, NOW, () => 0.5), 10_000, 'sane default');
    assert.equal(retryWaitMs({ ...fault, headers: headers({ 'retry-after': '0' }) }, 1, NOW, () => 0.5), 500, 'never a burst');
  });
});
