import * as vscode from 'vscode';
import type { Logger } from '../core/ports';
import { createMultiLanguageParser, type MultiLanguageParser } from '../core/parse/multiLanguageParser';
import { openDatabase, type StoreDatabase } from '../core/store/database';
import { createSqlGenerationStore } from '../core/store/generation';
import { listEvents, runGeneratedFrom, runsForConversation, unfinishedRuns } from '../core/store/runs';
import type { RunRecord } from '../core/ports';
import type { ProgressEvent } from '../shared/events';
import type { RunInfo } from '../shared/protocol';
import type { EffectiveSettings } from '../shared/settings';
import type { ApiKeyStore } from './apiKeyStore';
import { createSqlChatRepository } from './chatRepository';
import type { ChatRepository, RunLauncher } from './chatSession';
import { createReviewEditSink } from './review/reviewCommands';
import type { ReviewState } from './review/reviewState';
import { RunController } from './runController';
import { createWorkspaceRag, type WorkspaceRag } from '../core/rag/workspaceRag';
import type { VectorIndex } from '../core/ports';
import { bundledServerLocations } from '../core/lsp/serverCommands';

export interface WorkspaceRuntimeDeps {
  readonly context: vscode.ExtensionContext;
  readonly apiKey: ApiKeyStore;
  readonly settings: () => EffectiveSettings;
  readonly logger: Logger;
  readonly review: ReviewState;
  /** Every progress event of every run (panel, tree, status bar). */
  readonly emit: (event: ProgressEvent) => void;
}

/**
 * The core, wired for this window's workspace: one database in the extension's workspace storage
 * and one tree-sitter parser, both created on first use (activation never waits for them), the run
 * controller, and the proposals of finished runs restored into review after a reload.
 */
export class WorkspaceRuntime implements vscode.Disposable {
  readonly chatRepository: ChatRepository;
  readonly runs: RunController;
  readonly launcher: RunLauncher;
  private opening: Promise<StoreDatabase> | undefined;
  private parser: MultiLanguageParser | undefined;
  private rag: WorkspaceRag | undefined;
  private watcher: vscode.FileSystemWatcher | undefined;

  constructor(private readonly deps: WorkspaceRuntimeDeps) {
    this.chatRepository = createSqlChatRepository(() => this.database(), () => Date.now());
    this.runs = new RunController({
      apiKey: deps.apiKey,
      settings: deps.settings,
      logger: deps.logger,
      emit: deps.emit,
      database: () => this.database(),
      parser: () => this.sharedParser(),
      vectorIndex: (root) => this.vectorIndex(root),
      editSink: createReviewEditSink(deps.review),
      // Installed: the servers in the VSIX; from the repository without a build copy: the dependencies.
      servers: bundledServerLocations(vscode.Uri.joinPath(deps.context.extensionUri, 'dist').fsPath),
    });
    this.launcher = { start: (request, conversationId) => this.runs.start(request, conversationId), stop: (runId) => this.runs.stop(runId) };
  }

  /** The workspace database, opened on first use. */
  database(): Promise<StoreDatabase> {
    this.opening ??= openWorkspaceDatabase(this.deps.context, this.deps.logger);
    return this.opening;
  }

  private sharedParser(): MultiLanguageParser {
    this.parser ??= createMultiLanguageParser({ wasmDir: vscode.Uri.joinPath(this.deps.context.extensionUri, 'dist', 'wasm').fsPath });
    return this.parser;
  }

