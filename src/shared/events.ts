/**
 * Progress events of a run, one discriminated union on `type`. The core emits them; the CLI
 * prints them (JSON lines with --json) and the extension forwards them to the panel and tree,
 * where they are validated on arrival with `progressEventSchema`. The zod schemas are the single
 * declaration; the types are inferred from them. Plain data only: no vscode, no node, no DOM.
 */
import { z } from 'zod';

export const stageSchema = z.enum(['discovery', 'masterplan', 'atomization', 'graph', 'execution', 'validation', 'assembly']);
export type Stage = z.infer<typeof stageSchema>;

export const atomStatusSchema = z.enum(['pending', 'running', 'passed', 'failed', 'skipped']);
export type AtomStatus = z.infer<typeof atomStatusSchema>;

export const validationLevelSchema = z.enum(['syntax', 'semantics', 'atomicity', 'types', 'runtime']);
export type ValidationLevel = z.infer<typeof validationLevelSchema>;

const runId = z.string();

export const runStartedEventSchema = z.object({
  type: z.literal('run/started'),
  runId,
  request: z.string(),
  engine: z.enum(['v1', 'v2']),
});

export const stageStartedEventSchema = z.object({ type: z.literal('stage/started'), runId, stage: stageSchema });

export const stageFinishedEventSchema = z.object({
  type: z.literal('stage/finished'),
  runId,
  stage: stageSchema,
  durationMs: z.number(),
});

export const discoveryReadyEventSchema = z.object({
  type: z.literal('discovery/ready'),
  runId,
  discoveryId: z.string(),
  domain: z.string(),
  markdown: z.string(),
});

export const planReadyEventSchema = z.object({
  type: z.literal('plan/ready'),
  runId,
  masterPlanId: z.string(),
  phases: z.number(),
  tasks: z.number(),
  markdown: z.string(),
});

export const llmPauseEventSchema = z.object({
  type: z.literal('llm/pause'),
  runId,
  /** Why the calls are paused: a rate limit, an overloaded API, a server error or a network fault. */
  reason: z.enum(['rate-limit', 'overloaded', 'server-error', 'network']),
  secondsLeft: z.number(),
  message: z.string(),
});

/** A 429 or a 529 made the run start fewer calls at once; it grows back as calls succeed. */
export const llmSlowdownEventSchema = z.object({
  type: z.literal('llm/slowdown'),
  runId,
  reason: z.enum(['rate-limit', 'overloaded']),
  /** Calls allowed in flight from now on. */
  concurrency: z.number(),
  message: z.string(),
});

export const costUpdateEventSchema = z.object({
  type: z.literal('cost/update'),
  runId,
  inputTokens: z.number(),
  outputTokens: z.number(),
  cacheReadTokens: z.number(),
  cacheWriteTokens: z.number(),
  costUsd: z.number(),
  /** What the same tokens would have cost with no prompt caching, minus costUsd. */
  cacheSavingsUsd: z.number(),
});

export const wavesPlannedEventSchema = z.object({
  type: z.literal('waves/planned'),
  runId,
  /** Atom count per wave (topological generation). */
  waveSizes: z.array(z.number()),
  atoms: z.number(),
  criticalPathMs: z.number(),
});

export const atomFailureSchema = z.object({ level: validationLevelSchema, message: z.string() });
export type AtomFailure = z.infer<typeof atomFailureSchema>;

export const atomStatusEventSchema = z.object({
  type: z.literal('atom/status'),
  runId,
  atomId: z.string(),
  taskId: z.string(),
  wave: z.number(),
  status: atomStatusSchema,
  attempt: z.number(),
  /** First failing level and its message when the atom failed (or a retry is coming). */
  failure: atomFailureSchema.nullable(),
});

/** One retrieved snippet that went into a prompt ("context used"); lines are 1-based and inclusive. */
export const contextUsedEntrySchema = z.object({
  /** Workspace-relative, or `examples/...` for a shipped example. */
  path: z.string(),
  startLine: z.number(),
  endLine: z.number(),
  symbol: z.string(),
  source: z.enum(['workspace', 'examples']),
  score: z.number(),
  /** Estimated prompt tokens the snippet took. */
  tokens: z.number(),
});
export type ContextUsedEntry = z.infer<typeof contextUsedEntrySchema>;

