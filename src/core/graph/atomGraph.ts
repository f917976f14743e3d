/**
 * The atom dependency graph: one node per atom, one edge per "must finish before".
 * Edges point from a dependency to its dependent (execution order), so topological generations
 * come out dependencies-first and can be shown as waves without reversing anything.
 */
import { DirectedGraph } from 'graphology';

/** What the graph needs to know about an atom. */
export interface AtomNodeSpec {
  readonly id: string;
  /** Ids of atoms that must be done before this one starts. */
  readonly dependsOn: readonly string[];
  /** Expected duration of the atom's model call, used to weight the critical path. */
  readonly expectedMs: number;
}

export interface AtomNodeAttributes {
  readonly expectedMs: number;
}

/** Directed graph of atoms; an edge `a -> b` means b depends on a. */
export type AtomGraph = DirectedGraph<AtomNodeAttributes>;

/** Thrown when an atom names a dependency that is not among the atoms. */
export class UnknownDependencyError extends Error {
  constructor(
    readonly atomId: string,
    readonly dependencyId: string,
  ) {
    super(`Atom "${atomId}" depends on unknown atom "${dependencyId}"`);
    this.name = 'UnknownDependencyError';
  }
}

/**
 * Builds the graph. Repeated dependencies collapse into one edge (plans often list a dependency
 * both directly and through a task), a dependency on an unknown id is an UnknownDependencyError,
 * and a repeated atom id is an error because it would silently merge two atoms.
 * Cycles are not checked here: see findCycle.
 */
export function buildAtomGraph(nodes: readonly AtomNodeSpec[]): AtomGraph {
  const graph: AtomGraph = new DirectedGraph<AtomNodeAttributes>();
  for (const node of nodes) {
    if (graph.hasNode(node.id)) throw new Error(`Atom id "${node.id}" appears twice`);
    if (!Number.isFinite(node.expectedMs) || node.expectedMs < 0) {
      throw new Error(`Atom "${node.id}" has an invalid expectedMs (${node.expectedMs})`);
    }
    graph.addNode(node.id, { expectedMs: node.expectedMs });
  }
  for (const node of nodes) {
    for (const dependency of node.dependsOn) {
      if (!graph.hasNode(dependency)) throw new UnknownDependencyError(node.id, dependency);
      graph.mergeEdge(dependency, node.id);
    }
  }
  return graph;
}
