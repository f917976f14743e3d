import assert from 'node:assert/strict';
import type { LlmRequest } from '../../../../src/core/ports';
import { MAX_CACHE_BREAKPOINTS, toMessageParams } from '../../../../src/core/llm/requestMapping';

const both = { temperature: true, forcedTool: true };
const base: LlmRequest = {
  purpose: 'atom:1',
  model: 'claude-sonnet-4-6',
  system: [{ text: 'rules', cache: false }],
  messages: [{ role: 'user', content: [{ text: 'go', cache: false }] }],
  tools: [],
  forceTool: null,
  temperature: 0.3,
  maxTokens: 100,
};

function breakpoints(params: ReturnType<typeof toMessageParams>): string[] {
  const found: string[] = [];
  (params.tools ?? []).forEach((t, i) => 'cache_control' in t && t.cache_control && found.push(`tool${i}`));
  (Array.isArray(params.system) ? params.system : []).forEach((b, i) => b.cache_control && found.push(`system${i}`));
  params.messages.forEach((m, mi) => (Array.isArray(m.content) ? m.content : []).forEach((b, bi) => 'cache_control' in b && b.cache_control && found.push(`m${mi}.${bi}`)));
  return found;
}

describe('request mapping', () => {
  it('marks cached blocks, and the last tool when the system prompt is cached', () => {
    const tool = { name: 't', description: 'd', inputSchema: { type: 'object' } };
    const params = toMessageParams({ ...base, system: [{ text: 'shared', cache: true }, { text: 'per call', cache: false }], tools: [tool, { ...tool, name: 'u' }] }, both);
    assert.deepEqual(breakpoints(params), ['tool1', 'system0']);
    assert.equal(params.stream, true);
    assert.equal(params.max_tokens, 100);
    assert.equal(params.temperature, 0.3);
  });

  it('keeps at most four breakpoints, dropping the earliest', () => {
    const cached = (text: string) => ({ text, cache: true });
    const params = toMessageParams(
      {
        ...base,
        system: [cached('a'), cached('b')],
        messages: [{ role: 'user', content: [cached('c'), cached('d'), cached('e')] }],
        tools: [{ name: 't', description: 'd', inputSchema: { type: 'object' } }],
      },
      both,
    );
    assert.equal(breakpoints(params).length, MAX_CACHE_BREAKPOINTS);
    assert.deepEqual(breakpoints(params), ['system1', 'm0.0', 'm0.1', 'm0.2']);
  });

  it('sends neither temperature nor a forced choice to a model that refuses them', () => {
    const params = toMessageParams(
      { ...base, tools: [{ name: 't', description: 'd', inputSchema: { type: 'object' } }], forceTool: 't' },
      { temperature: false, forcedTool: false },
    );
    assert.equal('temperature' in params, false);
    assert.deepEqual(params.tool_choice, { type: 'auto' });
    assert.equal(params.messages[0].content.length, 2);
  });
});

describe('model quirks', () => {
  it('knows which models refuse temperature and forced tools, and reads refusals from 400s', async () => {
    const { knownQuirks, refusedField, createQuirkBook } = await import('../../../../src/core/llm/modelQuirks');
    assert.deepEqual(knownQuirks('claude-sonnet-4-6'), { temperature: false, forcedTool: true });
    assert.deepEqual(knownQuirks('claude-opus-5-5'), { temperature: false, forcedTool: false });
    assert.deepEqual(knownQuirks('claude-fable-5-2'), { temperature: false, forcedTool: false });
    assert.deepEqual(knownQuirks('qwen-coder'), { temperature: true, forcedTool: true });
    assert.equal(refusedField('temperature: Extra inputs are not permitted'), 'temperature');
    assert.equal(refusedField('tool_choice: forced tool use is not supported with this model'), 'forcedTool');
    assert.equal(refusedField("tool_choice.name: Tool 'x' not found in provided tools"), null);
    const book = createQuirkBook();
    assert.equal(book.learn('qwen-coder', 'temperature'), true);
    assert.equal(book.learn('qwen-coder', 'temperature'), false);
    assert.equal(book.get('qwen-coder').temperature, false);
  });
});