  /**
   * Retrieval for the planner and the atoms: a vectra index beside the database, built in the
   * background on the first run (never at activation) and kept fresh by a file watcher. Off when
   * `mge.v2.enableRag` is off when the first run starts.
   */
  private vectorIndex(root: string): VectorIndex {
    if (!this.rag) {
      const dir = this.deps.context.storageUri ?? this.deps.context.globalStorageUri;
      this.rag = createWorkspaceRag({
        enableRag: this.deps.settings().enableRag,
        indexDir: vscode.Uri.joinPath(dir, 'index').fsPath,
        workspaceDir: root,
        parser: this.sharedParser(),
        examplesDir: vscode.Uri.joinPath(this.deps.context.extensionUri, 'dist', 'examples').fsPath,
        logger: this.deps.logger,
      });
      const rag = this.rag;
      this.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(root), '**/*'));
      const touch = (uri: vscode.Uri): void => rag.touch(vscode.workspace.asRelativePath(uri, false));
      this.watcher.onDidChange(touch);
      this.watcher.onDidCreate(touch);
      this.watcher.onDidDelete(touch);
    }
    return this.rag.vectorIndex;
  }

  /** Runs of a conversation with their stored events, for the panel. */
  async runInfos(conversationId: string | null): Promise<RunInfo[]> {
    if (conversationId === null) return [];
    const db = await this.database();
    return runsForConversation(db, conversationId).map((run) => {
      const generated = run.kind === 'plan' ? runGeneratedFrom(db, run.id) : undefined;
      if (run.kind === 'generate') this.restoreProposals(db, run);
      return {
        runId: run.id,
        kind: run.kind,
        engine: run.engine,
        status: run.status,
        live: this.runs.isLive(run.id),
        awaitingReview: run.kind === 'plan' && run.status === 'done' && generated === undefined,
        generateRunId: generated?.id ?? null,
        pendingProposals: this.deps.review.files(run.id).length,
        events: listEvents(db, run.id),
      };
    });
  }

  /** Generate runs whose process died mid-run (for the "Resume?" offer at start-up). */
  async interruptedRuns(): Promise<RunRecord[]> {
    const db = await this.database();
    return unfinishedRuns(db).filter((run) => !this.runs.isLive(run.id));
  }

  /** After a reload the review state is empty: put back proposed files neither applied nor discarded. */
  private restoreProposals(db: StoreDatabase, run: RunRecord): void {
    if (this.runs.isLive(run.id) || this.deps.review.files(run.id).length > 0) return;
    const generation = createSqlGenerationStore(db, { now: () => Date.now() });
    const applied = generation.appliedFiles(run.id);
    const discarded = generation.discardedFiles(run.id);
    const pending = generation.proposals(run.id).filter((p) => p.status === 'proposed' && !applied.has(p.proposal.relPath) && !discarded.has(p.proposal.relPath));
    if (pending.length > 0) this.deps.review.add(run.id, pending.map((p) => p.proposal));
  }

  /** Records applied files so the panel and a resume know they are done. */
  async recordApplied(runId: string, files: ReadonlyArray<{ relPath: string; sha256: string }>): Promise<void> {
    const db = await this.database();
    const generation = createSqlGenerationStore(db, { now: () => Date.now() });
    for (const file of files) generation.recordApplied(runId, file.relPath, file.sha256);
    await generation.flushNow();
  }

  /** Records files discarded at Apply (rejected whole), so a reload does not offer them again. */
  async recordDiscarded(runId: string, relPaths: readonly string[]): Promise<void> {
    if (relPaths.length === 0) return;
    const db = await this.database();
    const generation = createSqlGenerationStore(db, { now: () => Date.now() });
    generation.recordDiscarded(runId, relPaths);
    await generation.flushNow();
  }

  /** An Apply was undone: its files are proposals waiting for review again. */
  async forgetApplied(runId: string, written: readonly string[], discarded: readonly string[]): Promise<void> {
    const db = await this.database();
    const generation = createSqlGenerationStore(db, { now: () => Date.now() });
    generation.forgetApplied(runId, written);
    generation.forgetDiscarded(runId, discarded);
    await generation.flushNow();
  }

  dispose(): void {
    this.runs.dispose();
    this.watcher?.dispose();
    this.rag?.dispose();
    this.parser?.dispose();
    void this.opening?.then((db) => db.close());
  }
}

async function openWorkspaceDatabase(context: vscode.ExtensionContext, logger: Logger): Promise<StoreDatabase> {
  const dir = context.storageUri ?? context.globalStorageUri;
  await vscode.workspace.fs.createDirectory(dir);
  const db = await openDatabase({ path: vscode.Uri.joinPath(dir, 'mge.db').fsPath, logger });
  if (db.openReport.corruptMovedTo) {
    void vscode.window.showWarningMessage(`MGE: the workspace database could not be read and was moved aside to ${db.openReport.corruptMovedTo}. A new one was started.`);
  }
  return db;
}
