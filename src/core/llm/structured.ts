/**
 * Structured answers through tool use: the zod schema becomes the tool's JSON schema, the tool is
 * forced, and the answer is validated with the same schema. A malformed answer (not JSON, breaks
 * the schema, or text instead of the tool) is a retry with the problems fed back, never a crash.
 */
import { z } from 'zod';
import type { LlmClient, LlmMessage, LlmRequest, LlmResponse } from '../ports';
import { StructuredOutputError } from './errors';

/** The tool the model must answer through, typed by its zod schema. */
export interface StructuredTool<T> {
  readonly name: string;
  readonly description: string;
  readonly schema: z.ZodType<T>;
}

/** An LlmRequest whose only tool is `tool`, forced. */
export type StructuredRequest<T> = Omit<LlmRequest, 'tools' | 'forceTool'> & { readonly tool: StructuredTool<T> };

/** The validated value and every response it took (for usage and cost). */
export interface StructuredResult<T> {
  readonly value: T;
  readonly responses: LlmResponse[];
  /** The request `value` answered: forget it (LlmClient.forget) if a later check refuses the value. */
  readonly request: LlmRequest;
}

export const DEFAULT_STRUCTURED_ATTEMPTS = 3;
const MAX_ISSUES = 20;
// Echoing a huge broken answer back costs input tokens on every retry; the start is enough to fix it.
const MAX_ECHO_CHARS = 20_000;

/** JSON schema of a tool input: an object schema without `$schema` (the API wants the bare schema). */
export function toolInputSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>;
  if (json.type !== 'object') throw new Error('A tool input schema must describe an object (z.object).');
  return json;
}

function issuesOf(error: z.ZodError): string[] {
  const issues = error.issues.slice(0, MAX_ISSUES).map((issue) => {
    const where = issue.path.length === 0 ? '(the whole input)' : issue.path.map(String).join('.');
    return `${where}: ${issue.message}`;
  });
  if (error.issues.length > MAX_ISSUES) issues.push(`... and ${error.issues.length - MAX_ISSUES} more problems`);
  return issues;
}

/** What is wrong with `response` as an answer through `tool`, or the valid value. */
export function checkStructuredAnswer<T>(response: LlmResponse, tool: StructuredTool<T>): { ok: true; value: T } | { ok: false; problems: string[] } {
  const cutOff = response.stopReason === 'max_tokens' ? ['The answer was cut off at the token limit; give a shorter, complete answer.'] : [];
  if (response.toolName !== tool.name) {
    return { ok: false, problems: [`You answered in text instead of calling the \`${tool.name}\` tool.`, ...cutOff] };
  }
  if (typeof response.toolInput === 'string') {
    // The client hands over tool input that is not JSON as its raw text.
    let reason = 'it is not valid JSON';
    try {
      JSON.parse(response.toolInput);
    } catch (err) {
      if (err instanceof Error) reason = `it is not valid JSON (${err.message})`;
    }
    return { ok: false, problems: [`The \`${tool.name}\` input could not be read: ${reason}.`, ...cutOff] };
  }
  const parsed = tool.schema.safeParse(response.toolInput);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problems: [...cutOff, ...issuesOf(parsed.error)] };
}

function echo(response: LlmResponse, toolName: string): string {
  const parts: string[] = [];
  if (response.text.trim() !== '') parts.push(response.text.trim());
  if (response.toolName !== null) {
    const raw = typeof response.toolInput === 'string' ? response.toolInput : JSON.stringify(response.toolInput);
    const shown = raw.length > MAX_ECHO_CHARS ? `${raw.slice(0, MAX_ECHO_CHARS)} [... cut]` : raw;
    parts.push(`I called \`${response.toolName}\` with this input:\n${shown}`);
  }
  return parts.length > 0 ? parts.join('\n\n') : `(I gave no answer through \`${toolName}\`.)`;
}

/**
 * The turns that tell the model what was wrong: its own answer as an assistant turn (as text, so
 * the conversation needs no tool_result pairing), then the problems as a user turn.
 */
export function feedbackTurns(response: LlmResponse, toolName: string, problems: readonly string[]): LlmMessage[] {
  const list = problems.map((p) => `- ${p}`).join('\n');
  return [
    { role: 'assistant', content: [{ text: echo(response, toolName), cache: false }] },
    {
      role: 'user',
      content: [{ text: `That answer could not be used:\n${list}\n\nCall the \`${toolName}\` tool again with a complete, corrected input.`, cache: false }],
    },
  ];
}

/**
 * Calls `client` until the answer validates against `request.tool.schema`, feeding the problems
 * back each time; transport errors (LlmError) pass straight through. Each bad answer is dropped
 * from the response cache. After `maxAttempts` bad answers throws StructuredOutputError (code
 * 'malformed-answer') listing the last problems.
 */
export async function callStructured<T>(
  client: LlmClient,
  request: StructuredRequest<T>,
  signal: AbortSignal,
  options: { readonly maxAttempts?: number } = {},
): Promise<StructuredResult<T>> {
  const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_STRUCTURED_ATTEMPTS);
  const { tool, ...base } = request;
  const llmTool = { name: tool.name, description: tool.description, inputSchema: toolInputSchema(tool.schema) };
  const responses: LlmResponse[] = [];
  let messages: readonly LlmMessage[] = request.messages;
  let problems: string[] = [];
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const sent: LlmRequest = { ...base, messages, tools: [llmTool], forceTool: tool.name };
    const response = await client.call(sent, signal);
    responses.push(response);
    const checked = checkStructuredAnswer(response, tool);
    if (checked.ok) return { value: checked.value, responses, request: sent };
    await client.forget(sent);
    problems = checked.problems;
    messages = [...request.messages, ...feedbackTurns(response, tool.name, problems)];
  }
  const summary = problems.slice(0, 5).join('; ');
  throw new StructuredOutputError(
    `The model's answer for ${request.purpose} was still unusable after ${maxAttempts} attempts: ${summary}`,
    problems,
    maxAttempts,
  );
}
