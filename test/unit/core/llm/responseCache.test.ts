import assert from 'node:assert/strict';
import type { LlmRequest } from '../../../../src/core/ports';
import { canonicalJson, createMemoryResponseCache, responseCacheKey } from '../../../../src/core/llm/responseCache';
import { createUsageTotals } from '../../../../src/core/llm/usageTotals';
import { costOf, costWithoutCache } from '../../../../src/core/llm/prices';

const request: LlmRequest = {
  purpose: 'discovery',
  model: 'claude-sonnet-4-6',
  system: [{ text: 'sys', cache: true }],
  messages: [{ role: 'user', content: [{ text: 'hi', cache: false }] }],
  tools: [{ name: 't', description: 'd', inputSchema: { type: 'object', properties: { a: { type: 'string' } } } }],
  forceTool: 't',
  temperature: 0.7,
  maxTokens: 100,
};

describe('response cache key', () => {
  it('is a sha256 that ignores key order, purpose and prompt-cache flags', () => {
    const key = responseCacheKey(request);
    assert.match(key, /^[0-9a-f]{64}$/);
    assert.equal(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }), '{"a":[{"c":3,"d":2}],"b":1}');
    const reordered = { ...request, tools: [{ inputSchema: { properties: { a: { type: 'string' } }, type: 'object' }, description: 'd', name: 't' }] };
    assert.equal(responseCacheKey(reordered), key);
    assert.equal(responseCacheKey({ ...request, purpose: 'other' }), key);
    assert.equal(responseCacheKey({ ...request, system: [{ text: 'sys', cache: false }] }), key);
  });

  it('changes with model, prompt, tools, forced tool, temperature and max tokens', () => {
    const key = responseCacheKey(request);
    const variants: Partial<LlmRequest>[] = [
      { model: 'claude-haiku-4-5' },
      { system: [{ text: 'sys2', cache: true }] },
      { messages: [{ role: 'user', content: [{ text: 'hi!', cache: false }] }] },
      { tools: [] },
      { forceTool: null },
      { temperature: 0.5 },
      { maxTokens: 101 },
    ];
    for (const v of variants) assert.notEqual(responseCacheKey({ ...request, ...v }), key, JSON.stringify(v));
  });

  it('has an in-memory implementation', async () => {
    const cache = createMemoryResponseCache();
    assert.equal(await cache.get('k'), undefined);
    const response = { text: 'x', toolInput: null, toolName: null, stopReason: 'end_turn', usage: { inputTokens: 1, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0 }, costUsd: 1, fromCache: false, durationMs: 1 };
    await cache.put('k', response);
    assert.deepEqual(await cache.get('k'), response);
    assert.equal(cache.size, 1);
    assert.equal(cache.hits, 1);
  });
});

describe('usage totals', () => {
  it('sums records into the cost/update payload with what caching saved', () => {
    const totals = createUsageTotals();
    const usage = { inputTokens: 100, outputTokens: 50, cacheWriteTokens: 0, cacheReadTokens: 2000 };
    const base = { purpose: 'atom', model: 'claude-sonnet-4-6', temperature: 0, durationMs: 5, fromCache: false, promptHash: 'h', errorCode: null, attempts: 1 };
    totals.add({ ...base, usage, costUsd: costOf(base.model, usage) });
    totals.add({ ...base, usage, costUsd: costOf(base.model, usage) });
    totals.add({ ...base, usage: { inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0 }, costUsd: 0, errorCode: 'auth' });
    totals.add({ ...base, model: 'my-gateway-model', usage: { inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0 }, costUsd: 0, fromCache: true, attempts: 0 });
    const event = totals.costUpdate('run-7');
    assert.equal(event.type, 'cost/update');
    assert.equal(event.runId, 'run-7');
    assert.equal(event.inputTokens, 200);
    assert.equal(event.cacheReadTokens, 4000);
    const expectedSavings = 2 * (costWithoutCache(base.model, usage) - costOf(base.model, usage));
    assert.ok(Math.abs(event.cacheSavingsUsd - expectedSavings) < 1e-12);
    const snap = totals.snapshot();
    assert.equal(snap.calls, 4);
    assert.equal(snap.failedCalls, 1);
    assert.equal(snap.responseCacheHits, 1);
    assert.ok(Math.abs(snap.cacheReadShare - 4000 / 4200) < 1e-12);
    assert.deepEqual(snap.unpricedModels, ['my-gateway-model']);
  });
});
