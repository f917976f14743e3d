import assert from 'node:assert/strict';
import { atomUnit, entryLocation, generationCounts } from '../../../webview-ui/src/contextUsed';
import { buildRuns } from '../../../webview-ui/src/runReplay';
import { progressEventSchema, type ContextUsedEntry, type ProgressEvent } from '../../../src/shared/events';
import { runInfo } from './builders';

const entry = (path: string, startLine: number, endLine: number, source: ContextUsedEntry['source'] = 'workspace'): ContextUsedEntry =>
  ({ path, startLine, endLine, symbol: 'f', source, score: 0.5, tokens: 30 });

const used = (scope: 'masterplan' | 'skeleton' | 'atom', taskId: string | null, atomId: string | null, entries: ContextUsedEntry[]): ProgressEvent =>
  ({ type: 'context/used', runId: 'r', scope, taskId, atomId, entries });

describe('webview-ui/contextUsed', () => {
  it('validates the context/used event on arrival: a source other than workspace or examples is refused', () => {
    const event = used('atom', 'T1', 'T1.src/a.ts#f', [entry('src/b.ts', 3, 9)]);
    assert.deepEqual(progressEventSchema.parse(JSON.parse(JSON.stringify(event))), event);
    assert.equal(progressEventSchema.safeParse({ ...event, entries: [{ ...entry('x.ts', 1, 2), source: 'web' }] }).success, false);
    assert.equal(progressEventSchema.safeParse({ ...event, scope: 'discovery' }).success, false);
  });

  it('folds the plan, skeleton and atom prompts\' context from stored events, and a redone atom replaces its own', () => {
    const stored = [
      used('masterplan', null, null, [entry('examples/express/routes.ts', 1, 40, 'examples')]),
      used('skeleton', 'T1', null, [entry('src/x.ts', 1, 5)]),
      used('atom', 'T1', 'T1.src/a.ts#f', [entry('src/x.ts', 2, 4), entry('src/y.ts', 1, 1)]),
      used('atom', 'T2', 'T2.src/b.ts#Repo.save', [entry('src/y.ts', 1, 1)]),
    ];
    // Resumed: the atom's prompt was built again with other context (arrived live, not stored yet).
    const live = [used('atom', 'T1', 'T1.src/a.ts#f', [entry('src/z.ts', 7, 9)])];
    const { runs } = buildRuns([runInfo('r', stored)], { r: live }, 0);
    const context = runs.r.view.context;
    assert.deepEqual(context.plan.map(entryLocation), ['examples/express/routes.ts:1-40']);
    assert.deepEqual(Object.keys(context.tasks), ['T1', 'T2']);
    assert.deepEqual(context.tasks.T1?.skeleton.map(entryLocation), ['src/x.ts:1-5']);
    assert.deepEqual(context.tasks.T1?.atoms['T1.src/a.ts#f']?.map(entryLocation), ['src/z.ts:7-9']);
    assert.deepEqual(generationCounts(context), { prompts: 3, snippets: 3 });
    assert.equal(atomUnit('T2.src/b.ts#Repo.save'), 'Repo.save');
    assert.equal(entryLocation(entry('src/y.ts', 1, 1)), 'src/y.ts:1');
  });

  it('knows nothing of context for a run without context/used events', () => {
    const { runs } = buildRuns([runInfo('r', [{ type: 'run/started', runId: 'r', request: 'x', engine: 'v2' }])], {}, 0);
    assert.deepEqual(runs.r.view.context, { plan: [], tasks: {} });
  });
});
