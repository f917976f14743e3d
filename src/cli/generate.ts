/** `mge generate`: plan a request, generate its code atom by atom, and propose or apply the files. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateRun } from '../core/generate';
import { checkRequest } from '../core/pipeline/badInput';
import type { CliCommand, CliContext } from './commands';
import { EXIT } from './exitCodes';
import { COMMON_OPTIONS, finishRun, maxCostFlag, modeFlag, openGenerateSession } from './generateRunner';
import { UsageError } from './io';

const OPTIONS = {
  ...COMMON_OPTIONS,
  model: { type: 'string', short: 'm' },
  file: { type: 'string', short: 'f' },
  v1: { type: 'boolean' },
  v2: { type: 'boolean' },
} as const;

const HELP = `Usage: mge generate "<request>" [--workspace DIR] [options]
       mge generate --file REQUEST.txt [--workspace DIR] [options]

Plans the request (discovery, MasterPlan), splits each task into atoms of at most 10 lines,
generates them in parallel with Claude (each atom as soon as the atoms it uses are done),
validates every atom (syntax, names, atomicity, types through the language servers in a shadow
copy of the workspace; runtime with --runtime) with retries, and assembles whole files.

Where the files go:
  (default)             --propose-only: nothing in the workspace changes. Each file is written to
                        DIR/.mge/proposals/<run id>/<path>, with manifest.json listing every file's
                        atoms and line ranges. Review them, then write them in place with
                        mge resume <run id> --apply
      --apply           write each file into the workspace as soon as it is complete (temp file +
                        rename). A file you changed since MGE read it is not overwritten: MGE's
                        version goes to the proposals folder instead, and the run exits 1.
  No file is ever written outside the workspace or under .git/ or .mge/, whatever the model says.

Options:
  -w, --workspace DIR   workspace to generate into (default: current directory)
      --db FILE         database file (default: DIR/.mge/mge.db)
  -f, --file FILE       read the request from FILE (at most 100 KB)
      --base-url URL    Anthropic-compatible endpoint (default: ANTHROPIC_BASE_URL or the Anthropic API)
  -m, --model M         model for discovery, planning and skeletons (default: MGE_MODEL or claude-sonnet-5-5)
      --atom-model M    model for atoms and their retries (default: claude-haiku-5-5)
      --concurrency N   most model calls in flight, 1-500 (default: MGE_V2_MAX_CONCURRENCY or 100)
      --retries N       attempts per atom, 1-10 (default: MGE_V2_MAX_RETRIES or 4)
      --v1              the legacy engine: whole tasks, 3 at a time, syntax check only
                        (default: V2 unless MGE_V2_ENABLED=false; --v2 forces V2)
      --no-cache        do not answer identical requests from the response cache (MGE_V2_ENABLE_CACHING)
      --no-rag          no retrieval of similar code (MGE_V2_ENABLE_RAG)
      --max-cost USD    stop before the spend would pass USD; the run can be resumed with a higher cap
      --runtime         validation level 5: run each atom's check in the shadow copy (10 s timeout,
                        no keys or secrets in its environment). Off by default: the flag is the
                        consent to execute generated code. Level 4 (types) always runs; a language
                        server that cannot start makes it "skipped" with the reason, not a failure.
      --json            progress as JSON lines on stderr; last stdout line is the summary object
  -v, --verbose         more log lines
  -h, --help            this text

Flags win over the environment variables, which win over the defaults; out-of-range numbers are
clamped with a warning. Ctrl-C stops the run and saves it (exit 130): continue with mge resume.
Exit codes: 0 done, 1 finished with failures (an atom that never passed, a file not written, the
cost cap reached), 2 bad usage or input, 3 API or authentication error, 130 cancelled.
`;

export const generateCommand: CliCommand = {
  name: 'generate',
  summary: 'plan a request and generate its code (proposals, or --apply)',
  help: HELP,
  run: runGenerate,
};

/** Run `mge generate`; returns the exit code. */
export async function runGenerate(args: readonly string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, allowNegative: true, strict: true });
  if (values.help) {
    ctx.io.stdout(HELP);
    return EXIT.ok;
  }
  if (values.v1 && values.v2) throw new UsageError('Give --v1 or --v2, not both.');
  const request = checkRequest(readRequest(positionals, values.file, ctx.io.cwd));
  const mode = modeFlag(values) ?? 'propose-only';
  const maxCostUsd = maxCostFlag(values['max-cost']) ?? null;
  const v2 = values.v1 ? false : values.v2 ? true : undefined;
  const session = await openGenerateSession(ctx, values, { model: values.model, v2 });
  try {
    const deps = await session.useSink(mode, maxCostUsd);
    const summary = await generateRun(deps, { request, workspaceRoot: session.paths.root }, ctx.signal);
    return finishRun(ctx, session, summary, values.json);
  } finally {
    await session.close();
  }
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
  if (positionals.length === 0) throw new UsageError('Give the request: mge generate "<what to build>" (or --file REQUEST.txt).');
  return positionals.join(' ');
}
