/**
 * The shadow workspace: a scratch copy of what a run needs, where atoms are type-checked and run
 * before the user sees them. It holds the files the run touches, the project's config files, and
 * links to the dependency folders (node_modules, .venv, venv) that are never copied and never
 * written through. Proposals are written in place with write().
 */
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import { languageForPath, type LanguageId } from '../parse/languages';
import { importClosure } from './importClosure';
import { configFilesIn, dependencyLinks, isInDependencyDir, relevantDirs } from './projectFiles';
import { currentOwner, OWNER_FILE, removeStaleShadows, SHADOW_PREFIX } from './staleShadows';

/** A live shadow copy. Owned by whoever created it; dispose() deletes the folder. */
export interface ShadowWorkspace {
  /** Absolute path of the copy. */
  readonly root: string;
  /** The workspace it mirrors. */
  readonly sourceRoot: string;
  /** Absolute path in the copy of a workspace-relative path; throws for paths that leave the copy. */
  pathOf(relPath: string): string;
  /** Writes `text` at `relPath` (folders created); refuses paths inside a dependency folder. */
  write(relPath: string, text: string, signal: AbortSignal): Promise<void>;
  /**
   * Copies in the workspace files that `relPath` (with `text`) imports, transitively, that the
   * copy does not have yet (never over a proposal). Returns the paths copied.
   */
  includeImports(relPath: string, text: string, language: LanguageId, signal: AbortSignal): Promise<string[]>;
  /**
   * The files written or copied in since `cursor` (0: since creation) and the cursor to pass
   * next time, so a language server can be told what changed on disk behind its back.
   */
  changesSince(cursor: number): { readonly paths: readonly string[]; readonly cursor: number };
  /** Deletes the copy (links are removed, never followed). Safe to call twice. */
  dispose(): Promise<void>;
}

export interface ShadowWorkspaceOptions {
  /** The workspace root to mirror. */
  readonly sourceRoot: string;
  /** Workspace-relative paths (forward slashes) the run reads or writes; those that exist are copied. */
  readonly files: readonly string[];
  /** Where shadow folders live (default: <os tmpdir>/mge-shadows). */
  readonly scratchDir?: string;
}

/** The default folder for shadow copies. */
export function defaultScratchDir(): string {
  return join(tmpdir(), 'mge-shadows');
}

/**
 * Creates a shadow copy of `sourceRoot`, after removing stale copies left by dead processes.
 * If building it fails half-way, the partial folder is removed before the error propagates.
 */
export async function createShadowWorkspace(options: ShadowWorkspaceOptions, signal: AbortSignal): Promise<ShadowWorkspace> {
  const scratchDir = options.scratchDir ?? defaultScratchDir();
  await mkdir(scratchDir, { recursive: true });
  await removeStaleShadows(scratchDir, signal);
  // The name ends in its creation time: a folder whose owner file was never written ages out by it.
  const root = join(scratchDir, `${SHADOW_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}-${Date.now()}`);
  await mkdir(root);
  await writeFile(join(root, OWNER_FILE), JSON.stringify(currentOwner(Date.now())));
  const shadow = new Shadow(root, options.sourceRoot);
  try {
    const files = options.files.map(normaliseRel).filter((f) => !isInDependencyDir(f));
    for (const rel of files) await shadow.copyIn(rel, signal);
    await shadow.prepareDirs(files, signal);
  } catch (err) {
    await shadow.dispose();
    throw err;
  }
  return shadow;
}

class Shadow implements ShadowWorkspace {
  private disposing: Promise<void> | null = null;
  private readonly importsSeen = new Set<string>();
  private readonly preparedDirs = new Set<string>();
  private readonly changeLog: string[] = [];
  private writes = 0;

  constructor(readonly root: string, readonly sourceRoot: string) {}

  pathOf(relPath: string): string {
    const rel = normaliseRel(relPath);
    const abs = join(this.root, rel);
    if (rel.startsWith('../') || rel === '..' || !abs.startsWith(this.root + sep)) throw new Error(`path leaves the shadow workspace: ${relPath}`);
    return abs;
  }

  /** Copies one workspace file in unless the copy already has it (a proposal is never overwritten). */
  async copyIn(rel: string, signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    const from = join(this.sourceRoot, rel);
    const to = this.pathOf(rel);
    if (!existsSync(from) || existsSync(to)) return;
    await mkdir(dirname(to), { recursive: true });
    await copyFile(from, to);
    this.changeLog.push(rel);
  }

  changesSince(cursor: number): { paths: string[]; cursor: number } {
    return { paths: [...new Set(this.changeLog.slice(cursor))], cursor: this.changeLog.length };
  }

  /**
   * The config files and dependency links of the folders on the way to `files`, once per
   * folder: a file written into a folder first seen late (a run that names no files up front)
   * still gets its package's tsconfig and node_modules.
   */
  async prepareDirs(files: readonly string[], signal: AbortSignal): Promise<void> {
    const dirs = relevantDirs(files).filter((d) => !this.preparedDirs.has(d));
    if (dirs.length === 0) return;
    for (const dir of dirs) {
      this.preparedDirs.add(dir);
      for (const name of configFilesIn(join(this.sourceRoot, dir))) await this.copyIn(dir ? `${dir}/${name}` : name, signal);
    }
    for (const [rel, target] of dependencyLinks(this.sourceRoot, dirs)) {
      const at = this.pathOf(rel);
      if (existsSync(at)) continue;
      await mkdir(dirname(at), { recursive: true });
      // 'junction' lets Windows link folders without admin rights; ignored elsewhere.
      await symlink(target, at, 'junction');
    }
  }

  async write(relPath: string, text: string, signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    if (this.disposing) throw new Error('shadow workspace used after dispose()');
    const rel = normaliseRel(relPath);
    // The dependency folders are links to the user's real ones: writing there would change them.
    if (isInDependencyDir(rel)) throw new Error(`refusing to write inside a dependency folder: ${relPath}`);
    await this.prepareDirs([rel], signal);
    const abs = this.pathOf(rel);
    await mkdir(dirname(abs), { recursive: true });
    // Written aside and renamed over: a language server or a test run reading the file meanwhile
    // sees the old text or the new, never a truncated one ("is not a module").
    const aside = `${abs}.mge-${process.pid}-${++this.writes}`;
    await writeFile(aside, text);
    await rename(aside, abs);
    this.changeLog.push(rel);
  }

  async includeImports(relPath: string, text: string, language: LanguageId, signal: AbortSignal): Promise<string[]> {
    const rel = normaliseRel(relPath);
    const imported = await importClosure(this.sourceRoot, { relPath: rel, text, language }, languageForPath, this.importsSeen, signal);
    const copied = imported.filter((file) => !isInDependencyDir(file) && !existsSync(this.pathOf(file)));
    for (const file of copied) await this.copyIn(file, signal);
    await this.prepareDirs(copied, signal);
    return copied;
  }

  dispose(): Promise<void> {
    this.disposing ??= rm(this.root, { recursive: true, force: true, maxRetries: 3 });
    return this.disposing;
  }
}

function normaliseRel(relPath: string): string {
  if (isAbsolute(relPath)) throw new Error(`expected a workspace-relative path, got ${relPath}`);
  return normalize(relPath).split(sep).join('/').replace(/^\.\//, '');
}
