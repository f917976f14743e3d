/**
 * Composition root of the CLI: workspace and database paths, API key, settings, and the core's
 * planning dependencies (openCoreSession's).
 */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { openCoreSession } from '../core/pipeline/coreSession';
import type { PlanRunDeps } from '../core/pipeline/planRun';
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

/** The planning dependencies over the workspace's open database. */
export interface PlanSession {
  readonly deps: PlanRunDeps;
  readonly paths: WorkspacePaths;
  /** Saves and closes the database. */
  close(): Promise<void>;
}

/** Everything `mge plan` needs: the core's one composition (openCoreSession), planning half. */
export async function openPlanSession(io: CliIo, reporter: Reporter, flags: SettingFlags & { readonly workspace?: string; readonly db?: string }): Promise<PlanSession> {
  const apiKey = requireApiKey(io.env);
  const paths = workspacePaths(io, flags);
  const { settings, warnings } = cliSettings(flags, io.env);
  for (const warning of warnings) reporter.logger.warn(warning);
  const core = await openCoreSession({
    apiKey,
    baseUrl: settings.baseUrl,
    db: { path: paths.dbPath },
    settings,
    logger: reporter.logger,
    emit: (e) => reporter.event(e),
  });
  return { deps: core.planDeps, paths, close: () => core.close() };
}
