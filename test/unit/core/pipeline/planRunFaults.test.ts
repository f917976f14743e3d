// Transport faults during planning, through the real SDK and LLM client: the run survives a 429
// (with a visible pause), a 529 and a timeout, and ends on a 401 or a spend limit.
import assert from 'node:assert/strict';
import { planRun } from '../../../../src/core/pipeline/planRun';
import { TASK_API_REQUEST } from '../../../fixtures/fake-anthropic/scenarios/data/taskApiDomain';
import { planningOrEcho } from '../../../fixtures/fake-anthropic/scenarios/planning';
import { taskApiTsDiscovery, taskApiTsPlan } from '../../../fixtures/fake-anthropic/scenarios/task-api-ts';
import type { FakeReply, FakeRequest, Scenario } from '../../../fixtures/fake-anthropic/types';
import { startPlanHarness, type PlanHarness } from './harness';

const answers = { discovery: taskApiTsDiscovery, plan: taskApiTsPlan };

/** task-api-ts, with `fault` as the answer to the request numbered `at` (0-based). */
function faultAt(at: number, fault: FakeReply | ((request: FakeRequest) => Promise<FakeReply>)): Scenario {
  return {
    name: `fault-at-${at}`,
    description: 'test scenario',
    reply: (request) => (request.index === at ? (typeof fault === 'function' ? fault(request) : fault) : planningOrEcho(request, answers)),
  };
}

describe('pipeline/planRun under transport faults', () => {
  let h: PlanHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });
  const plan = () => planRun(h!.deps, { request: TASK_API_REQUEST, workspaceRoot: '/nonexistent/ws' }, new AbortController().signal);

  it('waits out a 429 on the plan call, showing the pause with its countdown, and finishes', async () => {
    h = await startPlanHarness(faultAt(1, { kind: 'error', status: 429, errorType: 'rate_limit_error', message: 'Number of request tokens has exceeded your per-minute rate limit', retryAfterSeconds: 1 }));
    const result = await plan();
    assert.equal(result.outcome, 'done', result.failure?.message);
    const pauses = h.events.filter((e) => e.type === 'llm/pause');
    assert.ok(pauses.length >= 1);
    assert.deepEqual(pauses[0] && { type: pauses[0].type, runId: pauses[0].runId, reason: pauses[0].type === 'llm/pause' && pauses[0].reason }, { type: 'llm/pause', runId: result.runId, reason: 'rate-limit' });
    assert.equal(h.db.get('SELECT attempts FROM llm_calls WHERE purpose = ?', ['masterplan'])?.attempts, 2);
  });

  it('backs off a 529 overloaded answer and finishes', async () => {
    h = await startPlanHarness(faultAt(0, { kind: 'error', status: 529, errorType: 'overloaded_error', message: 'Overloaded' }));
    const result = await plan();
    assert.equal(result.outcome, 'done', result.failure?.message);
    assert.ok(h.events.some((e) => e.type === 'llm/pause' && e.reason === 'overloaded'));
  });

  it('retries a call that times out and finishes', async () => {
    const slow = (request: FakeRequest): Promise<FakeReply> => new Promise((resolve) => setTimeout(() => resolve(planningOrEcho(request, answers)), 5_000).unref());
    h = await startPlanHarness(faultAt(0, slow), { timeoutMs: 300 });
    const result = await plan();
    assert.equal(result.outcome, 'done', result.failure?.message);
    assert.equal(h.db.get('SELECT attempts FROM llm_calls WHERE purpose = ?', ['discovery'])?.attempts, 2);
  });

  it('ends the run on a spend limit without retrying', async () => {
    h = await startPlanHarness('spend-limit');
    const result = await plan();
    assert.equal(result.failure?.code, 'spend-limit');
    assert.equal(h.forcedTools().length, 1);
  });

  it('plans with a model that refuses a forced tool (tool_choice auto, one tool)', async () => {
    h = await startPlanHarness('task-api-ts', { model: 'claude-sonnet-5-5' });
    const result = await plan();
    assert.equal(result.outcome, 'done', result.failure?.message);
    assert.equal(result.masterPlan?.plan.phases.flatMap((p) => p.tasks).length, 25);
  });
});
