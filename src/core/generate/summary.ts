/**
 * The numbers the user sees at the end of a run, read back from the store so a resumed run
 * reports the whole run (every session), not only its last part. The same shape for V1 and V2.
 */
import { costWithoutCache, type UsageSnapshot } from '../llm';
import { planTasks } from '../masterplan/schema';
import type { StoredMasterPlan } from '../ports';
import type { LevelTally, ValidationLevel } from '../../shared/events';
import type { GenerateDeps } from './deps';
import { tallyLevels } from './levelTally';

/** How a run ended (the `run/finished` outcome). */
export type GenerateOutcome = 'done' | 'failed' | 'cancelled' | 'stopped-at-cost-cap';

/** An atom (or a task) that did not make it, with why. */
export interface FailedUnit {
  /** The atom, or `T3#skeleton` / `T3#v1` for a task whose call never gave usable files. */
  readonly atomId: string;
  readonly task: string;
  readonly level: ValidationLevel;
  readonly message: string;
}

/** Tokens and cost of the whole run, every session included (the live totals' fields, read back from the store). */
export type GenerateUsage = Pick<
  UsageSnapshot,
  'calls' | 'inputTokens' | 'outputTokens' | 'cacheReadTokens' | 'cacheWriteTokens' | 'costUsd' | 'cacheSavingsUsd' | 'cacheReadShare'
>;

/** The end-of-run numbers (the CLI prints them; `--json` prints this object). */
export interface GenerateSummary {
  readonly runId: string;
  readonly engine: 'v1' | 'v2';
  readonly masterPlanId: string | null;
  readonly tasks: number;
  readonly phases: number;
  readonly atoms: number;
  readonly atomsPassed: number;
  readonly atomsFailed: number;
  readonly atomsSkipped: number;
  /** passed / all atoms. */
  readonly precision: number;
  /** Atoms that passed on their first attempt (whole files count as first-pass) / all atoms. */
  readonly firstPassRate: number;
  /** Attempts beyond the first (V2: per atom; V1: per task). */
  readonly retries: number;
  /** Longest dependency chain weighted by the calls' actual durations: the lower bound of the execution time. */
  readonly criticalPathMs: number;
  readonly waves: number;
  /** Wall time of this call (a resumed run counts from the resume). */
  readonly wallMs: number;
  /** Wall time of the execution stage of this call (compare with criticalPathMs). */
  readonly executionMs: number;
  readonly usage: GenerateUsage;
  /** Files proposed in the run, across resumes, sorted. */
  readonly filesProposed: string[];
  /** Files proposed by this call. */
  readonly filesProposedNow: string[];
  readonly filesRefused: ReadonlyArray<{ readonly path: string; readonly reason: string }>;
  readonly failed: FailedUnit[];
  /** Per validation level: atoms that passed, failed or skipped it, and the distinct skip reasons. */
  readonly levels: LevelTally[];
  readonly outcome: GenerateOutcome;
  /** What stopped the run, when something did (auth, spend-limit, cost-cap, cycle, ...). */
  readonly error: { readonly code: string; readonly message: string } | null;
}

/** What the driver knows that the store does not. */
export interface SummaryInput {
  readonly runId: string;
  readonly engine: 'v1' | 'v2';
  readonly plan: StoredMasterPlan | undefined;
  readonly outcome: GenerateOutcome;
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly wallMs: number;
  readonly executionMs: number;
  readonly criticalPathMs: number;
  readonly waves: number;
  readonly filesProposedNow: readonly string[];
  readonly filesRefused: ReadonlyArray<{ readonly path: string; readonly reason: string }>;
}

/** The summary of `input.runId` as stored now. */
export function buildSummary(deps: Pick<GenerateDeps, 'store' | 'generation'>, input: SummaryInput): GenerateSummary {
  const { runId } = input;
  const atoms = deps.generation.atoms(runId);
  const states = deps.generation.taskStates(runId);
  const count = (status: string): number => atoms.filter((a) => a.status === status).length;
  const passed = count('passed');
  const firstPass = atoms.filter((a) => a.status === 'passed' && a.attempts <= 1).length;
  const retries =
    input.engine === 'v1'
      ? [...states.values()].reduce((n, s) => n + Math.max(0, s.attempts - 1), 0)
      : atoms.reduce((n, a) => n + Math.max(0, a.attempts - 1), 0);
  const failed: FailedUnit[] = [];
  for (const s of states.values()) {
    if (s.status === 'failed') {
      failed.push({ atomId: `${s.taskId}#${input.engine === 'v1' ? 'v1' : 'skeleton'}`, task: s.taskId, level: s.failure?.level ?? 'syntax', message: s.failure?.message ?? '' });
    }
  }
  for (const a of atoms) {
    if (a.status === 'failed') failed.push({ atomId: a.atomId, task: a.taskId, level: a.failure?.level ?? 'syntax', message: a.failure?.message ?? '' });
  }
  const usage = deps.store.usageForRun(runId);
  const uncached = deps.generation.usageByModel(runId).reduce((n, m) => n + costWithoutCache(m.model, m.usage), 0);
  const prompt = usage.inputTokens + usage.cacheReadTokens + usage.cacheWriteTokens;
  return {
    runId,
    engine: input.engine,
    masterPlanId: input.plan?.id ?? null,
    tasks: input.plan ? planTasks(input.plan.plan).length : 0,
    phases: input.plan?.plan.phases.length ?? 0,
    atoms: atoms.length,
    atomsPassed: passed,
    atomsFailed: count('failed'),
    atomsSkipped: count('skipped'),
    precision: atoms.length === 0 ? 0 : passed / atoms.length,
    firstPassRate: atoms.length === 0 ? 0 : firstPass / atoms.length,
    retries,
    criticalPathMs: input.criticalPathMs,
    waves: input.waves,
    wallMs: input.wallMs,
    executionMs: input.executionMs,
    usage: {
      calls: usage.calls,
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
      cacheReadTokens: usage.cacheReadTokens,
      cacheWriteTokens: usage.cacheWriteTokens,
      costUsd: usage.costUsd,
      cacheSavingsUsd: uncached - usage.costUsd,
      cacheReadShare: prompt === 0 ? 0 : usage.cacheReadTokens / prompt,
    },
    filesProposed: deps.generation.proposals(runId).filter((p) => p.status === 'proposed').map((p) => p.proposal.relPath).sort(),
    filesProposedNow: [...input.filesProposedNow].sort(),
    filesRefused: input.filesRefused,
    failed,
    levels: tallyLevels(deps.generation.attempts(runId)),
    outcome: input.outcome,
    error: input.error,
  };
}
