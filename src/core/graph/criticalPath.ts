/**
 * Longest weighted chains. The critical path is the lower bound on wall time with unlimited
 * concurrency; the per-node tail length is the natural scheduling priority (start first what has
 * the longest chain hanging off it).
 */
import { topologicalSort } from 'graphology-dag';
import type { AtomGraph } from './atomGraph';
import { assertAcyclic } from './cycles';

export interface CriticalPath {
  /** Atom ids from the first atom to run to the last. */
  readonly path: string[];
  /** Sum of expectedMs along the path. */
  readonly lengthMs: number;
}

/** The longest chain by summed expectedMs (ties: the first found in topological order). */
export function criticalPath(graph: AtomGraph): CriticalPath {
  assertAcyclic(graph);
  const finish = new Map<string, number>();
  const previous = new Map<string, string>();
  let end: string | null = null;
  for (const id of topologicalSort(graph)) {
    let start = 0;
    for (const dependency of graph.inNeighbors(id)) {
      const candidate = finish.get(dependency) ?? 0;
      // Always take the first dependency, so zero-length predecessors still appear on the path.
      if (candidate > start || !previous.has(id)) {
        start = candidate;
        previous.set(id, dependency);
      }
    }
    const done = start + graph.getNodeAttribute(id, 'expectedMs');
    finish.set(id, done);
    if (end === null || done > (finish.get(end) ?? 0)) end = id;
  }
  if (end === null) return { path: [], lengthMs: 0 };
  const path: string[] = [end];
  for (let at = previous.get(end); at !== undefined; at = previous.get(at)) path.push(at);
  return { path: path.reverse(), lengthMs: finish.get(end) ?? 0 };
}

/**
 * For each atom, the longest expectedMs sum from the atom (inclusive) to any atom that depends
 * on it transitively. Used as the scheduler's priority.
 */
export function tailLengths(graph: AtomGraph): Map<string, number> {
  assertAcyclic(graph);
  const tail = new Map<string, number>();
  const order = topologicalSort(graph);
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i];
    let longest = 0;
    for (const dependent of graph.outNeighbors(id)) longest = Math.max(longest, tail.get(dependent) ?? 0);
    tail.set(id, longest + graph.getNodeAttribute(id, 'expectedMs'));
  }
  return tail;
}
