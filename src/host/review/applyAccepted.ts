import * as vscode from 'vscode';
import { checkWorkspacePath } from '../../core/workspacePath';
import type { Logger } from '../../core/ports';
import type { ReviewState } from './reviewState';

export interface ApplyOutcome {
  readonly applied: readonly string[];
  /** What each applied file held before (undefined: it did not exist), to tell when the edit is undone. */
  readonly before: ReadonlyMap<string, string | undefined>;
  readonly skipped: readonly string[];
  readonly refused: readonly { readonly relPath: string; readonly reason: string }[];
}

/**
 * Applies the accepted proposals of a run as ONE WorkspaceEdit (one undo takes it all back). A file
 * that changed on disk since its proposal was made is never overwritten silently: the user chooses
 * to overwrite or skip those files. Paths are checked against the workspace again here, whatever
 * the core already checked.
 */
export async function applyAccepted(review: ReviewState, runId: string, root: vscode.Uri, logger: Logger): Promise<ApplyOutcome | undefined> {
  const files = review.files(runId).filter((f) => f.decision === 'accepted');
  const refused: { relPath: string; reason: string }[] = [];
  const targets: { relPath: string; uri: vscode.Uri; content: string; current: string | undefined; base: string | undefined }[] = [];
  for (const file of files) {
    const { relPath } = file.proposal;
    const check = checkWorkspacePath(root.fsPath, relPath);
    if (!check.ok) {
      refused.push({ relPath, reason: check.reason });
      continue;
    }
    const uri = vscode.Uri.joinPath(root, ...relPath.split('/'));
    targets.push({ relPath, uri, content: review.composed(runId, relPath).content, current: await readCurrent(uri), base: file.proposal.baseContent });
  }
  const changed = targets.filter((t) => t.current !== t.base);
  let skip = new Set<string>();
  if (changed.length > 0) {
    const names = changed.map((t) => t.relPath).join(', ');
    const choice = await vscode.window.showWarningMessage(
      `${changed.length === 1 ? 'This file has' : 'These files have'} changed since MGE proposed ${changed.length === 1 ? 'it' : 'them'}: ${names}. Overwrite your changes, or skip ${changed.length === 1 ? 'it' : 'them'}?`,
      { modal: true },
      'Skip Changed Files',
      'Overwrite',
    );
    if (choice === undefined) return undefined;
    if (choice === 'Skip Changed Files') skip = new Set(changed.map((t) => t.relPath));
  }
  const edit = new vscode.WorkspaceEdit();
  const applied: string[] = [];
  const before = new Map<string, string | undefined>();
  for (const target of targets) {
    if (skip.has(target.relPath)) continue;
    before.set(target.relPath, target.current);
    if (target.current === undefined) {
      edit.createFile(target.uri, { contents: new TextEncoder().encode(target.content), ignoreIfExists: false });
    } else {
      const document = await vscode.workspace.openTextDocument(target.uri);
      edit.replace(target.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), target.content);
    }
    applied.push(target.relPath);
  }
  if (applied.length > 0 && !(await vscode.workspace.applyEdit(edit, { isRefactoring: true }))) {
    throw new Error('VS Code refused the edit; nothing was changed.');
  }
  await Promise.all(applied.map(async (relPath) => {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === vscode.Uri.joinPath(root, ...relPath.split('/')).toString());
    if (document?.isDirty) await document.save();
  }));
  for (const r of refused) logger.warn(`Refused to write ${r.relPath}: ${r.reason}`);
  logger.info(`Applied ${applied.length} file(s) of run ${runId}; skipped ${skip.size}; refused ${refused.length}.`);
  return { applied, before, skipped: [...skip], refused };
}

async function readCurrent(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    // Not there (the remote host's error classes differ, so any stat failure means "absent").
    return undefined;
  }
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}
