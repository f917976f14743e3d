import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LlmCallEntry } from '../../../../src/core/ports';
import { openDatabase } from '../../../../src/core/store/database';
import { MIGRATIONS } from '../../../../src/core/store/migrations';
import { createSqlPlanStore } from '../../../../src/core/store/planStore';
import type { ContextUsedEntry, ProgressEvent } from '../../../../src/shared/events';
import { capturingLogger, manualClock } from '../testDoubles';

const NEW_RUN = { kind: 'generate', engine: 'v2', request: 'r', workspaceRoot: '/ws', model: 'm', conversationId: null, sourceRunId: null } as const;

function call(purpose: string, contextUsed?: readonly ContextUsedEntry[]): LlmCallEntry {
  return {
    purpose, model: 'claude-haiku-4-5', temperature: 0, usage: { inputTokens: 10, outputTokens: 5, cacheReadTokens: 0, cacheWriteTokens: 0 },
    costUsd: 0.001, durationMs: 12, fromCache: false, promptHash: `h-${purpose}`, errorCode: null, attempts: 1, ...(contextUsed ? { contextUsed } : {}),
  };
}

const USED: ContextUsedEntry[] = [
  { path: 'src/domain/task.ts', startLine: 12, endLine: 30, symbol: 'Task.assign', source: 'workspace', score: 0.91, tokens: 140 },
  { path: 'examples/express/task-routes.ts', startLine: 1, endLine: 24, symbol: 'createTaskRouter', source: 'examples', score: 0.42, tokens: 210 },
];

describe('store/llmCalls: the context used by each call', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mge-calls-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps each call\'s retrieved context and the context/used event across a reopen', async () => {
    const path = join(dir, 'mge.db');
    const clock = manualClock();
    const db = await openDatabase({ path, logger: capturingLogger() });
    const store = createSqlPlanStore(db, clock);
    const run = store.createRun(NEW_RUN);
    const other = store.createRun(NEW_RUN);
    store.recordLlmCall(run.id, call('masterplan', USED));
    store.recordLlmCall(run.id, call('atom:T1.src/a.ts#f'));
    store.recordLlmCall(run.id, call('atom:T1.src/a.ts#g', []));
    store.recordLlmCall(run.id, call('atom:T1.src/a.ts#h', USED.slice(1)));
    store.recordLlmCall(other.id, call('masterplan', USED.slice(0, 1)));
    const event: ProgressEvent = { type: 'context/used', runId: run.id, scope: 'atom', taskId: 'T1', atomId: 'T1.src/a.ts#h', entries: USED.slice(1) };
    store.appendEvent(run.id, event);
    await db.close();

    const again = createSqlPlanStore(await openDatabase({ path, logger: capturingLogger() }), clock);
    assert.deepEqual(again.contextUsedForRun(run.id).map((c) => ({ purpose: c.purpose, entries: c.entries })), [
      { purpose: 'masterplan', entries: USED },
      { purpose: 'atom:T1.src/a.ts#h', entries: USED.slice(1) },
    ]);
    assert.deepEqual(again.contextUsedForRun(other.id).map((c) => c.entries), [USED.slice(0, 1)]);
    assert.deepEqual(again.listEvents(run.id), [event]);
    assert.equal(again.usageForRun(run.id).calls, 4, 'calls without context are recorded as before');
  });

  it('upgrades a database from before the context column: old calls read as having none', async () => {
    const path = join(dir, 'old.db');
    const old = await openDatabase({ path, logger: capturingLogger(), migrations: MIGRATIONS.slice(0, 5) });
    old.run(`INSERT INTO runs (id, kind, engine, request, workspace_root, model, status, created_at, updated_at)
             VALUES ('run-old', 'generate', 'v2', 'r', '/ws', 'm', 'done', 1, 1)`);
    old.run(`INSERT INTO llm_calls (run_id, purpose, model, temperature, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens,
               cost_usd, duration_ms, from_cache, prompt_hash, error_code, attempts, at)
             VALUES ('run-old', 'masterplan', 'm', 0, 1, 1, 0, 0, 0, 1, 0, 'h', NULL, 1, 1)`);
    await old.close();
    const db = await openDatabase({ path, logger: capturingLogger() });
    assert.deepEqual({ from: db.openReport.fromVersion, to: db.openReport.toVersion }, { from: 5, to: MIGRATIONS.length });
    const store = createSqlPlanStore(db, manualClock());
    assert.deepEqual(store.contextUsedForRun('run-old'), []);
    store.recordLlmCall('run-old', call('atom:x', USED));
    assert.deepEqual(store.contextUsedForRun('run-old').map((c) => c.entries), [USED]);
    await db.close();
  });
});
