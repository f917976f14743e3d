/**
 * How to run a file on its own for the runtime level (`mge validate --runtime`): node for
 * JavaScript; for TypeScript node's type stripping (Node >= 22.6) or, on older Node, a transpile
 * by esbuild into a sibling .mjs (with an inline source map so stack lines point at the .ts);
 * python3 for Python.
 */
import { writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { LanguageId } from '../parse/languages';

/** A command line to run; `command` is resolved on PATH or is absolute. */
export interface RuntimeCommand {
  readonly command: string;
  readonly args: readonly string[];
  /** What the check is, for messages ("node src/a.js"). */
  readonly description: string;
  /** File names to replace in the output ([from, to]): a private copy was run in the file's place. */
  readonly outputRenames?: ReadonlyArray<readonly [string, string]>;
  /** Called once the command has ended, whatever the outcome (removes such a copy). */
  cleanup?(): Promise<void>;
}

/** Whether this Node can run .ts files itself (--experimental-strip-types, Node 22.6+). */
export function nodeStripsTypes(version = process.versions.node): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 6);
}

/** The Node executable for child scripts (the extension host's is Electron run as Node: see safeEnv). */
function nodeExe(): string {
  return process.execPath;
}

/** Python 3 as installed: `python3` on PATH, `python` on Windows (which has no python3 by default). */
export function pythonExe(): string {
  return process.platform === 'win32' ? 'python' : 'python3';
}

/**
 * The command that runs `absPath` (a file in the shadow workspace), or an Error saying why it
 * cannot be run here. May write a transpiled sibling file next to it.
 */
export async function fileRunCommand(absPath: string, language: LanguageId | null, signal: AbortSignal): Promise<RuntimeCommand | Error> {
  const name = basename(absPath);
  if (language === 'javascript') return { command: nodeExe(), args: [absPath], description: `node ${name}` };
  if (language === 'python') return { command: pythonExe(), args: [absPath], description: `python3 ${name}` };
  if (language !== 'typescript') return new Error(`no way to run ${language ?? name} files`);
  if (nodeStripsTypes()) {
    return { command: nodeExe(), args: ['--experimental-strip-types', '--no-warnings', absPath], description: `node --experimental-strip-types ${name}` };
  }
  const out = await transpileWithEsbuild(absPath, signal);
  if (out instanceof Error) return out;
  return { command: nodeExe(), args: ['--enable-source-maps', out], description: `node ${name} (transpiled by esbuild)` };
}

interface EsbuildLike {
  transform(code: string, options: Record<string, unknown>): Promise<{ code: string }>;
}

function isEsbuild(value: unknown): value is EsbuildLike {
  return typeof value === 'object' && value !== null && 'transform' in value && typeof value.transform === 'function';
}

async function transpileWithEsbuild(absPath: string, signal: AbortSignal): Promise<string | Error> {
  let esbuild: unknown;
  try {
    // A computed name keeps bundlers from pulling esbuild (a native binary) into dist/.
    const moduleName = 'esbuild';
    esbuild = await import(moduleName);
  } catch {
    return new Error(`Node ${process.versions.node} cannot strip types (22.6+ can) and esbuild is not installed`);
  }
  if (!isEsbuild(esbuild)) return new Error('esbuild has no transform()');
  const { readFile } = await import('node:fs/promises');
  const source = await readFile(absPath, 'utf8');
  signal.throwIfAborted();
  try {
    const { code } = await esbuild.transform(source, { loader: 'ts', format: 'esm', target: 'node20', sourcemap: 'inline', sourcefile: absPath });
    const out = join(dirname(absPath), `${basename(absPath).replace(/\.[cm]?ts$/, '')}.mge-run.mjs`);
    await writeFile(out, code);
    return out;
  } catch (err) {
    // A transpile error is a syntax problem the earlier levels report; here it only explains the skip.
    return new Error(`esbuild could not transpile ${basename(absPath)}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
}

/** The runtime check of `mge validate --runtime`: run the file itself in the shadow workspace. */
export function runFileItself(target: { relPath: string; language: LanguageId | null }, shadow: { pathOf(relPath: string): string }, signal: AbortSignal): Promise<RuntimeCommand | Error> {
  return fileRunCommand(shadow.pathOf(target.relPath), target.language, signal);
}
