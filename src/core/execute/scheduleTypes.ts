/** The scheduler's inputs and outputs (see scheduler.ts). */
import type { ConcurrencyController } from './concurrency';
import type { ErrorDisposition } from './runErrors';
import type { ExpectedUsage } from './rateBudget';
import type { Clock } from '../ports';

/** How one node ended up. */
export type NodeOutcome<T> =
  /** run resolved and `succeeded` accepted the value. */
  | { readonly status: 'done'; readonly value: T }
  /** run resolved but `succeeded` rejected the value (e.g. an atom that never passed validation). */
  | { readonly status: 'failed'; readonly value: T }
  /** run threw an error classified 'fail' (or 'fatal': the one that stopped the run). */
  | { readonly status: 'errored'; readonly error: unknown }
  /** Never run because a dependency (possibly indirect) did not succeed. */
  | { readonly status: 'skipped'; readonly blockedBy: string }
  /** Was running when the run was cancelled or aborted; redo it on resume. */
  | { readonly status: 'cancelled' }
  /** Never started (the run stopped first); start it on resume. */
  | { readonly status: 'pending' };

export type NodeStatus = NodeOutcome<unknown>['status'];

/** Why the scheduler returned. */
export type StopReason =
  /** Every node is done, failed, errored or skipped. */
  | { readonly kind: 'completed' }
  /** The caller's signal aborted. */
  | { readonly kind: 'cancelled' }
  /** A gate refusal or a 'halt' error: nothing new started, calls in flight finished. */
  | { readonly kind: 'halted'; readonly nodeId: string; readonly cause: unknown }
  /** A 'fatal' error: everything in flight was aborted. */
  | { readonly kind: 'fatal'; readonly nodeId: string; readonly error: unknown };

/** The gate's answer before a node starts. */
export type GateDecision = { readonly start: true } | { readonly start: false; readonly reason: unknown };

export interface ScheduleOptions<T> {
  /** Ids of the nodes to run. */
  readonly nodes: readonly string[];
  /** Ids each node waits for: nodes of this run or ids in `alreadyDone`. */
  readonly dependsOn: (id: string) => readonly string[];
  /** The work; must honour `signal` (aborted on cancel or a fatal error). */
  readonly run: (id: string, signal: AbortSignal) => Promise<T>;
  readonly concurrency: ConcurrencyController;
  /** Used to wait out a rate-limit budget or pause. */
  readonly clock: Clock;
  /** Cancels the run: no new starts, in-flight runs aborted, resolves at once. */
  readonly signal: AbortSignal;
  /** Dependencies satisfied before the run (resume). */
  readonly alreadyDone?: ReadonlySet<string>;
  /** Whether a resolved value counts as success for the dependents; default: always. */
  readonly succeeded?: (value: T, id: string) => boolean;
  /** What a thrown error means for the run; default classifyRunError. */
  readonly classifyError?: (error: unknown, id: string) => ErrorDisposition;
  /** Asked right before each start (the cost cap); a refusal halts the run. */
  readonly gate?: (id: string) => GateDecision;
  /** Higher starts first among ready nodes (e.g. tailLengths); default: first ready first. */
  readonly priority?: (id: string) => number;
  /** Expected tokens of the node's first call, checked against the rate-limit budget. */
  readonly expectedUsage?: (id: string) => ExpectedUsage;
  readonly onStart?: (id: string) => void;
  /** Every node that leaves 'pending' (including skipped and cancelled ones). */
  readonly onSettle?: (id: string, outcome: NodeOutcome<T>) => void;
}

export interface ScheduleResult<T> {
  readonly stop: StopReason;
  /** One entry per node. */
  readonly outcomes: ReadonlyMap<string, NodeOutcome<T>>;
  /** Resolves once every started run has settled (after a cancel they may still be winding down). */
  readonly drained: Promise<void>;
}

/** Node count per status. */
export function countOutcomes(outcomes: ReadonlyMap<string, NodeOutcome<unknown>>): Record<NodeStatus, number> {
  const counts: Record<NodeStatus, number> = { done: 0, failed: 0, errored: 0, skipped: 0, cancelled: 0, pending: 0 };
  for (const outcome of outcomes.values()) counts[outcome.status]++;
  return counts;
}
