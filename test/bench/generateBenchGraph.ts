/**
 * The atom graph of a finished generate run, rebuilt from its database by the core's own graph
 * stage (planGraph: same outlines, same ContextInjector dependencies, same waves), with each atom
 * weighted by the call time it actually took. The bench feeds it to the schedule simulations.
 */
import type { RunContext } from '../../src/core/generate/deps';
import { planGraph } from '../../src/core/generate/graphStage';
import { DEFAULT_GENERATE_SETTINGS } from '../../src/core/generate/settings';
import { planTasks } from '../../src/core/masterplan/schema';
import { createMultiLanguageParser } from '../../src/core/parse/multiLanguageParser';
import { openDatabase } from '../../src/core/store/database';
import { createSqlGenerationStore } from '../../src/core/store/generation';
import { createSqlPlanStore } from '../../src/core/store/planStore';

/** An atom for the simulations: what it waited for and how long its calls took. */
export interface MeasuredAtom {
  readonly id: string;
  readonly dependsOn: readonly string[];
  readonly expectedMs: number;
}

/** The run's atoms with their measured call time, its waves, and each atom's tail (for priority). */
export interface MeasuredGraph {
  readonly nodes: readonly MeasuredAtom[];
  readonly waves: readonly (readonly string[])[];
  readonly tails: ReadonlyMap<string, number>;
}

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** The graph of generate run `runId` stored at `dbPath`. */
export async function measuredGraph(dbPath: string, runId: string, signal: AbortSignal): Promise<MeasuredGraph> {
  const db = await openDatabase({ path: dbPath, logger: quiet, readOnly: true });
  const parser = createMultiLanguageParser();
  try {
    const clock = { now: () => Date.now() };
    const generation = createSqlGenerationStore(db, clock);
    const plan = createSqlPlanStore(db, clock).masterPlanForRun(runId);
    if (!plan) throw new Error(`run ${runId} has no plan`);
    // planGraph reads the run id, the tasks, the generation store, the parser and expectedAtomMs,
    // and emits waves/planned: a partial context is enough, and keeps the bench on the core's code.
    const ctx = {
      runId,
      tasks: planTasks(plan.plan),
      emit: () => undefined,
      deps: { generation, parser, settings: DEFAULT_GENERATE_SETTINGS },
    } as unknown as RunContext;
    const graph = await planGraph(ctx, signal);
    const nodes = graph.schedulable.map((id) => ({
      id,
      dependsOn: graph.contexts.get(id)?.dependsOn ?? [],
      expectedMs: graph.atoms.get(id)?.durationMs ?? 0,
    }));
    return { nodes, waves: graph.waves, tails: graph.tails };
  } finally {
    parser.dispose();
    await db.close();
  }
}
