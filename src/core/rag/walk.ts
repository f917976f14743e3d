/**
 * Lists the files of a folder tree the index should consider, honouring every .gitignore on the
 * way down (the `ignore` package implements git's rules), skipping dependency folders and symlinks.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { isIndexablePath, SKIPPED_DIRS } from './fileFilter';

interface Rules {
  /** The folder the .gitignore sits in, relative to the root ('' for the root). */
  readonly base: string;
  readonly ig: Ignore;
}

/** Relative paths (forward slashes, sorted) of the indexable files under `root`. */
export async function listIndexableFiles(root: string, signal: AbortSignal): Promise<string[]> {
  const out: string[] = [];
  await walk(root, '', [], out, signal);
  return out.sort();
}

async function walk(root: string, rel: string, rules: readonly Rules[], out: string[], signal: AbortSignal): Promise<void> {
  signal.throwIfAborted();
  const here = await readIgnore(root, rel);
  const active = here ? [...rules, here] : rules;
  let entries;
  try {
    entries = await readdir(join(root, rel), { withFileTypes: true });
  } catch {
    return; // unreadable folder: nothing to index there
  }
  for (const entry of entries) {
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (SKIPPED_DIRS.has(entry.name) || ignored(active, path, true)) continue;
      await walk(root, path, active, out, signal);
    } else if (entry.isFile() && isIndexablePath(path) && !ignored(active, path, false)) {
      out.push(path);
    }
  }
}

async function readIgnore(root: string, rel: string): Promise<Rules | null> {
  try {
    const text = await readFile(join(root, rel, '.gitignore'), 'utf8');
    return { base: rel, ig: ignore().add(text) };
  } catch {
    return null;
  }
}

// Whether any .gitignore above `path` ignores it (a deeper file's rules are relative to its own folder).
function ignored(rules: readonly Rules[], path: string, isDir: boolean): boolean {
  for (const { base, ig } of rules) {
    const local = base ? path.slice(base.length + 1) : path;
    if (ig.ignores(isDir ? `${local}/` : local)) return true;
  }
  return false;
}

/** Whether one file under `root` would be skipped by a full walk (dependency folder, .gitignore, name). */
export async function isSkippedPath(root: string, relPath: string): Promise<boolean> {
  if (!isIndexablePath(relPath)) return true;
  const parts = relPath.split('/');
  const rules: Rules[] = [];
  for (let i = 0; i < parts.length; i++) {
    const rel = parts.slice(0, i).join('/');
    if (i > 0 && SKIPPED_DIRS.has(parts[i - 1])) return true;
    const here = await readIgnore(root, rel);
    if (here) rules.push(here);
    const path = parts.slice(0, i + 1).join('/');
    if (ignored(rules, path, i < parts.length - 1)) return true;
  }
  return false;
}
