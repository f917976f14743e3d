/**
 * What code generation keeps in the database, as a port: task results (skeletons or V1 files),
 * atoms and their status, every attempt, proposals and applied files. Writes are synchronous in
 * memory and saved in the background like the PlanStore; `flushNow` where resume depends on it.
 */
import type { AtomSpec, TaskFile } from '../atomize/types';
import type { FileProposal, LlmUsage } from '../ports';
import type { LevelResult } from '../validate/types';
import type { AtomFailure, AtomStatus } from '../../shared/events';

/** A task's atomization (V2) or generation (V1) outcome. */
export interface TaskState {
  readonly taskId: string;
  readonly status: 'done' | 'failed';
  readonly attempts: number;
  readonly failure: AtomFailure | null;
}

/** An atom with where it stands. */
export interface AtomRecord extends AtomSpec {
  readonly status: AtomStatus;
  /** Attempts of its latest try (a resumed atom starts again at 1). */
  readonly attempts: number;
  /** The code that passed (or the last attempt's code when it failed). */
  readonly code: string | null;
  readonly failure: AtomFailure | null;
  /** Sum of its attempts' call durations in its latest try. */
  readonly durationMs: number;
}

/** A change of an atom's state; fields left out stay as they are. */
export interface AtomUpdate {
  readonly status: AtomStatus;
  readonly attempts?: number;
  readonly code?: string | null;
  readonly failure?: AtomFailure | null;
  readonly durationMs?: number;
}

/** One model call made for an atom, a skeleton (`T3#skeleton`) or a V1 task (`T3#v1`). */
export interface AttemptEntry {
  readonly atomId: string;
  readonly attempt: number;
  readonly model: string;
  readonly temperature: number;
  readonly promptHash: string;
  readonly usage: LlmUsage;
  readonly costUsd: number;
  readonly durationMs: number;
  readonly fromCache: boolean;
  readonly passed: boolean;
  readonly failure: AtomFailure | null;
  readonly levels: readonly LevelResult[];
  readonly code: string | null;
}

/** A proposal as recorded: handed to the EditSink or about to be. */
export interface ProposalRecord {
  readonly status: 'proposing' | 'proposed';
  readonly proposal: FileProposal;
}

/** Calls of a run by model, for what prompt caching saved. */
export interface ModelUsage {
  readonly model: string;
  readonly usage: LlmUsage;
  readonly costUsd: number;
}

/** Persistence of code generation (src/core/store/generation.ts implements it). */
export interface GenerationStore {
  taskStates(runId: string): Map<string, TaskState>;
  /** Store a task's files and atoms and mark it done, in one transaction. */
  saveTaskResult(runId: string, taskId: string, attempts: number, files: readonly TaskFile[], atoms: readonly AtomSpec[]): void;
  markTaskFailed(runId: string, taskId: string, attempts: number, failure: AtomFailure): void;
  /** Every stored task file of the run, in task-completion order then file order. */
  taskFiles(runId: string): TaskFile[];
  /** Every atom of the run by ordinal. */
  atoms(runId: string): AtomRecord[];
  /** Add atoms after the fact (V1 chunks, known only once a task's files exist). */
  insertAtoms(runId: string, atoms: readonly AtomSpec[]): void;
  updateAtom(runId: string, atomId: string, update: AtomUpdate): void;
  /** Atoms left 'running' by a process that died become 'pending' again; returns how many. */
  resetRunningAtoms(runId: string): number;
  recordAttempt(runId: string, entry: AttemptEntry): void;
  attempts(runId: string, atomId?: string): AttemptEntry[];
  proposals(runId: string): ProposalRecord[];
  /** Record proposals about to be handed to the EditSink. */
  beginProposals(runId: string, proposals: readonly FileProposal[]): void;
  markProposed(runId: string, paths: readonly string[]): void;
  /** Forget proposals the EditSink refused, so a resume proposes them again. */
  dropProposals(runId: string, paths: readonly string[]): void;
  /** For the EditSink: `path` was written with content of this sha256. */
  recordApplied(runId: string, path: string, contentSha256: string): void;
  appliedFiles(runId: string): Map<string, string>;
  /** The apply of these files was undone (they are back in review). */
  forgetApplied(runId: string, paths: readonly string[]): void;
  /** Proposed files the user rejected whole and discarded at Apply (never offered again). */
  recordDiscarded(runId: string, paths: readonly string[]): void;
  discardedFiles(runId: string): Set<string>;
  /** The apply that discarded these files was undone (they are back in review). */
  forgetDiscarded(runId: string, paths: readonly string[]): void;
  usageByModel(runId: string): ModelUsage[];
  flushNow(): Promise<void>;
}
