import * as vscode from 'vscode';
import { parseProposedUri, PROPOSED_SCHEME } from './proposedUris';
import type { ReviewState } from './reviewState';

export const REVIEW_COMMANDS = {
  acceptAtom: 'mge.review.acceptAtom',
  rejectAtom: 'mge.review.rejectAtom',
  acceptFile: 'mge.review.acceptFile',
  rejectFile: 'mge.review.rejectFile',
  applyAccepted: 'mge.review.applyAccepted',
  open: 'mge.review.open',
} as const;

/**
 * Accept / reject lenses on the proposed side of the review diff: one pair per atom, at its first
 * line, and one row for the whole file with "Apply accepted" at the top (a note instead while
 * the run still generates: its proposals are not final).
 */
export class ReviewCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly review: ReviewState, private readonly isLive: (runId: string) => boolean) {
    this.subscription = review.onDidChange(() => this.emitter.fire());
  }

  /** The run started or ended: the Apply lens changes. */
  refresh(): void {
    this.emitter.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const parsed = parseProposedUri(document.uri);
    if (!parsed || parsed.side !== 'proposed') return [];
    const file = this.review.get(parsed.runId, parsed.relPath);
    if (!file) return [];
    const { runId, relPath } = parsed;
    const top = new vscode.Range(0, 0, 0, 0);
    const accepted = file.decision === 'accepted';
    const lenses = [
      new vscode.CodeLens(top, { title: accepted ? '$(check) File accepted' : '$(close) File rejected', command: '' }),
      accepted
        ? new vscode.CodeLens(top, { title: 'Reject file', command: REVIEW_COMMANDS.rejectFile, arguments: [runId, relPath] })
        : new vscode.CodeLens(top, { title: 'Accept file', command: REVIEW_COMMANDS.acceptFile, arguments: [runId, relPath] }),
      this.isLive(runId)
        ? new vscode.CodeLens(top, { title: '$(watch) Still generating: Apply once the run ends', command: '' })
        : new vscode.CodeLens(top, { title: '$(check-all) Apply accepted', command: REVIEW_COMMANDS.applyAccepted, arguments: [runId] }),
    ];
    if (!accepted) return lenses;
    const composed = this.review.composed(runId, relPath);
    for (const atom of file.proposal.atoms) {
      const range = composed.ranges.get(atom.atomId);
      if (!range) continue;
      const at = new vscode.Range(range.startLine - 1, 0, range.startLine - 1, 0);
      const rejected = file.decisions.get(atom.atomId) === 'rejected';
      const unit = atom.atomId.slice(atom.atomId.lastIndexOf('#') + 1);
      lenses.push(
        rejected
          ? new vscode.CodeLens(at, { title: `$(close) ${unit} rejected — Accept`, command: REVIEW_COMMANDS.acceptAtom, arguments: [runId, relPath, atom.atomId] })
          : new vscode.CodeLens(at, { title: `$(check) ${unit} — Reject`, command: REVIEW_COMMANDS.rejectAtom, arguments: [runId, relPath, atom.atomId] }),
      );
    }
    return lenses;
  }

  /** The scheme the lenses live on (for registration). */
  static readonly selector: vscode.DocumentSelector = { scheme: PROPOSED_SCHEME };

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
