import assert from 'node:assert/strict';
import { generateRun, resumeGenerate } from '../../../../src/core/generate/generateRun';
import { findScenario } from '../../../fixtures/fake-anthropic/scenarios';
import type { Scenario } from '../../../fixtures/fake-anthropic/types';
import { statsScenario } from './generateScenario';
import { startGenerateHarness, type GenerateHarness } from './generateHarness';

const noAbort = new AbortController().signal;
const scenario = (name: string): Scenario => {
  const found = findScenario(name);
  if (!found) throw new Error(`no scenario ${name}`);
  return found;
};
/** The forced tool of every /v1/messages request the server got. */
const toolsAsked = (h: GenerateHarness): string[] =>
  h.server.requests.flatMap((r) => {
    if (r.path !== '/v1/messages') return [];
    const body = r.body as { tool_choice?: { name?: string }; tools?: Array<{ name?: string }> };
    return [body.tool_choice?.name ?? body.tools?.[0]?.name ?? '(none)'];
  });
const count = (items: readonly string[], item: string): number => items.filter((i) => i === item).length;
const cachedRows = (h: GenerateHarness): number => Number(h.db.get('SELECT COUNT(*) AS n FROM response_cache')?.n);

describe('generateRun with the response cache: refused answers are not replayed', function () {
  this.timeout(30_000);
  let h: GenerateHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('asks for the plan again on resume after the plan was refused (invalid-plan)', async () => {
    h = await startGenerateHarness(scenario('plan-always-invalid'), { settings: { enableCaching: true } });
    const first = await generateRun(h.deps, { request: 'task api', workspaceRoot: h.workspaceRoot }, noAbort);
    assert.equal(first.error?.code, 'invalid-plan');
    assert.equal(count(toolsAsked(h), 'submit_masterplan'), 2, toolsAsked(h).join(','));
    // The accepted discovery stays cached; neither refused plan does.
    assert.equal(cachedRows(h), 1);

    const resumed = await resumeGenerate(h.deps, first.runId, noAbort);
    assert.equal(resumed.error?.code, 'invalid-plan');
    assert.equal(count(toolsAsked(h), 'submit_masterplan'), 4, 'both plan calls reached the model again');
    assert.equal(count(toolsAsked(h), 'record_discovery'), 1, 'the stored discovery was not asked for again');
  });

  it('asks for discovery again on resume after every answer broke the schema (malformed-answer)', async () => {
    h = await startGenerateHarness(scenario('discovery-schema-broken'), { settings: { enableCaching: true } });
    const first = await generateRun(h.deps, { request: 'task api', workspaceRoot: h.workspaceRoot }, noAbort);
    assert.equal(first.error?.code, 'malformed-answer');
    const asked = count(toolsAsked(h), 'record_discovery');
    assert.equal(asked, 3);
    assert.equal(cachedRows(h), 0);

    await resumeGenerate(h.deps, first.runId, noAbort);
    assert.equal(count(toolsAsked(h), 'record_discovery'), asked * 2);
  });

  it('asks for an atom that failed validation again on resume (passed atoms are kept)', async () => {
    const units: string[] = [];
    h = await startGenerateHarness(statsScenario({ stubborn: ['mean'], onHeader: (header) => void (header.kind === 'atom' && units.push(header.unit)) }), {
      settings: { enableCaching: true },
    });
    const first = await generateRun(h.deps, { request: 'stats', workspaceRoot: h.workspaceRoot }, noAbort);
    assert.deepEqual(first.failed.map((f) => f.atomId), ['T3.src/stats.ts#mean']);
    const meanCalls = count(units, 'mean');
    assert.ok(meanCalls >= 2, units.join(','));
    const before = units.length;

    const resumed = await resumeGenerate(h.deps, first.runId, noAbort);
    assert.deepEqual(resumed.failed.map((f) => f.atomId), ['T3.src/stats.ts#mean']);
    assert.equal(count(units.slice(before), 'mean'), meanCalls, 'every refused attempt reached the model again');
    assert.deepEqual([...new Set(units.slice(before))], ['mean']);
  });
});
