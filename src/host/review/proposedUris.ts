import * as vscode from 'vscode';

/** Read-only scheme of proposed files: `mge-proposed:/<runId>/<relPath>` (`?base` for the original). */
export const PROPOSED_SCHEME = 'mge-proposed';

export function proposedUri(runId: string, relPath: string, side: 'proposed' | 'base' = 'proposed'): vscode.Uri {
  return vscode.Uri.from({ scheme: PROPOSED_SCHEME, path: `/${runId}/${relPath}`, query: side === 'base' ? 'base' : '' });
}

/** Reads a proposed-file URI back, or undefined for another scheme or a malformed path. */
export function parseProposedUri(uri: vscode.Uri): { runId: string; relPath: string; side: 'proposed' | 'base' } | undefined {
  if (uri.scheme !== PROPOSED_SCHEME) return undefined;
  const match = /^\/([^/]+)\/(.+)$/.exec(uri.path);
  if (!match) return undefined;
  return { runId: match[1], relPath: match[2], side: uri.query === 'base' ? 'base' : 'proposed' };
}
