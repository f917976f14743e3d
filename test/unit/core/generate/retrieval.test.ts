// Retrieval in the prompts of a whole generate run: a real RAG index over a temp workspace, the
// real client against the fake Messages API, the sql.js store. With RAG on, the MasterPlan,
// skeleton and atom prompts carry the retrieved snippets after the cached prefix, each call records
// what it used, and `context/used` events say so; with RAG off nothing is searched or sent.
import assert from 'node:assert/strict';
import { generateRun } from '../../../../src/core/generate/generateRun';
import type { RetrievedChunk, VectorIndex } from '../../../../src/core/ports';
import { workspaceRoot } from '../../../../src/core/rag/roots';
import type { ContextUsedEvent } from '../../../../src/shared/events';
import { FINAL_FILES, statsScenario } from '../pipeline/generateScenario';
import { startGenerateHarness, type GenerateHarness } from '../pipeline/generateHarness';
import { cleanup, openIndex, tempDir, writeFiles } from '../rag/helpers';

const REQUEST = 'A small statistics library';
const noAbort = new AbortController().signal;

/** Workspace code the stats tasks should find, and a Python twin a TypeScript prompt must not get. */
const WORKSPACE = {
  'lib/average.ts': `import { RangeError as Range } from './errors';

/** Average of a list of numbers; throws RangeError for an empty list. */
export function averageOf(values: readonly number[]): number {
  if (values.length === 0) throw new Range('average of an empty list');
  let total = 0;
  for (const v of values) total += v;
  return total / values.length;
}
`,
  'lib/tasks.ts': `/** A task of the task management domain. */
export interface Task {
  readonly id: string;
  readonly title: string;
  readonly done: boolean;
}

/** The task marked done. */
export function completeTask(task: Task): Task {
  return { ...task, done: true };
}
`,
  'lib/numbers.py': `def mean_of(values):
    """Mean of a list of numbers; ValueError when the list is empty."""
    if not values:
        raise ValueError("mean of an empty list")
    return sum(values) / len(values)
`,
};

/** The index, counting its searches. */
function counting(index: VectorIndex): VectorIndex & { searches: number } {
  const wrapper = {
    searches: 0,
    search(query: string, k: number, signal: AbortSignal): Promise<RetrievedChunk[]> {
      wrapper.searches++;
      return index.search(query, k, signal);
    },
  };
  return wrapper;
}

interface SentBlock { readonly type: string; readonly text?: string; readonly cache_control?: unknown }
interface SentBody { readonly system?: SentBlock[]; readonly messages: Array<{ role: string; content: SentBlock[] }> }

/** The first user turn's text blocks of each /v1/messages request whose prompt holds `marker`. */
function firstTurns(h: GenerateHarness, marker: string): Array<{ system: SentBlock[]; blocks: SentBlock[] }> {
  return (h.requestsWith(marker) as SentBody[]).map((b) => ({ system: b.system ?? [], blocks: b.messages[0]?.content ?? [] }));
}

