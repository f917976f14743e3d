/** Builders for small plans in tests: only what a test cares about has to be spelled out. */
import type { MasterPlan, PlanTask } from '../../../src/core/masterplan/schema';

/** A task with defaults; `files` as plain paths (all "create"). */
export function task(id: string, options: { files?: string[]; dependsOn?: string[]; language?: string } = {}): PlanTask {
  return {
    id,
    title: `Task ${id}`,
    description: `Do the work of ${id}.`,
    boundedContext: '',
    files: (options.files ?? [`src/${id.toLowerCase()}.ts`]).map((path) => ({ path, change: 'create' as const })),
    dependsOn: options.dependsOn ?? [],
    acceptance: `${id} compiles`,
    estimatedLoc: 20,
    language: options.language ?? 'typescript',
  };
}

/** A plan with one phase per task list given. */
export function plan(...phases: PlanTask[][]): MasterPlan {
  return {
    title: 'Test plan',
    summary: 'A plan built by a test.',
    phases: phases.map((tasks, i) => ({ id: `P${i + 1}`, name: `Phase ${i + 1}`, goal: 'Test things.', tasks })),
  };
}
