/**
 * What `mge generate` and `mge resume` share: their common flags, the composition (the core's
 * one openCoreSession plus the disk sink and the wave reporter), and the end of a run (summary,
 * closing message, exit code).
 */
import { dirname, join } from 'node:path';
import type { GenerateDeps, GenerateSettings, GenerateSummary } from '../core/generate';
import { createMultiLanguageParser } from '../core/parse/multiLanguageParser';
import { openCoreSession, type CoreSession } from '../core/pipeline/coreSession';
import { createWorkspaceRag } from '../core/rag/workspaceRag';
import { createShadowValidators, type ShadowValidators } from '../core/validate/shadowValidators';
import { bundledServerLocations } from '../core/lsp/serverCommands';
import type { ProgressEvent } from '../shared/events';
import type { CliContext } from './commands';
import { createDiskSink, type DiskEditSink } from './diskSink';
import { closeRun, generateJson, humanSummary } from './generateSummary';
import { UsageError } from './io';
import type { SinkMode } from './proposalManifest';
import { cliSettings } from './settings';
import { createGenerateReporter } from './waveProgress';
import { requireApiKey, workspacePaths, type WorkspacePaths } from './wiring';

/** Flags both commands take (node:util parseArgs options). */
export const COMMON_OPTIONS = {
  workspace: { type: 'string', short: 'w' },
  db: { type: 'string' },
  'base-url': { type: 'string' },
  'atom-model': { type: 'string' },
  concurrency: { type: 'string' },
  retries: { type: 'string' },
  'max-cost': { type: 'string' },
  apply: { type: 'boolean' },
  'propose-only': { type: 'boolean' },
  cache: { type: 'boolean' },
  rag: { type: 'boolean' },
  runtime: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  verbose: { type: 'boolean', short: 'v', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** The common flags as parsed by parseArgs. */
export interface CommonValues {
  readonly workspace?: string;
  readonly db?: string;
  readonly 'base-url'?: string;
  readonly 'atom-model'?: string;
  readonly concurrency?: string;
  readonly retries?: string;
  readonly 'max-cost'?: string;
  readonly apply?: boolean;
  readonly 'propose-only'?: boolean;
  readonly cache?: boolean;
  readonly rag?: boolean;
  readonly runtime?: boolean;
  readonly json: boolean;
  readonly verbose: boolean;
}

/** A whole number of `--name`; out-of-range values are clamped later with a warning. */
export function integerFlag(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`--${name} takes a whole number, not "${text}".`);
  return Number(text.trim());
}

/** `--max-cost USD`: a non-negative amount, or `none` for no cap; undefined when not given. */
export function maxCostFlag(text: string | undefined): number | null | undefined {
  if (text === undefined) return undefined;
  if (/^(none|off)$/i.test(text.trim())) return null;
  const value = Number(text.trim().replace(/^\$/, ''));
  if (text.trim() === '' || !Number.isFinite(value) || value < 0) throw new UsageError(`--max-cost takes an amount in US dollars (e.g. 2.50) or "none", not "${text}".`);
  return value;
}

/** `--apply` / `--propose-only`, or undefined when neither was given. */
export function modeFlag(values: CommonValues): SinkMode | undefined {
  if (values.apply && values['propose-only']) throw new UsageError('Give --apply or --propose-only, not both.');
  return values.apply ? 'apply' : values['propose-only'] ? 'propose-only' : undefined;
}

/** Level 5 on the CLI: the `--runtime` flag is the consent (there is no Workspace Trust here). */
export function cliRuntimePolicy(runtimeFlag: boolean | undefined): { runtime: 'on' | 'off'; offReason?: string } {
  return runtimeFlag ? { runtime: 'on' } : { runtime: 'off', offReason: 'run with --runtime to execute generated code' };
}

/** An open generation session: the core, the sink, the reporter. */
export interface GenerateSession {
  readonly core: CoreSession;
  readonly paths: WorkspacePaths;
  readonly reporter: ReturnType<typeof createGenerateReporter>;
  /** Set by `useSink` before the run starts. */
  sink(): DiskEditSink;
  /**
   * Creates the sink (once the mode is known), the shadow workspace with levels 4 (types) and 5
   * (runtime, only with --runtime) over it, and the generation dependencies over both.
   */
  useSink(mode: SinkMode, maxCostUsd: number | null, patch?: Partial<GenerateSettings>): Promise<GenerateDeps>;
  /** Ends the progress line, stops the language servers and deletes the shadow, stops background indexing, saves and closes the database. */
  close(): Promise<void>;
}

/** Opens the workspace database and composes the core for a generate or resume command. */
export async function openGenerateSession(ctx: CliContext, values: CommonValues, extra: { readonly model?: string; readonly v2?: boolean }): Promise<GenerateSession> {
  const concurrency = integerFlag('concurrency', values.concurrency);
  const retries = integerFlag('retries', values.retries);
  const apiKey = requireApiKey(ctx.io.env);
  const paths = workspacePaths(ctx.io, values);
  let sink: DiskEditSink | undefined;
  const reporter = createGenerateReporter(ctx.io, {
    json: values.json,
    verbose: values.verbose,
    // Called on waves/planned, long after `core` below exists.
    passedBefore: (runId) => core.generation.atoms(runId).filter((a) => a.status === 'passed' && a.kind !== 'file').length,
  });
  const { settings, warnings } = cliSettings(
    { model: extra.model, baseUrl: values['base-url'], cache: values.cache, rag: values.rag, v2: extra.v2, concurrency, retries },
    ctx.io.env,
  );
  for (const warning of warnings) reporter.logger.warn(warning);
  const emit = (event: ProgressEvent): void => {
    if (event.type === 'run/started') {
      try {
        sink?.begin(event.runId);
      } catch (err) {
        reporter.logger.error(`Cannot write the run's manifest: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    reporter.event(event);
  };
  const atomModel = values['atom-model']?.trim();
  // The retrieval both front ends use: the stored index (mge index) loads at once, a first pass
  // over the examples and the workspace runs in the background, written files are re-indexed.
  const parser = createMultiLanguageParser();
  const rag = createWorkspaceRag({
    enableRag: settings.enableRag,
    indexDir: join(dirname(paths.dbPath), 'index'),
    workspaceDir: paths.root,
    parser,
    logger: reporter.logger,
  });
  const runtime = cliRuntimePolicy(values.runtime);
  let shadow: ShadowValidators | undefined;
  let core: CoreSession;
  try {
    core = await openCoreSession({
      apiKey,
      baseUrl: settings.baseUrl,
      db: { path: paths.dbPath },
      settings,
      generate: atomModel ? { atomModel } : {},
      logger: reporter.logger,
      emit,
      parser,
      vectorIndex: rag.vectorIndex,
    });
  } catch (err) {
    rag.dispose();
    parser.dispose();
    throw err;
  }
  return {
    core,
    paths,
    reporter,
    sink: () => {
      if (!sink) throw new Error('useSink was not called');
      return sink;
    },
    async useSink(mode, maxCostUsd, patch = {}) {
      if (sink) throw new Error('useSink was already called');
      sink = createDiskSink({ workspaceRoot: paths.root, mode, generation: core.generation, logger: reporter.logger, maxCostUsd, onWritten: (path) => rag.touch(path) });
      // Levels 4-5 as in the extension (runController.withValidation): a shadow of the workspace,
      // language servers started on first use (one that cannot start makes the level skipped).
      // dist/cli.js finds the servers the build copied next to it (dist/servers), as the extension does.
      shadow = await createShadowValidators({ sourceRoot: paths.root, files: [], runtime: runtime.runtime, runtimeOffReason: runtime.offReason, servers: bundledServerLocations(__dirname) }, ctx.signal);
      const deps = core.generateDeps({ editSink: sink, workspaceRoot: paths.root, extraValidators: shadow.validators, validationWorkspace: shadow.shadow });
      const settingsNow = { ...deps.settings, ...patch, maxCostUsd };
      return { ...deps, settings: settingsNow, planSettings: { ...deps.planSettings, model: settingsNow.planningModel } };
    },
    async close() {
      reporter.finish();
      rag.dispose();
      try {
        await shadow?.dispose();
      } catch (err) {
        reporter.logger.warn(`Cannot clean up the shadow workspace: ${err instanceof Error ? err.message : String(err)}`);
      }
      try {
        await core.close();
      } finally {
        parser.dispose();
      }
    },
  };
}

/** Prints the summary of a finished run and returns the exit code. */
export function finishRun(ctx: CliContext, session: GenerateSession, summary: GenerateSummary, json: boolean): number {
  session.reporter.finish();
  const report = generateJson(summary, session.sink().report(summary.runId));
  if (json) ctx.io.stdout(`${JSON.stringify(report)}\n`);
  else ctx.io.stdout(humanSummary(report));
  return closeRun(ctx.io, report);
}
