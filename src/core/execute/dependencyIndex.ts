/**
 * The scheduler's view of the dependencies: for each node how many dependencies are still
 * outstanding and who waits on it. Validated up front, because an unknown id or a cycle would
 * otherwise show up as a run that silently never finishes some nodes.
 */
import { buildAtomGraph } from '../graph/atomGraph';
import { CycleError, findCycle } from '../graph/cycles';

export interface DependencyIndex {
  /** Outstanding dependency count per node (dependencies already done are not counted). */
  readonly waitingOn: Map<string, number>;
  /** Nodes that depend on each node. */
  readonly dependents: Map<string, string[]>;
}

/**
 * Indexes `nodes`. A dependency must be one of `nodes` or in `alreadyDone` (a resumed run's
 * finished atoms); anything else throws, as does a node listed twice or a cycle (CycleError).
 */
export function indexDependencies(
  nodes: readonly string[],
  dependsOn: (id: string) => readonly string[],
  alreadyDone: ReadonlySet<string>,
): DependencyIndex {
  const waitingOn = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const id of nodes) {
    if (waitingOn.has(id)) throw new Error(`Node "${id}" is listed twice`);
    if (alreadyDone.has(id)) throw new Error(`Node "${id}" is both scheduled and already done`);
    waitingOn.set(id, 0);
    dependents.set(id, []);
  }
  const depsOf = new Map<string, string[]>();
  for (const id of nodes) {
    const pending = [...new Set(dependsOn(id))].filter((dep) => {
      if (waitingOn.has(dep)) return true;
      if (alreadyDone.has(dep)) return false;
      throw new Error(`Node "${id}" depends on unknown node "${dep}"`);
    });
    depsOf.set(id, pending);
    waitingOn.set(id, pending.length);
    for (const dep of pending) dependents.get(dep)?.push(id);
  }
  assertNoCycle(nodes, waitingOn, dependents, depsOf);
  return { waitingOn, dependents };
}

/** Kahn's count; only when it comes up short is a graph built to name the cycle. */
function assertNoCycle(
  nodes: readonly string[],
  waitingOn: ReadonlyMap<string, number>,
  dependents: ReadonlyMap<string, string[]>,
  depsOf: ReadonlyMap<string, string[]>,
): void {
  const remaining = new Map(waitingOn);
  const queue = nodes.filter((id) => remaining.get(id) === 0);
  let seen = 0;
  while (queue.length > 0) {
    const id = queue.pop() as string;
    seen++;
    for (const next of dependents.get(id) ?? []) {
      const left = (remaining.get(next) ?? 0) - 1;
      remaining.set(next, left);
      if (left === 0) queue.push(next);
    }
  }
  if (seen === nodes.length) return;
  const stuck = nodes.filter((id) => (remaining.get(id) ?? 0) > 0);
  const stuckSet = new Set(stuck);
  const graph = buildAtomGraph(
    stuck.map((id) => ({ id, dependsOn: (depsOf.get(id) ?? []).filter((d) => stuckSet.has(d)), expectedMs: 0 })),
  );
  throw new CycleError(findCycle(graph) ?? stuck);
}
