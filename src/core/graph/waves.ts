/**
 * Waves: topological generations. They are what the user sees ("wave 3 of 9"), never a barrier
 * the executor waits at.
 */
import { topologicalGenerations } from 'graphology-dag';
import type { AtomGraph } from './atomGraph';
import { assertAcyclic } from './cycles';

/**
 * Atom ids per wave: wave 0 has no dependencies, wave k depends on at least one atom of wave k-1.
 * Checks for a cycle first so the caller gets a CycleError naming it rather than
 * graphology-dag's anonymous error.
 */
export function computeWaves(graph: AtomGraph): string[][] {
  assertAcyclic(graph);
  return topologicalGenerations(graph);
}

/** Map from atom id to its wave index, for progress events. */
export function waveIndex(waves: readonly (readonly string[])[]): Map<string, number> {
  const index = new Map<string, number>();
  waves.forEach((wave, i) => {
    for (const id of wave) index.set(id, i);
  });
  return index;
}
