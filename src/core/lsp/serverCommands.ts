/**
 * Which executable serves which language. TypeScript/JavaScript: TypeScript 7's native
 * `tsc --lsp --stdio`, the workspace's own when it has TypeScript >= 7 (older ones have no LSP
 * mode), else the one MGE ships (npm alias `tsgo` = typescript@7). Python: pyright-langserver,
 * the workspace's when installed there, else MGE's. MGE's are the build's copy in dist/servers
 * when the caller passes it (bundledServerLocations), else the dependencies in node_modules.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { nodeEnvExtra, safeEnv } from '../shadow/safeEnv';
import type { ServerCommand } from './serverProcess';

/** The servers MGE knows. */
export type ServerKind = 'typescript' | 'pyright';

/** Where to look besides the workspace; the extension passes paths inside its install folder. */
export interface ServerLocations {
  /** Folder of a typescript@>=7 package (holding package.json); default: the `tsgo` dependency. */
  readonly bundledTypeScript?: string;
  /** Folder of the pyright package; default: the `pyright` dependency. */
  readonly bundledPyright?: string;
  /** Environment to strip and pass on (default process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * Whether the workspace's own TypeScript/pyright may be started (default true). False in an
   * untrusted workspace: its node_modules is the workspace's code, so only MGE's servers run.
   */
  readonly useWorkspaceServers?: boolean;
}

/**
 * The servers the build copies next to the bundles (`dist/servers`, see scripts/copyServers.mjs),
 * for the extension (its install folder's dist) and dist/cli.js (its own folder). Empty when the
 * folder has none (running from the sources): the `tsgo`/`pyright` dependencies are used then.
 */
export function bundledServerLocations(distDir: string): ServerLocations {
  const typescript = join(distDir, 'servers', 'node_modules', 'typescript');
  const pyright = join(distDir, 'servers', 'node_modules', 'pyright');
  return {
    ...(existsSync(join(typescript, 'package.json')) ? { bundledTypeScript: typescript } : {}),
    ...(existsSync(join(pyright, 'langserver.index.js')) ? { bundledPyright: pyright } : {}),
  };
}

/** The command for `kind` in the workspace at `workspaceRoot`, or an Error saying why there is none. */
export function serverCommand(kind: ServerKind, workspaceRoot: string, locations: ServerLocations = {}): ServerCommand | Error {
  const env = safeEnv(locations.env ?? process.env, nodeEnvExtra());
  return kind === 'typescript' ? typescriptCommand(workspaceRoot, locations, env) : pyrightCommand(workspaceRoot, locations, env);
}

function typescriptCommand(root: string, locations: ServerLocations, env: Record<string, string>): ServerCommand | Error {
  const own = join(root, 'node_modules', 'typescript');
  const ownVersion = locations.useWorkspaceServers === false ? null : packageVersion(own);
  let notes = '';
  if (ownVersion !== null) {
    const exe = nativeTsc(own);
    if (major(ownVersion) >= 7 && exe) return { name: `TypeScript ${ownVersion} (workspace)`, command: exe, args: ['--lsp', '--stdio'], env };
    notes = ` (the workspace's TypeScript ${ownVersion} has no LSP mode)`;
  }
  const bundled = locations.bundledTypeScript ?? packageDir('tsgo');
  const version = bundled ? packageVersion(bundled) : null;
  const exe = bundled ? nativeTsc(bundled) : null;
  if (!bundled || version === null || !exe) return new Error(`no TypeScript 7 language server found${notes}`);
  return { name: `TypeScript ${version} (bundled)${notes}`, command: exe, args: ['--lsp', '--stdio'], env };
}

function pyrightCommand(root: string, locations: ServerLocations, env: Record<string, string>): ServerCommand | Error {
  const own = join(root, 'node_modules', 'pyright');
  const dir = locations.useWorkspaceServers !== false && existsSync(join(own, 'langserver.index.js')) ? own : (locations.bundledPyright ?? packageDir('pyright'));
  const version = dir ? packageVersion(dir) : null;
  if (!dir || version === null) return new Error('no pyright language server found');
  const where = dir === own ? 'workspace' : 'bundled';
  return { name: `pyright ${version} (${where})`, command: process.execPath, args: [join(dir, 'langserver.index.js'), '--stdio'], env };
}

/**
 * The native compiler inside a typescript@7 package: its platform package
 * (@typescript/typescript-<platform>-<arch>) resolved from the package itself, as its own
 * bin/tsc does, so we spawn the executable directly (no Node wrapper left behind on kill).
 */
function nativeTsc(typescriptDir: string): string | null {
  const platformPackage = `@typescript/typescript-${process.platform}-${process.arch}/package.json`;
  try {
    const found = createRequire(join(typescriptDir, 'package.json')).resolve(platformPackage);
    const exe = join(dirname(found), 'lib', process.platform === 'win32' ? 'tsc.exe' : 'tsc');
    return existsSync(exe) ? exe : null;
  } catch {
    return null;
  }
}

function packageDir(name: string): string | null {
  try {
    return dirname(createRequire(__filename).resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}

function packageVersion(dir: string): string | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    return typeof parsed === 'object' && parsed !== null && 'version' in parsed && typeof parsed.version === 'string' ? parsed.version : null;
  } catch {
    return null;
  }
}

function major(version: string): number {
  return Number.parseInt(version.split('.')[0] ?? '0', 10) || 0;
}
