import assert from 'node:assert/strict';
import { createReadyQueue } from '../../../../src/core/execute/readyQueue';
import { indexDependencies } from '../../../../src/core/execute/dependencyIndex';
import { runDependencyDriven } from '../../../../src/core/execute/scheduler';
import { fixedConcurrency } from '../../../../src/core/execute/concurrency';
import { classifyRunError } from '../../../../src/core/execute/runErrors';
import { CostCapReachedError } from '../../../../src/core/execute/costCap';
import { createRealClock } from '../../../../src/core/clock';

describe('scheduler parts', () => {
  it('ready queue: highest priority first, ties in arrival order', () => {
    const q = createReadyQueue();
    const input: [string, number][] = [['a', 1], ['b', 3], ['c', 1], ['d', 3], ['e', 2], ['f', 0]];
    for (const [id, p] of input) q.push(id, p);
    const out: string[] = [];
    for (let id = q.pop(); id !== undefined; id = q.pop()) out.push(id);
    assert.deepEqual(out, ['b', 'd', 'e', 'a', 'c', 'f']);
    assert.equal(q.size, 0);
  });

  it('dependency index: counts only outstanding dependencies and refuses bad input', () => {
    const index = indexDependencies(['b', 'c'], (id) => (id === 'b' ? ['a', 'a'] : ['a', 'b', 'b']), new Set(['a']));
    assert.equal(index.waitingOn.get('b'), 0);
    assert.equal(index.waitingOn.get('c'), 1);
    assert.deepEqual(index.dependents.get('b'), ['c']);
    assert.throws(() => indexDependencies(['a', 'a'], () => [], new Set()), /listed twice/);
    assert.throws(() => indexDependencies(['a'], () => [], new Set(['a'])), /already done/);
  });

  it('completes at once with no nodes', async () => {
    const result = await runDependencyDriven({
      nodes: [],
      dependsOn: () => [],
      run: () => Promise.resolve(0),
      concurrency: fixedConcurrency(3),
      clock: createRealClock(),
      signal: new AbortController().signal,
    });
    assert.deepEqual(result.stop, { kind: 'completed' });
    assert.equal(result.outcomes.size, 0);
  });

  it('classifies errors: cost cap halts, fatal LLM codes abort, anything else fails the node', () => {
    const llm = (code: string): Error => Object.assign(new Error(code), { code, attempts: 1 });
    assert.equal(classifyRunError(new CostCapReachedError(1, 1, 0, 0.1)), 'halt');
    assert.equal(classifyRunError(llm('auth')), 'fatal');
    assert.equal(classifyRunError(llm('spend-limit')), 'fatal');
    assert.equal(classifyRunError(llm('cancelled')), 'fatal');
    assert.equal(classifyRunError(llm('server')), 'fail');
    assert.equal(classifyRunError(new Error('bug')), 'fail');
    assert.equal(classifyRunError({ code: 'auth' }), 'fail', 'not an Error');
  });
});
