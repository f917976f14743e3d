/**
 * The workspace files a file imports, found by reading its import statements, so the shadow can
 * hold them too: a type checker that cannot see `./types` reports everything from it as an error.
 * Relative imports in JS/TS and Python, and Python's absolute imports of the workspace's own
 * packages. Package imports (node_modules, site-packages) come through the linked folders.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { isJsFamily, type LanguageId } from '../parse/languages';

const JS_SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]*)['"]/gm;
const PY_FROM = /^[ \t]*from[ \t]+(\.*)([\w.]*)[ \t]+import[ \t]+([\w \t,()*]+)/gm;
const PY_IMPORT = /^[ \t]*import[ \t]+([\w.]+)/gm;
const JS_EXTENSIONS = ['', '.ts', '.tsx', '.d.ts', '.js', '.jsx', '.mjs', '.cjs', '/index.ts', '/index.tsx', '/index.js'];

/** Workspace-relative paths that `relPath` (with `text`) may import, existing or not. */
export function importCandidates(relPath: string, text: string, language: LanguageId): string[] {
  const dir = posix.dirname(relPath);
  if (isJsFamily(language)) {
    return [...text.matchAll(JS_SPECIFIER)].flatMap((m) => {
      const base = posix.normalize(posix.join(dir, m[1] ?? ''));
      // TypeScript's ESM style writes './x.js' for './x.ts'.
      const stem = base.replace(/\.(m|c)?js$/, '');
      return [...JS_EXTENSIONS.map((ext) => base + ext), ...(stem !== base ? ['.ts', '.tsx', '.mts', '.cts'].map((ext) => stem + ext) : [])];
    });
  }
  if (language !== 'python') return [];
  const modules: string[] = [];
  for (const m of text.matchAll(PY_FROM)) {
    const dots = m[1]?.length ?? 0;
    const module = (m[2] ?? '').split('.').filter(Boolean);
    let anchor = dots === 0 ? [] : dir === '.' ? [] : dir.split('/');
    anchor = dots > 1 ? anchor.slice(0, Math.max(0, anchor.length - (dots - 1))) : anchor;
    const names = (m[3] ?? '').replace(/[()]/g, '').split(',').map((s) => s.trim().split(/\s+/)[0] ?? '').filter((s) => /^\w+$/.test(s));
    modules.push([...anchor, ...module].join('/'));
    // `from pkg import mod` may name a submodule.
    for (const name of names) modules.push([...anchor, ...module, name].join('/'));
  }
  for (const m of text.matchAll(PY_IMPORT)) modules.push((m[1] ?? '').split('.').join('/'));
  // A module's parent packages run their __init__.py first.
  const parents = modules.flatMap((p) => p.split('/').slice(0, -1).map((_, i, parts) => `${parts.slice(0, i + 1).join('/')}/__init__.py`));
  return [...modules.filter(Boolean).flatMap((p) => [`${p}.py`, `${p}.pyi`, `${p}/__init__.py`]), ...parents];
}

/**
 * The closure of existing workspace files imported from `start` (its text given), at most
 * `limit` files, `start` excluded. `seen` carries the candidates already looked at across calls
 * (workspace files do not change during a run), so each is read at most once per run.
 */
export async function importClosure(
  sourceRoot: string, start: { relPath: string; text: string; language: LanguageId },
  languageOf: (relPath: string) => LanguageId | undefined, seen: Set<string>, signal: AbortSignal, limit = 300,
): Promise<string[]> {
  const found: string[] = [];
  const queue: Array<{ relPath: string; text: string; language: LanguageId }> = [start];
  while (queue.length > 0 && found.length < limit) {
    signal.throwIfAborted();
    const current = queue.shift();
    if (!current) break;
    for (const candidate of importCandidates(current.relPath, current.text, current.language)) {
      if (seen.has(candidate) || candidate.startsWith('..')) continue;
      seen.add(candidate);
      const abs = join(sourceRoot, candidate);
      if (!existsSync(abs) || !statSync(abs).isFile()) continue;
      found.push(candidate);
      const language = languageOf(candidate);
      if (language) queue.push({ relPath: candidate, text: await readFile(abs, 'utf8'), language });
    }
  }
  return found;
}
