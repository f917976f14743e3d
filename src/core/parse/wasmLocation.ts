/**
 * Finds the tree-sitter wasm files. Two layouts exist: the esbuild bundle (dist/extension.js,
 * dist/cli.js) with every grammar and web-tree-sitter.wasm copied into dist/wasm, and a run from
 * source (tsx, mocha) where they sit in node_modules. Checking the files on disk, rather than
 * guessing from how we were started, keeps both working and gives one clear error otherwise.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Where the runtime wasm and the grammar wasm files were found. */
export interface WasmLocation {
  /** Absolute path of web-tree-sitter.wasm (the runtime). */
  readonly runtimeWasm: string;
  /** Absolute directory holding tree-sitter-<language>.wasm files. */
  readonly grammarDir: string;
}

const RUNTIME = 'web-tree-sitter.wasm';
// Any grammar works as the marker that a directory holds the grammars.
const MARKER_GRAMMAR = 'tree-sitter-typescript.wasm';

/**
 * Locates the wasm files: in `wasmDir` when given (both runtime and grammars there), else in a
 * `wasm` folder next to the running bundle, else in the nearest node_modules above this module
 * or the working directory. Throws an error listing every place it looked.
 */
export function locateWasm(wasmDir?: string): WasmLocation {
  if (wasmDir !== undefined) {
    const dir = resolve(wasmDir);
    if (hasFlatLayout(dir)) return { runtimeWasm: join(dir, RUNTIME), grammarDir: dir };
    throw new Error(`tree-sitter wasm files not found in ${dir} (expected ${RUNTIME} and ${MARKER_GRAMMAR})`);
  }
  const looked: string[] = [];
  for (const start of startDirs()) {
    for (const dir of [join(start, 'wasm'), start]) {
      looked.push(dir);
      if (hasFlatLayout(dir)) return { runtimeWasm: join(dir, RUNTIME), grammarDir: dir };
    }
    const fromModules = findInNodeModules(start, looked);
    if (fromModules) return fromModules;
  }
  throw new Error(`tree-sitter wasm files not found; looked in: ${looked.join(', ')}`);
}

function startDirs(): string[] {
  // __dirname is the bundle's folder when bundled, this source folder under tsx; it is absent
  // only if this file is ever loaded as a native ES module, where the working directory is all
  // we have.
  const dirs: string[] = [];
  if (typeof __dirname === 'string') dirs.push(__dirname);
  dirs.push(process.cwd());
  return dirs;
}

function hasFlatLayout(dir: string): boolean {
  return existsSync(join(dir, RUNTIME)) && existsSync(join(dir, MARKER_GRAMMAR));
}

function findInNodeModules(start: string, looked: string[]): WasmLocation | undefined {
  let dir = resolve(start);
  for (;;) {
    const modules = join(dir, 'node_modules');
    const runtimeWasm = join(modules, 'web-tree-sitter', RUNTIME);
    const grammarDir = join(modules, '@vscode', 'tree-sitter-wasm', 'wasm');
    looked.push(modules);
    if (existsSync(runtimeWasm) && existsSync(join(grammarDir, MARKER_GRAMMAR))) return { runtimeWasm, grammarDir };
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
