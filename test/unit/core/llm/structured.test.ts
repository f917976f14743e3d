import assert from 'node:assert/strict';
import { z } from 'zod';
import { startFakeAnthropic, type FakeAnthropicServer } from '../../../fixtures/fake-anthropic/server';
import { echoReply } from '../../../fixtures/fake-anthropic/scenarios/helpers';
import type { FakeReply, Scenario } from '../../../fixtures/fake-anthropic/types';
import { StructuredOutputError } from '../../../../src/core/llm/errors';
import { callStructured, toolInputSchema, type StructuredRequest } from '../../../../src/core/llm/structured';
import { messagesBodies, neverAborted, testClient } from './helpers';

const Plan = z.object({ title: z.string(), steps: z.array(z.object({ id: z.string(), loc: z.number().int() })) });
type Plan = z.infer<typeof Plan>;

function planRequest(): StructuredRequest<Plan> {
  return {
    purpose: 'masterplan',
    model: 'claude-sonnet-4-6',
    system: [{ text: 'You plan.', cache: true }],
    messages: [{ role: 'user', content: [{ text: 'Plan a todo CLI.', cache: false }] }],
    temperature: 0.7,
    maxTokens: 1024,
    tool: { name: 'submit_plan', description: 'Submit the plan', schema: Plan },
  };
}

/** First answers scripted, then the echo (a minimal valid input). */
function firstAnswers(...replies: FakeReply[]): Scenario {
  return { name: 'scripted', description: 'scripted first answers', reply: (req) => replies[req.index] ?? echoReply(req) };
}

type Turn = { role: string; content: { text: string }[] };

function turnsOf(body: Record<string, unknown>): Turn[] {
  return body.messages as Turn[];
}

describe('callStructured', () => {
  let server: FakeAnthropicServer | undefined;
  const start = async (scenario: Scenario | string): Promise<FakeAnthropicServer> => {
    server = await startFakeAnthropic({ scenario, latencyScale: 0 });
    return server;
  };
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('forces the tool with the zod schema as JSON schema and returns the validated value', async () => {
    const fake = await start('echo');
    const { client } = testClient(fake.baseUrl);
    const { value, responses } = await callStructured(client, planRequest(), neverAborted());
    assert.equal(typeof value.title, 'string');
    assert.ok(Array.isArray(value.steps));
    assert.equal(responses.length, 1);
    const body = messagesBodies(fake.requests)[0];
    assert.deepEqual(body.tool_choice, { type: 'tool', name: 'submit_plan' });
    const tool = (body.tools as { name: string; input_schema: Record<string, unknown> }[])[0];
    assert.equal(tool.name, 'submit_plan');
    assert.equal(tool.input_schema.type, 'object');
    assert.equal('$schema' in tool.input_schema, false);
  });

  it('retries an answer that is not valid JSON, feeding the parse error back', async () => {
    const fake = await start('invalid-json-once');
    const { client, records } = testClient(fake.baseUrl);
    const { responses } = await callStructured(client, planRequest(), neverAborted());
    assert.equal(responses.length, 2);
    assert.equal(typeof responses[0].toolInput, 'string', 'the broken JSON is handed over as text');
    const turns = turnsOf(messagesBodies(fake.requests)[1]);
    assert.deepEqual(turns.map((t) => t.role), ['user', 'assistant', 'user']);
    assert.match(turns[1].content[0].text, /,,\}/, 'the assistant turn repeats what the model sent');
    assert.match(turns[2].content[0].text, /not valid JSON/);
    assert.deepEqual(records.map((r) => r.errorCode), [null, null], 'a malformed answer is not a transport failure');
  });

  it('retries an answer that breaks the schema, naming the field', async () => {
    const fake = await start(firstAnswers({ kind: 'message', content: [{ type: 'tool_use', name: 'submit_plan', input: { title: 42, steps: [] } }] }));
    const { client } = testClient(fake.baseUrl);
    const { value } = await callStructured(client, planRequest(), neverAborted());
    assert.equal(typeof value.title, 'string');
    const turns = turnsOf(messagesBodies(fake.requests)[1]);
    assert.match(turns[1].content[0].text, /"title":42/);
    assert.match(turns[2].content[0].text, /title: Invalid input: expected string, received number/);
  });

  it('retries a text answer given instead of the tool', async () => {
    const fake = await start(firstAnswers({ kind: 'message', content: [{ type: 'text', text: 'Sure, here is a plan: ...' }] }));
    const { client } = testClient(fake.baseUrl);
    const { responses } = await callStructured(client, planRequest(), neverAborted());
    assert.equal(responses.length, 2);
    const turns = turnsOf(messagesBodies(fake.requests)[1]);
    assert.equal(turns[1].content[0].text, 'Sure, here is a plan: ...');
    assert.match(turns[2].content[0].text, /answered in text instead of calling the `submit_plan` tool/);
  });

  it('fails cleanly after the last attempt with what was wrong', async () => {
    const broken: FakeReply = { kind: 'message', content: [{ type: 'tool_use', name: 'submit_plan', input: { title: 'x', steps: [{ id: 7 }] } }] };
    const fake = await start({ name: 'always-broken', description: 'schema-breaking forever', reply: () => broken });
    const { client } = testClient(fake.baseUrl);
    try {
      await callStructured(client, planRequest(), neverAborted(), { maxAttempts: 3 });
      assert.fail('expected StructuredOutputError');
    } catch (err) {
      assert.ok(err instanceof StructuredOutputError);
      assert.equal(err.code, 'malformed-answer');
      assert.equal(err.attempts, 3);
      assert.ok(err.problems.some((p) => p.startsWith('steps.0.id:')), err.problems.join(' | '));
      assert.ok(err.problems.some((p) => p.startsWith('steps.0.loc:')), err.problems.join(' | '));
      assert.match(err.message, /masterplan.*after 3 attempts/);
    }
    assert.equal(fake.requests.length, 3);
  });

  it('lets transport errors through untouched', async () => {
    const fake = await start('always-401');
    const { client } = testClient(fake.baseUrl);
    await assert.rejects(callStructured(client, planRequest(), neverAborted()), (err: unknown) => (err as { code?: string }).code === 'auth');
  });

  it('refuses a tool schema that is not an object', () => {
    assert.throws(() => toolInputSchema(z.array(z.string())), /must describe an object/);
  });
});
