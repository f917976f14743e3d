import * as vscode from 'vscode';
import type { FileProposal } from '../../core/ports';
import { composeProposal, type AtomDecision, type ComposedFile } from '../../core/review/composeProposal';

export type FileDecision = 'accepted' | 'rejected';

/** One proposed file under review. */
export interface ReviewFile {
  readonly runId: string;
  readonly proposal: FileProposal;
  readonly decisions: Map<string, AtomDecision>;
  decision: FileDecision;
}

/**
 * The proposals waiting for review, per run, with the user's decisions. Everything is accepted
 * until the user rejects it (an atom or a whole file); "Apply accepted" applies what is left.
 */
export class ReviewState implements vscode.Disposable {
  private readonly runs = new Map<string, Map<string, ReviewFile>>();
  private readonly changed = new vscode.EventEmitter<{ readonly runId: string; readonly relPath: string | null }>();
  readonly onDidChange = this.changed.event;

  /** Adds (or replaces, for a file proposed again after a retry) proposals of a run. */
  add(runId: string, proposals: readonly FileProposal[]): void {
    const files = this.runs.get(runId) ?? new Map<string, ReviewFile>();
    for (const proposal of proposals) {
      files.set(proposal.relPath, { runId, proposal, decisions: new Map(), decision: 'accepted' });
    }
    this.runs.set(runId, files);
    this.changed.fire({ runId, relPath: null });
  }

  /** Puts files back with the decisions they had (an Apply that was undone). */
  restore(files: readonly ReviewFile[]): void {
    for (const file of files) {
      const run = this.runs.get(file.runId) ?? new Map<string, ReviewFile>();
      run.set(file.proposal.relPath, file);
      this.runs.set(file.runId, run);
    }
    for (const runId of new Set(files.map((f) => f.runId))) this.changed.fire({ runId, relPath: null });
  }

  runIds(): string[] {
    return [...this.runs.keys()];
  }

  files(runId: string): ReviewFile[] {
    return [...(this.runs.get(runId)?.values() ?? [])].sort((a, b) => a.proposal.relPath.localeCompare(b.proposal.relPath));
  }

  get(runId: string, relPath: string): ReviewFile | undefined {
    return this.runs.get(runId)?.get(relPath);
  }

  setAtom(runId: string, relPath: string, atomId: string, decision: AtomDecision): void {
    const file = this.require(runId, relPath);
    if (!file.proposal.atoms.some((a) => a.atomId === atomId)) throw new Error(`No atom ${atomId} in the proposal for ${relPath}.`);
    file.decisions.set(atomId, decision);
    this.changed.fire({ runId, relPath });
  }

  setFile(runId: string, relPath: string, decision: FileDecision): void {
    this.require(runId, relPath).decision = decision;
    this.changed.fire({ runId, relPath });
  }

  /** The file as it would be applied under the current decisions. */
  composed(runId: string, relPath: string): ComposedFile {
    const file = this.require(runId, relPath);
    return composeProposal(file.proposal, file.decisions);
  }

  /** Forgets some files of a run (applied, or rejected and discarded by the apply). */
  remove(runId: string, relPaths: readonly string[]): void {
    const files = this.runs.get(runId);
    if (!files) return;
    for (const p of relPaths) files.delete(p);
    if (files.size === 0) this.runs.delete(runId);
    this.changed.fire({ runId, relPath: null });
  }

  /** Forgets a run's proposals (applied or discarded). */
  clear(runId: string): void {
    this.runs.delete(runId);
    this.changed.fire({ runId, relPath: null });
  }

  private require(runId: string, relPath: string): ReviewFile {
    const file = this.get(runId, relPath);
    if (!file) throw new Error(`No proposal for ${relPath} in run ${runId}.`);
    return file;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
