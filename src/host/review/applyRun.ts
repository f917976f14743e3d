import * as vscode from 'vscode';
import type { Logger } from '../../core/ports';
import type { ApplyResult } from '../../shared/protocol';
import { contentSha256 } from '../runController';
import type { WorkspaceRuntime } from '../workspaceRuntime';
import { applyAccepted, type ApplyOutcome } from './applyAccepted';
import type { ReviewState } from './reviewState';
import type { UndoneApplies } from './undoneApplies';

/** Why Apply waits while a run goes (the panel says it beside its disabled button too). */
export const STILL_GENERATING = 'The run is still generating: Apply once it ends, or Stop it to apply what is proposed so far.';

/**
 * Applies a run's accepted proposals (one WorkspaceEdit), records the applied files in the
 * database (so a resume or a reload never applies them twice) and takes them out of review, with
 * the files the user rejected whole (discarded: recorded too, so a reload does not offer them
 * again). Refused while the run still generates: its proposals are not final. What the Apply did
 * is handed to `undone`, which brings it back into review if the user undoes the edit.
 */
export async function applyRun(review: ReviewState, runtime: WorkspaceRuntime, undone: UndoneApplies, runId: string, logger: Logger): Promise<ApplyResult> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return { status: 'nothing', message: 'Open the folder the proposals were made for.' };
  if (runtime.runs.isLive(runId)) return { status: 'nothing', message: STILL_GENERATING };
  const files = review.files(runId);
  if (files.length === 0) return { status: 'nothing', message: 'Nothing of this run is waiting for review.' };
  const rejected = files.filter((f) => f.decision === 'rejected');
  const contents = new Map(files.map((f) => [f.proposal.relPath, review.composed(runId, f.proposal.relPath).content]));
  let outcome: ApplyOutcome = { applied: [], before: new Map(), skipped: [], refused: [] };
  if (rejected.length < files.length) {
    const applied = await applyAccepted(review, runId, folder.uri, logger);
    if (!applied) return { status: 'nothing', message: 'Nothing was applied.' };
    outcome = applied;
    await runtime.recordApplied(runId, outcome.applied.map((relPath) => ({ relPath, sha256: contentSha256(contents.get(relPath) ?? '') })));
  }
  const discarded = rejected.map((f) => f.proposal.relPath);
  // A file refused (outside the workspace) can never be applied: it leaves review like a rejected one.
  const gone = [...discarded, ...outcome.refused.map((r) => r.relPath)];
  await runtime.recordDiscarded(runId, gone);
  const byPath = new Map(files.map((f) => [f.proposal.relPath, f]));
  undone.track({
    runId,
    written: outcome.applied.flatMap((relPath) => {
      const file = byPath.get(relPath);
      return file ? [{ file, content: contents.get(relPath) ?? '', before: outcome.before.get(relPath) }] : [];
    }),
    discarded: gone.flatMap((relPath) => byPath.get(relPath) ?? []),
  });
  review.remove(runId, [...outcome.applied, ...gone]);
  void vscode.window.showInformationMessage(applyMessage(outcome, discarded.length));
  return { status: 'applied', applied: [...outcome.applied], skipped: [...outcome.skipped], refused: outcome.refused.map((r) => ({ ...r })), discarded };
}

function applyMessage(outcome: ApplyOutcome, discarded: number): string {
  const files = (n: number): string => `${n} ${n === 1 ? 'file' : 'files'}`;
  const parts = [`applied ${files(outcome.applied.length)}`];
  if (outcome.skipped.length) parts.push(`skipped ${files(outcome.skipped.length)} you changed (still in review)`);
  if (outcome.refused.length) parts.push(`refused ${files(outcome.refused.length)} outside the workspace`);
  if (discarded) parts.push(`discarded ${files(discarded)} you rejected`);
  return `MGE: ${parts.join(', ')}.${outcome.applied.length > 0 ? ' One undo takes it back.' : ''}`;
}
