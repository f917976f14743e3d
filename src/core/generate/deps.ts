/** What a generate run needs from the world, and the per-run state its stages share. */
import type { DiscoveryDocument } from '../discovery/schema';
import type { CostCap } from '../execute';
import type { RateLimitState } from '../llm';
import type { PlanTask } from '../masterplan/schema';
import type { MultiLanguageParser } from '../parse/multiLanguageParser';
import type { CallLedger } from '../pipeline/callLedger';
import type { PlanSettings } from '../pipeline/planSettings';
import type {
  Clock, EditSink, LlmClient, Logger, PlanStore, ProgressSink, RunRecord, StoredMasterPlan, VectorIndex, Workspace,
} from '../ports';
import type { Validator } from '../validate/types';
import type { ProgressEvent } from '../../shared/events';
import type { PrefixWarmup } from './warmup';
import type { GenerateSettings } from './settings';
import type { GenerationStore } from './store';

/** The ports and settings of a generate run (build them with openCoreSession). */
export interface GenerateDeps {
  readonly llm: LlmClient;
  /** Attributes the client's call records to the run (the client was built with its callbacks). */
  readonly calls: CallLedger;
  readonly store: PlanStore;
  readonly generation: GenerationStore;
  readonly vectorIndex: VectorIndex;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly emit: ProgressSink;
  /** Discovery and masterplan settings (the plan stages of a generate run). */
  readonly planSettings: PlanSettings;
  readonly settings: GenerateSettings;
  readonly parser: MultiLanguageParser;
  /** Read-only: current content of files a task changes. */
  readonly workspace: Workspace;
  /** Where finished files go (disk, proposals folder, review UI). */
  readonly editSink: EditSink;
  /** The client's rate-limit state (AnthropicLlmClient.getRateLimitState): sizes the concurrency. */
  readonly rateLimits?: () => RateLimitState;
  /** Validation levels 4-5 (types, runtime), run after levels 1-3 on every atom. */
  readonly extraValidators?: readonly Validator[];
  /**
   * Where levels 4-5 read the run's other files (the shadow workspace: ShadowWorkspace fits):
   * given every file's latest skeleton before execution, so imports resolve to declared
   * signatures, and each file's final text once it is proposed.
   */
  readonly validationWorkspace?: ValidationWorkspace;
}

/** A place the run's files are mirrored for validation. */
export interface ValidationWorkspace {
  write(relPath: string, text: string, signal: AbortSignal): Promise<void>;
}

/** What to generate, and where. */
export interface GenerateInput {
  readonly request: string;
  /** Absolute path of the workspace the files are written into. */
  readonly workspaceRoot: string;
  readonly conversationId?: string | null;
  /**
   * Generate from the discovery and plan of this earlier run (a planning run the user reviewed)
   * instead of asking for new ones: they are copied into the new run, no model call is made.
   */
  readonly planFromRunId?: string;
}

/** A task of the plan with its phase. */
export type RunTask = PlanTask & { readonly phaseId: string };

/** Everything the stages of one run share. */
export interface RunContext {
  readonly deps: GenerateDeps;
  readonly run: RunRecord;
  readonly runId: string;
  /** Persists and forwards. */
  readonly emit: (event: ProgressEvent) => void;
  readonly discovery: DiscoveryDocument;
  readonly plan: StoredMasterPlan;
  /** In plan order. */
  readonly tasks: readonly RunTask[];
  readonly taskById: ReadonlyMap<string, RunTask>;
  readonly cap: CostCap;
  readonly warmup: PrefixWarmup;
}
