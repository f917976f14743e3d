/** The folder trees an index covers, by kind. */
import { basename, resolve } from 'node:path';
import type { IndexRoot } from './catalog';

/** The workspace itself: paths stay workspace-relative. */
export function workspaceRoot(dir: string): IndexRoot {
  return { id: 'workspace', source: 'workspace', dir: resolve(dir), label: '' };
}

/** The examples shipped with MGE: shown as `examples/<path>`. */
export function shippedExamplesRoot(dir: string): IndexRoot {
  return { id: 'examples', source: 'examples', dir: resolve(dir), label: 'examples' };
}

/** A folder of the user's own examples: shown as `<folder name>/<path>`, keyed by its absolute path. */
export function userExamplesRoot(dir: string): IndexRoot {
  const abs = resolve(dir);
  return { id: `examples:${abs}`, source: 'examples', dir: abs, label: basename(abs) || 'examples' };
}
