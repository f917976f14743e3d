import * as vscode from 'vscode';
import { parseProposedUri, proposedUri } from './proposedUris';
import type { ReviewState } from './reviewState';

/**
 * A read-only file system over the proposals, for VS Code's diff editor: the proposed side shows
 * the file as it would be applied under the current decisions, the base side what it was built on.
 */
export class ProposedFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  private readonly subscription: vscode.Disposable;
  private readonly encoder = new TextEncoder();

  constructor(private readonly review: ReviewState) {
    this.subscription = review.onDidChange(({ runId, relPath }) => {
      const paths = relPath ? [relPath] : review.files(runId).map((f) => f.proposal.relPath);
      this.emitter.fire(paths.map((p) => ({ type: vscode.FileChangeType.Changed, uri: proposedUri(runId, p) })));
    });
  }

  private text(uri: vscode.Uri): string {
    const parsed = parseProposedUri(uri);
    const file = parsed && this.review.get(parsed.runId, parsed.relPath);
    if (!parsed || !file) throw vscode.FileSystemError.FileNotFound(uri);
    return parsed.side === 'base' ? (file.proposal.baseContent ?? '') : this.review.composed(parsed.runId, parsed.relPath).content;
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    return { type: vscode.FileType.File, ctime: 0, mtime: Date.now(), size: this.encoder.encode(this.text(uri)).byteLength, permissions: vscode.FilePermission.Readonly };
  }

  readFile(uri: vscode.Uri): Uint8Array {
    return this.encoder.encode(this.text(uri));
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
