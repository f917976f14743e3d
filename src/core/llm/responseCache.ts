/**
 * The response cache (`mge.v2.enableCaching`): an identical request is answered from the
 * database instead of the API. The store implements ResponseCache over sql.js; the in-memory
 * one is for tests and the CLI's --no-db runs.
 */
import { createHash } from 'node:crypto';
import type { LlmRequest, LlmResponse } from '../ports';

/** Where answered requests are kept, by `responseCacheKey`. */
export interface ResponseCache {
  get(key: string): Promise<LlmResponse | undefined>;
  put(key: string, response: LlmResponse): Promise<void>;
  /** Drops the entry of `key` (a refused answer); no entry is not an error. */
  delete(key: string): Promise<void>;
}

/** JSON with object keys sorted at every level, so equal values always give equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * sha256 (hex) of everything that shapes the answer: model, system, messages, tools, forced
 * tool, temperature, max tokens. `purpose` is left out: the same prompt for two purposes is the
 * same question. Prompt-cache flags are left out too: they change what the API bills, not what
 * it answers.
 */
export function responseCacheKey(request: LlmRequest): string {
  const shape = {
    model: request.model,
    system: request.system.map((b) => b.text),
    messages: request.messages.map((m) => ({ role: m.role, content: m.content.map((b) => b.text) })),
    tools: request.tools,
    forceTool: request.forceTool,
    temperature: request.temperature,
    maxTokens: request.maxTokens,
  };
  return createHash('sha256').update(canonicalJson(shape)).digest('hex');
}

/** A ResponseCache in a Map, with a count of hits for tests. */
export interface MemoryResponseCache extends ResponseCache {
  readonly size: number;
  readonly hits: number;
}

/** An empty in-memory cache. */
export function createMemoryResponseCache(): MemoryResponseCache {
  const entries = new Map<string, LlmResponse>();
  let hits = 0;
  return {
    get size() {
      return entries.size;
    },
    get hits() {
      return hits;
    },
    get(key) {
      const found = entries.get(key);
      if (found !== undefined) hits++;
      return Promise.resolve(found);
    },
    put(key, response) {
      entries.set(key, response);
      return Promise.resolve();
    },
    delete(key) {
      entries.delete(key);
      return Promise.resolve();
    },
  };
}
