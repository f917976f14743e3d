/**
 * LlmRequest -> Messages API body. Prompt-cache breakpoints follow the API's prefix order
 * (tools -> system -> messages) and its limit of four per request.
 */
import type Anthropic from '@anthropic-ai/sdk';
import type { LlmRequest } from '../ports';
import type { ModelQuirks } from './modelQuirks';

type TextBlockParam = Anthropic.TextBlockParam;

/** The API refuses a request with more breakpoints than this. */
export const MAX_CACHE_BREAKPOINTS = 4;

const EPHEMERAL = { type: 'ephemeral' } as const;

/** Where a breakpoint sits: tool index, or system block index, or message+block index. */
type Breakpoint = { kind: 'tool' } | { kind: 'system'; block: number } | { kind: 'message'; message: number; block: number };

/**
 * Breakpoints to send, earliest dropped first when over the limit: a later breakpoint's prefix
 * contains the earlier ones, so it keeps caching what they would have.
 */
function chooseBreakpoints(request: LlmRequest): Breakpoint[] {
  const wanted: Breakpoint[] = [];
  // The tools sit before the system prompt; caching them too lets a changed system prompt still
  // read the tool definitions from cache.
  if (request.tools.length > 0 && request.system.some((b) => b.cache)) wanted.push({ kind: 'tool' });
  request.system.forEach((b, i) => {
    if (b.cache) wanted.push({ kind: 'system', block: i });
  });
  request.messages.forEach((m, mi) =>
    m.content.forEach((b, bi) => {
      if (b.cache) wanted.push({ kind: 'message', message: mi, block: bi });
    }),
  );
  return wanted.slice(Math.max(0, wanted.length - MAX_CACHE_BREAKPOINTS));
}

function textBlock(text: string, cached: boolean): TextBlockParam {
  return cached ? { type: 'text', text, cache_control: EPHEMERAL } : { type: 'text', text };
}

/** Note added to the last user turn when a model refuses a forced tool_choice. */
export function forcedToolNote(toolName: string): string {
  return `Answer only by calling the \`${toolName}\` tool, with no other text.`;
}

/**
 * The body as sent. SDK 1.x dropped `temperature` from its types (API 2026-10-21 refuses it), but
 * Anthropic-compatible servers for other models still take it.
 */
export type WireParams = Anthropic.MessageCreateParamsStreaming & { temperature?: number };

/** Builds the streaming request body; `quirks` says which optional fields the model accepts. */
export function toMessageParams(request: LlmRequest, quirks: ModelQuirks): WireParams {
  const breakpoints = chooseBreakpoints(request);
  const systemCached = (i: number): boolean => breakpoints.some((b) => b.kind === 'system' && b.block === i);
  const messageCached = (mi: number, bi: number): boolean =>
    breakpoints.some((b) => b.kind === 'message' && b.message === mi && b.block === bi);
  const toolCached = breakpoints.some((b) => b.kind === 'tool');

  const messages: Anthropic.MessageParam[] = request.messages.map((m, mi) => ({
    role: m.role,
    content: m.content.map((b, bi) => textBlock(b.text, messageCached(mi, bi))),
  }));

  const forceTool = request.forceTool;
  const canForce = forceTool !== null && quirks.forcedTool;
  if (forceTool !== null && !canForce) {
    // Appended after every breakpoint, so the cached prefix stays the same.
    const last = messages[messages.length - 1];
    if (last !== undefined && last.role === 'user' && Array.isArray(last.content)) {
      last.content = [...last.content, textBlock(forcedToolNote(forceTool), false)];
    }
  }

  const params: WireParams = {
    model: request.model,
    max_tokens: request.maxTokens,
    messages,
    stream: true,
  };
  if (request.system.length > 0) params.system = request.system.map((b, i) => textBlock(b.text, systemCached(i)));
  if (request.tools.length > 0) {
    params.tools = request.tools.map((t, i) => ({
      name: t.name,
      description: t.description,
      input_schema: { ...t.inputSchema, type: 'object' },
      ...(toolCached && i === request.tools.length - 1 ? { cache_control: EPHEMERAL } : {}),
    }));
    params.tool_choice = canForce ? { type: 'tool', name: forceTool } : { type: 'auto' };
  }
  if (quirks.temperature) params.temperature = request.temperature;
  return params;
}
