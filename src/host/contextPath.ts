/**
 * Where a "context used" snippet lives on disk: a workspace-relative path inside the workspace
 * folder, or `examples/...` inside the bundled examples. Anything else (an absolute path, `..`,
 * a symlink leading out, a user example folder the extension does not know) is refused, since
 * the path comes from the webview.
 */
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { OpenContextParams } from '../shared/protocol';

/** The folders snippets may come from (null: not available). */
export interface ContextRoots {
  readonly workspace: string | null;
  readonly examples: string | null;
}

export type ResolvedContext = { readonly ok: true; readonly file: string } | { readonly ok: false; readonly message: string };

/** The snippet's file, checked to be inside its root (after resolving symlinks). */
export async function resolveContextFile(params: Pick<OpenContextParams, 'path' | 'source'>, roots: ContextRoots): Promise<ResolvedContext> {
  const path = params.path.replace(/\\/g, '/');
  let root: string | null;
  let rel: string;
  if (params.source === 'examples') {
    if (!path.startsWith('examples/')) return { ok: false, message: `${params.path} is not one of MGE's bundled examples.` };
    root = roots.examples;
    rel = path.slice('examples/'.length);
    if (!root) return { ok: false, message: "MGE's bundled examples are not installed with this build." };
  } else {
    root = roots.workspace;
    rel = path;
    if (!root) return { ok: false, message: 'Open a folder to see files of the workspace.' };
  }
  if (rel === '' || isAbsolute(rel) || rel.split('/').includes('..')) return { ok: false, message: `${params.path} is not inside the ${params.source === 'examples' ? 'bundled examples' : 'workspace'}.` };
  try {
    const realRoot = await realpath(root);
    const file = await realpath(resolve(realRoot, rel));
    const inside = relative(realRoot, file);
    if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
      return { ok: false, message: `${params.path} is not inside the ${params.source === 'examples' ? 'bundled examples' : 'workspace'}.` };
    }
    return { ok: true, file };
  } catch {
    return { ok: false, message: `${params.path} no longer exists.` };
  }
}
