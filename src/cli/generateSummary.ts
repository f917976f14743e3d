/**
 * The end of `mge generate` / `mge resume`: the `--json` summary object (the planning summary's
 * fields plus the generation figures), the readable summary, and the closing message and exit
 * code for each way a run can end.
 */
import type { GenerateSummary } from '../core/generate';
import type { SinkReport } from './diskSink';
import { EXIT, exitCodeFor } from './exitCodes';
import type { CliIo } from './io';
import type { PlanSummary } from './summary';

/** The last stdout line of `mge generate --json` and `mge resume --json`. */
export interface GenerateJsonSummary
  extends Omit<PlanSummary, 'outcome'>,
    Pick<GenerateSummary, 'outcome' | 'engine' | 'atoms' | 'atomsPassed' | 'atomsFailed' | 'atomsSkipped' | 'precision' | 'firstPassRate' | 'retries' | 'criticalPathMs' | 'executionMs' | 'waves' | 'failed' | 'levels'> {
  readonly cacheSavingsUsd: number;
  readonly mode: SinkReport['mode'];
  /** Written into the workspace (every session of the run). */
  readonly filesWritten: string[];
  /** Left in `proposalsDir` (propose-only, or kept back because the file changed on disk). */
  readonly filesProposed: string[];
  readonly proposalsDir: string;
  readonly filesRefused: ReadonlyArray<{ readonly path: string; readonly reason: string }>;
  readonly conflicts: ReadonlyArray<{ readonly path: string; readonly reason: string }>;
  /** The command that continues the run, when it can be continued. */
  readonly resume: string | null;
}

const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** The JSON summary of a generate run and what the sink did with its files. */
export function generateJson(s: GenerateSummary, sink: SinkReport): GenerateJsonSummary {
  const u = s.usage;
  return {
    runId: s.runId,
    masterPlanId: s.masterPlanId,
    tasks: s.tasks,
    phases: s.phases,
    inputTokens: u.inputTokens,
    outputTokens: u.outputTokens,
    cacheReadTokens: u.cacheReadTokens,
    cacheWriteTokens: u.cacheWriteTokens,
    costUsd: round(u.costUsd, 6),
    wallMs: Math.round(s.wallMs),
    outcome: s.outcome,
    error: s.error,
    calls: u.calls,
    cacheReadShare: round(u.cacheReadShare, 4),
    engine: s.engine,
    atoms: s.atoms,
    atomsPassed: s.atomsPassed,
    atomsFailed: s.atomsFailed,
    atomsSkipped: s.atomsSkipped,
    precision: round(s.precision, 4),
    firstPassRate: round(s.firstPassRate, 4),
    retries: s.retries,
    criticalPathMs: Math.round(s.criticalPathMs),
    executionMs: Math.round(s.executionMs),
    waves: s.waves,
    cacheSavingsUsd: round(u.cacheSavingsUsd, 6),
    mode: sink.mode,
    filesWritten: sink.filesWritten,
    filesProposed: sink.filesProposed,
    proposalsDir: sink.proposalsDir,
    filesRefused: [...s.filesRefused, ...sink.refused],
    conflicts: sink.conflicts,
    failed: s.failed,
    levels: s.levels,
    resume: s.outcome === 'done' ? null : resumeCommand(s),
  };
}

function resumeCommand(s: GenerateSummary): string {
  return s.outcome === 'stopped-at-cost-cap' ? `mge resume ${s.runId} --max-cost <higher USD>` : `mge resume ${s.runId}`;
}

