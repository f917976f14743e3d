/** Execution building blocks: scheduler, concurrency and rate budget, cost cap, retries. */
export { runDependencyDriven } from './scheduler';
export { countOutcomes } from './scheduleTypes';
export type { GateDecision, NodeOutcome, NodeStatus, ScheduleOptions, ScheduleResult, StopReason } from './scheduleTypes';
export { createAdaptiveConcurrency, fixedConcurrency, DEFAULT_RAMP_START } from './concurrency';
export type { AdaptiveConcurrencyOptions, ConcurrencyController, ThrottleKind } from './concurrency';
export { budgetFromBuckets, createRateBudgetTracker } from './rateBudget';
export type { BudgetLimiter, BucketLike, ExpectedUsage, RateBudgetTracker, RateLimitBudget, StartCheck } from './rateBudget';
export { CostCapReachedError, createCostCap, reserveOrThrow } from './costCap';
export type { CostCap, CostReservation } from './costCap';
export { classifyRunError, FATAL_LLM_CODES, isFatalLlmError } from './runErrors';
export type { ErrorDisposition } from './runErrors';
export {
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_TEMPERATURES,
  escalateLastAttempt,
  runWithRetries,
  temperatureForAttempt,
} from './retryOrchestrator';
export type { AttemptFailure, AttemptPlan, AttemptResult, RetryOptions, RetryOutcome } from './retryOrchestrator';
