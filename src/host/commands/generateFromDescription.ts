import * as vscode from 'vscode';
import type { ProgressEvent } from '../../shared/events';
import type { ChatSession } from '../chatSession';
import { SET_API_KEY_COMMAND } from './setApiKey';

export const GENERATE_COMMAND = 'mge.generateFromDescription';

/** First line of an editor-written request; the rest of the document is the request. */
export const REQUEST_HEADER = '<!-- MGE request: describe what to build below, then run "MGE: Generate from Description" again -->';

export interface GenerateCommandDeps {
  readonly chat: ChatSession;
  readonly onEvent: vscode.Event<ProgressEvent>;
  readonly stop: (runId: string) => boolean;
  readonly openChat: () => Promise<void>;
}

/**
 * "MGE: Generate from Description": takes the request (an argument, a request document in the
 * active editor, or an input box whose button opens such a document for a multi-line request),
 * starts a run through the chat (so the panel shows it), and follows it in a progress
 * notification whose Cancel stops the run.
 */
export async function generateFromDescription(deps: GenerateCommandDeps, given?: string): Promise<string | undefined> {
  const request = given ?? requestFromEditor() ?? (await askForRequest());
  if (request === undefined) return undefined;
  const result = await deps.chat.send(request, null, new AbortController().signal);
  if (result.status === 'needs-key') {
    const choice = await vscode.window.showWarningMessage(result.message, 'Set API Key');
    if (choice) await vscode.commands.executeCommand(SET_API_KEY_COMMAND);
    return undefined;
  }
  if (result.status === 'rejected') {
    void vscode.window.showErrorMessage(`MGE: ${result.message}`);
    return undefined;
  }
  await deps.openChat();
  void followInNotification(deps, result.runId);
  return result.runId;
}

function requestFromEditor(): string | undefined {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || !document.getText().startsWith(REQUEST_HEADER)) return undefined;
  const text = document.getText().slice(REQUEST_HEADER.length).trim();
  return text === '' ? undefined : text;
}

async function askForRequest(): Promise<string | undefined> {
  const box = vscode.window.createInputBox();
  const longer: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('edit'), tooltip: 'Write a longer, multi-line description in an editor' };
  box.title = 'MGE: Generate from Description';
  box.prompt = 'What should MGE build? (the button on the right opens an editor for a multi-line request)';
  box.placeholder = 'A REST API for task management with users, projects and assignments, in TypeScript';
  box.buttons = [longer];
  box.ignoreFocusOut = true;
  const answer = await new Promise<string | undefined>((resolve) => {
    box.onDidAccept(() => resolve(box.value.trim() || undefined));
    box.onDidHide(() => resolve(undefined));
    box.onDidTriggerButton(() => {
      resolve(undefined);
      void openRequestEditor();
    });
    box.show();
  });
  box.dispose();
  return answer;
}

async function openRequestEditor(): Promise<void> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: `${REQUEST_HEADER}\n\n` });
  await vscode.window.showTextDocument(document);
}

/** A progress notification that follows one run until it finishes (or its plan waits for review). */
function followInNotification(deps: GenerateCommandDeps, runId: string): Thenable<void> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'MGE', cancellable: true }, (progress, token) =>
    new Promise<void>((resolve) => {
      const waves = { sizes: [] as number[], done: 0, total: 0 };
      const subscription = deps.onEvent((event) => {
        if (event.runId !== runId) return;
        const message = describe(event, waves);
        if (message) progress.report({ message });
        // A planning run (plan review on) finishes at its plan, so this also ends there.
        if (event.type === 'run/finished') {
          subscription.dispose();
          resolve();
        }
      });
      token.onCancellationRequested(() => {
        deps.stop(runId);
        subscription.dispose();
        resolve();
      });
    }),
  );
}

function describe(event: ProgressEvent, waves: { sizes: number[]; done: number; total: number }): string | undefined {
  switch (event.type) {
    case 'stage/started': return `${event.stage}…`;
    case 'plan/ready': return `MasterPlan ready: ${event.tasks} tasks. Review it in the MGE panel.`;
    case 'waves/planned':
      waves.sizes = [...event.waveSizes];
      waves.total = event.atoms;
      return `${event.atoms} atoms in ${event.waveSizes.length} waves`;
    case 'atom/status':
      if (event.status === 'passed' || event.status === 'failed' || event.status === 'skipped') waves.done++;
      return `atoms ${waves.done}/${waves.total}`;
    case 'llm/pause': return event.message;
    case 'llm/slowdown': return event.message;
    case 'run/error': return event.message;
    default: return undefined;
  }
}
