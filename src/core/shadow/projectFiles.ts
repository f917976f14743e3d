/** Which files a shadow copy needs besides the run's own: project config files and dependency folders. */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, parse, relative } from 'node:path';

/** Folders that hold installed dependencies: linked into the shadow, never copied, never written. */
export const DEPENDENCY_DIRS: readonly string[] = ['node_modules', '.venv', 'venv'];

const CONFIG_NAMES = new Set(['package.json', 'pyproject.toml', 'setup.cfg', 'setup.py', 'pyrightconfig.json', '.python-version', 'deno.json']);
const CONFIG_PATTERNS = [/^tsconfig.*\.json$/, /^jsconfig.*\.json$/, /^requirements.*\.txt$/];

/** Whether a file name is a project config file the language servers and runtimes read. */
export function isConfigFile(name: string): boolean {
  return CONFIG_NAMES.has(name) || CONFIG_PATTERNS.some((p) => p.test(name));
}

/** Whether a workspace-relative path lies inside a dependency folder. */
export function isInDependencyDir(relPath: string): boolean {
  return relPath.split('/').some((segment) => DEPENDENCY_DIRS.includes(segment));
}

/**
 * The folders whose config files and dependency folders matter for `files`: the root and every
 * folder between it and each file (a package's own tsconfig in a monorepo), as relative paths
 * ('' for the root).
 */
export function relevantDirs(files: readonly string[]): string[] {
  const dirs = new Set<string>(['']);
  for (const file of files) {
    for (let dir = dirname(file); dir !== '.' && dir !== '' && dir !== '/'; dir = dirname(dir)) dirs.add(dir);
  }
  return [...dirs].sort();
}

/** Config file names present in `absDir`. */
export function configFilesIn(absDir: string): string[] {
  try {
    return readdirSync(absDir, { withFileTypes: true }).filter((e) => e.isFile() && isConfigFile(e.name)).map((e) => e.name);
  } catch {
    return [];
  }
}

/**
 * Dependency folders to link, as [relative path in the shadow, absolute target]. Those inside
 * the workspace keep their place. When the root has no node_modules, the nearest one above it is
 * linked at the root, because Node and TypeScript resolve packages by walking up and a copy in
 * the temp folder has nothing above it.
 */
export function dependencyLinks(sourceRoot: string, dirs: readonly string[]): Array<[string, string]> {
  const links: Array<[string, string]> = [];
  for (const dir of dirs) {
    for (const name of DEPENDENCY_DIRS) {
      const target = join(sourceRoot, dir, name);
      if (existsSync(target)) links.push([dir ? `${dir}/${name}` : name, target]);
    }
  }
  if (dirs.includes('') && !links.some(([rel]) => rel === 'node_modules')) {
    const above = nearestAbove(sourceRoot, 'node_modules');
    if (above) links.push(['node_modules', above]);
  }
  return links;
}

function nearestAbove(start: string, name: string): string | null {
  const top = parse(start).root;
  for (let dir = dirname(start); ; dir = dirname(dir)) {
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
    if (dir === top || relative(dir, top) === '') return null;
  }
}
