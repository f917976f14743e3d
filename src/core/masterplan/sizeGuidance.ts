/**
 * How many tasks a plan should have, from the discovery document: the plan must follow the size
 * of the request (a small CLI ~10 tasks, a multi-context API ~100-150), not the model's mood.
 */
import type { DiscoveryDocument } from '../discovery/schema';

export interface SizeGuidance {
  readonly minTasks: number;
  readonly maxTasks: number;
  /** One sentence for the prompt explaining the range. */
  readonly rationale: string;
}

const FLOOR = 6;
const CEILING = 160;

/**
 * Roughly: a few tasks of scaffolding, three per context (its module, wiring, tests), four per
 * aggregate (model, repository, service, interface), one per service and per three invariants.
 */
export function sizeGuidance(doc: DiscoveryDocument): SizeGuidance {
  const contexts = doc.boundedContexts.length;
  const aggregates = doc.boundedContexts.reduce((n, c) => n + c.aggregates.length, 0);
  const invariants = doc.boundedContexts.reduce((n, c) => n + c.aggregates.reduce((m, a) => m + a.invariants.length, 0), 0);
  const services = doc.boundedContexts.reduce((n, c) => n + c.services.length, 0);
  const estimate = 2 + contexts * 3 + aggregates * 4 + Math.ceil(invariants / 3) + services;
  const target = Math.min(CEILING, Math.max(FLOOR, estimate));
  const minTasks = Math.max(FLOOR - 2, Math.floor(target * 0.8));
  const maxTasks = Math.min(CEILING, Math.ceil(target * 1.25));
  return {
    minTasks,
    maxTasks,
    rationale: `${contexts} bounded context(s), ${aggregates} aggregate(s), ${invariants} invariant(s) and ${services} service(s) call for about ${target} tasks (between ${minTasks} and ${maxTasks}).`,
  };
}

/** Output budget for a plan of up to `maxTasks` tasks (~250 tokens a task, plus the frame). */
export function planMaxTokens(guidance: SizeGuidance): number {
  return Math.min(64_000, 2_000 + guidance.maxTasks * 250);
}
