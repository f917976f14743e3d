/** The end-of-run numbers: the `--json` summary object and the failure line. */
import type { PlanRunResult } from '../core/pipeline/planRun';
import type { CliIo } from './io';

/** The last stdout line of `mge plan --json`. */
export interface PlanSummary {
  readonly runId: string;
  readonly masterPlanId: string | null;
  readonly tasks: number;
  readonly phases: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheReadTokens: number;
  readonly cacheWriteTokens: number;
  readonly costUsd: number;
  readonly wallMs: number;
  readonly outcome: PlanRunResult['outcome'];
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly calls: number;
  /** Share of prompt tokens (input + cache read + cache write) read from the prompt cache. */
  readonly cacheReadShare: number;
}

/** Summary of a planning result; tokens and cost cover every call of the run, across resumes. */
export function runSummary(result: PlanRunResult): PlanSummary {
  const u = result.usage;
  const prompt = u.inputTokens + u.cacheReadTokens + u.cacheWriteTokens;
  const plan = result.masterPlan?.plan;
  return {
    runId: result.runId,
    masterPlanId: result.masterPlan?.id ?? null,
    tasks: plan ? plan.phases.reduce((count, p) => count + p.tasks.length, 0) : 0,
    phases: plan?.phases.length ?? 0,
    inputTokens: u.inputTokens,
    outputTokens: u.outputTokens,
    cacheReadTokens: u.cacheReadTokens,
    cacheWriteTokens: u.cacheWriteTokens,
    costUsd: Math.round(u.costUsd * 1e6) / 1e6,
    wallMs: Math.round(result.wallMs),
    outcome: result.outcome,
    error: result.failure ? { code: result.failure.code, message: result.failure.message } : null,
    calls: u.calls,
    cacheReadShare: prompt === 0 ? 0 : Math.round((u.cacheReadTokens / prompt) * 1e4) / 1e4,
  };
}

/** One readable failure line on stderr. */
export function printFailure(io: CliIo, code: string, message: string, subject = 'mge'): void {
  io.stderr(`${subject} failed (${code}): ${message}\n`);
}