/** The readable summary (stdout). */
export function humanSummary(j: GenerateJsonSummary): string {
  const lines: string[] = [];
  const tokens = j.inputTokens + j.outputTokens + j.cacheReadTokens + j.cacheWriteTokens;
  if (!j.masterPlanId) {
    lines.push(`Run ${j.runId}: no plan yet; ${duration(j.wallMs)}; ${money(j.costUsd)}, ${count(tokens)} tokens over ${j.calls} call(s)`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    `MasterPlan ${j.masterPlanId}: ${j.tasks} tasks, ${j.atoms} atoms, precision ${pct(j.precision)}, first pass ${pct(j.firstPassRate, 0)}, ` +
      `${duration(j.wallMs)} (execution ${duration(j.executionMs)}, lower bound ${duration(j.criticalPathMs)}); ` +
      `${money(j.costUsd)}, ${count(tokens)} tokens (cache saved ${money(j.cacheSavingsUsd)})`,
  );
  lines.push(
    `  ${j.engine.toUpperCase()}: ${j.atomsPassed} passed, ${j.atomsFailed} failed${j.atomsSkipped > 0 ? `, ${j.atomsSkipped} skipped` : ''}; ` +
      `${j.retries} retries; ${j.waves} waves; ${j.calls} calls, ${pct(j.cacheReadShare)} of input read from cache`,
  );
  lines.push(...levelLines(j.levels));
  if (j.mode === 'apply') lines.push(`  ${j.filesWritten.length} file(s) written to the workspace.`);
  const pending = j.filesProposed.length - j.conflicts.length;
  if (pending > 0) {
    lines.push(`  ${pending} file(s) proposed in ${j.proposalsDir}/ (manifest.json lists each file's atoms); nothing in the workspace was changed.`);
    lines.push(`  Write them into the workspace with: mge resume ${j.runId} --apply`);
  }
  for (const c of j.conflicts) lines.push(`  kept your version of ${c.path} (${c.reason}); MGE's is in ${j.proposalsDir}/${c.path}`);
  for (const r of j.filesRefused) lines.push(`  refused ${r.path}: ${r.reason}`);
  if (j.failed.length > 0) {
    lines.push(`Failed (${j.failed.length}):`);
    for (const f of j.failed.slice(0, 20)) lines.push(`  ${f.atomId} (task ${f.task}) at ${f.level}: ${firstLine(f.message)}`);
    if (j.failed.length > 20) lines.push(`  ... and ${j.failed.length - 20} more (mge generate --json lists them all)`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * "  Validation: syntax 131 passed; types 125 passed, 6 skipped; ..." and one line per skip reason
 * ("    types: skipped for 6 atoms — pyright not found"): a level that did not run is no pass.
 */
export function levelLines(levels: GenerateJsonSummary['levels']): string[] {
  if (levels.length === 0) return [];
  const counts = levels.map((l) => {
    const parts = [`${l.pass} passed`, ...(l.fail > 0 ? [`${l.fail} failed`] : []), ...(l.skipped > 0 ? [`${l.skipped} skipped`] : [])];
    return `${l.level} ${parts.join(', ')}`;
  });
  const reasons = levels.flatMap((l) => l.skipReasons.map((r) => `    ${l.level}: skipped for ${r.atoms} atom${r.atoms === 1 ? '' : 's'} — ${firstLine(r.reason)}`));
  return [`  Validation: ${counts.join('; ')}`, ...reasons];
}

/** Prints how the run ended (stderr) and returns the exit code. */
export function closeRun(io: CliIo, j: GenerateJsonSummary): number {
  switch (j.outcome) {
    case 'cancelled':
      io.stderr(`Cancelled. Run ${j.runId} is saved; continue it with: ${j.resume ?? ''}\n`);
      return EXIT.cancelled;
    case 'stopped-at-cost-cap':
      io.stderr(
        `Stopped at the cost cap: ${j.error ? j.error.message : `$${j.costUsd.toFixed(4)} spent.`} ` +
          `Run ${j.runId} is saved; continue it with a higher cap: ${j.resume ?? ''}\n`,
      );
      return EXIT.failed;
    case 'failed': {
      const why = j.error
        ? `${j.error.message} (${j.error.code})`
        : j.failed.length > 0
          ? `${j.failed.length} atom(s) or task(s) did not pass (listed above)`
          : j.filesRefused.length > 0
            ? `${j.filesRefused.length} file(s) refused (listed above)`
            : `${j.atoms - j.atomsPassed} atom(s) did not pass`;
      io.stderr(`Run ${j.runId} finished with failures: ${why}. Retry what failed with: ${j.resume ?? ''}\n`);
      return j.error ? exitCodeFor(j.error.code) : EXIT.failed;
    }
    case 'done':
      // A file the sink refused or kept back is a failure the core cannot see.
      if (j.filesRefused.length > 0 || j.conflicts.length > 0) {
        io.stderr(`Run ${j.runId} is done, but ${j.filesRefused.length + j.conflicts.length} file(s) were not written (see above).\n`);
        return EXIT.failed;
      }
      return EXIT.ok;
  }
}

/** "$0.42"; small amounts keep four decimals so they do not round to a cap they stayed under. */
function money(usd: number): string {
  return `$${usd.toFixed(Math.abs(usd) >= 0.1 || usd === 0 ? 2 : 4)}`;
}

function pct(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)}%`;
}

/** "41 s", "1 min 12 s", "2.5 s" */
export function duration(ms: number): string {
  const s = ms / 1000;
  if (s < 10) return `${s.toFixed(1)} s`;
  if (s < 60) return `${Math.round(s)} s`;
  const whole = Math.round(s);
  return `${Math.floor(whole / 60)} min ${whole % 60} s`;
}

/** 1234 -> "1,234", 1.2e6 -> "1.2M" */
function count(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(0)}k`;
  return n.toLocaleString('en-US');
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}
