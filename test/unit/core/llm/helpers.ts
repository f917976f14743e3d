/** Shared pieces of the LLM layer tests: a fast fake clock, a client wired to record, requests. */
import type { Clock, LlmRequest, Logger } from '../../../../src/core/ports';
import { createAnthropicLlmClient, type AnthropicLlmClient, type AnthropicLlmClientOptions } from '../../../../src/core/llm/anthropicClient';
import type { LlmCallRecord } from '../../../../src/core/llm/callRecord';
import type { LlmPause } from '../../../../src/core/llm/pauseGate';

/** A clock whose sleeps return at once and move its time forward; `slept` lists every sleep. */
export interface FakeClock extends Clock {
  readonly slept: number[];
  totalSlept(): number;
}

/** Starts at the wall time, so reset headers (wall-clock RFC 3339) still make sense. */
export function fakeClock(): FakeClock {
  let now = Date.now();
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    totalSlept: () => slept.reduce((a, b) => a + b, 0),
    sleep(ms, signal) {
      if (signal.aborted) return Promise.reject(new Error('aborted'));
      slept.push(ms);
      now += ms;
      return new Promise((resolve) => setImmediate(resolve));
    },
  };
}

/** A logger that keeps lines instead of printing them. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (level: string) => (message: string): void => {
    lines.push(`${level} ${message}`);
  };
  return { lines, debug: keep('debug'), info: keep('info'), warn: keep('warn'), error: keep('error') };
}

export const TEST_KEY = 'sk-ant-test-0123456789abcdef';

/** A client on `baseUrl` with recorded calls and pauses; `overrides` replace any option. */
export function testClient(baseUrl: string, overrides: Partial<AnthropicLlmClientOptions> = {}): {
  client: AnthropicLlmClient;
  records: LlmCallRecord[];
  pauses: LlmPause[];
  clock: FakeClock;
  logger: Logger & { lines: string[] };
} {
  const records: LlmCallRecord[] = [];
  const pauses: LlmPause[] = [];
  const clock = fakeClock();
  const logger = memoryLogger();
  const client = createAnthropicLlmClient({
    apiKey: TEST_KEY,
    baseUrl,
    cache: null,
    onCall: (r) => records.push(r),
    onPause: (p) => pauses.push(p),
    clock,
    logger,
    random: () => 0.5,
    ...overrides,
  });
  return { client, records, pauses, clock, logger };
}

/** A small text request; `overrides` replace any field. */
export function textRequest(text: string, overrides: Partial<LlmRequest> = {}): LlmRequest {
  return {
    purpose: 'test',
    model: 'claude-sonnet-4-6',
    system: [{ text: 'You are a test.', cache: false }],
    messages: [{ role: 'user', content: [{ text, cache: false }] }],
    tools: [],
    forceTool: null,
    temperature: 0.5,
    maxTokens: 256,
    ...overrides,
  };
}

/** A signal that never aborts. */
export function neverAborted(): AbortSignal {
  return new AbortController().signal;
}

/** Body of the n-th logged /v1/messages request. */
export function messagesBodies(requests: readonly { path: string; body: unknown }[]): Record<string, unknown>[] {
  return requests.filter((r) => r.path === '/v1/messages').map((r) => r.body as Record<string, unknown>);
}