/**
 * What retrieval put into a prompt: the MasterPlan's, a task's skeleton's or an atom's (emitted
 * once per prompt built, not per retry: retries reuse it). Only emitted when something was used.
 */
export const contextUsedEventSchema = z.object({
  type: z.literal('context/used'),
  runId,
  scope: z.enum(['masterplan', 'skeleton', 'atom']),
  /** The task of a skeleton or atom prompt; null for the MasterPlan. */
  taskId: z.string().nullable(),
  /** The atom of an atom prompt; null otherwise. */
  atomId: z.string().nullable(),
  entries: z.array(contextUsedEntrySchema),
});

export const runErrorEventSchema = z.object({
  type: z.literal('run/error'),
  runId,
  /** Stable code the UI can act on, e.g. 'auth', 'spend-limit', 'invalid-plan', 'bad-input'. */
  code: z.string(),
  message: z.string(),
});

export const runFinishedEventSchema = z.object({
  type: z.literal('run/finished'),
  runId,
  outcome: z.enum(['done', 'failed', 'cancelled', 'stopped-at-cost-cap']),
  wallMs: z.number(),
});

/**
 * One validation level over a run's atoms (each atom's deciding attempt): how many passed, failed
 * or skipped it, and why it was skipped, one entry per distinct reason.
 */
export const levelTallySchema = z.object({
  level: validationLevelSchema,
  pass: z.number(),
  fail: z.number(),
  skipped: z.number(),
  skipReasons: z.array(z.object({ reason: z.string(), atoms: z.number() })),
});
export type LevelTally = z.infer<typeof levelTallySchema>;

/** The end-of-run numbers the summary card shows (emitted just before `run/finished`). */
export const runSummaryEventSchema = z.object({
  type: z.literal('run/summary'),
  runId,
  engine: z.enum(['v1', 'v2']),
  masterPlanId: z.string().nullable(),
  tasks: z.number(),
  atoms: z.number(),
  atomsPassed: z.number(),
  atomsFailed: z.number(),
  precision: z.number(),
  firstPassRate: z.number(),
  retries: z.number(),
  wallMs: z.number(),
  executionMs: z.number(),
  criticalPathMs: z.number(),
  inputTokens: z.number(),
  outputTokens: z.number(),
  cacheReadTokens: z.number(),
  costUsd: z.number(),
  cacheSavingsUsd: z.number(),
  filesProposed: z.array(z.string()),
  failed: z.array(z.object({ atomId: z.string(), task: z.string(), level: validationLevelSchema, message: z.string() })),
  /** Absent in summaries stored before it existed. */
  levels: z.array(levelTallySchema).optional(),
});

export const progressEventSchema = z.discriminatedUnion('type', [
  runStartedEventSchema,
  stageStartedEventSchema,
  stageFinishedEventSchema,
  discoveryReadyEventSchema,
  planReadyEventSchema,
  llmPauseEventSchema,
  llmSlowdownEventSchema,
  costUpdateEventSchema,
  wavesPlannedEventSchema,
  atomStatusEventSchema,
  contextUsedEventSchema,
  runErrorEventSchema,
  runSummaryEventSchema,
  runFinishedEventSchema,
]);

export type RunStartedEvent = z.infer<typeof runStartedEventSchema>;
export type StageStartedEvent = z.infer<typeof stageStartedEventSchema>;
export type StageFinishedEvent = z.infer<typeof stageFinishedEventSchema>;
export type DiscoveryReadyEvent = z.infer<typeof discoveryReadyEventSchema>;
export type PlanReadyEvent = z.infer<typeof planReadyEventSchema>;
export type LlmPauseEvent = z.infer<typeof llmPauseEventSchema>;
export type LlmSlowdownEvent = z.infer<typeof llmSlowdownEventSchema>;
export type CostUpdateEvent = z.infer<typeof costUpdateEventSchema>;
export type WavesPlannedEvent = z.infer<typeof wavesPlannedEventSchema>;
export type AtomStatusEvent = z.infer<typeof atomStatusEventSchema>;
export type ContextUsedEvent = z.infer<typeof contextUsedEventSchema>;
export type RunErrorEvent = z.infer<typeof runErrorEventSchema>;
export type RunFinishedEvent = z.infer<typeof runFinishedEventSchema>;
export type RunSummaryEvent = z.infer<typeof runSummaryEventSchema>;
export type ProgressEvent = z.infer<typeof progressEventSchema>;
export type ProgressEventType = ProgressEvent['type'];
