import * as vscode from 'vscode';
import { HostNotifications } from '../shared/protocol';
import type { ProgressEvent } from '../shared/events';
import { chatLocalResourceRoots, renderChatHtml } from './html';
import { WebviewMessenger } from './messenger';
import type { HandlerDeps, HandlerTable } from './handlerTable';

export const CHAT_VIEW_ID = 'mge.chat';

/**
 * The chat side panel. Owns the messenger of the current webview (recreated when VS Code
 * re-resolves the view) and forwards run events and state changes to it.
 */
export class ChatViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private messenger: WebviewMessenger | undefined;
  private viewDisposables: vscode.Disposable[] = [];
  private readonly resolvedWaiters: Array<(m: WebviewMessenger) => void> = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly handlers: HandlerTable,
    private readonly deps: HandlerDeps,
  ) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    this.disposeView();
    view.webview.options = { enableScripts: true, localResourceRoots: chatLocalResourceRoots(this.extensionUri) };
    const messenger = new WebviewMessenger(view.webview, this.handlers, this.deps);
    this.messenger = messenger;
    this.viewDisposables.push(messenger, view.onDidDispose(() => this.disposeView()));
    view.webview.html = renderChatHtml(view.webview, this.extensionUri);
    for (const resolve of this.resolvedWaiters.splice(0)) resolve(messenger);
  }

  /** Resolves when a chat webview exists and its page is listening. */
  async whenReady(): Promise<WebviewMessenger> {
    const messenger = this.messenger ?? (await new Promise<WebviewMessenger>((r) => this.resolvedWaiters.push(r)));
    await messenger.whenReady();
    return messenger;
  }

  /** The messenger of the live view, if the view has been opened. */
  current(): WebviewMessenger | undefined {
    return this.messenger;
  }

  postEvent(event: ProgressEvent): void {
    this.messenger?.notify(HostNotifications.runEvent, { event });
  }

  postStateChanged(): void {
    this.messenger?.notify(HostNotifications.stateChanged, {});
  }

  private disposeView(): void {
    for (const d of this.viewDisposables.splice(0)) d.dispose();
    this.messenger = undefined;
  }

  dispose(): void {
    this.disposeView();
  }
}
