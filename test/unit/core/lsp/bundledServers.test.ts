import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, parse } from 'node:path';
import { bundledServerLocations, serverCommand, type ServerLocations } from '../../../../src/core/lsp/serverCommands';
import { createLanguageServerPool } from '../../../../src/core/lsp/serverPool';
// @ts-expect-error the build script is plain JavaScript (no declarations)
import { copyServers } from '../../../../scripts/copyServers.mjs';

const copy = copyServers as (outDir: string, options?: { force?: boolean }) => boolean;

/** Whether any folder from `dir` up to the root has a node_modules (a lookup could escape the copy). */
function nodeModulesAbove(dir: string): string | null {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'node_modules'))) return join(d, 'node_modules');
    if (d === parse(d).root) return null;
  }
}

// The servers as the build copies them into dist/servers, run from a folder with no node_modules
// anywhere above it: a file the copy left out makes a server fail to start or to find the error.
describe('bundled language servers (the copy in dist/servers)', function () {
  this.timeout(120_000);
  let root: string;
  let dist: string;
  let ws: string;
  let locations: ServerLocations;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'mge-servers-'));
    assert.equal(nodeModulesAbove(root), null);
    dist = join(root, 'install', 'dist');
    assert.equal(copy(join(dist, 'servers')), true);
    ws = join(root, 'ws');
    mkdirSync(ws);
    locations = { ...bundledServerLocations(dist), env: process.env };
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('finds both servers in the folder, and none where there is no copy', () => {
    assert.deepEqual(locations.bundledTypeScript, join(dist, 'servers', 'node_modules', 'typescript'));
    assert.deepEqual(locations.bundledPyright, join(dist, 'servers', 'node_modules', 'pyright'));
    assert.deepEqual(bundledServerLocations(join(root, 'elsewhere')), {});
  });

  it('does not copy again when the versions are the same, unless forced', () => {
    assert.equal(copy(join(dist, 'servers')), false);
  });

  it('runs TypeScript 7 from the copy and reports a type error', async () => {
    const cmd = serverCommand('typescript', ws, locations);
    assert.ok(!(cmd instanceof Error), cmd instanceof Error ? cmd.message : '');
    assert.match(cmd.name, /^TypeScript 7\.\d+\.\d+ \(bundled\)$/);
    assert.ok(cmd.command.startsWith(join(dist, 'servers', 'node_modules', '@typescript')), cmd.command);
    const file = join(ws, 'a.ts');
    const text = 'export const n: number = "text";\nexport const m = Math.max(1, 2);\n';
    writeFileSync(file, text);
    const messages = await diagnosticsOf('typescript', file, 'typescript', text);
    assert.deepEqual(messages, ["2322 Type 'string' is not assignable to type 'number'."]);
  });

  it('runs pyright from the copy and reports a type error', async () => {
    const cmd = serverCommand('pyright', ws, locations);
    assert.ok(!(cmd instanceof Error), cmd instanceof Error ? cmd.message : '');
    assert.match(cmd.name, /^pyright 1\.1\.\d+ \(bundled\)$/);
    assert.ok((cmd.args[0] ?? '').startsWith(join(dist, 'servers', 'node_modules', 'pyright')), cmd.args[0]);
    const file = join(ws, 'a.py');
    // os.getcwd() resolves only with the typeshed stubs the copy carries.
    const text = 'import os\n\nn: int = "text"\nm: int = os.getcwd()\n';
    writeFileSync(file, text);
    const messages = await diagnosticsOf('pyright', file, 'python', text);
    assert.equal(messages.length, 2, messages.join('\n'));
    assert.match(messages[0] ?? '', /"Literal\['text'\]" is not assignable to "int"/);
    assert.match(messages[1] ?? '', /"str" is not assignable to "int"/);
  });

  async function diagnosticsOf(kind: 'typescript' | 'pyright', file: string, languageId: string, text: string): Promise<string[]> {
    const pool = createLanguageServerPool({ ...locations, startTimeoutMs: 60_000 });
    const signal = new AbortController().signal;
    try {
      const server = await pool.get(kind, ws, signal);
      const version = server.sync(file, languageId, text);
      const diagnostics = await server.diagnostics(file, version, 60_000, signal);
      return diagnostics.filter((d) => d.severity === 1).map((d) => (kind === 'typescript' ? `${String(d.code)} ${d.message}` : d.message));
    } finally {
      await pool.dispose();
    }
  }
});
