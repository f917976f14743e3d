/**
 * Composition root: builds the host adapters, hands them to the core, and registers everything
 * as a Disposable owned by the extension context. Nothing here does work of its own.
 */
import * as vscode from 'vscode';
import { ApiKeyStore } from './host/apiKeyStore';
import { createChannelLogger } from './host/logger';
import { createSettingsReader } from './host/settings';
import { openChat, OPEN_CHAT_COMMAND } from './host/commands/openChat';
import { setApiKey, SET_API_KEY_COMMAND } from './host/commands/setApiKey';
import { generateFromDescription, GENERATE_COMMAND } from './host/commands/generateFromDescription';
import { createChatSession } from './host/chatSession';
import { WorkspaceRuntime } from './host/workspaceRuntime';
import { MasterplanTreeProvider, MASTERPLAN_VIEW_ID, registerTreeCommands } from './host/masterplanTree';
import { RunStatusBar } from './host/statusBar';
import { offerResume } from './host/resumeOffer';
import { ReviewState } from './host/review/reviewState';
import { ProposedFileSystem } from './host/review/proposedFileSystem';
import { PROPOSED_SCHEME } from './host/review/proposedUris';
import { ReviewCodeLensProvider } from './host/review/reviewCodeLens';
import { openReview, registerReviewCommands, type OpenedReview } from './host/review/reviewCommands';
import { openContextFile } from './host/openContextFile';
import { applyRun } from './host/review/applyRun';
import { UndoneApplies } from './host/review/undoneApplies';
import { masterPlanForRun } from './core/store/plans';
import { ChatViewProvider, CHAT_VIEW_ID } from './webview/chatViewProvider';
import { handlers } from './webview/handlers';
import type { HandlerDeps } from './webview/handlerTable';
import type { ProgressEvent } from './shared/events';

/** What `activate` returns: used by the integration tests to drive the real protocol path. */
export interface MgeApi {
  /** Resolves when the chat view exists and its page has said `webview/ready`. */
  whenChatReady(): Promise<void>;
  /** Runs a protocol request through the same validation and handler the webview uses. */
  request(method: string, params: unknown): Promise<unknown>;
  /** Every progress event of every run, as the panel gets them. */
  readonly onEvent: vscode.Event<ProgressEvent>;
  /** Milliseconds `activate` took. */
  readonly activationMs: number;
}

