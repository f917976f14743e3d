/**
 * Which file of the run an import names: relative TypeScript/JavaScript specifiers and Python
 * modules (relative with dots, or absolute dotted names matched against the run's files, so a
 * `src/` layout works). Packages from a registry resolve to nothing: they are not ours.
 */
import { posix } from 'node:path';

const JS_EXTENSIONS = ['', '.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '/index.ts', '/index.tsx', '/index.js'];

/** The path in `known` that `specifier`, imported from `fromPath`, names; or null. */
export function resolveModule(fromPath: string, specifier: string, known: ReadonlySet<string>, python: boolean): string | null {
  return python ? resolvePython(fromPath, specifier, known) : resolveJs(fromPath, specifier, known);
}

function resolveJs(fromPath: string, specifier: string, known: ReadonlySet<string>): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = posix.normalize(posix.join(posix.dirname(fromPath), specifier));
  // TypeScript ESM code imports './x.js' for the file './x.ts'.
  const stems = /\.(m|c)?js$/.test(base) ? [base, base.replace(/\.(m|c)?js$/, '')] : [base];
  for (const stem of stems) {
    for (const ext of JS_EXTENSIONS) {
      if (known.has(stem + ext)) return stem + ext;
    }
  }
  return null;
}

function resolvePython(fromPath: string, module: string, known: ReadonlySet<string>): string | null {
  const dots = /^\.*/.exec(module)?.[0].length ?? 0;
  const rest = module.slice(dots).split('.').filter(Boolean).join('/');
  if (dots > 0) {
    let dir = posix.dirname(fromPath);
    for (let i = 1; i < dots; i++) dir = posix.dirname(dir);
    const stem = rest === '' ? dir : posix.join(dir, rest);
    for (const candidate of [`${stem}.py`, `${stem}/__init__.py`]) if (known.has(posix.normalize(candidate))) return posix.normalize(candidate);
    return null;
  }
  if (rest === '') return null;
  for (const candidate of [`${rest}.py`, `${rest}/__init__.py`]) {
    if (known.has(candidate)) return candidate;
    const suffix = `/${candidate}`;
    // Shortest match first: `pkg/mod.py` beats `vendor/pkg/mod.py`.
    const matches = [...known].filter((p) => p.endsWith(suffix)).sort((a, b) => a.length - b.length);
    if (matches[0] !== undefined) return matches[0];
  }
  return null;
}
