import assert from 'node:assert/strict';
import { parseHeader } from '../../../../src/core/atomize/contract';
import { generateRun } from '../../../../src/core/generate/generateRun';
import { overloaded } from '../../../fixtures/fake-anthropic/scenarios/errors';
import type { Scenario } from '../../../fixtures/fake-anthropic/types';
import { FINAL_FILES, statsScenario } from './generateScenario';
import { startGenerateHarness, type GenerateHarness } from './generateHarness';

const noAbort = new AbortController().signal;

/** The stats scenario whose first atom request gets a 529 once (its retry is answered). */
function overloadedOnFirstAtom(): Scenario {
  const base = statsScenario();
  let overloadedOnce = false;
  return {
    ...base,
    reply(request) {
      if (!overloadedOnce && parseHeader(request.promptText)?.kind === 'atom') {
        overloadedOnce = true;
        return overloaded();
      }
      return base.reply(request);
    },
  };
}

describe('generateRun on an overloaded API', function () {
  this.timeout(30_000);
  let h: GenerateHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('halves the atom concurrency on a 529 like on a 429, and tells the user it is slowing down', async () => {
    h = await startGenerateHarness(overloadedOnFirstAtom(), { settings: { maxConcurrency: 16 } });
    const summary = await generateRun(h.deps, { request: 'stats', workspaceRoot: h.workspaceRoot }, noAbort);
    assert.equal(summary.outcome, 'done', JSON.stringify(summary.failed));
    assert.deepEqual(h.sink.files(), FINAL_FILES);
    assert.equal(h.server.requests.filter((r) => r.status === 529).length, 1);
    const slowdowns = h.events.flatMap((e) => (e.type === 'llm/slowdown' ? [e] : []));
    assert.equal(slowdowns.length, 1, JSON.stringify(slowdowns));
    const [slowdown] = slowdowns;
    assert.equal(slowdown?.reason, 'overloaded');
    // The limit started at 8 and grows by one per answer before the retried call returns: halved, it is at most 8.
    assert.ok(slowdown !== undefined && slowdown.concurrency >= 4 && slowdown.concurrency <= 8, JSON.stringify(slowdown));
    assert.match(slowdown?.message ?? '', /^API overloaded, slowing down: \d+ calls at a time/);
    assert.ok(h.session.store.listEvents(summary.runId).some((e) => e.type === 'llm/slowdown'), 'the event is stored with the run');
  });
});
