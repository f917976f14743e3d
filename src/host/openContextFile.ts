/** Opens a "context used" snippet in the editor with its lines selected (the panel's `context/open`). */
import * as vscode from 'vscode';
import { shippedExamplesDir } from '../core/rag/examples';
import type { OpenContextParams, OpenContextResult } from '../shared/protocol';
import { resolveContextFile } from './contextPath';

/** Shows the snippet's file (first workspace folder, or the bundled examples), lines selected. */
export async function openContextFile(params: OpenContextParams): Promise<OpenContextResult> {
  const resolved = await resolveContextFile(params, {
    workspace: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? null,
    examples: shippedExamplesDir(),
  });
  if (!resolved.ok) return { status: 'refused', message: resolved.message };
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(resolved.file));
  // Lines may have moved since the snippet was indexed: clamp to the file as it is now.
  const last = Math.max(0, document.lineCount - 1);
  const start = Math.min(params.startLine - 1, last);
  const end = Math.min(Math.max(params.endLine - 1, start), last);
  const range = new vscode.Range(start, 0, end, document.lineAt(end).text.length);
  await vscode.window.showTextDocument(document, { selection: range, preview: true, preserveFocus: false });
  return { status: 'opened' };
}
