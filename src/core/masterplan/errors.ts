/** The error a plan ends with when it is still invalid after being sent back once. */
import type { PlanProblem } from './validatePlan';

/** A plan refused after one repair attempt; `problems` lists what was still wrong. */
export class InvalidPlanError extends Error {
  override readonly name = 'InvalidPlanError';
  readonly code = 'invalid-plan';
  constructor(
    readonly problems: readonly PlanProblem[],
    readonly rejectedPlanId: string,
  ) {
    const shown = problems.slice(0, 5).map((p) => p.message);
    const more = problems.length > shown.length ? ` (and ${problems.length - shown.length} more)` : '';
    super(`The model's plan was refused: it was still invalid after one repair. ${shown.join(' ')}${more}`);
  }
}
