import * as vscode from 'vscode';
import type { Logger } from '../../core/ports';
import type { ApplyResult } from '../../shared/protocol';
import { contentSha256 } from '../runController';
import type { WorkspaceRuntime } from '../workspaceRuntime';
import { applyAccepted } from './applyAccepted';
import type { ReviewState } from './reviewState';

/**
 * Applies a run's accepted proposals (one WorkspaceEdit), records the applied files in the
 * database (so a resume or a reload never applies them twice) and drops them from review.
 */
export async function applyRun(review: ReviewState, runtime: WorkspaceRuntime, runId: string, logger: Logger): Promise<ApplyResult> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return { status: 'nothing', message: 'Open the folder the proposals were made for.' };
  if (review.files(runId).every((f) => f.decision === 'rejected')) return { status: 'nothing', message: 'Every proposed file is rejected: nothing to apply.' };
  const contents = new Map(review.files(runId).map((f) => [f.proposal.relPath, review.composed(runId, f.proposal.relPath).content]));
  const outcome = await applyAccepted(review, runId, folder.uri, logger);
  if (!outcome) return { status: 'nothing', message: 'Nothing was applied.' };
  await runtime.recordApplied(runId, outcome.applied.map((relPath) => ({ relPath, sha256: contentSha256(contents.get(relPath) ?? '') })));
  review.remove(runId, outcome.applied);
  const refused = outcome.refused.length > 0 ? ` Refused ${outcome.refused.length} outside the workspace.` : '';
  void vscode.window.showInformationMessage(`MGE: applied ${outcome.applied.length} file(s)${outcome.skipped.length ? `, skipped ${outcome.skipped.length} changed file(s)` : ''}.${refused} One undo takes it back.`);
  return { status: 'applied', applied: [...outcome.applied], skipped: [...outcome.skipped], refused: outcome.refused.map((r) => ({ ...r })) };
}
