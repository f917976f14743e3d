import * as vscode from 'vscode';
import type { EditSink, Logger } from '../../core/ports';
import { applyAccepted } from './applyAccepted';
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
}

/** Registers the review commands; returns their disposables. */
export function registerReviewCommands(review: ReviewState, logger: Logger, onApplied: (runId: string, applied: readonly string[]) => void): vscode.Disposable[] {
  const root = (): vscode.Uri => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('Open the folder the proposals were made for.');
    return folder.uri;
  };
  return [
    vscode.commands.registerCommand(REVIEW_COMMANDS.acceptAtom, (runId: string, relPath: string, atomId: string) => review.setAtom(runId, relPath, atomId, 'accepted')),
    vscode.commands.registerCommand(REVIEW_COMMANDS.rejectAtom, (runId: string, relPath: string, atomId: string) => review.setAtom(runId, relPath, atomId, 'rejected')),
    vscode.commands.registerCommand(REVIEW_COMMANDS.acceptFile, (runId: string, relPath: string) => review.setFile(runId, relPath, 'accepted')),
    vscode.commands.registerCommand(REVIEW_COMMANDS.rejectFile, (runId: string, relPath: string) => review.setFile(runId, relPath, 'rejected')),
    vscode.commands.registerCommand(REVIEW_COMMANDS.open, async (runId?: string) => {
      const id = runId ?? review.runIds().at(-1);
      if (!id) {
        void vscode.window.showInformationMessage('MGE: nothing to review yet.');
        return;
      }
      const files = review.files(id);
      const pick = files.length === 1 ? files[0].proposal.relPath : (await vscode.window.showQuickPick(
        files.map((f) => ({ label: f.proposal.relPath, description: `${f.proposal.atoms.length} atoms${f.proposal.baseContent === undefined ? ', new file' : ''}` })),
        { title: 'MGE: review proposed files', placeHolder: 'Pick a file to see its diff' },
      ))?.label;
      if (pick) await openProposalDiff(id, pick);
    }),
    vscode.commands.registerCommand(REVIEW_COMMANDS.applyAccepted, async (runId?: string) => {
      const id = runId ?? review.runIds().at(-1);
      if (!id) return undefined;
      const outcome = await applyAccepted(review, id, root(), logger);
      if (!outcome) return undefined;
      onApplied(id, outcome.applied);
      const refused = outcome.refused.length > 0 ? ` Refused ${outcome.refused.length} outside the workspace.` : '';
      void vscode.window.showInformationMessage(`MGE: applied ${outcome.applied.length} file(s)${outcome.skipped.length ? `, skipped ${outcome.skipped.length} changed file(s)` : ''}.${refused} Undo (Ctrl+Z) takes it back.`);
      return outcome;
    }),
  ];
}
