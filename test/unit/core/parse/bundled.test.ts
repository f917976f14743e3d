import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = resolve(__dirname, '../../../..');

/** Bundles the fixture entry like esbuild.mjs does (CJS, node20, the import.meta.url shim). */
async function bundle(outDir: string): Promise<string> {
  const outfile = join(outDir, 'dist', 'bundle.js');
  await esbuild.build({
    entryPoints: [join(__dirname, 'fixtures', 'bundleEntry.ts')],
    outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', keepNames: true, logLevel: 'silent',
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: 'const importMetaUrl = require("url").pathToFileURL(__filename).href;' },
  });
  return outfile;
}

/** Copies the wasm files into dist/wasm exactly as esbuild.mjs's copyAssets does. */
function copyWasm(outDir: string): void {
  const wasmDir = join(outDir, 'dist', 'wasm');
  mkdirSync(wasmDir, { recursive: true });
  const grammars = join(ROOT, 'node_modules/@vscode/tree-sitter-wasm/wasm');
  for (const f of readdirSync(grammars)) if (f.endsWith('.wasm')) cpSync(join(grammars, f), join(wasmDir, f));
  cpSync(join(ROOT, 'node_modules/web-tree-sitter/web-tree-sitter.wasm'), join(wasmDir, 'web-tree-sitter.wasm'));
}

describe('MultiLanguageParser in an esbuild bundle', function () {
  this.timeout(60_000);
  let outDir = '';
  let bundlePath = '';

  before(async () => {
    // Under the OS temp dir, away from the repository's node_modules, as after installation.
    outDir = mkdtempSync(join(tmpdir(), 'mge-bundle-'));
    bundlePath = await bundle(outDir);
  });
  after(() => rmSync(outDir, { recursive: true, force: true }));

  it('says where it looked when dist/wasm is missing', () => {
    const run = spawnSync(process.execPath, [bundlePath], { cwd: outDir, encoding: 'utf8' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /tree-sitter wasm files not found; looked in: .*dist[\\/]wasm/);
  });

  it('finds the wasm next to the bundle and validates atoms', () => {
    copyWasm(outDir);
    const run = spawnSync(process.execPath, [bundlePath], { cwd: outDir, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout.trim()) as { location: { runtimeWasm: string; grammarDir: string }; ts: string[]; py: string[]; goHasError: boolean };
    assert.equal(result.location.grammarDir, join(outDir, 'dist', 'wasm'));
    assert.equal(result.location.runtimeWasm, join(outDir, 'dist', 'wasm', 'web-tree-sitter.wasm'));
    assert.deepEqual(result.ts, ['syntax:pass', 'semantics:pass', 'atomicity:pass']);
    assert.deepEqual(result.py, ['syntax:pass', 'semantics:fail', 'atomicity:skipped']);
    assert.equal(result.goHasError, false);
  });
});
