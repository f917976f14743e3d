/**
 * The graph stage: the stored skeletons are parsed into outlines, the ContextInjector gives each
 * atom its signatures and dependencies, and the atom DAG yields the waves shown to the user and
 * the critical path. Nothing here is stored: it is rebuilt the same way on resume.
 */
import { injectContext, type AtomContext, type FileOutline } from '../atomize/contextInjector';
import { buildAtomGraph, computeWaves, criticalPath, tailLengths, waveIndex } from '../graph';
import { isFirstClass } from '../parse/languages';
import { extractSymbols } from '../parse/symbols';
import type { AtomRecord } from './store';
import type { RunContext } from './deps';

/** The atoms of a run arranged for execution. */
export interface GraphPlan {
  /** Every atom of the run by id (whole-file atoms included). */
  readonly atoms: ReadonlyMap<string, AtomRecord>;
  readonly contexts: ReadonlyMap<string, AtomContext>;
  /** Ids of the atoms that need a model call, by ordinal. */
  readonly schedulable: readonly string[];
  readonly waves: readonly (readonly string[])[];
  readonly waveOf: ReadonlyMap<string, number>;
  /** Longest chain from the injector's dependencies, for the scheduler's priority. */
  readonly tails: ReadonlyMap<string, number>;
  /** Critical path with the expected call time per atom. */
  readonly expectedCriticalPathMs: number;
  /** Skeleton text of (task, path), the file each atom is written into. */
  skeletonOf(taskId: string, path: string): string;
}

/** Builds the graph of the stored atoms and emits `waves/planned`. */
export async function planGraph(ctx: RunContext, signal: AbortSignal): Promise<GraphPlan> {
  const { deps, runId } = ctx;
  const atoms = deps.generation.atoms(runId);
  const files = deps.generation.taskFiles(runId);
  const outlines: FileOutline[] = [];
  for (const f of files) {
    const language = deps.parser.languageForPath(f.path) ?? null;
    if (language === null || !isFirstClass(language)) {
      outlines.push({ taskId: f.taskId, path: f.path, language, declarations: [], imports: [] });
      continue;
    }
    const symbols = await deps.parser.withTree(f.content, language, signal, (tree) => extractSymbols(tree, language));
    outlines.push({ taskId: f.taskId, path: f.path, language, ...symbols });
  }
  const contexts = injectContext({
    atoms,
    outlines,
    taskOrder: ctx.tasks.map((t) => t.id),
    taskDeps: new Map(ctx.tasks.map((t) => [t.id, t.dependsOn])),
  });
  const schedulable = atoms.filter((a) => a.kind !== 'file');
  const graph = buildAtomGraph(
    schedulable.map((a) => ({ id: a.atomId, dependsOn: contexts.get(a.atomId)?.dependsOn ?? [], expectedMs: deps.settings.expectedAtomMs })),
  );
  const waves = computeWaves(graph);
  const path = criticalPath(graph);
  ctx.emit({ type: 'waves/planned', runId, waveSizes: waves.map((w) => w.length), atoms: schedulable.length, criticalPathMs: path.lengthMs });
  const skeletons = new Map(files.map((f) => [`${f.taskId}\0${f.path}`, f.content]));
  return {
    atoms: new Map(atoms.map((a) => [a.atomId, a])),
    contexts,
    schedulable: schedulable.map((a) => a.atomId),
    waves,
    waveOf: waveIndex(waves),
    tails: tailLengths(graph),
    expectedCriticalPathMs: path.lengthMs,
    skeletonOf: (taskId, p) => skeletons.get(`${taskId}\0${p}`) ?? '',
  };
}

/** Critical path of the graph weighted by what each atom actually took (its attempts' call time). */
export function measuredCriticalPathMs(plan: GraphPlan, durationOf: (atomId: string) => number): number {
  if (plan.schedulable.length === 0) return 0;
  const graph = buildAtomGraph(
    plan.schedulable.map((id) => ({ id, dependsOn: plan.contexts.get(id)?.dependsOn ?? [], expectedMs: Math.max(0, durationOf(id)) })),
  );
  return criticalPath(graph).lengthMs;
}
