/** `mge resume`: continue a generate run (or a planning run) that was stopped, killed or capped. */
import { existsSync, realpathSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { resumeGenerate } from '../core/generate';
import { resumePlan } from '../core/pipeline/planRun';
import type { RunRecord } from '../core/ports';
import type { CliCommand, CliContext } from './commands';
import { EXIT, exitCodeFor } from './exitCodes';
import { COMMON_OPTIONS, finishRun, maxCostFlag, modeFlag, openGenerateSession, type GenerateSession } from './generateRunner';
import { UsageError } from './io';
import { readManifest } from './proposalManifest';
import { seconds } from './reporter';
import { runSummary } from './summary';
import { workspacePaths } from './wiring';

const HELP = `Usage: mge resume [RUN_ID] [--workspace DIR] [--max-cost USD] [--json] [options]

Continues a run that stopped: killed, cancelled (Ctrl-C), stopped at the cost cap, or finished
with failed atoms (they are tried again). Without RUN_ID, the latest run that is not done.
Stored stages are not redone, passed atoms are kept, atoms that were in flight are redone, and
no file is written twice. A planning run (mge plan) is continued as a planning run.

The run keeps the engine, planning model, mode (--apply / --propose-only) and cost cap it was
started with, unless given here. --apply on a run that only proposed writes its proposals into
the workspace (files you changed since are kept and reported).

Options:
  -w, --workspace DIR   workspace of the run (default: current directory)
      --db FILE         database file (default: DIR/.mge/mge.db)
      --max-cost USD    a new cost cap (a run stopped at its cap needs a higher one), or "none"
      --apply           write the run's files into the workspace from now on
      --propose-only    leave them in .mge/proposals/<run id>/ from now on
      --base-url URL    Anthropic-compatible endpoint (default: ANTHROPIC_BASE_URL or the Anthropic API)
      --atom-model M    model for atoms and their retries
      --concurrency N   most model calls in flight, 1-500 (default: MGE_V2_MAX_CONCURRENCY or 100)
      --retries N       attempts per atom, 1-10 (default: MGE_V2_MAX_RETRIES or 4)
      --no-cache        do not answer identical requests from the response cache
      --no-rag          no retrieval of similar code
      --runtime         validation level 5 for this session: run each atom's check in the shadow
                        copy (off by default: the flag is the consent to execute generated code)
      --json            progress as JSON lines on stderr; last stdout line is the summary object
  -v, --verbose         more log lines
  -h, --help            this text

Exit codes as mge generate: 0 done, 1 finished with failures or stopped at the cost cap,
2 bad usage (unknown run, cap not raised), 3 API or authentication error, 130 cancelled.
`;

export const resumeCommand: CliCommand = { name: 'resume', summary: 'continue a stopped run (the latest unfinished one by default)', help: HELP, run: runResume };

/** Run `mge resume`; returns the exit code. */
export async function runResume(args: readonly string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], options: COMMON_OPTIONS, allowPositionals: true, allowNegative: true, strict: true });
  if (values.help) {
    ctx.io.stdout(HELP);
    return EXIT.ok;
  }
  if (positionals.length > 1) throw new UsageError('Give at most one run id.');
  const modeGiven = modeFlag(values);
  const capGiven = maxCostFlag(values['max-cost']);
  const paths = workspacePaths(ctx.io, values);
  if (!existsSync(paths.dbPath)) throw new UsageError(`Nothing to resume: there is no database at ${paths.dbPath}.`);
  const session = await openGenerateSession(ctx, values, {});
  try {
    const run = findRun(session, positionals[0]);
    if (!run) {
      ctx.io.stdout(values.json ? `${JSON.stringify({ runId: null, outcome: 'nothing-to-resume' })}\n` : 'Nothing to resume: every run in this workspace is done.\n');
      return EXIT.ok;
    }
    if (!sameDir(run.workspaceRoot, paths.root)) {
      throw new UsageError(`Run ${run.id} generates into ${run.workspaceRoot}; resume it with --workspace ${run.workspaceRoot}.`);
    }
    if (run.kind === 'plan') return await resumePlanning(ctx, session, run, values.json);
    const manifest = readManifest(paths.root, run.id);
    const cap = capGiven !== undefined ? capGiven : (manifest?.maxCostUsd ?? null);
    if (run.errorCode === 'cost-cap' && capGiven === undefined) {
      const spent = session.core.store.usageForRun(run.id).costUsd;
      throw new UsageError(
        `Run ${run.id} stopped at its cost cap${cap === null ? '' : ` of $${cap.toFixed(2)}`} ($${spent.toFixed(4)} spent). ` +
          `Continue it with a higher cap: mge resume ${run.id} --max-cost <USD> (or --max-cost none).`,
      );
    }
    const mode = modeGiven ?? manifest?.mode ?? 'propose-only';
    const deps = await session.useSink(mode, cap, { planningModel: run.model });
    session.sink().begin(run.id);
    // Proposals an earlier propose-only session left are written first when --apply is asked now.
    await session.sink().applyPending(run.id, ctx.signal);
    const summary = await resumeGenerate(deps, run.id, ctx.signal);
    return finishRun(ctx, session, summary, values.json);
  } finally {
    await session.close();
  }
}

function sameDir(a: string, b: string): boolean {
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      return p;
    }
  };
  return real(a) === real(b);
}

/** The run named, or the latest one that is not done. */
function findRun(session: GenerateSession, wanted: string | undefined): RunRecord | undefined {
  const { store, db } = session.core;
  if (wanted !== undefined) {
    const run = store.getRun(wanted);
    if (!run) throw new UsageError(`There is no run ${wanted} in ${session.paths.dbPath}. See: mge status`);
    return run;
  }
  const row = db.get(`SELECT id FROM runs WHERE status <> 'done' ORDER BY created_at DESC, rowid DESC LIMIT 1`);
  return typeof row?.id === 'string' ? store.getRun(row.id) : undefined;
}

async function resumePlanning(ctx: CliContext, session: GenerateSession, run: RunRecord, json: boolean): Promise<number> {
  const deps = { ...session.core.planDeps, settings: { ...session.core.planDeps.settings, model: run.model } };
  const result = await resumePlan(deps, run.id, ctx.signal);
  session.reporter.finish();
  const summary = runSummary(result);
  if (json) ctx.io.stdout(`${JSON.stringify(summary)}\n`);
  else {
    const plan = summary.masterPlanId ? `MasterPlan ${summary.masterPlanId}: ${summary.tasks} tasks in ${summary.phases} phases` : `Run ${result.runId}: no plan`;
    ctx.io.stdout(`${plan}; $${summary.costUsd.toFixed(4)} over ${summary.calls} call(s), ${seconds(summary.wallMs)}\n`);
  }
  if (result.outcome === 'cancelled') {
    ctx.io.stderr(`Cancelled. Run ${result.runId} is saved; continue it with: mge resume ${result.runId}\n`);
    return EXIT.cancelled;
  }
  if (result.failure) return exitCodeFor(result.failure.code);
  return EXIT.ok;
}
