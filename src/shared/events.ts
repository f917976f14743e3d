/**
 * Progress events of a run, one discriminated union on `type`. The core emits them; the CLI
 * prints them (JSON lines with --json) and the extension forwards them to the panel and tree.
 * Plain data only: no vscode, no node, no DOM.
 */

export type Stage = 'discovery' | 'masterplan' | 'atomization' | 'graph' | 'execution' | 'validation' | 'assembly';

export type AtomStatus = 'pending' | 'running' | 'passed' | 'failed' | 'skipped';

export type ValidationLevel = 'syntax' | 'semantics' | 'atomicity' | 'types' | 'runtime';

export interface RunStartedEvent {
  readonly type: 'run/started';
  readonly runId: string;
  readonly request: string;
  readonly engine: 'v1' | 'v2';
}

export interface StageStartedEvent {
  readonly type: 'stage/started';
  readonly runId: string;
  readonly stage: Stage;
}

export interface StageFinishedEvent {
  readonly type: 'stage/finished';
  readonly runId: string;
  readonly stage: Stage;
  readonly durationMs: number;
}

export interface DiscoveryReadyEvent {
  readonly type: 'discovery/ready';
  readonly runId: string;
  readonly discoveryId: string;
  readonly domain: string;
  readonly markdown: string;
}

export interface PlanReadyEvent {
  readonly type: 'plan/ready';
  readonly runId: string;
  readonly masterPlanId: string;
  readonly phases: number;
  readonly tasks: number;
  readonly markdown: string;
}

export interface LlmPauseEvent {
  readonly type: 'llm/pause';
  readonly runId: string;
  /** Why the calls are paused: a rate limit or an overloaded API. */
  readonly reason: 'rate-limit' | 'overloaded' | 'server-error' | 'network';
  readonly secondsLeft: number;
  readonly message: string;
}

export interface CostUpdateEvent {
  readonly type: 'cost/update';
  readonly runId: string;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheReadTokens: number;
  readonly cacheWriteTokens: number;
  readonly costUsd: number;
  /** What the same tokens would have cost with no prompt caching, minus costUsd. */
  readonly cacheSavingsUsd: number;
}

export interface WavesPlannedEvent {
  readonly type: 'waves/planned';
  readonly runId: string;
  /** Atom count per wave (topological generation). */
  readonly waveSizes: readonly number[];
  readonly atoms: number;
  readonly criticalPathMs: number;
}

export interface AtomStatusEvent {
  readonly type: 'atom/status';
  readonly runId: string;
  readonly atomId: string;
  readonly taskId: string;
  readonly wave: number;
  readonly status: AtomStatus;
  readonly attempt: number;
  /** First failing level and its message when status is 'failed' (or a retry is coming). */
  readonly failure: { readonly level: ValidationLevel; readonly message: string } | null;
}

export interface RunErrorEvent {
  readonly type: 'run/error';
  readonly runId: string;
  /** Stable code the UI can act on, e.g. 'auth', 'spend-limit', 'invalid-plan', 'bad-request'. */
  readonly code: string;
  readonly message: string;
}

export interface RunFinishedEvent {
  readonly type: 'run/finished';
  readonly runId: string;
  readonly outcome: 'done' | 'failed' | 'cancelled' | 'stopped-at-cost-cap';
  readonly wallMs: number;
}

export type ProgressEvent =
  | RunStartedEvent
  | StageStartedEvent
  | StageFinishedEvent
  | DiscoveryReadyEvent
  | PlanReadyEvent
  | LlmPauseEvent
  | CostUpdateEvent
  | WavesPlannedEvent
  | AtomStatusEvent
  | RunErrorEvent
  | RunFinishedEvent;

export type ProgressEventType = ProgressEvent['type'];
