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
import { createChatSession } from './host/chatSession';
import { createWorkspaceRuntime } from './host/workspaceRuntime';
import { masterPlanForRun } from './core/store/plans';
import { MasterplanTreeProvider, MASTERPLAN_VIEW_ID } from './host/masterplanTree';
import { ChatViewProvider, CHAT_VIEW_ID } from './webview/chatViewProvider';
import { ReviewState } from './host/review/reviewState';
import { ProposedFileSystem } from './host/review/proposedFileSystem';
import { PROPOSED_SCHEME } from './host/review/proposedUris';
import { ReviewCodeLensProvider } from './host/review/reviewCodeLens';
import { registerReviewCommands } from './host/review/reviewCommands';
import { handlers } from './webview/handlers';
import type { HandlerDeps } from './webview/handlerTable';

/** What `activate` returns: used by the integration tests to drive the real protocol path. */
export interface MgeApi {
  /** Resolves when the chat view exists and its page has said `webview/ready`. */
  whenChatReady(): Promise<void>;
  /** Runs a protocol request through the same validation and handler the webview uses. */
  request(method: string, params: unknown): Promise<unknown>;
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

  const promptForKey = (): Promise<boolean> => setApiKey(apiKey, logger);
  const tree = new MasterplanTreeProvider();
  const review = new ReviewState();
  const proposedFs = new ProposedFileSystem(review);
  const lenses = new ReviewCodeLensProvider(review);
  context.subscriptions.push(
    review, proposedFs, lenses,
    vscode.workspace.registerFileSystemProvider(PROPOSED_SCHEME, proposedFs, { isReadonly: true, isCaseSensitive: true }),
    vscode.languages.registerCodeLensProvider(ReviewCodeLensProvider.selector, lenses),
    ...registerReviewCommands(review, logger, (runId, applied) => logger.info(`Run ${runId}: ${applied.length} file(s) applied.`)),
  );
  const runtime = createWorkspaceRuntime({
    context, apiKey, settings, logger,
    emit: (event) => {
      chatView.postEvent(event);
      tree.applyEvent(event);
      if (event.type === 'plan/ready') void showPlanInTree(runtime, tree, event.runId);
    },
  });
  context.subscriptions.push(tree, runtime, vscode.window.createTreeView(MASTERPLAN_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true }));

  const chat = createChatSession({
    repository: runtime.chatRepository,
    launcher: runtime.launcher,
    hasKey: async () => (await apiKey.get()) !== undefined,
    logger,
    onChanged: () => chatView.postStateChanged(),
  });
  const deps: HandlerDeps = { settings, apiKey, chat, logger, promptForKey };
  // Declared after the closures above that use it: they only run once activation is done.
  const chatView = new ChatViewProvider(context.extensionUri, handlers, deps);

  context.subscriptions.push(
    chatView,
    vscode.window.registerWebviewViewProvider(CHAT_VIEW_ID, chatView),
    vscode.commands.registerCommand(SET_API_KEY_COMMAND, promptForKey),
    vscode.commands.registerCommand(OPEN_CHAT_COMMAND, openChat),
    apiKey.onDidChange(() => chatView.postStateChanged()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('mge')) chatView.postStateChanged();
    }),
  );

  const activationMs = performance.now() - started;
  logger.info(`MGE activated in ${activationMs.toFixed(1)} ms (${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} UI).`);
  return {
    activationMs,
    whenChatReady: async () => {
      await chatView.whenReady();
    },
    request: async (method, params) => {
      const messenger = await chatView.whenReady();
      return messenger.dispatch(method, params, new AbortController().signal);
    },
  };
}

async function showPlanInTree(runtime: ReturnType<typeof createWorkspaceRuntime>, tree: MasterplanTreeProvider, runId: string): Promise<void> {
  const stored = masterPlanForRun(await runtime.database(), runId);
  tree.setPlan(stored?.plan ?? null);
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions and disposed by VS Code.
}
