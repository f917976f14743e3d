/** Per-call usage records and the totals built from them. */
import type { LlmCallEntry, RunUsage } from '../ports';
import type { StoreDatabase } from './database';
import { num } from './rowValues';

/** Record one model call (runId null: a call outside any run). */
export function insertLlmCall(db: StoreDatabase, runId: string | null, call: LlmCallEntry, now: number): void {
  db.run(
    `INSERT INTO llm_calls (run_id, purpose, model, temperature, input_tokens, output_tokens, cache_read_tokens,
       cache_write_tokens, cost_usd, duration_ms, from_cache, prompt_hash, error_code, attempts, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      runId,
      call.purpose,
      call.model,
      call.temperature,
      call.usage.inputTokens,
      call.usage.outputTokens,
      call.usage.cacheReadTokens,
      call.usage.cacheWriteTokens,
      call.costUsd,
      Math.round(call.durationMs),
      call.fromCache ? 1 : 0,
      call.promptHash,
      call.errorCode,
      call.attempts,
      now,
    ],
  );
}

/** Sum of tokens and cost over a run's recorded calls. */
export function usageForRun(db: StoreDatabase, runId: string): RunUsage {
  const row = db.get(
    `SELECT COUNT(*) AS calls, COALESCE(SUM(input_tokens), 0) AS input, COALESCE(SUM(output_tokens), 0) AS output,
       COALESCE(SUM(cache_read_tokens), 0) AS cache_read, COALESCE(SUM(cache_write_tokens), 0) AS cache_write,
       COALESCE(SUM(cost_usd), 0) AS cost
     FROM llm_calls WHERE run_id = ?`,
    [runId],
  );
  if (!row) throw new Error('aggregate query returned no row');
  return {
    calls: num(row, 'calls'),
    inputTokens: num(row, 'input'),
    outputTokens: num(row, 'output'),
    cacheReadTokens: num(row, 'cache_read'),
    cacheWriteTokens: num(row, 'cache_write'),
    costUsd: num(row, 'cost'),
  };
}
