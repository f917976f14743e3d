/** Per-call usage records (with the retrieved context each prompt held) and the totals built from them. */
import { z } from 'zod';
import type { LlmCallEntry, RunUsage } from '../ports';
import { contextUsedEntrySchema, type ContextUsedEntry } from '../../shared/events';
import type { StoreDatabase } from './database';
import { num, str, strOrNull } from './rowValues';

/** Record one model call (runId null: a call outside any run). */
export function insertLlmCall(db: StoreDatabase, runId: string | null, call: LlmCallEntry, now: number): void {
  db.run(
    `INSERT INTO llm_calls (run_id, purpose, model, temperature, input_tokens, output_tokens, cache_read_tokens,
       cache_write_tokens, cost_usd, duration_ms, from_cache, prompt_hash, error_code, attempts, at, context_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
      call.contextUsed && call.contextUsed.length > 0 ? JSON.stringify(call.contextUsed) : null,
    ],
  );
}

/** The retrieved context one recorded call's prompt held. */
export interface CallContextUsed {
  readonly purpose: string;
  readonly at: number;
  readonly entries: readonly ContextUsedEntry[];
}

const storedContextSchema = z.array(contextUsedEntrySchema);

/** Every call of a run whose prompt held retrieved context, in call order. */
export function contextUsedForRun(db: StoreDatabase, runId: string): CallContextUsed[] {
  const rows = db.all('SELECT purpose, at, context_json FROM llm_calls WHERE run_id = ? AND context_json IS NOT NULL ORDER BY id', [runId]);
  return rows.flatMap((row) => {
    // A row written by other code that does not parse is left out rather than failing the read.
    const parsed = storedContextSchema.safeParse(JSON.parse(strOrNull(row, 'context_json') ?? '[]'));
    return parsed.success ? [{ purpose: str(row, 'purpose'), at: num(row, 'at'), entries: parsed.data }] : [];
  });
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
