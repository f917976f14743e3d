/**
 * The CLI's EditSink: each finished file is either written into the workspace (`--apply`) or left
 * under `.mge/proposals/<runId>/<path>` (`--propose-only`, the default), with a manifest of what
 * happened to every file. Whatever path a proposal carries, it is checked again at write time
 * (absolute, `..`, device names, .git/.mge, symlinks out) and refused with the reason. Applied
 * files are recorded in the GenerationStore, so a resumed run never writes a file twice; a file
 * that changed on disk since MGE read it is not overwritten: MGE's version goes to proposals.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { GenerationStore } from '../core/generate/store';
import type { EditSink, FileProposal, Logger, ProposedAtomRange } from '../core/ports';
import { checkWorkspacePath } from '../core/workspacePath';
import { writeFileAtomic } from './atomicFile';
import {
  newManifest, readManifest, runProposalsDir, withFile, writeManifest,
  type ManifestFile, type ProposalManifest, type SinkMode,
} from './proposalManifest';

/** What the sink did over a run (every session of it, from the manifest). */
export interface SinkReport {
  readonly mode: SinkMode;
  /** Workspace-relative; `.mge/proposals/<runId>`. */
  readonly proposalsDir: string;
  /** Written into the workspace. */
  readonly filesWritten: string[];
  /** Left in the proposals folder (propose-only, or kept back because the file changed on disk). */
  readonly filesProposed: string[];
  readonly conflicts: ReadonlyArray<{ readonly path: string; readonly reason: string }>;
  readonly refused: ReadonlyArray<{ readonly path: string; readonly reason: string }>;
}

/** An EditSink over the disk with the run bookkeeping the CLI needs. */
export interface DiskEditSink extends EditSink {
  /** Load or create the run's manifest; the mode becomes the run's mode from now on. */
  begin(runId: string): void;
  /** Apply files an earlier propose-only session left in the proposals folder (resume with --apply). */
  applyPending(runId: string, signal: AbortSignal): Promise<void>;
  report(runId: string): SinkReport;
}

export interface DiskSinkOptions {
  readonly workspaceRoot: string;
  readonly mode: SinkMode;
  readonly generation: Pick<GenerationStore, 'recordApplied' | 'appliedFiles' | 'flushNow'>;
  readonly logger: Logger;
  /** Remembered in the manifest for `mge resume`. */
  readonly maxCostUsd: number | null;
  /** A file was written into the workspace (the retrieval index re-reads it). */
  readonly onWritten?: (relPath: string) => void;
}

