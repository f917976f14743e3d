/**
 * The Workspace port over the file system (the CLI, tests; the extension may pass its own). Reads
 * go through the same path check as writes: a plan naming `../../etc/passwd` or a symlink out of
 * the workspace must not pull that file into a prompt.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Workspace } from '../ports';
import { checkWorkspacePath } from '../workspacePath';

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.mge', 'dist', 'out', '__pycache__', '.venv', 'venv']);

/** A read-only Workspace rooted at `root` (absolute). */
export function createFsWorkspace(root: string): Workspace {
  return {
    root,
    async readFile(relPath, signal) {
      signal.throwIfAborted();
      const check = checkWorkspacePath(root, relPath);
      if (!check.ok) return undefined;
      try {
        return await readFile(join(root, check.path), { encoding: 'utf8', signal });
      } catch (err) {
        if (signal.aborted) throw err;
        return undefined;
      }
    },
    async listFiles(relDir, signal) {
      const out: string[] = [];
      const walk = async (dir: string): Promise<void> => {
        signal.throwIfAborted();
        let entries;
        try {
          entries = await readdir(join(root, dir), { withFileTypes: true });
        } catch {
          return;
        }
        for (const e of entries) {
          const rel = dir === '' ? e.name : `${dir}/${e.name}`;
          if (e.isDirectory() && !SKIPPED_DIRS.has(e.name)) await walk(rel);
          else if (e.isFile()) out.push(rel);
        }
      };
      await walk(relDir === '.' ? '' : relDir.replace(/\/+$/, ''));
      return out.sort();
    },
  };
}
