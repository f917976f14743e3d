/** `mge status [RUN_ID]`: what a run did (the latest when no id), read without taking the writer lock. */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { RunRecord } from '../core/ports';
import { openDatabase } from '../core/store/database';
import { createSqlPlanStore } from '../core/store/planStore';
import type { CliCommand, CliContext } from './commands';
import { EXIT } from './exitCodes';
import { UsageError } from './io';
import { createReporter, seconds } from './reporter';
import { workspacePaths } from './wiring';

const OPTIONS = {
  workspace: { type: 'string', short: 'w' },
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const HELP = `Usage: mge status [RUN_ID] [--workspace DIR] [--db FILE] [--json]

Shows a run: status, stage, discovery, plan, tokens and cost, error. Without RUN_ID, the latest run.
Reads the database without locking it, so it works while a run is going.

Options:
  -w, --workspace DIR   workspace (default: current directory)
      --db FILE         database file (default: DIR/.mge/mge.db)
      --json            one JSON object on stdout
  -h, --help            this text
`;

export const statusCommand: CliCommand = {
  name: 'status',
  summary: 'show a run (the latest by default)',
  help: HELP,
  run: runStatus,
};

/** Run `mge status`; returns the exit code. */
export async function runStatus(args: readonly string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true });
  if (values.help) {
    ctx.io.stdout(HELP);
    return EXIT.ok;
  }
  if (positionals.length > 1) throw new UsageError('Give at most one run id.');
  const paths = workspacePaths(ctx.io, values);
  if (!existsSync(paths.dbPath)) {
    ctx.io.stdout(values.json ? `${JSON.stringify({ run: null, db: paths.dbPath })}\n` : `No runs yet: there is no database at ${paths.dbPath}.\n`);
    return EXIT.ok;
  }
  const reporter = createReporter(ctx.io, { json: values.json, verbose: false });
  const db = await openDatabase({ path: paths.dbPath, logger: reporter.logger, readOnly: true });
  try {
    const store = createSqlPlanStore(db, { now: () => Date.now() });
    const wanted = positionals[0];
    const run = wanted !== undefined ? store.getRun(wanted) : store.latestRun();
    if (!run) {
      if (wanted !== undefined) throw new UsageError(`There is no run ${wanted} in ${paths.dbPath}.`);
      ctx.io.stdout(values.json ? `${JSON.stringify({ run: null, db: paths.dbPath })}\n` : 'No runs yet.\n');
      return EXIT.ok;
    }
    const discovery = store.discoveryForRun(run.id);
    const plan = store.masterPlanForRun(run.id);
    const usage = store.usageForRun(run.id);
    const report = {
      runId: run.id,
      kind: run.kind,
      status: run.status,
      stage: run.stage,
      request: run.request,
      workspaceRoot: run.workspaceRoot,
      model: run.model,
      createdAt: new Date(run.createdAt).toISOString(),
      finishedAt: run.finishedAt === null ? null : new Date(run.finishedAt).toISOString(),
      wallMs: run.finishedAt === null ? null : run.finishedAt - run.createdAt,
      error: run.errorCode === null ? null : { code: run.errorCode, message: run.errorMessage ?? '' },
      discoveryId: discovery?.id ?? null,
      domain: discovery?.document.domain ?? null,
      masterPlanId: plan?.id ?? null,
      phases: plan?.plan.phases.length ?? 0,
      tasks: plan ? plan.plan.phases.reduce((count, p) => count + p.tasks.length, 0) : 0,
      ...usage,
      events: store.listEvents(run.id).length,
    };
    ctx.io.stdout(values.json ? `${JSON.stringify(report)}\n` : humanStatus(run, report));
    return EXIT.ok;
  } finally {
    await db.close();
  }
}

function humanStatus(run: RunRecord, r: { domain: string | null; masterPlanId: string | null; tasks: number; phases: number; calls: number; inputTokens: number; outputTokens: number; cacheReadTokens: number; cacheWriteTokens: number; costUsd: number; wallMs: number | null }): string {
  const lines = [
    `Run ${run.id} (${run.kind}, ${run.engine}): ${run.status}${run.stage ? `, last stage ${run.stage}` : ''}`,
    `  request: ${run.request.length > 100 ? `${run.request.slice(0, 97)}...` : run.request}`,
    `  started ${new Date(run.createdAt).toISOString()}${r.wallMs === null ? '' : `, took ${seconds(r.wallMs)}`}, model ${run.model}`,
    `  discovery: ${r.domain ?? 'not yet'}`,
    `  plan: ${r.masterPlanId ? `${r.masterPlanId}, ${r.tasks} tasks in ${r.phases} phases` : 'not yet'}`,
    `  ${r.calls} call(s): ${r.inputTokens} in, ${r.outputTokens} out, ${r.cacheReadTokens} cache read, ${r.cacheWriteTokens} cache write; $${r.costUsd.toFixed(4)}`,
  ];
  if (run.errorCode) lines.push(`  error (${run.errorCode}): ${run.errorMessage ?? ''}`);
  if (run.kind === 'generate' && run.status !== 'done') {
    lines.push(`  continue with: mge resume ${run.id}`);
  } else if (run.status === 'running' || run.status === 'cancelled' || (run.status === 'failed' && run.kind === 'plan' && !r.masterPlanId)) {
    lines.push(`  continue with: mge plan --resume ${run.id}`);
  }
  return `${lines.join('\n')}\n`;
}
