/**
 * The MasterPlan: phases of tasks, each task naming the files it writes, the tasks it needs first,
 * how to check it, and its size. The zod schema doubles as the tool input schema given to the
 * model; structural rules zod cannot express (cycles, paths, file conflicts) are in validatePlan.
 */
import { z } from 'zod';

export const plannedFileSchema = z.object({
  path: z.string().min(1).max(300).describe('Workspace-relative path with forward slashes, e.g. "src/tasks/taskService.ts"'),
  change: z.enum(['create', 'modify']),
});

export const planTaskSchema = z.object({
  id: z.string().min(1).max(20).describe('Unique id, "T1", "T2", ... in plan order'),
  title: z.string().min(1).max(200),
  description: z.string().min(1).max(4000).describe('What to build: types, functions and behaviour, precise enough to implement without asking'),
  boundedContext: z.string().max(200).describe('The bounded context it belongs to, or "" for shared infrastructure'),
  files: z.array(plannedFileSchema).min(1),
  dependsOn: z.array(z.string().min(1).max(20)).describe('Ids of tasks whose output this task uses; must not form a cycle'),
  acceptance: z.string().min(1).max(2000).describe('An observable check that the task is done, e.g. a test that passes'),
  estimatedLoc: z.number().int().min(1).max(5000),
  language: z.string().min(1).max(40).describe('Language of the files, lower case: "typescript", "python", "json" ...'),
});

export const planPhaseSchema = z.object({
  id: z.string().min(1).max(20).describe('"P1", "P2", ...'),
  name: z.string().min(1).max(200),
  goal: z.string().min(1).max(2000),
  tasks: z.array(planTaskSchema),
});

export const masterPlanSchema = z.object({
  title: z.string().min(1).max(200),
  summary: z.string().min(1).max(4000),
  phases: z.array(planPhaseSchema).min(1),
});

/** The structured result of the masterplan stage (before validation it is only schema-valid). */
export type MasterPlan = z.infer<typeof masterPlanSchema>;
export type PlanPhase = z.infer<typeof planPhaseSchema>;
export type PlanTask = z.infer<typeof planTaskSchema>;
export type PlannedFile = z.infer<typeof plannedFileSchema>;

/** Every task of the plan in phase order, with its phase id. */
export function planTasks(plan: MasterPlan): Array<PlanTask & { readonly phaseId: string }> {
  return plan.phases.flatMap((phase) => phase.tasks.map((task) => ({ ...task, phaseId: phase.id })));
}
