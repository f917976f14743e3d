/**
 * The one composition of the core, shared by the CLI and the extension: database, stores, call
 * ledger, Anthropic client (with the response cache when enabled), parser, and the planning and
 * generation dependencies over them. Front ends add only what is theirs: where proposals go
 * (EditSink), how the workspace is read, and extra validation levels.
 */
import { createRealClock } from '../clock';
import { createAnthropicLlmClient, type AnthropicLlmClient } from '../llm';
import type { GenerateDeps, ValidationWorkspace } from '../generate/deps';
import { generateSettingsFrom, type GenerateSettings } from '../generate/settings';
import type { GenerationStore } from '../generate/store';
import { createMultiLanguageParser, type MultiLanguageParser } from '../parse/multiLanguageParser';
import type { Clock, EditSink, Logger, PlanStore, ProgressSink, VectorIndex, Workspace } from '../ports';
import { noopVectorIndex } from '../rag/noopVectorIndex';
import { openDatabase, type StoreDatabase } from '../store/database';
import { createSqlGenerationStore } from '../store/generation';
import { createSqlPlanStore } from '../store/planStore';
import { createSqlResponseCache } from '../store/responseCache';
import type { Validator } from '../validate/types';
import type { EffectiveSettings } from '../../shared/settings';
import { createCallLedger, type CallLedger } from './callLedger';
import { createFsWorkspace } from './fsWorkspace';
import type { PlanRunDeps } from './planRun';
import { DEFAULT_PLAN_SETTINGS } from './planSettings';

/** What the composition is built from. */
export interface CoreSessionOptions {
  readonly apiKey: string;
  /** Anthropic-compatible endpoint; '' or undefined: the public API. */
  readonly baseUrl?: string;
  /** An open database (the caller keeps owning it), or where to open one (null path: in memory). */
  readonly db: StoreDatabase | { readonly path: string | null };
  readonly settings: EffectiveSettings;
  /** Generation knobs beyond the user-facing settings (atom model, cost cap, engine override ...). */
  readonly generate?: Partial<GenerateSettings>;
  readonly logger: Logger;
  readonly emit: ProgressSink;
  readonly clock?: Clock;
  readonly parser?: MultiLanguageParser;
  readonly vectorIndex?: VectorIndex;
  /** Transport retries of the client (tests lower it). */
  readonly maxTransportRetries?: number;
  readonly timeoutMs?: number;
}

/** What a front end adds to run generation. */
export interface GeneratePorts {
  readonly editSink: EditSink;
  /** Default: the file system at the workspace root. */
  readonly workspace?: Workspace;
  readonly workspaceRoot: string;
  readonly extraValidators?: readonly Validator[];
  /** The shadow workspace levels 4-5 read (see GenerateDeps.validationWorkspace). */
  readonly validationWorkspace?: ValidationWorkspace;
}

/** The composed core over one database. */
export interface CoreSession {
  readonly db: StoreDatabase;
  readonly store: PlanStore;
  readonly generation: GenerationStore;
  readonly calls: CallLedger;
  readonly llm: AnthropicLlmClient;
  readonly settings: GenerateSettings;
  readonly planDeps: PlanRunDeps;
  generateDeps(ports: GeneratePorts): GenerateDeps;
  /** Frees what the session created (the database when it opened it, the parser when it made it). */
  close(): Promise<void>;
}

/** Builds the core over one database. One session serves one run at a time (one call ledger). */
export async function openCoreSession(options: CoreSessionOptions): Promise<CoreSession> {
  const { logger } = options;
  const clock = options.clock ?? createRealClock();
  const ownsDb = !('run' in options.db);
  const db = 'run' in options.db ? options.db : await openDatabase({ path: options.db.path, logger });
  const ownsParser = options.parser === undefined;
  const parser = options.parser ?? createMultiLanguageParser();
  const settings = generateSettingsFrom(options.settings, options.generate);
  const store = createSqlPlanStore(db, clock);
  const generation = createSqlGenerationStore(db, clock);
  const calls = createCallLedger(store, (runId) => generation.usageByModel(runId));
  const llm = createAnthropicLlmClient({
    apiKey: options.apiKey,
    baseUrl: options.baseUrl ? options.baseUrl : undefined,
    cache: settings.enableCaching ? createSqlResponseCache(db, clock) : null,
    onCall: calls.onCall,
    onPause: calls.onPause,
    clock,
    logger,
    maxTransportRetries: options.maxTransportRetries,
    timeoutMs: options.timeoutMs,
  });
  const vectorIndex = settings.enableRag ? (options.vectorIndex ?? noopVectorIndex) : noopVectorIndex;
  const planSettings = {
    ...DEFAULT_PLAN_SETTINGS,
    model: settings.planningModel,
    ragExamples: settings.enableRag ? DEFAULT_PLAN_SETTINGS.ragExamples : 0,
  };
  const planDeps: PlanRunDeps = { llm, calls, store, vectorIndex, clock, logger, emit: options.emit, settings: planSettings };
  return {
    db, store, generation, calls, llm, settings, planDeps,
    generateDeps: (ports) => ({
      llm, calls, store, generation, vectorIndex, clock, logger, parser, settings, planSettings,
      emit: options.emit,
      workspace: ports.workspace ?? createFsWorkspace(ports.workspaceRoot),
      editSink: ports.editSink,
      rateLimits: () => llm.getRateLimitState(),
      extraValidators: ports.extraValidators,
      validationWorkspace: ports.validationWorkspace,
    }),
    async close() {
      if (ownsParser) parser.dispose();
      if (ownsDb) await db.close();
    },
  };
}
