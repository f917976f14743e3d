/**
 * Levels 4 and 5 wired for one run: a shadow workspace of the run's files, a pool of language
 * servers over it, the types level and the runtime level. The run owns the result and disposes
 * it at the end (servers killed, shadow deleted).
 */
import { createLanguageServerPool, type LanguageServerPool, type LanguageServerPoolOptions } from '../lsp/serverPool';
import { createShadowWorkspace, type ShadowWorkspace } from '../shadow/shadowWorkspace';
import { generatedTestCheck } from './generatedTests';
import { createRuntimeValidator, type RuntimeCheckFor } from './runtimeLevel';
import { createTypesValidator } from './typesLevel';
import type { Validator } from './types';

export interface ShadowValidatorsOptions {
  /** The workspace root the shadow mirrors. */
  readonly sourceRoot: string;
  /** Workspace-relative paths the run touches (the plan's files). */
  readonly files: readonly string[];
  /** Whether level 5 may run code: the host's decision (Workspace Trust + setting, or --runtime). */
  readonly runtime: 'on' | 'off';
  /** Why runtime is off, shown as the skip reason. */
  readonly runtimeOffReason?: string;
  /** What level 5 runs for an atom (default: the generated tests, see generatedTests.ts). */
  readonly checkFor?: RuntimeCheckFor;
  /** Level 4's attribution: 'atom' (default) or 'file' (mge validate). */
  readonly typesScope?: 'atom' | 'file';
  readonly typesTimeoutMs?: number;
  readonly runtimeTimeoutMs?: number;
  readonly servers?: LanguageServerPoolOptions;
  /** Where shadow folders go (default: <tmpdir>/mge-shadows). */
  readonly scratchDir?: string;
}

/** Levels 4-5 of one run and what they stand on. */
export interface ShadowValidators {
  /** [types, runtime]: pass them to validateAtom after the structural levels. */
  readonly validators: readonly Validator[];
  readonly shadow: ShadowWorkspace;
  readonly servers: LanguageServerPool;
  /** Stops the servers, then deletes the shadow folder. */
  dispose(): Promise<void>;
}

/** Creates the shadow workspace (removing stale ones first) and levels 4-5 over it. Servers start on first use. */
export async function createShadowValidators(options: ShadowValidatorsOptions, signal: AbortSignal): Promise<ShadowValidators> {
  const shadow = await createShadowWorkspace({ sourceRoot: options.sourceRoot, files: options.files, scratchDir: options.scratchDir }, signal);
  const servers = createLanguageServerPool(options.servers);
  const types = createTypesValidator({ shadow, servers, timeoutMs: options.typesTimeoutMs, scope: options.typesScope });
  const runtime = createRuntimeValidator({
    runtime: options.runtime, offReason: options.runtimeOffReason, shadow, timeoutMs: options.runtimeTimeoutMs,
    checkFor: options.checkFor ?? generatedTestCheck(),
  });
  let disposing: Promise<void> | null = null;
  return {
    validators: [types, runtime],
    shadow,
    servers,
    dispose: () => (disposing ??= servers.dispose().finally(() => shadow.dispose())),
  };
}
