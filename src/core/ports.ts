/**
 * The core's only doors to the world. The extension (src/host) and the CLI (src/cli) implement
 * these; tests use fakes. Nothing in src/core imports vscode.
 */
import type { ContextUsedEntry, ProgressEvent, Stage } from '../shared/events';
import type { DiscoveryDocument } from './discovery/schema';
import type { MasterPlan } from './masterplan/schema';

/** Read-only view of the user's workspace. Paths are workspace-relative with forward slashes. */
export interface Workspace {
  /** Absolute path of the workspace root on disk. */
  readonly root: string;
  /** File text, or undefined when the file does not exist. */
  readFile(relPath: string, signal: AbortSignal): Promise<string | undefined>;
  /** Workspace-relative paths of files under `relDir` (recursive), excluding dependency folders. */
  listFiles(relDir: string, signal: AbortSignal): Promise<string[]>;
}

/** A whole-file change the core wants to make. */
export interface FileProposal {
  readonly relPath: string;
  /** New content of the file. */
  readonly content: string;
  /** Content the proposal was based on (undefined: the file did not exist). */
  readonly baseContent: string | undefined;
  /** Atom ids and their line ranges (1-based, inclusive) inside `content`, for per-atom review. */
  readonly atoms: readonly ProposedAtomRange[];
}

export interface ProposedAtomRange {
  readonly atomId: string;
  readonly startLine: number;
  readonly endLine: number;
  /**
   * The text that stands in the file when the user rejects this atom: the skeleton's hole line
   * (e.g. `  // @atom createTask: inserts a task`), so a rejected atom leaves a valid skeleton.
   */
  readonly placeholder: string;
}

/** Where proposals go: the CLI writes to disk or to .mge/proposals; the extension shows diffs. */
export interface EditSink {
  propose(runId: string, proposals: readonly FileProposal[], signal: AbortSignal): Promise<void>;
}

export type Role = 'user' | 'assistant';

/** A block of prompt text; `cache` marks the end of a prefix that should be prompt-cached. */
export interface PromptBlock {
  readonly text: string;
  readonly cache: boolean;
}

export interface LlmTool {
  readonly name: string;
  readonly description: string;
  /** JSON schema of the tool input (made from zod with z.toJSONSchema). */
  readonly inputSchema: Record<string, unknown>;
}

export interface LlmMessage {
  readonly role: Role;
  readonly content: readonly PromptBlock[];
}

export interface LlmRequest {
  /** What the call is for, e.g. "discovery", "masterplan", "atom:<id>"; recorded with usage. */
  readonly purpose: string;
  readonly model: string;
  readonly system: readonly PromptBlock[];
  readonly messages: readonly LlmMessage[];
  readonly tools: readonly LlmTool[];
  /** Force this tool (structured stages) or let the model answer in text (null). */
  readonly forceTool: string | null;
  readonly temperature: number;
  readonly maxTokens: number;
  /**
   * Retrieved snippets already in the prompt text, recorded with the call ("context used"). Not
   * sent and not part of the response-cache key (the text they put in the prompt is).
   */
  readonly contextUsed?: readonly ContextUsedEntry[];
}

export interface LlmUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheWriteTokens: number;
  readonly cacheReadTokens: number;
}

export interface LlmResponse {
  readonly text: string;
  /** Input of the first tool_use block, unvalidated; null when the model answered in text. */
  readonly toolInput: unknown;
  readonly toolName: string | null;
  readonly stopReason: string | null;
  readonly usage: LlmUsage;
  readonly costUsd: number;
  /** True when answered from the response cache (no tokens spent). */
  readonly fromCache: boolean;
  readonly durationMs: number;
}

/** One model call with transport faults already handled (retry-after, backoff, cache). */
export interface LlmClient {
  call(request: LlmRequest, signal: AbortSignal): Promise<LlmResponse>;
  /**
   * The answer to `request` was refused (malformed, invalid, failed its checks): drop it from the
   * response cache, so a retry or a resume asks the model again instead of replaying it.
   */
  forget(request: LlmRequest): Promise<void>;
}

export interface RetrievedChunk {
  readonly path: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly symbol: string;
  readonly text: string;
  readonly score: number;
  readonly source: 'workspace' | 'examples';
}

