import assert from 'node:assert/strict';
import { startFakeAnthropic, type FakeAnthropicServer } from '../../../fixtures/fake-anthropic/server';
import { badRequest, overloaded, rateLimited } from '../../../fixtures/fake-anthropic/scenarios/errors';
import { echoReply } from '../../../fixtures/fake-anthropic/scenarios/helpers';
import type { FakeReply, Scenario } from '../../../fixtures/fake-anthropic/types';
import { createRealClock } from '../../../../src/core/clock';
import { isLlmError, type LlmError } from '../../../../src/core/llm/errors';
import { messagesBodies, neverAborted, testClient, textRequest, TEST_KEY } from './helpers';

/** A scenario answering `replies` in order, then the echo. */
function sequence(...replies: FakeReply[]): Scenario {
  return { name: 'sequence', description: 'scripted', reply: (req) => replies[req.index] ?? echoReply(req) };
}

async function rejection(promise: Promise<unknown>): Promise<LlmError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(isLlmError(err), `expected an LlmError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected the call to fail');
}

describe('Anthropic LLM client: transport faults', () => {
  let server: FakeAnthropicServer | undefined;
  const start = async (scenario: Scenario | string): Promise<FakeAnthropicServer> => {
    server = await startFakeAnthropic({ scenario, latencyScale: 0 });
    return server;
  };
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('waits out a 429 retry-after with a countdown, then succeeds', async () => {
    const fake = await start(sequence(rateLimited(3)));
    const { client, pauses, clock } = testClient(fake.baseUrl);
    const response = await client.call(textRequest('after the pause'), neverAborted());
    assert.equal(response.text, 'after the pause');
    assert.equal(fake.requests.length, 2);
    assert.deepEqual(pauses.map((p) => p.secondsLeft), [3, 2, 1, 0]);
    assert.ok(pauses.every((p) => p.reason === 'rate-limit'));
    assert.match(pauses[0].message, /rate limit.*3 s/i);
    assert.equal(clock.totalSlept(), 3000);
    assert.equal(client.getRateLimitState().rateLimitedCount, 1);
  });

  it('pauses the other calls of the client during a 429 and counts down once for all', async () => {
    const fake = await start(sequence(rateLimited(2)));
    const { client, pauses } = testClient(fake.baseUrl);
    const first = client.call(textRequest('one'), neverAborted());
    await new Promise((resolve) => setTimeout(resolve, 50));
    const results = await Promise.all([first, client.call(textRequest('two'), neverAborted())]);
    assert.deepEqual(results.map((r) => r.text), ['one', 'two']);
    assert.deepEqual(pauses.map((p) => p.secondsLeft), [2, 1, 0]);
  });

  for (const [scenario, reason] of [['overloaded-once', 'overloaded'], ['server-error-once', 'server-error']] as const) {
    it(`backs off with jitter after ${scenario} and succeeds`, async () => {
      const fake = await start(scenario);
      const { client, pauses, clock } = testClient(fake.baseUrl);
      const response = await client.call(textRequest('busy'), neverAborted());
      assert.equal(response.text, 'busy');
      assert.equal(fake.requests.length, 2);
      assert.equal(pauses[0].reason, reason);
      assert.equal(clock.totalSlept(), 750, 'attempt 1 backoff: 1 s step, jitter 0.5 -> 750 ms');
    });
  }

  it('backs off longer on each overloaded answer', async () => {
    const fake = await start(sequence(overloaded(), overloaded(), overloaded()));
    const { client, clock } = testClient(fake.baseUrl);
    await client.call(textRequest('x'), neverAborted());
    assert.equal(fake.requests.length, 4);
    // Steps of 1, 2, 4 s with jitter 0.5 -> 75% of each.
    assert.equal(clock.totalSlept(), 750 + 1500 + 3000);
  });

  for (const scenario of ['drop-once', 'cut-stream-once']) {
    it(`retries after ${scenario}`, async () => {
      const fake = await start(scenario);
      const { client, pauses, records } = testClient(fake.baseUrl);
      const response = await client.call(textRequest('survive this'), neverAborted());
      assert.equal(response.text, 'survive this');
      assert.equal(fake.requests.length, 2);
      assert.equal(pauses[0].reason, 'network');
      assert.equal(records[0].attempts, 2);
    });
  }

  it('retries a request that times out waiting for the answer', async () => {
    let calls = 0;
    const slowOnce: Scenario = {
      name: 'slow-once',
      description: 'first answer after 2 s',
      reply: async (req) => {
        if (calls++ === 0) await new Promise((resolve) => setTimeout(resolve, 2000));
        return echoReply(req);
      },
    };
    const fake = await start(slowOnce);
    const { client, pauses } = testClient(fake.baseUrl, { timeoutMs: 300 });
    const response = await client.call(textRequest('eventually'), neverAborted());
    assert.equal(response.text, 'eventually');
    assert.equal(pauses[0].reason, 'network');
  });

  it('gives up on a stream that goes silent halfway, as a network fault', async () => {
    const slowTokens: Scenario = {
      name: 'slow-tokens',
      description: 'two tokens a second',
      latency: { ttftMs: 0, tokensPerSecond: 2, jitter: 0 },
      reply: () => ({ kind: 'message', content: [{ type: 'text', text: 'word '.repeat(40) }] }),
    };
    server = await startFakeAnthropic({ scenario: slowTokens, latencyScale: 1 });
    const { client } = testClient(server.baseUrl, { timeoutMs: 200, maxTransportRetries: 1 });
    const started = Date.now();
    const err = await rejection(client.call(textRequest('x'), neverAborted()));
    assert.equal(err.code, 'network');
    assert.match(err.message, /timed out/);
    assert.equal(err.attempts, 2);
    assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
  });

  it('refuses a base URL that is not a URL', () => {
    assert.throws(() => testClient('not a url'), (err: unknown) => isLlmError(err) && err.code === 'bad-request');
  });

  it('stops at a 401 with a plain message and no retry', async () => {
    const fake = await start('always-401');
    const { client, records } = testClient(fake.baseUrl);
    const err = await rejection(client.call(textRequest('x'), neverAborted()));
    assert.equal(err.code, 'auth');
    assert.match(err.message, /Anthropic rejected the API key/);
    assert.equal(err.message.includes(TEST_KEY), false);
    assert.equal(err.message.includes('\n    at '), false);
    assert.equal(fake.requests.length, 1);
    assert.equal(records[0].errorCode, 'auth');
  });

  it('refuses to call without a key', async () => {
    const fake = await start('echo');
    const { client } = testClient(fake.baseUrl, { apiKey: ' ' });
    const err = await rejection(client.call(textRequest('x'), neverAborted()));
    assert.equal(err.code, 'auth');
    assert.equal(fake.requests.length, 0);
  });

  it('gives up on a 429 that never ends after the retry budget', async () => {
    const fake = await start('always-429');
    const { client, records } = testClient(fake.baseUrl, { maxTransportRetries: 2 });
    const err = await rejection(client.call(textRequest('x'), neverAborted()));
    assert.equal(err.code, 'rate-limit');
    assert.equal(err.attempts, 3);
    assert.equal(fake.requests.length, 3);
    assert.equal(records.length, 1);
    assert.equal(records[0].attempts, 3);
  });

  it('does not retry a spend limit', async () => {
    const fake = await start('spend-limit');
    const { client, pauses } = testClient(fake.baseUrl);
    const err = await rejection(client.call(textRequest('x'), neverAborted()));
    assert.equal(err.code, 'spend-limit');
    assert.match(err.message, /spend or usage limit/);
    assert.equal(fake.requests.length, 1);
    assert.equal(pauses.length, 0);
  });

  it('does not retry a 400', async () => {
    const fake = await start(sequence(badRequest('messages: roles must alternate')));
    const { client } = testClient(fake.baseUrl);
    const err = await rejection(client.call(textRequest('x'), neverAborted()));
    assert.equal(err.code, 'bad-request');
    assert.match(err.message, /roles must alternate/);
    assert.equal(fake.requests.length, 1);
  });

  it('drops temperature once a model refuses it, and remembers', async () => {
    const picky: Scenario = {
      name: 'picky',
      description: 'refuses temperature',
      reply: (req) => ('temperature' in req.body ? badRequest('temperature: Extra inputs are not permitted') : echoReply(req)),
    };
    const fake = await start(picky);
    const { client } = testClient(fake.baseUrl);
    await client.call(textRequest('a', { model: 'gateway-model' }), neverAborted());
    await client.call(textRequest('b', { model: 'gateway-model' }), neverAborted());
    assert.deepEqual(messagesBodies(fake.requests).map((b) => 'temperature' in b), [true, false, false]);
  });

  it('is cancelled promptly while waiting out a rate limit', async () => {
    const fake = await start(sequence(rateLimited(30)));
    const { client, records } = testClient(fake.baseUrl, { clock: createRealClock() });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 150);
    const err = await rejection(client.call(textRequest('x'), controller.signal));
    assert.equal(err.code, 'cancelled');
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
    assert.equal(records[0].errorCode, 'cancelled');
  });

  it('is cancelled promptly in the middle of a request', async () => {
    const hang: Scenario = { name: 'hang', description: 'answers after 10 s', reply: (req) => new Promise((resolve) => setTimeout(() => resolve(echoReply(req)), 10_000)) };
    const fake = await start(hang);
    const { client } = testClient(fake.baseUrl);
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 100);
    const err = await rejection(client.call(textRequest('x'), controller.signal));
    assert.equal(err.code, 'cancelled');
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
  });
});
