/**
 * Composition root of the CLI: workspace and database paths, API key, settings, and the core's
 * planning dependencies over the sql.js store and the Anthropic client.
 */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { createRealClock } from '../core/clock';
import { createAnthropicLlmClient } from '../core/llm';
import { createCallLedger } from '../core/pipeline/callLedger';
import type { PlanRunDeps } from '../core/pipeline/planRun';
import { DEFAULT_PLAN_SETTINGS } from '../core/pipeline/planSettings';
import { noopVectorIndex } from '../core/rag/noopVectorIndex';
import { openDatabase, type StoreDatabase } from '../core/store/database';
import { createSqlPlanStore } from '../core/store/planStore';
import { createSqlResponseCache } from '../core/store/responseCache';
import type { CliIo } from './io';
import { UsageError } from './io';
import type { Reporter } from './reporter';
import { cliSettings, type SettingFlags } from './settings';

/** A failure before any run exists, with a code for exitCodeFor ('auth' for a missing key). */
export class CliFailure extends Error {
  override readonly name = 'CliFailure';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface WorkspacePaths {
  readonly root: string;
  readonly dbPath: string;
}

/** `--workspace` (default: the current directory) must exist; the database is DIR/.mge/mge.db unless `--db`. */
export function workspacePaths(io: CliIo, flags: { readonly workspace?: string; readonly db?: string }): WorkspacePaths {
  const root = resolve(io.cwd, flags.workspace ?? '.');
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`The workspace ${root} is not a directory.`);
  const dbPath = flags.db ? (isAbsolute(flags.db) ? flags.db : resolve(io.cwd, flags.db)) : join(root, '.mge', 'mge.db');
  return { root, dbPath };
}

/** ANTHROPIC_API_KEY, or a failure that says how to set it. */
export function requireApiKey(env: Readonly<Record<string, string | undefined>>): string {
  const key = env.ANTHROPIC_API_KEY?.trim();
  if (!key) {
    throw new CliFailure(
      'auth',
      'ANTHROPIC_API_KEY is not set. Create a key at https://console.anthropic.com/settings/keys, then run: export ANTHROPIC_API_KEY=sk-ant-... (PowerShell: $env:ANTHROPIC_API_KEY="sk-ant-...").',
    );
  }
  return key;
}

/** An open database plus the planning dependencies over it. */
export interface PlanSession {
  readonly deps: PlanRunDeps;
  readonly db: StoreDatabase;
  readonly paths: WorkspacePaths;
}

/** Everything `mge plan` needs. The caller closes `db` (which saves it). */
export async function openPlanSession(io: CliIo, reporter: Reporter, flags: SettingFlags & { readonly workspace?: string; readonly db?: string }): Promise<PlanSession> {
  const apiKey = requireApiKey(io.env);
  const paths = workspacePaths(io, flags);
  const { settings, warnings } = cliSettings(flags, io.env);
  for (const warning of warnings) reporter.logger.warn(warning);
  const logger = reporter.logger;
  const clock = createRealClock();
  const db = await openDatabase({ path: paths.dbPath, logger });
  const store = createSqlPlanStore(db, clock);
  const calls = createCallLedger(store);
  const llm = createAnthropicLlmClient({
    apiKey,
    baseUrl: settings.baseUrl === '' ? undefined : settings.baseUrl,
    cache: settings.enableCaching ? createSqlResponseCache(db, clock) : null,
    onCall: calls.onCall,
    onPause: calls.onPause,
    clock,
    logger,
  });
  const planSettings = { ...DEFAULT_PLAN_SETTINGS, model: settings.model, ragExamples: settings.enableRag ? DEFAULT_PLAN_SETTINGS.ragExamples : 0 };
  return {
    deps: { llm, calls, store, vectorIndex: noopVectorIndex, clock, logger, emit: (e) => reporter.event(e), settings: planSettings },
    db,
    paths,
  };
}
