import assert from 'node:assert/strict';
import {
  buildAtomGraph,
  computeWaves,
  criticalPath,
  CycleError,
  findCycle,
  tailLengths,
  UnknownDependencyError,
  waveIndex,
  type AtomNodeSpec,
} from '../../../../src/core/graph';

function node(id: string, dependsOn: string[] = [], expectedMs = 10): AtomNodeSpec {
  return { id, dependsOn, expectedMs };
}

describe('graph: buildAtomGraph', () => {
  it('merges duplicate dependencies into one edge', () => {
    const graph = buildAtomGraph([node('a'), node('b', ['a', 'a'])]);
    assert.equal(graph.size, 1);
    assert.deepEqual(graph.inNeighbors('b'), ['a']);
  });

  it('names the unknown dependency and the atom that asked for it', () => {
    assert.throws(
      () => buildAtomGraph([node('a'), node('b', ['ghost'])]),
      (error: unknown) =>
        error instanceof UnknownDependencyError &&
        error.message === 'Atom "b" depends on unknown atom "ghost"' &&
        error.dependencyId === 'ghost',
    );
  });

  it('refuses a repeated atom id', () => {
    assert.throws(() => buildAtomGraph([node('a'), node('a')]), /"a" appears twice/);
  });

  it('accepts dependencies listed before the atom they name', () => {
    const graph = buildAtomGraph([node('b', ['a']), node('a')]);
    assert.deepEqual(graph.outNeighbors('a'), ['b']);
  });
});

describe('graph: cycles', () => {
  it('returns null for a DAG', () => {
    assert.equal(findCycle(buildAtomGraph([node('a'), node('b', ['a']), node('c', ['a', 'b'])])), null);
  });

  it('names a three-atom cycle in depends-on order', () => {
    // a depends on b, b on c, c on a; x hangs off the cycle and must not appear in it.
    const graph = buildAtomGraph([node('a', ['b']), node('b', ['c']), node('c', ['a']), node('x', ['a'])]);
    const cycle = findCycle(graph);
    assert.deepEqual(cycle, ['a', 'b', 'c']);
    assert.throws(() => computeWaves(graph), (error: unknown) =>
      error instanceof CycleError && error.message.endsWith('a -> b -> c -> a'));
  });

  it('finds a cycle reachable only from a later root', () => {
    const graph = buildAtomGraph([node('root'), node('p', ['q', 'root']), node('q', ['p'])]);
    const cycle = findCycle(graph);
    assert.ok(cycle);
    assert.deepEqual([...cycle].sort(), ['p', 'q']);
  });

  it('names a self-dependency', () => {
    const graph = buildAtomGraph([node('a', ['a'])]);
    assert.deepEqual(findCycle(graph), ['a']);
    assert.throws(() => criticalPath(graph), /a -> a/);
  });

  it('handles a 5,000-long chain without overflowing the stack', () => {
    const nodes = Array.from({ length: 5000 }, (_, i) => node(`n${i}`, i === 0 ? [] : [`n${i - 1}`]));
    nodes[0] = node('n0', ['n4999']);
    const cycle = findCycle(buildAtomGraph(nodes));
    assert.equal(cycle?.length, 5000);
  });
});

describe('graph: waves and critical path', () => {
  // types(5) -> repo(20) -> service(30) -> api(10)
  //          \-> dto(5) ------------------/
  // util(50)   (independent, longest single atom)
  const graph = buildAtomGraph([
    node('types', [], 5),
    node('repo', ['types'], 20),
    node('dto', ['types'], 5),
    node('service', ['repo'], 30),
    node('api', ['service', 'dto'], 10),
    node('util', [], 50),
  ]);

  it('groups atoms into topological generations', () => {
    const waves = computeWaves(graph).map((wave) => [...wave].sort());
    assert.deepEqual(waves, [['types', 'util'], ['dto', 'repo'], ['service'], ['api']]);
    assert.equal(waveIndex(computeWaves(graph)).get('api'), 3);
  });

  it('finds the longest weighted chain', () => {
    assert.deepEqual(criticalPath(graph), { path: ['types', 'repo', 'service', 'api'], lengthMs: 65 });
  });

  it('prefers a heavy short chain over a long light one', () => {
    const g = buildAtomGraph([node('a', [], 1), node('b', ['a'], 1), node('c', ['b'], 1), node('big', [], 100)]);
    assert.deepEqual(criticalPath(g), { path: ['big'], lengthMs: 100 });
  });

  it('gives the tail length of each atom', () => {
    const tails = tailLengths(graph);
    assert.equal(tails.get('types'), 65);
    assert.equal(tails.get('dto'), 15);
    assert.equal(tails.get('util'), 50);
  });

  it('is empty for an empty graph', () => {
    const empty = buildAtomGraph([]);
    assert.deepEqual(computeWaves(empty), []);
    assert.deepEqual(criticalPath(empty), { path: [], lengthMs: 0 });
  });
});

describe('graph: performance', () => {
  it('builds an 800-atom graph and its waves well under 50 ms', () => {
    const nodes: AtomNodeSpec[] = [];
    for (let i = 0; i < 800; i++) {
      const deps = [i - 1, i - 7, i - 40].filter((d) => d >= 0 && d % 3 !== 0).map((d) => `a${d}`);
      nodes.push(node(`a${i}`, deps, 100 + (i % 13)));
    }
    let best = Infinity;
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      const g = buildAtomGraph(nodes);
      computeWaves(g);
      criticalPath(g);
      best = Math.min(best, performance.now() - start);
    }
    assert.ok(best < 50, `took ${best.toFixed(1)} ms`);
  });
});
