import assert from 'node:assert/strict';
import { startFakeAnthropic, type FakeAnthropicServer } from '../../../fixtures/fake-anthropic/server';
import { promptParts, totalTokens } from '../../../fixtures/fake-anthropic/tokens';
import type { RequestBody } from '../../../fixtures/fake-anthropic/types';
import { createMemoryResponseCache, responseCacheKey } from '../../../../src/core/llm/responseCache';
import { costOf } from '../../../../src/core/llm/prices';
import { createUsageTotals } from '../../../../src/core/llm/usageTotals';
import { forcedToolNote } from '../../../../src/core/llm/requestMapping';
import { messagesBodies, neverAborted, testClient, textRequest, TEST_KEY } from './helpers';

describe('Anthropic LLM client: answers, usage, caching', () => {
  let server: FakeAnthropicServer;
  beforeEach(async () => {
    server = await startFakeAnthropic({ scenario: 'echo', latencyScale: 0 });
  });
  afterEach(async () => {
    await server.close();
  });

  it('answers a plain call and records it', async () => {
    const { client, records } = testClient(server.baseUrl);
    const request = textRequest('hello there');
    const response = await client.call(request, neverAborted());
    assert.equal(response.text, 'hello there');
    assert.equal(response.toolName, null);
    assert.equal(response.fromCache, false);
    assert.equal(response.stopReason, 'end_turn');
    assert.equal(records.length, 1);
    assert.deepEqual(
      { ...records[0], durationMs: 0 },
      { purpose: 'test', model: 'claude-sonnet-4-6', temperature: 0.5, usage: response.usage, costUsd: response.costUsd, durationMs: 0, fromCache: false, promptHash: responseCacheKey(request), errorCode: null, attempts: 1 },
    );
    const logged = server.requests[0];
    assert.equal(JSON.stringify(logged.headers).includes(TEST_KEY), false);
    assert.equal(logged.headers['anthropic-version'] !== undefined, true);
  });

  it('reports usage as the API counted it and prices it from the table', async () => {
    const { client } = testClient(server.baseUrl);
    const response = await client.call(textRequest('count me, please'), neverAborted());
    const body = messagesBodies(server.requests)[0] as unknown as RequestBody;
    assert.equal(response.usage.inputTokens, totalTokens(promptParts(body)));
    assert.ok(response.usage.outputTokens > 0);
    assert.equal(response.usage.cacheReadTokens, 0);
    assert.equal(response.usage.cacheWriteTokens, 0);
    const expected = (response.usage.inputTokens * 3 + response.usage.outputTokens * 15) / 1_000_000;
    assert.ok(Math.abs(response.costUsd - expected) < 1e-12, `${response.costUsd} vs ${expected}`);
    assert.equal(response.costUsd, costOf('claude-sonnet-4-6', response.usage));
  });

  it('never sends temperature to a Claude model; tries it once on another model and drops it on a 400', async () => {
    const { client } = testClient(server.baseUrl);
    await client.call(textRequest('a'), neverAborted());
    await client.call(textRequest('b', { model: 'local-coder-7b' }), neverAborted());
    await client.call(textRequest('c', { model: 'local-coder-7b' }), neverAborted());
    // The fake answers like API version 2026-10-21: temperature is a 400 on any model.
    assert.deepEqual(messagesBodies(server.requests).map((b) => b.temperature), [undefined, 0.5, undefined, undefined]);
  });

  it('writes the prompt cache on the first call and reads it on the second', async () => {
    const { client } = testClient(server.baseUrl);
    const totals = createUsageTotals();
    const longPrefix = 'Shared conventions for every atom. '.repeat(150); // ~5,100 chars, ~1,300 tokens
    const request = textRequest('first atom', {
      system: [{ text: longPrefix, cache: true }],
      tools: [{ name: 'emit', description: 'Emit code', inputSchema: { type: 'object', properties: { code: { type: 'string' } }, required: ['code'] } }],
    });
    const first = await client.call(request, neverAborted());
    const second = await client.call({ ...request, messages: [{ role: 'user', content: [{ text: 'second atom', cache: false }] }] }, neverAborted());
    assert.ok(first.usage.cacheWriteTokens >= 1024, `wrote ${first.usage.cacheWriteTokens}`);
    assert.equal(first.usage.cacheReadTokens, 0);
    assert.equal(second.usage.cacheReadTokens, first.usage.cacheWriteTokens);
    assert.equal(second.usage.cacheWriteTokens, 0);
    assert.ok(second.costUsd < first.costUsd);
    const body = messagesBodies(server.requests)[0];
    assert.deepEqual((body.system as { cache_control?: unknown }[])[0].cache_control, { type: 'ephemeral' });
    assert.deepEqual((body.tools as { cache_control?: unknown }[])[0].cache_control, { type: 'ephemeral' });
    for (const r of [first, second]) {
      totals.add({ purpose: 'x', model: 'claude-sonnet-4-6', temperature: 0, usage: r.usage, costUsd: r.costUsd, durationMs: 1, fromCache: false, promptHash: 'h', errorCode: null, attempts: 1 });
    }
    const event = totals.costUpdate('run-1');
    assert.equal(event.cacheReadTokens, first.usage.cacheWriteTokens);
    assert.ok(event.cacheSavingsUsd > 0, `savings ${event.cacheSavingsUsd}`);
  });

  it('answers an identical request from the response cache without an HTTP request', async () => {
    const cache = createMemoryResponseCache();
    const { client, records } = testClient(server.baseUrl, { cache });
    const request = textRequest('cache me');
    const fresh = await client.call(request, neverAborted());
    const again = await client.call(request, neverAborted());
    assert.equal(server.requests.length, 1);
    assert.equal(again.fromCache, true);
    assert.equal(again.costUsd, 0);
    assert.equal(again.usage.inputTokens, 0);
    assert.equal(again.text, fresh.text);
    assert.deepEqual(records.map((r) => [r.fromCache, r.attempts, r.costUsd === 0]), [[false, 1, false], [true, 0, true]]);
    await client.call({ ...request, temperature: 0.3 }, neverAborted());
    assert.equal(server.requests.length, 2, 'a different temperature is a different request');
  });

  it('turns a forced tool into tool_choice auto plus an instruction for models that refuse forcing', async () => {
    const { client } = testClient(server.baseUrl);
    const tool = { name: 'answer', description: 'Answer', inputSchema: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] } };
    await client.call(textRequest('go', { tools: [tool], forceTool: 'answer' }), neverAborted());
    await client.call(textRequest('go', { model: 'claude-sonnet-5-5', tools: [tool], forceTool: 'answer' }), neverAborted());
    const [forced, auto] = messagesBodies(server.requests);
    assert.deepEqual(forced.tool_choice, { type: 'tool', name: 'answer' });
    assert.deepEqual(auto.tool_choice, { type: 'auto' });
    const lastUser = (auto.messages as { content: { text: string }[] }[]).at(-1)!;
    assert.equal(lastUser.content.at(-1)!.text, forcedToolNote('answer'));
  });

  it('publishes the rate-limit headers of the last answer', async () => {
    const { client } = testClient(server.baseUrl);
    assert.equal(client.getRateLimitState().observedAt, null);
    await client.call(textRequest('x'), neverAborted());
    const state = client.getRateLimitState();
    assert.equal(state.requests.limit, 4000);
    assert.ok((state.requests.remaining ?? 0) > 0);
    assert.ok((state.inputTokens.limit ?? 0) > 0);
    assert.ok(state.outputTokens.resetAt !== null);
    assert.notEqual(state.observedAt, null);
  });
});
