/** `mge plan`: discovery + masterplan for a request (or continue a stopped planning run). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkRequest } from '../core/pipeline/badInput';
import { planRun, resumePlan, type PlanRunResult } from '../core/pipeline/planRun';
import type { CliCommand, CliContext } from './commands';
import { EXIT, exitCodeFor } from './exitCodes';
import { UsageError } from './io';
import { createReporter, seconds } from './reporter';
import { printFailure, runSummary } from './summary';
import { openPlanSession } from './wiring';

const OPTIONS = {
  workspace: { type: 'string', short: 'w' },
  db: { type: 'string' },
  'base-url': { type: 'string' },
  model: { type: 'string', short: 'm' },
  file: { type: 'string', short: 'f' },
  resume: { type: 'string' },
  cache: { type: 'boolean' },
  rag: { type: 'boolean' },
  json: { type: 'boolean', default: false },
  verbose: { type: 'boolean', short: 'v', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const HELP = `Usage: mge plan "<request>" [--workspace DIR] [options]
       mge plan --file REQUEST.txt [--workspace DIR] [options]
       mge plan --resume RUN_ID [--workspace DIR] [options]

Discovery and MasterPlan for the request, stored in the workspace database. No files are written.

Options:
  -w, --workspace DIR   workspace the plan is for (default: current directory)
      --db FILE         database file (default: DIR/.mge/mge.db)
      --base-url URL    Anthropic-compatible endpoint (default: ANTHROPIC_BASE_URL or the Anthropic API)
  -m, --model M         model for discovery and planning (default: MGE_MODEL or the built-in default)
  -f, --file FILE       read the request from FILE (at most 100 KB)
      --resume RUN_ID   continue a planning run that was stopped; a stored discovery is not redone
      --no-cache        do not answer identical requests from the response cache
      --json            progress as JSON lines on stderr; last stdout line is the summary object
  -v, --verbose         more log lines
  -h, --help            this text
`;

export const planCommand: CliCommand = {
  name: 'plan',
  summary: 'discover and plan a request (no code is written)',
  help: HELP,
  run: runPlan,
};

/** Run `mge plan`; returns the exit code. */
export async function runPlan(args: readonly string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, allowNegative: true, strict: true });
  if (values.help) {
    ctx.io.stdout(HELP);
    return EXIT.ok;
  }
  const reporter = createReporter(ctx.io, { json: values.json, verbose: values.verbose });
  const request = values.resume === undefined ? checkRequest(readRequest(positionals, values.file, ctx.io.cwd)) : undefined;
  if (values.resume !== undefined && (positionals.length > 0 || values.file !== undefined)) {
    throw new UsageError('--resume continues a stored run: give no request with it.');
  }
  const session = await openPlanSession(ctx.io, reporter, {
    workspace: values.workspace,
    db: values.db,
    baseUrl: values['base-url'],
    model: values.model,
    cache: values.cache,
    rag: values.rag,
  });
  let result: PlanRunResult;
  try {
    result = request !== undefined
      ? await planRun(session.deps, { request, workspaceRoot: session.paths.root }, ctx.signal)
      : await resumePlan(session.deps, values.resume ?? '', ctx.signal);
  } finally {
    await session.close();
  }
  const summary = runSummary(result);
  if (values.json) {
    ctx.io.stdout(`${JSON.stringify(summary)}\n`);
  } else {
    if (result.masterPlan) ctx.io.stdout(`${result.masterPlan.markdown}\n`);
    const plan = summary.masterPlanId ? `MasterPlan ${summary.masterPlanId}: ${summary.tasks} tasks in ${summary.phases} phases` : `Run ${result.runId}: no plan`;
    ctx.io.stdout(`${plan}\n`);
    ctx.io.stdout(
      `Tokens: ${n(summary.inputTokens)} in, ${n(summary.outputTokens)} out, ${n(summary.cacheReadTokens)} cache read, ${n(summary.cacheWriteTokens)} cache write ` +
        `(${(summary.cacheReadShare * 100).toFixed(1)}% of input read from cache)\n`,
    );
    ctx.io.stdout(`Cost: $${summary.costUsd.toFixed(4)} over ${summary.calls} call(s); wall time ${seconds(summary.wallMs)}\n`);
  }
  if (result.outcome === 'cancelled') {
    ctx.io.stderr(`Cancelled. Run ${result.runId} is saved; continue it with: mge plan --resume ${result.runId}\n`);
    return EXIT.cancelled;
  }
  if (result.failure) {
    if (!values.json) printFailure(ctx.io, result.failure.code, result.failure.message, `Run ${result.runId}`);
    return exitCodeFor(result.failure.code);
  }
  return EXIT.ok;
}

function readRequest(positionals: readonly string[], file: string | undefined, cwd: string): string {
  if (file !== undefined) {
    if (positionals.length > 0) throw new UsageError('Give the request either as text or with --file, not both.');
    try {
      return readFileSync(resolve(cwd, file), 'utf8');
    } catch (err) {
      throw new UsageError(`Cannot read the request file ${file}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return positionals.join(' ');
}

function n(value: number): string {
  return value.toLocaleString('en-US');
}
