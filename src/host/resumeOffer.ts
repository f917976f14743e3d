import * as vscode from 'vscode';
import type { Logger } from '../core/ports';
import type { WorkspaceRuntime } from './workspaceRuntime';

/**
 * After a reload (or a crash) a generate run is still marked running with no process behind it:
 * offer to resume it. Only looks when this workspace already has an MGE database, so opening an
 * unrelated folder creates nothing.
 */
export async function offerResume(context: vscode.ExtensionContext, runtime: WorkspaceRuntime, logger: Logger, openChat: () => Promise<void>): Promise<void> {
  if (!context.storageUri) return;
  try {
    await vscode.workspace.fs.stat(vscode.Uri.joinPath(context.storageUri, 'mge.db'));
  } catch {
    return;
  }
  const [run] = await runtime.interruptedRuns();
  if (!run) return;
  logger.info(`Run ${run.id} was interrupted (last stage ${run.stage ?? 'none'}).`);
  const request = run.request.length > 80 ? `${run.request.slice(0, 77)}…` : run.request;
  const choice = await vscode.window.showInformationMessage(`MGE: a run was interrupted ("${request}"). Resume it? Done atoms are kept.`, 'Resume', 'Not Now');
  if (choice !== 'Resume') return;
  const result = await runtime.runs.resume(run.id);
  if (result.status === 'rejected') void vscode.window.showErrorMessage(`MGE: ${result.message}`);
  else await openChat();
}
