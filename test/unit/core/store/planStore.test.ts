import assert from 'node:assert/strict';
import type { LlmResponse } from '../../../../src/core/ports';
import { openDatabase, type StoreDatabase } from '../../../../src/core/store/database';
import { addMessage, createConversation, listMessages } from '../../../../src/core/store/conversations';
import { createSqlPlanStore } from '../../../../src/core/store/planStore';
import { createSqlResponseCache } from '../../../../src/core/store/responseCache';
import { taskApiTsDiscovery, taskApiTsPlan } from '../../../fixtures/fake-anthropic/scenarios/task-api-ts';
import { capturingLogger, manualClock } from '../testDoubles';

const NEW_RUN = { kind: 'plan', engine: 'v2', request: 'r', workspaceRoot: '/ws', model: 'm', conversationId: null, sourceRunId: null } as const;
const usage = (n: number) => ({ inputTokens: n, outputTokens: 2 * n, cacheReadTokens: 3 * n, cacheWriteTokens: 4 * n });

describe('store/planStore', () => {
  let db: StoreDatabase;
  const clock = manualClock();
  beforeEach(async () => {
    db = await openDatabase({ path: null, logger: capturingLogger() });
  });
  afterEach(() => db.close());

  it('creates runs, finds the latest, and stamps finished_at on a terminal status', () => {
    const store = createSqlPlanStore(db, clock);
    const first = store.createRun(NEW_RUN);
    clock.advance(10);
    const second = store.createRun(NEW_RUN);
    assert.equal(store.latestRun()?.id, second.id);
    assert.equal(first.status, 'running');
    store.updateRun(first.id, { stage: 'masterplan', status: 'failed', error: { code: 'x', message: 'y' } });
    const failed = store.getRun(first.id);
    assert.deepEqual([failed?.status, failed?.stage, failed?.errorCode, failed?.finishedAt !== null], ['failed', 'masterplan', 'x', true]);
    store.updateRun(first.id, { status: 'running', error: null });
    assert.deepEqual([store.getRun(first.id)?.errorCode, store.getRun(first.id)?.finishedAt], [null, null]);
  });

  it('keeps events in order per run', () => {
    const store = createSqlPlanStore(db, clock);
    const run = store.createRun(NEW_RUN);
    store.appendEvent(run.id, { type: 'run/started', runId: run.id, request: 'r', engine: 'v2' });
    store.appendEvent(run.id, { type: 'stage/started', runId: run.id, stage: 'discovery' });
    assert.deepEqual(store.listEvents(run.id).map((e) => e.type), ['run/started', 'stage/started']);
  });

  it('round-trips discovery and plan; a refused plan is never returned as the plan', () => {
    const store = createSqlPlanStore(db, clock);
    const run = store.createRun(NEW_RUN);
    const discovery = store.saveDiscovery(run.id, taskApiTsDiscovery, '# md');
    assert.deepEqual(store.discoveryForRun(run.id)?.document, taskApiTsDiscovery);
    store.saveRejectedMasterPlan(run.id, discovery.id, taskApiTsPlan, ['bad']);
    assert.equal(store.masterPlanForRun(run.id), undefined);
    const plan = store.saveMasterPlan(run.id, discovery.id, taskApiTsPlan, '# plan');
    assert.deepEqual(store.masterPlanForRun(run.id)?.plan, taskApiTsPlan);
    assert.equal(store.getMasterPlan(plan.id)?.markdown, '# plan');
    assert.deepEqual(
      db.all('SELECT task_id, phase_id FROM tasks WHERE masterplan_id = ? ORDER BY ordinal LIMIT 2', [plan.id]).map((r) => [r.task_id, r.phase_id]),
      [['T1', 'P1'], ['T2', 'P1']],
    );
  });

  it('sums a run\u2019s call records', () => {
    const store = createSqlPlanStore(db, clock);
    const run = store.createRun(NEW_RUN);
    const call = { purpose: 'discovery', model: 'm', temperature: 0.2, costUsd: 0.5, durationMs: 10, fromCache: false, promptHash: 'h', errorCode: null, attempts: 1 };
    store.recordLlmCall(run.id, { ...call, usage: usage(1) });
    store.recordLlmCall(run.id, { ...call, usage: usage(10), errorCode: 'rate-limit', attempts: 3 });
    store.recordLlmCall(null, { ...call, usage: usage(100) });
    assert.deepEqual(store.usageForRun(run.id), { calls: 2, inputTokens: 11, outputTokens: 22, cacheReadTokens: 33, cacheWriteTokens: 44, costUsd: 1 });
  });

  it('keeps conversations and their messages', () => {
    const conversation = createConversation(db, 'Task API', clock.now());
    addMessage(db, conversation.id, 'user', 'Build it', null, clock.now());
    addMessage(db, conversation.id, 'assistant', 'Planned', 'run-1', clock.now());
    assert.deepEqual(listMessages(db, conversation.id).map((m) => [m.role, m.content, m.runId]), [['user', 'Build it', null], ['assistant', 'Planned', 'run-1']]);
  });
});

describe('store/responseCache', () => {
  it('answers a stored response, counts hits, and treats a damaged row as a miss', async () => {
    const db = await openDatabase({ path: null, logger: capturingLogger() });
    const cache = createSqlResponseCache(db, manualClock());
    const response: LlmResponse = { text: '', toolInput: { a: 1 }, toolName: 't', stopReason: 'tool_use', usage: usage(1), costUsd: 0.1, fromCache: false, durationMs: 5 };
    assert.equal(await cache.get('k'), undefined);
    await cache.put('k', response);
    await cache.put('k', response);
    assert.deepEqual(await cache.get('k'), response);
    assert.equal(db.get('SELECT hits FROM response_cache WHERE key = ?', ['k'])?.hits, 1);
    db.run(`UPDATE response_cache SET response_json = '{"text": 3}'`);
    assert.equal(await cache.get('k'), undefined);
    await db.close();
  });
});
