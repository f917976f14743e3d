import * as vscode from 'vscode';
import { createRealClock } from '../core/clock';
import { createAnthropicLlmClient } from '../core/llm';
import type { Logger } from '../core/ports';
import { createCallLedger } from '../core/pipeline/callLedger';
import { DEFAULT_PLAN_SETTINGS } from '../core/pipeline/planSettings';
import { planRun } from '../core/pipeline/planRun';
import { noopVectorIndex } from '../core/rag/noopVectorIndex';
import { openDatabase, type StoreDatabase } from '../core/store/database';
import { createSqlPlanStore } from '../core/store/planStore';
import { createSqlResponseCache } from '../core/store/responseCache';
import type { ProgressEvent } from '../shared/events';
import type { EffectiveSettings } from '../shared/settings';
import type { ApiKeyStore } from './apiKeyStore';
import { createSqlChatRepository } from './chatRepository';
import type { ChatRepository, LaunchResult, RunLauncher } from './chatSession';

export interface WorkspaceRuntimeDeps {
  readonly context: vscode.ExtensionContext;
  readonly apiKey: ApiKeyStore;
  readonly settings: () => EffectiveSettings;
  readonly logger: Logger;
  /** Every progress event of every run (panel, tree, status bar). */
  readonly emit: (event: ProgressEvent) => void;
}

export interface WorkspaceRuntime extends vscode.Disposable {
  readonly chatRepository: ChatRepository;
  readonly launcher: RunLauncher;
  /** The workspace database, opened on first use. */
  database(): Promise<StoreDatabase>;
}

/**
 * The core, wired for this window's workspace: one database in the extension's workspace
 * storage, opened lazily (activation never waits for it), and one AbortController per run.
 * Settings and the key are read when a run starts, so a changed setting applies to the next run.
 */
export function createWorkspaceRuntime(deps: WorkspaceRuntimeDeps): WorkspaceRuntime {
  const clock = createRealClock();
  const runs = new Map<string, AbortController>();
  let opening: Promise<StoreDatabase> | undefined;

  const database = (): Promise<StoreDatabase> => {
    opening ??= openWorkspaceDatabase(deps.context, deps.logger);
    return opening;
  };

  const start = async (request: string, conversationId: string): Promise<LaunchResult> => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder || folder.uri.scheme !== 'file') {
      return { status: 'rejected', message: 'Open a folder first: MGE writes the generated code into the open workspace folder.' };
    }
    const apiKey = await deps.apiKey.get();
    if (!apiKey) return { status: 'rejected', message: 'MGE needs an Anthropic API key. Run "MGE: Set Anthropic API Key".' };
    const settings = deps.settings();
    const db = await database();
    const store = createSqlPlanStore(db, clock);
    const calls = createCallLedger(store);
    const llm = createAnthropicLlmClient({
      apiKey,
      baseUrl: settings.baseUrl || undefined,
      cache: settings.enableCaching ? createSqlResponseCache(db, clock) : null,
      onCall: calls.onCall,
      onPause: calls.onPause,
      clock,
      logger: deps.logger,
    });
    const controller = new AbortController();
    return new Promise<LaunchResult>((resolve) => {
      let started = false;
      const emit = (event: ProgressEvent): void => {
        if (event.type === 'run/started' && !started) {
          started = true;
          runs.set(event.runId, controller);
          resolve({ status: 'started', runId: event.runId });
        }
        deps.emit(event);
      };
      const planDeps = {
        llm, calls, store, vectorIndex: noopVectorIndex, clock, logger: deps.logger, emit,
        settings: { ...DEFAULT_PLAN_SETTINGS, model: settings.model, ragExamples: settings.enableRag ? DEFAULT_PLAN_SETTINGS.ragExamples : 0 },
      };
      planRun(planDeps, { request, workspaceRoot: folder.uri.fsPath, conversationId }, controller.signal).then(
        (result) => {
          runs.delete(result.runId);
          deps.logger.info(`Run ${result.runId} ${result.outcome} in ${result.wallMs} ms, $${result.usage.costUsd.toFixed(4)}.`);
        },
        (err: unknown) => {
          const message = err instanceof Error ? err.message : String(err);
          deps.logger.error(`The run could not start: ${message}`);
          if (!started) resolve({ status: 'rejected', message });
        },
      );
    });
  };

  return {
    chatRepository: createSqlChatRepository(database, () => clock.now()),
    launcher: {
      start: (request, conversationId) => start(request, conversationId),
      stop(runId) {
        const controller = runs.get(runId);
        controller?.abort(new Error('Stopped by the user.'));
        return controller !== undefined;
      },
    },
    database,
    dispose() {
      for (const controller of runs.values()) controller.abort(new Error('The window is closing.'));
      runs.clear();
      void opening?.then((db) => db.close());
    },
  };
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
