import assert from 'node:assert/strict';
import { DISCOVERY_TOOL_NAME } from '../../../../src/core/discovery/prompt';
import { MASTERPLAN_TOOL_NAME } from '../../../../src/core/masterplan/prompt';
import { MAX_REQUEST_BYTES } from '../../../../src/core/pipeline/badInput';
import { planRun, resumePlan } from '../../../../src/core/pipeline/planRun';
import { TASK_API_REQUEST } from '../../../fixtures/fake-anthropic/scenarios/data/taskApiDomain';
import { startPlanHarness, type PlanHarness } from './harness';

const WORKSPACE = '/nonexistent/mge-ws';
const D = DISCOVERY_TOOL_NAME;
const M = MASTERPLAN_TOOL_NAME;

describe('pipeline/planRun against the fake server', () => {
  let h: PlanHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });
  const run = async (scenario: string, request = TASK_API_REQUEST) => {
    h = await startPlanHarness(scenario);
    return planRun(h.deps, { request, workspaceRoot: WORKSPACE }, new AbortController().signal);
  };

  for (const [scenario, tasks, phases] of [['task-api-ts', 25, 6], ['task-api-py', 24, 6], ['synthetic-large', 120, 8]] as const) {
    it(`plans ${scenario}: ${tasks} tasks in ${phases} phases, stored, events in order, usage recorded`, async () => {
      const result = await run(scenario);
      assert.equal(result.outcome, 'done', result.failure?.message);
      assert.equal(result.masterPlan?.plan.phases.length, phases);
      assert.equal(h!.forcedTools().join(','), `${D},${M}`);
      const types = h!.events.map((e) => e.type).filter((t) => t !== 'cost/update');
      assert.deepEqual(types, ['run/started', 'stage/started', 'stage/finished', 'discovery/ready', 'stage/started', 'stage/finished', 'plan/ready', 'run/finished']);
      const ready = h!.events.find((e) => e.type === 'plan/ready');
      assert.equal(ready?.type === 'plan/ready' && ready.tasks, tasks);
      assert.equal(h!.events.filter((e) => e.type === 'cost/update').length, 2);
      assert.equal(result.usage.calls, 2);
      assert.ok(result.usage.inputTokens > 0 && result.usage.outputTokens > 0);
      const stored = h!.store.getMasterPlan(result.masterPlan.id);
      assert.equal(stored?.plan.phases.flatMap((p) => p.tasks).length, tasks);
      assert.equal(h!.db.get('SELECT COUNT(*) AS n FROM tasks WHERE masterplan_id = ?', [result.masterPlan.id])?.n, tasks);
      assert.equal(h!.store.getRun(result.runId)?.status, 'done');
      assert.deepEqual(h!.store.listEvents(result.runId).map((e) => e.type), h!.events.map((e) => e.type), 'events persisted');
      assert.match(result.masterPlan.markdown, /^# /);
      assert.match(result.discovery!.markdown, /## Context: /);
    });
  }

  it('sends a plan with a cycle back once with the cycle named, and stores only the repaired plan as valid', async () => {
    const result = await run('plan-cycle-once');
    assert.equal(result.outcome, 'done');
    assert.deepEqual(h!.forcedTools(), [D, M, M]);
    const repair = h!.server.requests.filter((r) => r.path === '/v1/messages').at(-1);
    assert.match(JSON.stringify(repair?.body), /Dependency cycle: T5 -> T7 -> T6 -> T5/);
    const rows = h!.db.all('SELECT status, problems_json FROM masterplans ORDER BY rowid');
    assert.deepEqual(rows.map((r) => r.status), ['invalid', 'valid']);
    assert.match(String(rows[0]?.problems_json), /T5 -> T7 -> T6 -> T5/);
    assert.deepEqual(h!.db.all('SELECT purpose FROM llm_calls ORDER BY id').map((r) => r.purpose), ['discovery', 'masterplan', 'masterplan:repair']);
  });

  it('sends a plan with paths outside the workspace back once, then accepts the fixed one', async () => {
    const result = await run('plan-outside-once');
    assert.equal(result.outcome, 'done');
    const repair = h!.server.requests.filter((r) => r.path === '/v1/messages').at(-1);
    assert.match(JSON.stringify(repair?.body), /\.\.\/outside\/server\.ts.*refused/);
    assert.ok(!JSON.stringify(result.masterPlan?.plan).includes('../'));
  });

  it('refuses a plan still invalid after one repair: run failed with invalid-plan, no valid plan stored', async () => {
    const result = await run('plan-always-invalid');
    assert.equal(result.outcome, 'failed');
    assert.equal(result.failure?.code, 'invalid-plan');
    assert.match(result.failure?.message ?? '', /still invalid after one repair.*Dependency cycle/);
    assert.deepEqual(h!.forcedTools(), [D, M, M], 'sent back exactly once');
    assert.equal(result.masterPlan, undefined);
    assert.equal(h!.db.get(`SELECT COUNT(*) AS n FROM masterplans WHERE status = 'valid'`)?.n, 0);
    assert.equal(h!.db.get('SELECT COUNT(*) AS n FROM tasks')?.n, 0);
    const error = h!.events.find((e) => e.type === 'run/error');
    assert.equal(error?.type === 'run/error' && error.code, 'invalid-plan');
    assert.equal(h!.store.getRun(result.runId)?.status, 'failed');
  });

  it('retries a schema-breaking discovery answer, then reports what was wrong', async () => {
    const result = await run('discovery-schema-broken');
    assert.equal(result.failure?.code, 'malformed-answer');
    assert.match(result.failure?.message ?? '', /boundedContexts/);
    assert.deepEqual(h!.forcedTools(), [D, D, D]);
  });

  it('stops on a 401 with the plain message and no retry', async () => {
    const result = await run('always-401');
    assert.equal(result.failure?.code, 'auth');
    assert.equal(h!.forcedTools().length, 1);
    assert.doesNotMatch(result.failure?.message ?? '', /sk-ant/);
  });

  it('refuses an empty request and one over 100 KB before creating a run', async () => {
    h = await startPlanHarness('task-api-ts');
    const signal = new AbortController().signal;
    await assert.rejects(planRun(h.deps, { request: '  \n', workspaceRoot: WORKSPACE }, signal), { code: 'bad-input', message: /empty/ });
    await assert.rejects(planRun(h.deps, { request: 'x'.repeat(MAX_REQUEST_BYTES + 1), workspaceRoot: WORKSPACE }, signal), { code: 'bad-input', message: /limit is 100 KB/ });
    assert.equal(h.db.get('SELECT COUNT(*) AS n FROM runs')?.n, 0);
    assert.equal(h.server.requests.length, 0);
  });

  it('cancels during the plan call, then resumes from the stored discovery with only the masterplan call', async () => {
    h = await startPlanHarness('slow-plan');
    const controller = new AbortController();
    const pending = planRun(h.deps, { request: TASK_API_REQUEST, workspaceRoot: WORKSPACE }, controller.signal);
    while (!h.events.some((e) => e.type === 'discovery/ready')) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    const cancelled = await pending;
    assert.equal(cancelled.outcome, 'cancelled');
    assert.equal(h.store.getRun(cancelled.runId)?.status, 'cancelled');
    assert.ok(!h.events.some((e) => e.type === 'run/error'), 'a cancel is not an error');
    const resumed = await resumePlan(h.deps, cancelled.runId, new AbortController().signal);
    assert.equal(resumed.outcome, 'done');
    assert.equal(resumed.discovery?.id, cancelled.discovery?.id);
    assert.deepEqual(h.forcedTools(), [D, M, M], 'discovery was not asked again');
    const again = await resumePlan(h.deps, cancelled.runId, new AbortController().signal);
    assert.equal(again.masterPlan?.id, resumed.masterPlan?.id);
    assert.equal(h.forcedTools().length, 3, 'a planned run resumes without any call');
  });

  it('refuses to resume an unknown run', async () => {
    h = await startPlanHarness('task-api-ts');
    await assert.rejects(resumePlan(h.deps, 'run-nope', new AbortController().signal), { code: 'bad-input' });
  });
});
