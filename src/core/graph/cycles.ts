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
 * Every distinct cycle found through a back edge of a depth-first walk along "depends on", each
 * in depends-on order (each id depends on the next, the last on the first), at most `limit` of
 * them. Iterative, so a long chain cannot overflow the stack. The atom graph and the plan
 * validator both use it: one walk, one order in the messages.
 */
export function findCycles(nodes: Iterable<string>, dependsOn: (id: string) => readonly string[], limit = Infinity): string[][] {
  const colour = new Map<string, number>();
  const cycles: string[][] = [];
  const seen = new Set<string>();
  for (const root of nodes) {
    if ((colour.get(root) ?? WHITE) !== WHITE) continue;
    const path: string[] = [root];
    const pending: Array<{ readonly deps: readonly string[]; next: number }> = [{ deps: dependsOn(root), next: 0 }];
    colour.set(root, GREY);
    while (path.length > 0) {
      const top = pending[pending.length - 1];
      const next = top.deps[top.next++];
      if (next === undefined) {
        colour.set(path.pop() as string, BLACK);
        pending.pop();
        continue;
      }
      const state = colour.get(next) ?? WHITE;
      if (state === GREY) {
        const cycle = path.slice(path.indexOf(next));
        const key = canonicalCycle(cycle);
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(cycle);
          if (cycles.length >= limit) return cycles;
        }
      } else if (state === WHITE) {
        colour.set(next, GREY);
        path.push(next);
        pending.push({ deps: dependsOn(next), next: 0 });
      }
    }
  }
  return cycles;
}

/** One cycle of the atom graph as atom ids in "depends on" order, or null when it is acyclic. */
export function findCycle(graph: AtomGraph): string[] | null {
  // "Depends on" is an in-edge: edges point from a dependency to its dependent.
  return findCycles(graph.nodes(), (id) => graph.inNeighbors(id), 1)[0] ?? null;
}

/** The same cycle entered at another node gives the same key. */
function canonicalCycle(cycle: readonly string[]): string {
  const first = [...cycle].sort()[0] ?? '';
  const start = cycle.indexOf(first);
  return [...cycle.slice(start), ...cycle.slice(0, start)].join('\0');
}

/** Throws a CycleError naming a cycle, if there is one. */
export function assertAcyclic(graph: AtomGraph): void {
  const cycle = findCycle(graph);
  if (cycle) throw new CycleError(cycle);
}
