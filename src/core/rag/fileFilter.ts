/** What the indexer never reads: dependency and build folders, binaries, oversized files. */
import { languageForPath } from '../parse/languages';

/** Folders skipped wherever they appear: dependencies, virtualenvs, build output, tool state. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set([
  'node_modules', 'bower_components', 'jspm_packages', '.pnpm-store', '.yarn', '.git', '.hg', '.svn',
  '.venv', 'venv', 'env', '.env', '.tox', '.nox', '__pycache__', '.mypy_cache', '.pytest_cache', '.ruff_cache',
  'site-packages', '.eggs', 'dist', 'build', 'out', 'target', '.next', '.nuxt', '.svelte-kit', '.turbo',
  '.parcel-cache', '.cache', 'coverage', '.nyc_output', '.mge', '.vscode-test', '.idea', 'dist-vsix', 'vendor',
]);

/** Text formats worth retrieving even without a grammar (chunked by paragraphs). */
const TEXT_EXTENSIONS = new Set(['.md', '.mdx', '.txt', '.sql', '.prisma', '.graphql', '.gql', '.yaml', '.yml', '.toml', '.html', '.vue', '.svelte', '.json']);

// Generated or lock files: large, repetitive, and never what a prompt needs.
const SKIPPED_NAMES = /(^|\/)(package-lock\.json|yarn\.lock|pnpm-lock\.yaml|poetry\.lock|Cargo\.lock|composer\.lock|[^/]*\.min\.(js|css)|[^/]*\.map|[^/]*\.d\.ts)$/;

/** Largest file indexed, in bytes (bigger ones are usually generated). */
export const DEFAULT_MAX_FILE_BYTES = 256 * 1024;

/** Whether a workspace-relative path names a file the index takes (by name alone). */
export function isIndexablePath(relPath: string): boolean {
  if (SKIPPED_NAMES.test(relPath)) return false;
  if (languageForPath(relPath)) return true;
  const base = relPath.slice(relPath.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 && TEXT_EXTENSIONS.has(base.slice(dot).toLowerCase());
}

/** Whether the bytes look binary: a NUL in the first 8 KiB, as git decides it. */
export function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8192);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}
