/**
 * Loads the sql.js WebAssembly module once per process. The .wasm file sits next to the bundle
 * (dist/wasm/sql-wasm.wasm, copied by esbuild.mjs) when bundled, and in node_modules/sql.js/dist
 * when running from source (tsx, mocha); both are tried, bundle first.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import type { SqlJsStatic } from 'sql.js';

const WASM_FILE = 'sql-wasm.wasm';

let loading: Promise<SqlJsStatic> | undefined;

/** Paths where sql-wasm.wasm may be, in the order they are tried. */
export function sqlWasmCandidates(baseDir: string = __dirname): string[] {
  const candidates = [join(baseDir, 'wasm', WASM_FILE), join(baseDir, '..', 'wasm', WASM_FILE)];
  try {
    // Only resolvable from source; inside a packaged extension node_modules is gone.
    candidates.push(require.resolve(`sql.js/dist/${WASM_FILE}`));
  } catch {
    // not installed next to us: the bundle candidates are all we have
  }
  return candidates;
}

/** Absolute path of sql-wasm.wasm, or an error listing where it was looked for. */
export function locateSqlWasm(explicitPath?: string): string {
  const candidates = explicitPath ? [explicitPath] : sqlWasmCandidates();
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`sql-wasm.wasm not found; looked in: ${candidates.join(', ')}`);
  return found;
}

/** The sql.js module, initialised on first use and shared afterwards. */
export function loadSqlJs(explicitWasmPath?: string): Promise<SqlJsStatic> {
  if (!loading) {
    const wasmPath = locateSqlWasm(explicitWasmPath);
    loading = initSqlJs({ locateFile: () => wasmPath });
    // A failed load must not poison every later attempt.
    loading.catch(() => {
      loading = undefined;
    });
  }
  return loading;
}