/** Retrieval for prompts. The RAG issue provides a real index; until then a no-op. */
export interface VectorIndex {
  search(query: string, k: number, signal: AbortSignal): Promise<RetrievedChunk[]>;
}

export interface Clock {
  now(): number;
  /** Resolves after `ms`, rejects with the signal's reason when aborted. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Receives typed progress events (CLI prints them, extension forwards to the panel). */
export type ProgressSink = (event: ProgressEvent) => void;

// ---------------------------------------------------------------------------------------------
// PlanStore: what the planning pipeline needs from the database (src/core/store implements it).

export type RunKind = 'plan' | 'generate';

/** `running` also describes a run whose process died: resume picks it up from what is stored. */
export type RunStatus = 'running' | 'done' | 'failed' | 'cancelled';

export interface NewRun {
  readonly kind: RunKind;
  readonly engine: 'v1' | 'v2';
  readonly request: string;
  readonly workspaceRoot: string;
  readonly model: string;
  readonly conversationId: string | null;
  /** The reviewed planning run a generate run took its plan from (null: planned itself). */
  readonly sourceRunId: string | null;
}

export interface RunRecord extends NewRun {
  readonly id: string;
  readonly status: RunStatus;
  /** Last stage started (null before the first). */
  readonly stage: Stage | null;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly finishedAt: number | null;
}

export interface RunUpdate {
  readonly status?: RunStatus;
  readonly stage?: Stage;
  /** null clears a previous error (a resumed run). */
  readonly error?: { readonly code: string; readonly message: string } | null;
}

export interface StoredDiscovery {
  readonly id: string;
  readonly runId: string;
  readonly document: DiscoveryDocument;
  readonly markdown: string;
  readonly createdAt: number;
}

export interface StoredMasterPlan {
  readonly id: string;
  readonly runId: string;
  readonly discoveryId: string;
  readonly plan: MasterPlan;
  readonly markdown: string;
  readonly createdAt: number;
}

/** One finished (or failed) model call as persisted in llm_calls. */
export interface LlmCallEntry {
  readonly purpose: string;
  readonly model: string;
  readonly temperature: number;
  readonly usage: LlmUsage;
  readonly costUsd: number;
  readonly durationMs: number;
  readonly fromCache: boolean;
  readonly promptHash: string;
  /** The LlmError code when the call failed, else null. */
  readonly errorCode: string | null;
  readonly attempts: number;
  /** The request's retrieved snippets (absent or empty: none). */
  readonly contextUsed?: readonly ContextUsedEntry[];
}

/** Token and cost totals of a run's model calls. */
export interface RunUsage extends LlmUsage {
  readonly calls: number;
  readonly costUsd: number;
}

/**
 * Persistence for the planning half. Writes are synchronous in memory and saved to disk in the
 * background; `flushNow` makes everything so far durable (call it where resume depends on it).
 */
export interface PlanStore {
  createRun(run: NewRun): RunRecord;
  getRun(runId: string): RunRecord | undefined;
  /** Most recently created run, or undefined in an empty database. */
  latestRun(): RunRecord | undefined;
  updateRun(runId: string, update: RunUpdate): void;
  appendEvent(runId: string, event: ProgressEvent): void;
  listEvents(runId: string): ProgressEvent[];
  saveDiscovery(runId: string, document: DiscoveryDocument, markdown: string): StoredDiscovery;
  discoveryForRun(runId: string): StoredDiscovery | undefined;
  /** Store a plan that passed validatePlan, with one tasks row per task. */
  saveMasterPlan(runId: string, discoveryId: string, plan: MasterPlan, markdown: string): StoredMasterPlan;
  /** Keep a refused plan for inspection; it is never returned as a valid plan. Returns its id. */
  saveRejectedMasterPlan(runId: string, discoveryId: string, plan: MasterPlan, problems: readonly string[]): string;
  /** The valid plan of a run, if any. */
  masterPlanForRun(runId: string): StoredMasterPlan | undefined;
  getMasterPlan(masterPlanId: string): StoredMasterPlan | undefined;
  recordLlmCall(runId: string | null, call: LlmCallEntry): void;
  usageForRun(runId: string): RunUsage;
  /** The retrieved context of each of a run's calls that had some, in call order. */
  contextUsedForRun(runId: string): Array<{ readonly purpose: string; readonly entries: readonly ContextUsedEntry[] }>;
  flushNow(): Promise<void>;
}
