/**
 * Assembly and proposals: a file is proposed once every task that writes it is done and every
 * atom in it has passed. The last writer's skeleton (or V1 file) gets every hole replaced by its
 * atom's code; the proposal carries each atom's line range and hole line for per-atom review.
 * Proposals are recorded as 'proposing' (saved) before the EditSink sees them and 'proposed'
 * (saved) after, so a resumed run never proposes a file twice; a crash between the two proposes
 * that batch again, with the same bytes. No path outside the workspace is ever proposed.
 */
import { closures } from '../atomize/contextInjector';
import type { AtomKind } from '../atomize/types';
import type { FileProposal, ProposedAtomRange } from '../ports';
import { checkWorkspacePath } from '../workspacePath';
import type { AtomStatus } from '../../shared/events';
import { assembleFile } from '../atomize/assemble';
import type { RunContext } from './deps';

/** What the tracker needs to know of an atom. */
export interface TrackedAtom {
  readonly atomId: string;
  readonly path: string;
  readonly unit: string;
  readonly kind: AtomKind;
  readonly status: AtomStatus;
  readonly code: string | null;
}

/** Watches atoms pass and proposes each file once it is complete. */
export interface ProposalTracker {
  /** New or changed atoms; their files are proposed if that made them complete. */
  update(atoms: readonly TrackedAtom[]): void;
  /** Check every file of the plan (start of a resumed run, end of a run). */
  checkAll(): void;
  /**
   * Resolves when every queued proposal has been handed over (or failed). It takes no signal of
   * its own: what it waits for runs under the run's signal, and after a cancel the driver must
   * still wait for those proposals to wind down before it records the outcome.
   */
  drain(): Promise<void>;
  /** Paths proposed in this run, across resumes, sorted. */
  proposedPaths(): string[];
  readonly proposedNow: readonly string[];
  readonly refused: ReadonlyArray<{ readonly path: string; readonly reason: string }>;
  readonly errors: readonly string[];
}

/** A tracker for the run in `ctx`; proposals go to `ctx.deps.editSink` under `signal`. */
export function createProposalTracker(ctx: RunContext, atoms: readonly TrackedAtom[], signal: AbortSignal): ProposalTracker {
  const { generation: gen, logger, editSink } = ctx.deps;
  const closure = closures(ctx.tasks.map((t) => t.id), new Map(ctx.tasks.map((t) => [t.id, t.dependsOn])));
  const writers = new Map<string, string[]>();
  for (const t of ctx.tasks) for (const f of t.files) writers.set(f.path, [...(writers.get(f.path) ?? []), t.id]);
  // Dependency order: a writer that depends on another comes after it.
  for (const list of writers.values()) list.sort((a, b) => (closure.get(a)?.size ?? 0) - (closure.get(b)?.size ?? 0));
  const byPath = new Map<string, Map<string, TrackedAtom>>();
  const proposed = new Set(gen.proposals(ctx.runId).filter((p) => p.status === 'proposed').map((p) => p.proposal.relPath));
  const proposedNow: string[] = [];
  const refused: Array<{ path: string; reason: string }> = [];
  const errors: string[] = [];
  const candidates = new Set<string>();
  let chain: Promise<void> = Promise.resolve();
  let scheduled = false;

  const put = (list: readonly TrackedAtom[]): void => {
    for (const a of list) {
      const inFile = byPath.get(a.path) ?? new Map<string, TrackedAtom>();
      inFile.set(a.atomId, a);
      byPath.set(a.path, inFile);
    }
  };
  put(atoms);

  const assemble = (path: string): FileProposal | null => {
    const pathWriters = writers.get(path) ?? [];
    const states = gen.taskStates(ctx.runId);
    if (pathWriters.length === 0 || pathWriters.some((w) => states.get(w)?.status !== 'done')) return null;
    const inFile = [...(byPath.get(path)?.values() ?? [])].filter((a) => a.kind !== 'file');
    if (inFile.some((a) => a.status !== 'passed' || a.code === null)) return null;
    const files = gen.taskFiles(ctx.runId).filter((f) => f.path === path);
    const last = files.find((f) => f.taskId === pathWriters[pathWriters.length - 1]);
    const first = files.find((f) => f.taskId === pathWriters[0]);
    if (!last) return null;
    const fills = new Map(inFile.filter((a) => a.kind !== 'chunk').map((a) => [a.unit, a.code ?? '']));
    const assembled = assembleFile(last.content, fills);
    if (assembled.openHoles.length > 0) {
      logger.warn(`${path}: holes ${assembled.openHoles.join(', ')} have no atom; the file is not proposed.`);
      return null;
    }
    const idOf = new Map(inFile.map((a) => [a.unit, a.atomId]));
    const ranges: ProposedAtomRange[] = assembled.ranges.map((r) => ({ atomId: idOf.get(r.unit) ?? r.unit, startLine: r.startLine, endLine: r.endLine, placeholder: r.placeholder }));
    return { relPath: path, content: assembled.text, baseContent: first?.baseContent, atoms: ranges };
  };

  const flush = async (): Promise<void> => {
    const ready: FileProposal[] = [];
    for (const path of [...candidates].sort()) {
      candidates.delete(path);
      if (proposed.has(path) || refused.some((r) => r.path === path)) continue;
      const proposal = assemble(path);
      if (!proposal) continue;
      const check = checkWorkspacePath(ctx.run.workspaceRoot, path);
      if (!check.ok) {
        refused.push({ path, reason: check.reason });
        logger.error(`Refused to propose "${path}": ${check.reason}.`);
        continue;
      }
      ready.push(proposal);
    }
    if (ready.length === 0 || signal.aborted) return;
    const paths = ready.map((p) => p.relPath);
    try {
      gen.beginProposals(ctx.runId, ready);
      await gen.flushNow();
      await editSink.propose(ctx.runId, ready, signal);
      gen.markProposed(ctx.runId, paths);
      for (const p of paths) proposed.add(p);
      proposedNow.push(...paths);
      await gen.flushNow();
      const mirror = ctx.deps.validationWorkspace;
      if (mirror) for (const p of ready) await mirror.write(p.relPath, p.content, signal);
    } catch (err) {
      // Cancelled mid-proposal: stays 'proposing' and is proposed again on resume.
      if (signal.aborted) return;
      gen.dropProposals(ctx.runId, paths);
      const message = `The edit sink refused ${paths.join(', ')}: ${err instanceof Error ? err.message : String(err)}`;
      errors.push(message);
      logger.error(message);
    }
  };

  const touch = (paths: Iterable<string>): void => {
    for (const p of paths) candidates.add(p);
    if (scheduled || candidates.size === 0) return;
    scheduled = true;
    chain = chain.then(() => {
      scheduled = false;
      return flush();
    });
  };

  return {
    update(list) {
      put(list);
      touch(list.map((a) => a.path));
    },
    checkAll: () => touch(writers.keys()),
    drain: async () => {
      // A flush may queue another; wait until the chain stops growing.
      for (let current = chain; ; current = chain) {
        await current;
        if (current === chain && !scheduled) return;
      }
    },
    proposedPaths: () => [...proposed].sort(),
    proposedNow,
    refused,
    errors,
  };
}
