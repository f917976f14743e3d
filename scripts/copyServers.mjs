// Copies the language servers of validation level 4 into a folder (the build: dist/servers), so an
// installed extension and dist/cli.js carry their own: TypeScript 7 (package.json + lib and the
// native executable of this machine's platform package) and pyright (only what
// langserver.index.js loads, plus the typeshed stubs). They keep their node_modules layout
// (dist/servers/node_modules/<package>): serverCommands.ts resolves the platform package from the
// typescript folder as its own bin/tsc does, and vsce treats them as dependencies (no secret scan
// of 5,500 typeshed files, which took 3 minutes). A stamp of the versions copied lets
// non-production builds skip the ~62 MB copy.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = 'stamp.json';

/** The VS Code platform target (`vsce package --target`) of this machine, or null when vsce has none. */
export function vsceTarget(platform = process.platform, arch = process.arch) {
  const arches = { x64: 'x64', arm64: 'arm64', arm: 'armhf' };
  if (!['linux', 'darwin', 'win32'].includes(platform) || !(arch in arches)) return null;
  // VS Code installs alpine-* (musl) VSIXs on Alpine, not linux-*; Node built for musl reports no glibc.
  if (platform === 'linux' && !process.report.getReport().header.glibcVersionRuntime) return arch === 'arm' ? null : `alpine-${arch}`;
  return `${platform}-${arches[arch]}`;
}

/** Where each server comes from in the repository's node_modules, and the versions copied. */
export function serverSources() {
  const req = createRequire(join(repoRoot, 'package.json'));
  const typescript = dirname(req.resolve('tsgo/package.json'));
  const platformName = `@typescript/typescript-${process.platform}-${process.arch}`;
  const platform = dirname(createRequire(join(typescript, 'package.json')).resolve(`${platformName}/package.json`));
  const pyright = dirname(req.resolve('pyright/package.json'));
  const version = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  return {
    typescript, platform, platformName, pyright,
    // layout: bumped when what is copied or where changes, so older copies are replaced.
    stamp: { layout: 1, typescript: version(typescript), [platformName]: version(platform), pyright: version(pyright) },
  };
}

/**
 * Copies the servers into `outDir` unless it already holds these versions (or `force`).
 * Returns whether it copied.
 */
export function copyServers(outDir, { force = false } = {}) {
  const sources = serverSources();
  const stampPath = join(outDir, STAMP);
  const stamp = JSON.stringify(sources.stamp);
  if (!force && existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp) return false;
  rmSync(outDir, { recursive: true, force: true });

  const modules = join(outDir, 'node_modules');
  copyFiles(sources.typescript, join(modules, 'typescript'), ['package.json', 'lib', 'LICENSE', 'NOTICE.txt']);
  // The native tsc reads the lib.*.d.ts beside it.
  copyFiles(sources.platform, join(modules, sources.platformName), ['package.json', 'lib', 'LICENSE', 'NOTICE.txt']);

  // langserver.index.js loads dist/pyright-langserver.js, which loads the other two bundles.
  copyFiles(sources.pyright, join(modules, 'pyright'), [
    'package.json', 'langserver.index.js', 'LICENSE.txt',
    'dist/pyright-langserver.js', 'dist/pyright-internal.js', 'dist/vendor.js', 'dist/typeshed-fallback',
  ]);
  writeFileSync(stampPath, stamp);
  return true;
}

function copyFiles(fromDir, toDir, entries) {
  for (const entry of entries) {
    const from = join(fromDir, entry);
    if (!existsSync(from)) throw new Error(`copyServers: ${from} is missing`);
    mkdirSync(dirname(join(toDir, entry)), { recursive: true });
    cpSync(from, join(toDir, entry), { recursive: true });
  }
}