export function activate(context: vscode.ExtensionContext): MgeApi {
  const started = performance.now();
  const channel = vscode.window.createOutputChannel('MGE', { log: true });
  const apiKey = new ApiKeyStore(context.secrets);
  context.subscriptions.push(channel, apiKey);
  const logger = createChannelLogger(channel, () => apiKey.known());
  // Not awaited: secret storage can take hundreds of ms in a remote host; activation must not wait.
  void apiKey.refresh();
  const settings = createSettingsReader(logger);
  const events = new vscode.EventEmitter<ProgressEvent>();
  const tree = new MasterplanTreeProvider();
  const statusBar = new RunStatusBar(OPEN_CHAT_COMMAND);
  const review = new ReviewState();
  const proposedFs = new ProposedFileSystem(review);
  const runtime = new WorkspaceRuntime({ context, apiKey, settings, logger, review, emit: (event) => events.fire(event) });
  const lenses = new ReviewCodeLensProvider(review, (runId) => runtime.runs.isLive(runId));
  const undone = new UndoneApplies(review, { forget: (runId, written, discarded) => runtime.forgetApplied(runId, written, discarded) }, logger);
  const apply = (runId: string) => applyRun(review, runtime, undone, runId, logger);
  // An Apply undone since is back in review before the review opens (the watcher may lag).
  const reviewRun = async (runId?: string): Promise<OpenedReview> => {
    await undone.check();
    return openReview(review, runId);
  };
  const promptForKey = (): Promise<boolean> => setApiKey(apiKey, logger);

  const chat = createChatSession({
    repository: runtime.chatRepository,
    launcher: runtime.launcher,
    hasKey: async () => (await apiKey.get()) !== undefined,
    runInfos: (conversationId) => runtime.runInfos(conversationId),
    logger,
    onChanged: () => chatView.postStateChanged(),
  });
  const deps: HandlerDeps = {
    settings, apiKey, chat, logger, promptForKey,
    runs: runtime.runs,
    openReview: (runId) => reviewRun(runId),
    applyReview: apply,
    openContext: openContextFile,
    stateChanged: () => chatView.postStateChanged(),
  };
  const chatView = new ChatViewProvider(context.extensionUri, handlers, deps);

  context.subscriptions.push(
    events, tree, statusBar, review, proposedFs, lenses, runtime, undone, chatView,
    events.event((event) => {
      chatView.postEvent(event);
      tree.applyEvent(event);
      statusBar.applyEvent(event);
      logEvent(logger, event);
      if (event.type === 'plan/ready') void showPlanInTree(runtime, tree, event.runId);
      if (event.type === 'run/finished') chatView.postStateChanged();
      if (event.type === 'run/started' || event.type === 'run/finished') lenses.refresh();
    }),
    vscode.window.registerWebviewViewProvider(CHAT_VIEW_ID, chatView),
    vscode.window.createTreeView(MASTERPLAN_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true }),
    vscode.workspace.registerFileSystemProvider(PROPOSED_SCHEME, proposedFs, { isReadonly: true, isCaseSensitive: true }),
    vscode.languages.registerCodeLensProvider(ReviewCodeLensProvider.selector, lenses),
    ...registerReviewCommands(review, reviewRun, apply),
    ...registerTreeCommands(tree, review, runtime),
    vscode.commands.registerCommand(SET_API_KEY_COMMAND, promptForKey),
    vscode.commands.registerCommand(OPEN_CHAT_COMMAND, openChat),
    vscode.commands.registerCommand(GENERATE_COMMAND, (request?: string) =>
      generateFromDescription({ chat, onEvent: events.event, stop: (runId) => runtime.runs.stop(runId), openChat }, typeof request === 'string' ? request : undefined)),
    apiKey.onDidChange(() => chatView.postStateChanged()),
    review.onDidChange(() => chatView.postStateChanged()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('mge')) chatView.postStateChanged();
    }),
  );
  void offerResume(context, runtime, logger, openChat);

  const activationMs = performance.now() - started;
  logger.info(`MGE activated in ${activationMs.toFixed(1)} ms (${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} UI).`);
  return {
    activationMs,
    onEvent: events.event,
    whenChatReady: async () => {
      await chatView.whenReady();
    },
    request: async (method, params) => {
      const messenger = await chatView.whenReady();
      return messenger.dispatch(method, params, new AbortController().signal);
    },
  };
}

async function showPlanInTree(runtime: WorkspaceRuntime, tree: MasterplanTreeProvider, runId: string): Promise<void> {
  const stored = masterPlanForRun(await runtime.database(), runId);
  tree.setPlan(runId, stored?.plan ?? null);
}

/** The run's story in the MGE log channel: stages, pauses, errors, the outcome (never the key). */
function logEvent(logger: ReturnType<typeof createChannelLogger>, event: ProgressEvent): void {
  if (event.type === 'stage/started') logger.info(`[${event.runId}] ${event.stage} started`);
  else if (event.type === 'llm/pause') logger.warn(`[${event.runId}] ${event.message} (${event.secondsLeft} s)`);
  else if (event.type === 'llm/slowdown') logger.warn(`[${event.runId}] ${event.message}`);
  else if (event.type === 'run/error') logger.error(`[${event.runId}] ${event.code}: ${event.message}`);
  else if (event.type === 'atom/status' && event.status === 'failed') logger.warn(`[${event.runId}] atom ${event.atomId} failed at ${event.failure?.level ?? '?'}: ${event.failure?.message ?? ''}`);
  else if (event.type === 'run/finished') logger.info(`[${event.runId}] finished: ${event.outcome} in ${event.wallMs} ms`);
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions and disposed by VS Code.
}
