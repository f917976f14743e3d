import assert from 'node:assert/strict';
import { CostCapReachedError, createCostCap, type ConcurrencyController } from '../../../../src/core/execute';
import { createCallGuard, estimateCostUsd } from '../../../../src/core/generate/callGuard';
import { createPrefixWarmup } from '../../../../src/core/generate/warmup';
import type { RateLimitState } from '../../../../src/core/llm';
import type { LlmClient, LlmRequest, LlmResponse } from '../../../../src/core/ports';

const noAbort = new AbortController().signal;
const request: LlmRequest = {
  purpose: 'atom:x', model: 'claude-haiku-5-5', system: [{ text: 'r'.repeat(7_000), cache: true }],
  messages: [{ role: 'user', content: [{ text: 'u'.repeat(700), cache: false }] }], tools: [], forceTool: null, temperature: 0.7, maxTokens: 500,
};
const answer = (costUsd: number): LlmResponse => ({
  text: '', toolInput: null, toolName: null, stopReason: 'end_turn', costUsd, fromCache: false, durationMs: 1,
  usage: { inputTokens: 1, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0 },
});

function recordingController(): ConcurrencyController & { log: string[] } {
  const log: string[] = [];
  return {
    log, limit: 8, maxConcurrency: 100,
    onLimitChange: () => () => undefined,
    check: () => ({ ok: true }),
    recordStart: () => undefined,
    recordSuccess: () => log.push('success'),
    recordThrottle: (kind, ms) => log.push(`throttle ${kind} ${ms}`),
    updateBudget: (b) => log.push(`budget ${b.requestsRemaining}`),
  };
}

const bucket = (remaining: number) => ({ limit: 100, remaining, resetAt: 2_000 });
const state = (throttles: number, observedAt: number): RateLimitState => ({
  requests: bucket(7), tokens: bucket(1_000), inputTokens: bucket(1_000), outputTokens: bucket(1_000),
  retryAfterMs: throttles > 0 ? 1_500 : null, observedAt, rateLimitedCount: throttles, lastRateLimitedAt: null, overloadedCount: 0,
});

describe('generate/callGuard and warm-up', () => {
  it('estimates a warm prefix as cache reads: cheaper than the cold first call', () => {
    const cold = estimateCostUsd(request, false);
    const warm = estimateCostUsd(request, true);
    assert.ok(warm < cold && warm > 0, `${warm} < ${cold}`);
  });

  it('reserves before calling, settles with the real cost, and refuses a call that would pass the cap', async () => {
    const cap = createCostCap({ capUsd: estimateCostUsd(request, false) * 1.5 });
    const llm: LlmClient = { call: () => Promise.resolve(answer(0.0000001)), forget: () => Promise.resolve() };
    const guard = createCallGuard({ llm, cap, concurrency: recordingController() });
    await guard.call(request, noAbort);
    assert.equal(cap.reservedUsd, 0);
    assert.equal(cap.spentUsd, 0.0000001);
    const tight = createCostCap({ capUsd: estimateCostUsd(request, false) / 2 });
    await assert.rejects(createCallGuard({ llm, cap: tight, concurrency: recordingController() }).call(request, noAbort), CostCapReachedError);
  });

  it('feeds the concurrency controller from the client\'s rate-limit state: budget on new headers, throttle on a new 429', async () => {
    let current = state(0, 1);
    const controller = recordingController();
    const guard = createCallGuard({ llm: { call: () => Promise.resolve(answer(0)), forget: () => Promise.resolve() }, cap: createCostCap({ capUsd: null }), concurrency: controller, rateLimits: () => current });
    await guard.call(request, noAbort);
    current = state(1, 2);
    await guard.call(request, noAbort);
    assert.deepEqual(controller.log, ['success', 'budget 7', 'throttle rate-limit 1500', 'budget 7']);
  });

  it('lets the first call of a prefix run alone; the others start once it has answered', async () => {
    const warmup = createPrefixWarmup();
    const order: string[] = [];
    let release: () => void = () => undefined;
    const first = warmup.run('k', noAbort, async () => {
      order.push('first start');
      await new Promise<void>((resolve) => (release = resolve));
      order.push('first end');
    });
    const second = warmup.run('k', noAbort, () => {
      order.push('second start');
      return Promise.resolve();
    });
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(order, ['first start']);
    release();
    await Promise.all([first, second]);
    assert.deepEqual(order, ['first start', 'first end', 'second start']);
    assert.equal(warmup.isWarm('k'), true);
  });
});
