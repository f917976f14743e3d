/** The atom dependency graph: build, cycle check, waves, critical path. */
export { buildAtomGraph, UnknownDependencyError } from './atomGraph';
export type { AtomGraph, AtomNodeAttributes, AtomNodeSpec } from './atomGraph';
export { CycleError, assertAcyclic, findCycle, findCycles, formatCycle } from './cycles';
export { computeWaves, waveIndex } from './waves';
export { criticalPath, tailLengths } from './criticalPath';
export type { CriticalPath } from './criticalPath';
