import * as vscode from 'vscode';
import type { Logger } from '../../core/ports';
import type { ReviewFile, ReviewState } from './reviewState';

/** One Apply as it left review: the files it wrote (what, over what), the files it discarded. */
export interface AppliedBatch {
  readonly runId: string;
  /** `before`: the file's text before the Apply (undefined: it did not exist). */
  readonly written: ReadonlyArray<{ readonly file: ReviewFile; readonly content: string; readonly before: string | undefined }>;
  readonly discarded: readonly ReviewFile[];
}

/** Where the fact that an apply happened is kept (the database), to take it back. */
export interface AppliedRecords {
  forget(runId: string, written: readonly string[], discarded: readonly string[]): Promise<void>;
}

/**
 * Brings an Apply's proposals back into review when the user undoes it. The Apply is one
 * WorkspaceEdit, so one Ctrl+Z puts every file it wrote back as it was: created files are gone and
 * replaced files hold their old text again. When that is true of every file of an Apply (and only
 * then: a file deleted or edited by hand is the user's business), its files return to review with
 * the decisions they had, rejected files included, as if Apply had not been pressed.
 * Checked shortly after file and document changes, and whenever the review is opened.
 */
export class UndoneApplies implements vscode.Disposable {
  private batches: AppliedBatch[] = [];
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<number> = Promise.resolve(0);
  // Listening only while an Apply can still be undone: no second workspace-wide watcher, and no
  // work on every keystroke, for a session that never applied anything.
  private subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly review: ReviewState,
    private readonly records: AppliedRecords,
    private readonly logger: Logger,
  ) {}

  /** Remembers an Apply that wrote files (one that only discarded has nothing to undo). */
  track(batch: AppliedBatch): void {
    if (batch.written.length === 0) return;
    this.batches.push(batch);
    this.listen();
  }

  private listen(): void {
    if (this.subscriptions.length > 0) return;
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    const touched = (uri: vscode.Uri): void => {
      if (this.tracks(uri)) this.schedule();
    };
    this.subscriptions = [
      watcher,
      watcher.onDidDelete(touched),
      watcher.onDidChange(touched),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach(touched)),
      vscode.workspace.onDidChangeTextDocument((e) => touched(e.document.uri)),
    ];
  }

  private stopListening(): void {
    for (const s of this.subscriptions) s.dispose();
    this.subscriptions = [];
  }

  /** Puts the files of every undone Apply back into review; resolves with how many came back. */
  check(): Promise<number> {
    // One check at a time: two would both see the same batch undone and restore it twice.
    this.checking = this.checking.then(() => this.checkNow(), () => this.checkNow());
    return this.checking;
  }

  private async checkNow(): Promise<number> {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!root || this.batches.length === 0) return 0;
    let restored = 0;
    for (const batch of [...this.batches]) {
      if (!(await isUndone(root, batch))) continue;
      this.batches = this.batches.filter((b) => b !== batch);
      if (this.batches.length === 0) this.stopListening();
      const written = batch.written.map((w) => w.file.proposal.relPath);
      const discarded = batch.discarded.map((f) => f.proposal.relPath);
      // Back in review first: a state refresh in between must not restore them from the database
      // with their decisions reset.
      this.review.restore([...batch.written.map((w) => w.file), ...batch.discarded]);
      await this.records.forget(batch.runId, written, discarded);
      restored += written.length + discarded.length;
      this.logger.info(`Run ${batch.runId}: the Apply of ${written.join(', ')} was undone; its proposals are back in review.`);
      void vscode.window.showInformationMessage(
        `MGE: the Apply was undone; its ${plural(written.length + discarded.length, 'proposed file')} ${written.length + discarded.length === 1 ? 'is' : 'are'} back in review. Use Review to accept or reject them again, then Apply.`,
      );
    }
    return restored;
  }

  private tracks(uri: vscode.Uri): boolean {
    if (uri.scheme !== 'file' || this.batches.length === 0) return false;
    const rel = vscode.workspace.asRelativePath(uri, false);
    return this.batches.some((b) => b.written.some((w) => w.file.proposal.relPath === rel || w.file.proposal.relPath.startsWith(`${rel}/`)));
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.check().catch((err: unknown) => this.logger.warn(`Cannot check for an undone Apply: ${err instanceof Error ? err.message : String(err)}`));
    }, 200);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.stopListening();
  }
}

/**
 * True when every file the Apply changed is as it was before (the user's text for a file it
 * overwrote): a created file is gone from disk (an editor may still hold its text), a replaced one
 * reads its old text (in its editor if open, where undo puts it, else on disk).
 */
async function isUndone(root: vscode.Uri, batch: AppliedBatch): Promise<boolean> {
  const changed = batch.written.filter((w) => w.content !== w.before);
  if (changed.length === 0) return false;
  for (const { file, before: base } of changed) {
    const uri = vscode.Uri.joinPath(root, ...file.proposal.relPath.split('/'));
    if (base === undefined) {
      if (await exists(uri)) return false;
      continue;
    }
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const text = open ? open.getText() : (await exists(uri)) ? new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) : undefined;
    if (text !== base) return false;
  }
  return true;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    // Any stat failure means absent (the remote host's error classes differ).
    return false;
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
