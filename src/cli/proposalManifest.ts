/**
 * `.mge/proposals/<runId>/manifest.json`: what the CLI did with each file of a run (proposed,
 * applied, kept back because the file changed on disk, refused), with the atoms' line ranges. It
 * also remembers the mode the run started with, so `mge resume` keeps applying (or proposing) the
 * way the user first asked. Written whole, temp + rename, so a kill leaves the old or the new one.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** How a run's files reach the workspace. */
export type SinkMode = 'apply' | 'propose-only';

/** What became of one file. */
export type ManifestFileStatus = 'proposed' | 'applied' | 'conflict' | 'refused';

const atomRangeSchema = z.object({ atomId: z.string(), startLine: z.number(), endLine: z.number() });

const manifestFileSchema = z.object({
  path: z.string(),
  status: z.enum(['proposed', 'applied', 'conflict', 'refused']),
  /** sha256 of the content MGE produced. */
  sha256: z.string(),
  /** sha256 of the file the proposal was based on; null: the file did not exist. */
  baseSha256: z.string().nullable(),
  atoms: z.array(atomRangeSchema),
  /** Why a file was kept back or refused. */
  reason: z.string().optional(),
});
export type ManifestFile = z.infer<typeof manifestFileSchema>;

const manifestSchema = z.object({
  version: z.literal(1),
  runId: z.string(),
  mode: z.enum(['apply', 'propose-only']),
  workspaceRoot: z.string(),
  /** The cost cap the run was started (or last resumed) with, so a plain `mge resume` keeps it. */
  maxCostUsd: z.number().nullable().default(null),
  updatedAt: z.string(),
  files: z.array(manifestFileSchema),
});
export type ProposalManifest = z.infer<typeof manifestSchema>;

/** `.mge/proposals` of a workspace. */
export function proposalsRoot(workspaceRoot: string): string {
  return join(workspaceRoot, '.mge', 'proposals');
}

/** The folder of one run's proposals (and its manifest). */
export function runProposalsDir(workspaceRoot: string, runId: string): string {
  // Run ids are ours (run-<time>-<random>), but a RUN_ID typed by the user must not climb out.
  if (!/^[\w.-]+$/.test(runId) || runId.startsWith('.')) throw new Error(`"${runId}" is not a run id.`);
  return join(proposalsRoot(workspaceRoot), runId);
}

/** The stored manifest of `runId`, or undefined when there is none (or it cannot be read). */
export function readManifest(workspaceRoot: string, runId: string): ProposalManifest | undefined {
  let text: string;
  try {
    text = readFileSync(join(runProposalsDir(workspaceRoot, runId), 'manifest.json'), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the manifest (temp file, fsync, rename): small, so synchronous. */
export function writeManifest(manifest: ProposalManifest): void {
  const dir = runProposalsDir(manifest.workspaceRoot, manifest.runId);
  mkdirSync(dir, { recursive: true });
  const target = join(dir, 'manifest.json');
  const tmp = join(dir, `.manifest.json.tmp-${process.pid}`);
  const fd = openSync(tmp, 'w', 0o644);
  try {
    writeSync(fd, `${JSON.stringify(manifest, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, target);
}

/** A fresh manifest. */
export function newManifest(workspaceRoot: string, runId: string, mode: SinkMode, maxCostUsd: number | null): ProposalManifest {
  return { version: 1, runId, mode, workspaceRoot, maxCostUsd, updatedAt: new Date().toISOString(), files: [] };
}

/** The manifest with `file` put in place of any entry for the same path. */
export function withFile(manifest: ProposalManifest, file: ManifestFile): ProposalManifest {
  const files = manifest.files.filter((f) => f.path !== file.path);
  files.push(file);
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { ...manifest, files, updatedAt: new Date().toISOString() };
}
