/**
 * Is a model-supplied path a safe place to write inside the workspace? Used by plan validation
 * and, later, by whatever writes files: absolute paths, drive letters, `..`, NUL and other control
 * characters, Windows device names and reserved characters, VCS/MGE internals, and symlinks that
 * lead out of the workspace are all refused.
 */
import { lstatSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

export type WorkspacePathCheck =
  | { readonly ok: true; readonly path: string }
  | { readonly ok: false; readonly kind: 'outside-workspace' | 'invalid-path'; readonly reason: string };

const DEVICE_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
// Reserved on Windows; ':' also catches NTFS alternate data streams ("a.ts:evil").
const RESERVED_CHARS = /[<>:"|?*]/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
const PROTECTED_ROOTS = new Set(['.git', '.mge']);

/**
 * Check the text of a workspace-relative path and normalise it (forward slashes, no `.` or empty
 * segments). Does not touch the disk.
 */
export function normalizeWorkspacePath(relPath: string): WorkspacePathCheck {
  if (relPath.trim() === '') return invalid('the path is empty');
  if (relPath.includes('\0')) return invalid('the path contains a NUL character');
  if (CONTROL_CHARS.test(relPath)) return invalid('the path contains a control character');
  if (/^[a-zA-Z]:/.test(relPath)) return outside('it starts with a drive letter');
  if (relPath.startsWith('/') || relPath.startsWith('\\') || isAbsolute(relPath)) return outside('it is an absolute path');
  const segments = relPath.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  if (segments.length === 0) return invalid('the path names the workspace root, not a file');
  for (const segment of segments) {
    if (segment === '..') return outside("it contains '..'");
    if (RESERVED_CHARS.test(segment)) return invalid(`"${segment}" contains a character Windows does not allow (< > : " | ? *)`);
    if (/[. ]$/.test(segment)) return invalid(`"${segment}" ends with a dot or a space, which Windows drops`);
    if (DEVICE_NAME.test(segment.split('.')[0] ?? '')) return invalid(`"${segment}" is a Windows device name`);
  }
  if (PROTECTED_ROOTS.has((segments[0] ?? '').toLowerCase())) return invalid(`files under ${segments[0]}/ are not written by plans`);
  return { ok: true, path: segments.join('/') };
}

/**
 * normalizeWorkspacePath, then make sure the real location stays inside the real workspace root:
 * the nearest existing ancestor of the target (the target itself if it exists) is resolved with
 * realpath, so a symlinked directory or file that points out of the workspace is caught.
 */
export function checkWorkspacePath(workspaceRoot: string, relPath: string): WorkspacePathCheck {
  const normalized = normalizeWorkspacePath(relPath);
  if (!normalized.ok) return normalized;
  let realRoot: string;
  try {
    realRoot = realpathSync(workspaceRoot);
  } catch {
    // No workspace on disk yet: nothing in it can be a symlink.
    return normalized;
  }
  const segments = normalized.path.split('/');
  for (let n = segments.length; n > 0; n--) {
    const candidate = join(realRoot, ...segments.slice(0, n));
    if (!exists(candidate)) continue;
    let real: string;
    try {
      real = realpathSync(candidate);
    } catch {
      return outside(`${segments.slice(0, n).join('/')} is a symlink that cannot be resolved`);
    }
    if (!isInside(realRoot, real)) return outside(`${segments.slice(0, n).join('/')} leads to ${real} through a symlink`);
    return normalized;
  }
  return normalized;
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

function invalid(reason: string): WorkspacePathCheck {
  return { ok: false, kind: 'invalid-path', reason };
}

function outside(reason: string): WorkspacePathCheck {
  return { ok: false, kind: 'outside-workspace', reason };
}