/** sha256 hex of text (as UTF-8). */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A sink writing under `options.workspaceRoot`. */
export function createDiskSink(options: DiskSinkOptions): DiskEditSink {
  const { workspaceRoot: root, generation: gen, logger } = options;
  const manifests = new Map<string, ProposalManifest>();

  const manifestOf = (runId: string): ProposalManifest => {
    let m = manifests.get(runId);
    if (!m) {
      const stored = readManifest(root, runId);
      m = stored ? { ...stored, mode: options.mode, maxCostUsd: options.maxCostUsd } : newManifest(root, runId, options.mode, options.maxCostUsd);
      manifests.set(runId, m);
    }
    return m;
  };
  const put = (runId: string, file: ManifestFile): void => {
    manifests.set(runId, withFile(manifestOf(runId), file));
  };

  /** Writes `content` as the run's proposal of `path` (already normalised); throws if that place is unsafe. */
  const writeProposal = async (runId: string, path: string, content: string): Promise<void> => {
    const dir = runProposalsDir(root, runId);
    await mkdir(dir, { recursive: true });
    const target = await safeTarget(dir, path);
    await writeFileAtomic(target, content);
  };

  /** Puts one file in place (apply mode), or keeps it back; records what happened. */
  const applyOne = async (runId: string, path: string, content: string, baseSha: string | null, atoms: ManifestFile['atoms']): Promise<void> => {
    const sha = sha256(content);
    const entry = { path, sha256: sha, baseSha256: baseSha, atoms };
    if (gen.appliedFiles(runId).get(path) === sha) {
      put(runId, { ...entry, status: 'applied' });
      return;
    }
    const current = await readCurrent(join(root, path));
    // Written by an earlier session that died before recording it.
    if (current !== undefined && sha256(current) === sha) {
      gen.recordApplied(runId, path, sha);
      put(runId, { ...entry, status: 'applied' });
      return;
    }
    const currentSha = current === undefined ? null : sha256(current);
    if (currentSha !== baseSha) {
      const reason = current === undefined ? 'the file was deleted since MGE read it' : 'the file changed on disk since MGE read it; your version was kept';
      await writeProposal(runId, path, content);
      put(runId, { ...entry, status: 'conflict', reason });
      logger.warn(`${path}: ${reason}. MGE's version is in ${relative(root, join(runProposalsDir(root, runId), path))}.`);
      return;
    }
    const target = await safeTarget(root, path);
    await writeFileAtomic(target, content);
    gen.recordApplied(runId, path, sha);
    put(runId, { ...entry, status: 'applied' });
    options.onWritten?.(path);
  };

  const refuse = (runId: string, proposal: Pick<FileProposal, 'relPath' | 'content'>, reason: string): void => {
    logger.error(`Refused to write "${proposal.relPath}": ${reason}.`);
    put(runId, { path: proposal.relPath, status: 'refused', sha256: sha256(proposal.content), baseSha256: null, atoms: [], reason });
  };

  return {
    begin(runId) {
      writeManifest(manifestOf(runId));
    },

    async propose(runId, proposals, signal) {
      try {
        for (const proposal of proposals) {
          signal.throwIfAborted();
          const check = checkWorkspacePath(root, proposal.relPath);
          if (!check.ok) {
            refuse(runId, proposal, check.reason);
            continue;
          }
          const atoms = proposal.atoms.map(rangeOf);
          const baseSha = proposal.baseContent === undefined ? null : sha256(proposal.baseContent);
          try {
            if (options.mode === 'apply') {
              await applyOne(runId, check.path, proposal.content, baseSha, atoms);
            } else {
              await writeProposal(runId, check.path, proposal.content);
              put(runId, { path: check.path, status: 'proposed', sha256: sha256(proposal.content), baseSha256: baseSha, atoms });
            }
          } catch (err) {
            if (!(err instanceof UnsafeTargetError)) throw err;
            refuse(runId, proposal, err.message);
          }
        }
      } finally {
        // What was written is recorded even when a later file failed: a resume skips it.
        await gen.flushNow();
        writeManifest(manifestOf(runId));
      }
    },

    async applyPending(runId, signal) {
      const pending = manifestOf(runId).files.filter((f) => f.status === 'proposed');
      if (options.mode !== 'apply' || pending.length === 0) return;
      try {
        for (const f of pending) {
          signal.throwIfAborted();
          const content = await readCurrent(join(runProposalsDir(root, runId), f.path));
          if (content === undefined || sha256(content) !== f.sha256) {
            refuse(runId, { relPath: f.path, content: content ?? '' }, 'its proposal file is missing or was edited; run the generation again');
            continue;
          }
          const check = checkWorkspacePath(root, f.path);
          if (!check.ok) refuse(runId, { relPath: f.path, content }, check.reason);
          else await applyOne(runId, check.path, content, f.baseSha256, f.atoms);
        }
      } finally {
        await gen.flushNow();
        writeManifest(manifestOf(runId));
      }
    },

    report(runId) {
      const files = manifestOf(runId).files;
      const paths = (status: ManifestFile['status']): string[] => files.filter((f) => f.status === status).map((f) => f.path);
      const withReason = (status: ManifestFile['status']) => files.filter((f) => f.status === status).map((f) => ({ path: f.path, reason: f.reason ?? '' }));
      return {
        mode: options.mode,
        proposalsDir: relative(root, runProposalsDir(root, runId)).split('\\').join('/'),
        filesWritten: paths('applied'),
        filesProposed: [...paths('proposed'), ...paths('conflict')].sort(),
        conflicts: withReason('conflict'),
        refused: withReason('refused'),
      };
    },
  };
}

/** A place that is not safe to write (checked again after creating the parent folders). */
class UnsafeTargetError extends Error {
  override readonly name = 'UnsafeTargetError';
}

/** Creates the parent folders of `base/path`, then checks the path again: a folder may have become a symlink meanwhile. */
async function safeTarget(base: string, path: string): Promise<string> {
  const before = checkWorkspacePath(base, path);
  if (!before.ok) throw new UnsafeTargetError(before.reason);
  const parent = before.path.split('/').slice(0, -1);
  if (parent.length > 0) await mkdir(join(base, ...parent), { recursive: true });
  const after = checkWorkspacePath(base, before.path);
  if (!after.ok) throw new UnsafeTargetError(after.reason);
  return join(base, ...after.path.split('/'));
}

/** The file's text, or undefined when there is none. */
async function readCurrent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if (err instanceof Error && 'code' in err && err.code === 'ENOENT') return undefined;
    if (err instanceof Error && 'code' in err && err.code === 'EISDIR') throw new UnsafeTargetError('a folder of that name is in the way');
    throw err;
  }
}

function rangeOf(r: ProposedAtomRange): ManifestFile['atoms'][number] {
  return { atomId: r.atomId, startLine: r.startLine, endLine: r.endLine };
}
