import * as vscode from 'vscode';
import type { EditSink } from '../../core/ports';
import type { ApplyResult } from '../../shared/protocol';
import { proposedUri } from './proposedUris';
import { REVIEW_COMMANDS } from './reviewCodeLens';
import type { ReviewState } from './reviewState';

/** The EditSink of the extension: proposals go to review, never straight to disk. */
export function createReviewEditSink(review: ReviewState): EditSink {
  return {
    propose(runId, proposals) {
      review.add(runId, proposals);
      return Promise.resolve();
    },
  };
}

/** Opens the review diff of one proposed file: current file (or empty) on the left, proposal on the right. */
export async function openProposalDiff(runId: string, relPath: string): Promise<void> {
  await vscode.commands.executeCommand('vscode.diff', proposedUri(runId, relPath, 'base'), proposedUri(runId, relPath), `${relPath} (MGE proposal)`, { preview: false });
  void offerDiffCodeLens();
}

let diffCodeLensOffered = false;

/**
 * The accept/reject buttons are CodeLenses, and VS Code hides CodeLenses in diff editors unless
 * `diffEditor.codeLens` is on (it is off by default): without it the review diff has no buttons.
 * Asks once per window to turn it on; the lenses appear as soon as it is.
 */
async function offerDiffCodeLens(): Promise<void> {
  const config = vscode.workspace.getConfiguration('diffEditor');
  if (diffCodeLensOffered || config.get<boolean>('codeLens') === true) return;
  diffCodeLensOffered = true;
  const choice = await vscode.window.showInformationMessage(
    'MGE: the Accept and Reject buttons of each atom are CodeLenses, which VS Code hides in diff editors (the setting diffEditor.codeLens is off). Show them?',
    'Show Accept/Reject Buttons',
  );
  if (choice) await config.update('codeLens', true, vscode.ConfigurationTarget.Global);
}

/** Registers the review commands; `open` and `apply` are shared with the panel. */
export function registerReviewCommands(review: ReviewState, open: (runId?: string) => Promise<OpenedReview>, apply: (runId: string) => Promise<ApplyResult>): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(REVIEW_COMMANDS.acceptAtom, (runId: string, relPath: string, atomId: string) => review.setAtom(runId, relPath, atomId, 'accepted')),
    vscode.commands.registerCommand(REVIEW_COMMANDS.rejectAtom, (runId: string, relPath: string, atomId: string) => review.setAtom(runId, relPath, atomId, 'rejected')),
    vscode.commands.registerCommand(REVIEW_COMMANDS.acceptFile, (runId: string, relPath: string) => review.setFile(runId, relPath, 'accepted')),
    vscode.commands.registerCommand(REVIEW_COMMANDS.rejectFile, (runId: string, relPath: string) => review.setFile(runId, relPath, 'rejected')),
    vscode.commands.registerCommand(REVIEW_COMMANDS.open, (runId?: string) => open(runId)),
    vscode.commands.registerCommand(REVIEW_COMMANDS.applyAccepted, async (runId?: string) => {
      const id = runId ?? review.runIds().at(-1);
      if (!id) {
        void vscode.window.showInformationMessage('MGE: nothing to apply.');
        return undefined;
      }
      const result = await apply(id);
      // The panel shows its own answer; from the palette or a CodeLens this is the only one.
      if (result.status === 'nothing') void vscode.window.showInformationMessage(`MGE: ${result.message}`);
      return result;
    }),
  ];
}

/** What Review did: how many files wait for review, and the one whose diff it opened (none: the pick was dismissed). */
export interface OpenedReview {
  readonly files: number;
  readonly opened: string | null;
}

/** Opens the diff of a run's only file, or asks which file. */
export async function openReview(review: ReviewState, runId?: string): Promise<OpenedReview> {
  const id = runId ?? review.runIds().at(-1);
  const files = id ? review.files(id) : [];
  if (!id || files.length === 0) {
    void vscode.window.showInformationMessage('MGE: nothing to review yet.');
    return { files: 0, opened: null };
  }
  const pick = files.length === 1 ? files[0].proposal.relPath : (await vscode.window.showQuickPick(
    files.map((f) => ({ label: f.proposal.relPath, description: `${f.proposal.atoms.length} atoms${f.proposal.baseContent === undefined ? ', new file' : ''}${f.decision === 'rejected' ? ', rejected' : ''}` })),
    { title: 'MGE: review proposed files', placeHolder: 'Pick a file to see its diff' },
  ))?.label;
  if (pick) await openProposalDiff(id, pick);
  return { files: files.length, opened: pick ?? null };
}
