/**
 * Cycle detection that names the cycle, because "the graph has a cycle" is useless to someone
 * fixing a plan of 800 atoms.
 */
import type { AtomGraph } from './atomGraph';

/** A dependency cycle; `cycle[i]` depends on `cycle[i + 1]`, and the last depends on the first. */
export class CycleError extends Error {
  constructor(readonly cycle: readonly string[]) {
    super(`Dependency cycle (each atom depends on the next): ${formatCycle(cycle)}`);
    this.name = 'CycleError';
  }
}

/** `a -> b -> c -> a`. */
export function formatCycle(cycle: readonly string[]): string {
  return cycle.length === 0 ? '' : [...cycle, cycle[0]].join(' -> ');
}

const WHITE = 0;
const GREY = 1;
const BLACK = 2;

/**
 * Returns one cycle as atom ids in "depends on" order (each id depends on the next, the last on
 * the first), or null when the graph is acyclic. Iterative DFS so a long chain cannot overflow
 * the stack.
 */
export function findCycle(graph: AtomGraph): string[] | null {
  const colour = new Map<string, number>();
  for (const root of graph.nodes()) {
    if ((colour.get(root) ?? WHITE) !== WHITE) continue;
    // Walk along "depends on" (in-edges), so the path found reads in the order the message uses.
    const path: string[] = [root];
    const pending: string[][] = [graph.inNeighbors(root)];
    colour.set(root, GREY);
    while (path.length > 0) {
      const next = pending[pending.length - 1].pop();
      if (next === undefined) {
        colour.set(path.pop() as string, BLACK);
        pending.pop();
        continue;
      }
      const state = colour.get(next) ?? WHITE;
      if (state === GREY) return path.slice(path.indexOf(next));
      if (state === WHITE) {
        colour.set(next, GREY);
        path.push(next);
        pending.push(graph.inNeighbors(next));
      }
    }
  }
  return null;
}

/** Throws a CycleError naming a cycle, if there is one. */
export function assertAcyclic(graph: AtomGraph): void {
  const cycle = findCycle(graph);
  if (cycle) throw new CycleError(cycle);
}
