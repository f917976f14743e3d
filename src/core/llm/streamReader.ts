/**
 * Reads a raw Messages API event stream into the parts of an LlmResponse. We read raw events
 * instead of the SDK's MessageStream.finalMessage() for two measured reasons: its tool-input
 * parser throws on invalid JSON, which fails the whole stream as if the network broke (we need
 * the bad text to feed it back to the model), and it returns a stream cut off before
 * `message_stop` as a normal message when the socket closes cleanly.
 */
import type Anthropic from '@anthropic-ai/sdk';
import type { LlmUsage } from '../ports';
import { IncompleteStreamError } from './classifyFault';

/** What a complete stream said. */
export interface StreamedMessage {
  readonly text: string;
  readonly toolName: string | null;
  /**
   * Input of the first tool_use block. A valid input is always a JSON object; when the model
   * produced text that is not JSON, this is that raw text (a string) so callers can report it.
   */
  readonly toolInput: unknown;
  readonly stopReason: string | null;
  readonly usage: LlmUsage;
}

interface ToolAccumulator {
  readonly index: number;
  readonly name: string;
  readonly startInput: unknown;
  json: string;
}

function parseToolInput(tool: ToolAccumulator): unknown {
  if (tool.json.trim() === '') return tool.startInput ?? {};
  try {
    return JSON.parse(tool.json) as unknown;
  } catch {
    return tool.json;
  }
}

function orZero(value: number | null | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/**
 * Consumes the stream; `onActivity` runs on every event (the caller's idle watchdog).
 * Throws IncompleteStreamError when the stream ends before `message_stop`.
 */
export async function readMessageStream(
  events: AsyncIterable<Anthropic.RawMessageStreamEvent>,
  onActivity: () => void,
): Promise<StreamedMessage> {
  let started = false;
  let stopped = false;
  let text = '';
  let tool: ToolAccumulator | null = null;
  let stopReason: string | null = null;
  const usage = { inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0 };

  for await (const event of events) {
    onActivity();
    switch (event.type) {
      case 'message_start': {
        started = true;
        const u = event.message.usage;
        usage.inputTokens = orZero(u.input_tokens);
        usage.outputTokens = orZero(u.output_tokens);
        usage.cacheWriteTokens = orZero(u.cache_creation_input_tokens);
        usage.cacheReadTokens = orZero(u.cache_read_input_tokens);
        break;
      }
      case 'content_block_start': {
        const block = event.content_block;
        if (block.type === 'tool_use' && tool === null) {
          tool = { index: event.index, name: block.name, startInput: block.input, json: '' };
        } else if (block.type === 'text') {
          text += block.text;
        }
        break;
      }
      case 'content_block_delta': {
        const delta = event.delta;
        if (delta.type === 'text_delta') text += delta.text;
        else if (delta.type === 'input_json_delta' && tool !== null && tool.index === event.index) tool.json += delta.partial_json;
        break;
      }
      case 'message_delta': {
        stopReason = event.delta.stop_reason ?? stopReason;
        // message_delta carries cumulative counts; input fields may be null when unchanged.
        const u = event.usage;
        usage.outputTokens = orZero(u.output_tokens) || usage.outputTokens;
        if (typeof u.input_tokens === 'number') usage.inputTokens = u.input_tokens;
        if (typeof u.cache_creation_input_tokens === 'number') usage.cacheWriteTokens = u.cache_creation_input_tokens;
        if (typeof u.cache_read_input_tokens === 'number') usage.cacheReadTokens = u.cache_read_input_tokens;
        break;
      }
      case 'message_stop':
        stopped = true;
        break;
      default:
        break;
    }
  }
  if (!started || !stopped) {
    throw new IncompleteStreamError(started ? 'The answer stream ended before the message was complete.' : 'The answer stream ended before it started.');
  }
  return {
    text,
    toolName: tool?.name ?? null,
    toolInput: tool === null ? null : parseToolInput(tool),
    stopReason,
    usage,
  };
}
