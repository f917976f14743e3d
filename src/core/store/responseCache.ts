/**
 * The LLM response cache (`mge.v2.enableCaching`) in the response_cache table, keyed by
 * `responseCacheKey`. Entries are re-checked on read: a row from an older shape is a miss.
 */
import { z } from 'zod';
import type { ResponseCache } from '../llm/responseCache';
import type { Clock, LlmResponse } from '../ports';
import type { StoreDatabase } from './database';
import { str } from './rowValues';

const storedResponseSchema = z.object({
  text: z.string(),
  toolInput: z.unknown(),
  toolName: z.string().nullable(),
  stopReason: z.string().nullable(),
  usage: z.object({ inputTokens: z.number(), outputTokens: z.number(), cacheWriteTokens: z.number(), cacheReadTokens: z.number() }),
  costUsd: z.number(),
  fromCache: z.boolean(),
  durationMs: z.number(),
});

/** A ResponseCache over the store; hits are counted per row. */
export function createSqlResponseCache(db: StoreDatabase, clock: Pick<Clock, 'now'>): ResponseCache {
  return {
    get(key) {
      const row = db.get('SELECT response_json FROM response_cache WHERE key = ?', [key]);
      if (!row) return Promise.resolve(undefined);
      const parsed = storedResponseSchema.safeParse(JSON.parse(str(row, 'response_json')));
      if (!parsed.success) return Promise.resolve(undefined);
      db.run('UPDATE response_cache SET hits = hits + 1, last_hit_at = ? WHERE key = ?', [clock.now(), key]);
      const response: LlmResponse = { ...parsed.data, toolInput: parsed.data.toolInput ?? null };
      return Promise.resolve(response);
    },
    put(key, response) {
      db.run(
        `INSERT INTO response_cache (key, response_json, created_at) VALUES (?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET response_json = excluded.response_json, created_at = excluded.created_at`,
        [key, JSON.stringify(response), clock.now()],
      );
      return Promise.resolve();
    },
    delete(key) {
      db.run('DELETE FROM response_cache WHERE key = ?', [key]);
      return Promise.resolve();
    },
  };
}