describe('generate/retrieval: context in the MasterPlan, skeleton and atom prompts', function () {
  this.timeout(60_000);
  let h: GenerateHarness | undefined;
  const dirs: string[] = [];
  afterEach(async () => {
    await h?.close();
    h = undefined;
    cleanup(...dirs.splice(0));
  });

  async function indexedWorkspace(): Promise<{ root: string; index: VectorIndex & { searches: number } }> {
    const root = tempDir('ws');
    const indexDir = tempDir('idx');
    dirs.push(root, indexDir);
    writeFiles(root, WORKSPACE);
    const index = await openIndex(indexDir);
    await index.sync(workspaceRoot(root), () => undefined, noAbort);
    return { root, index: counting(index) };
  }

  it('puts the retrieved snippets after the cached prefix, records them per call and emits context/used', async () => {
    const { root, index } = await indexedWorkspace();
    h = await startGenerateHarness(statsScenario(), { vectorIndex: index, workspaceRoot: root });
    const summary = await generateRun(h.deps, { request: REQUEST, workspaceRoot: root }, noAbort);
    assert.equal(summary.outcome, 'done', JSON.stringify(summary.failed));
    assert.deepEqual(h.sink.files(), FINAL_FILES, 'the scenario answers every call with context in the prompts');

    // MasterPlan: the snippets are their own block after the discovery, carrying the breakpoint.
    const [plan] = firstTurns(h, 'submit_masterplan');
    assert.ok(plan);
    const planContext = plan.blocks.findIndex((b) => b.text?.startsWith('<retrieved_context>'));
    assert.equal(planContext, 1, 'discovery, retrieved context, instructions');
    assert.ok(plan.blocks[planContext]?.cache_control, 'the breakpoint covers discovery and context for a repair call');
    assert.equal(plan.blocks[0]?.cache_control, undefined);

    // Skeleton of a TypeScript task: the TypeScript snippet, never the Python one; the JSON task gets none.
    const [skeletonT3] = firstTurns(h, 'SKELETON task=T3');
    assert.ok(skeletonT3);
    const skeletonText = skeletonT3.blocks.map((b) => b.text).join('\n');
    assert.match(skeletonText, /<retrieved_context>[\s\S]*### workspace: lib\/average\.ts:\d+-\d+/);
    assert.doesNotMatch(skeletonText, /numbers\.py/);
    assert.ok(skeletonT3.blocks[skeletonT3.blocks.length - 1]?.text?.startsWith('SKELETON task=T3'), 'the header leads the last block');
    const [skeletonT1] = firstTurns(h, 'SKELETON task=T1');
    assert.ok(skeletonT1);
    assert.ok(!skeletonT1.blocks.some((b) => b.text?.includes('<retrieved_context>')), 'package.json is not code: no snippets');

    // Atoms: the snippet block sits between the atom's context and its header; the system prompt
    // (the cached shared prefix) is the same for every atom and holds no snippet.
    const atoms = firstTurns(h, 'ATOM id=');
    assert.equal(atoms.length, 7);
    const mean = firstTurns(h, 'unit=mean')[0];
    assert.ok(mean);
    assert.match(mean.blocks[1]?.text ?? '', /^<retrieved_context>[\s\S]*### workspace: lib\/average\.ts:\d+-\d+/);
    assert.ok(mean.blocks[2]?.text?.startsWith('ATOM id='));
    assert.ok(mean.blocks.every((b) => b.cache_control === undefined), 'nothing atom-specific is cached');
    const systems = new Set(atoms.map((a) => JSON.stringify(a.system)));
    assert.equal(systems.size, 1, 'every atom call shares one cached system prefix');
    assert.ok(!atoms[0]?.system.some((b) => b.text?.includes('<retrieved_context>')));
    assert.ok(h.session.store.usageForRun(summary.runId).cacheReadTokens > 0, 'the shared prefix is read from the prompt cache');

    // Events: one per prompt built (retries reuse it), the same entries the calls recorded.
    const events = h.events.filter((e): e is ContextUsedEvent => e.type === 'context/used');
    assert.deepEqual([...new Set(events.map((e) => e.scope))].sort(), ['atom', 'masterplan', 'skeleton']);
    const meanEvent = events.find((e) => e.atomId === 'T3.src/stats.ts#mean');
    assert.ok(meanEvent);
    assert.equal(meanEvent.taskId, 'T3');
    const first = meanEvent.entries[0];
    assert.ok(first);
    assert.deepEqual({ path: first.path, source: first.source }, { path: 'lib/average.ts', source: 'workspace' });
    assert.ok(first.startLine >= 1 && first.endLine <= 9 && first.startLine <= first.endLine && first.tokens > 0, JSON.stringify(first));
    assert.ok(mean.blocks[1]?.text?.includes(`lib/average.ts:${first.startLine}-${first.endLine}`), 'the event names what the prompt shows');
    const recorded = h.session.store.contextUsedForRun(summary.runId);
    assert.deepEqual(recorded.find((c) => c.purpose === 'atom:T3.src/stats.ts#mean')?.entries, meanEvent.entries);
    assert.deepEqual(recorded.find((c) => c.purpose === 'masterplan')?.entries, events.find((e) => e.scope === 'masterplan')?.entries);
    assert.ok(recorded.some((c) => c.purpose === 'skeleton:T3'));
    assert.ok(!recorded.some((c) => c.purpose === 'skeleton:T1'));
    // Stored with the run's events too, so the panel redraws it after a reload.
    assert.equal(h.session.store.listEvents(summary.runId).filter((e) => e.type === 'context/used').length, events.length);
    // One search for the plan, one per skeleton (the JSON task finds no code), one per atom.
    assert.equal(index.searches, 1 + 4 + 7);
  });

  it('with enableRag off searches nothing, sends no context and records none, even when handed an index', async () => {
    const { root, index } = await indexedWorkspace();
    h = await startGenerateHarness(statsScenario(), { vectorIndex: index, workspaceRoot: root, settings: { enableRag: false } });
    // Handed the index directly as well (not only through openCoreSession, which drops it when off).
    const deps = { ...h.deps, vectorIndex: index };
    const summary = await generateRun(deps, { request: REQUEST, workspaceRoot: root }, noAbort);
    assert.equal(summary.outcome, 'done');
    assert.equal(index.searches, 0);
    assert.equal(h.requestsWith('retrieved_context').length, 0);
    assert.equal(h.requestsWith('lib/average.ts').length, 0);
    assert.equal(h.events.filter((e) => e.type === 'context/used').length, 0);
    assert.deepEqual(h.session.store.contextUsedForRun(summary.runId), []);
    const mean = firstTurns(h, 'unit=mean')[0];
    assert.ok(mean?.blocks[1]?.text?.startsWith('ATOM id='), 'the atom context, then the header: no snippet block');
  });
});
