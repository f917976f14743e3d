// Builds the extension host bundle, the CLI, the webview bundle, and copies the wasm assets and
// the language servers of level 4 (dist/servers).
// Usage: node esbuild.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
import { copyServers } from './scripts/copyServers.mjs';
import { cpSync, mkdirSync, readdirSync, chmodSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

// web-tree-sitter's ESM build reads import.meta.url; in a CJS bundle that is undefined.
const importMetaShim = {
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: 'const importMetaUrl = require("url").pathToFileURL(__filename).href;' },
};

/** @type {esbuild.BuildOptions} */
const nodeCommon = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  keepNames: true,
  logLevel: 'warning',
  ...importMetaShim,
};

const builds = [
  {
    ...nodeCommon,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
  },
  {
    ...nodeCommon,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node\n' + importMetaShim.banner.js },
  },
  {
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    entryPoints: ['webview-ui/src/main.ts'],
    outfile: 'dist/webview/main.js',
  },
];

function copyAssets() {
  const wasmDir = 'dist/wasm';
  mkdirSync(wasmDir, { recursive: true });
  const grammars = 'node_modules/@vscode/tree-sitter-wasm/wasm';
  for (const f of readdirSync(grammars)) {
    if (f.endsWith('.wasm')) cpSync(join(grammars, f), join(wasmDir, f));
  }
  cpSync('node_modules/web-tree-sitter/web-tree-sitter.wasm', join(wasmDir, 'web-tree-sitter.wasm'));
  cpSync('node_modules/sql.js/dist/sql-wasm.wasm', join(wasmDir, 'sql-wasm.wasm'));
  // Curated RAG examples, indexed beside the workspace (src/core/rag/examples.ts finds dist/examples).
  cpSync('examples', 'dist/examples', { recursive: true });
  mkdirSync('dist/webview', { recursive: true });
  cpSync('node_modules/@vscode/codicons/dist/codicon.css', 'dist/webview/codicon.css');
  cpSync('node_modules/@vscode/codicons/dist/codicon.ttf', 'dist/webview/codicon.ttf');
  if (existsSync('dist/cli.js')) chmodSync('dist/cli.js', 0o755);
  // ~62 MB: copied again only when missing or of other versions, so watch and test builds stay fast.
  copyServers('dist/servers', { force: production });
}

// A production build starts clean, so no source map of an earlier dev build ends up in the VSIX.
if (production) rmSync('dist', { recursive: true, force: true });

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  copyAssets();
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  copyAssets();
}
