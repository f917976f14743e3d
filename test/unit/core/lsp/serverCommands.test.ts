import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverCommand } from '../../../../src/core/lsp/serverCommands';
import { createLanguageServerPool } from '../../../../src/core/lsp/serverPool';

describe('language server commands and pool', () => {
  let ws: string;
  beforeEach(() => (ws = mkdtempSync(join(tmpdir(), 'mge-lsp-cmd-'))));
  afterEach(() => rmSync(ws, { recursive: true, force: true }));

  it('uses the bundled TypeScript 7 native server when the workspace has none, with a clean environment', () => {
    const cmd = serverCommand('typescript', ws, { env: { PATH: '/usr/bin', ANTHROPIC_API_KEY: 'secret' } });
    assert.ok(!(cmd instanceof Error), cmd instanceof Error ? cmd.message : '');
    assert.match(cmd.name, /^TypeScript 7\.\d+\.\d+ \(bundled\)$/);
    assert.deepEqual(cmd.args, ['--lsp', '--stdio']);
    assert.equal(cmd.env.ANTHROPIC_API_KEY, undefined);
    assert.equal(cmd.env.PATH, '/usr/bin');
  });

  it("says why the workspace's TypeScript was not used when it is older than 7", () => {
    mkdirSync(join(ws, 'node_modules', 'typescript'), { recursive: true });
    writeFileSync(join(ws, 'node_modules', 'typescript', 'package.json'), '{"name":"typescript","version":"5.9.3"}');
    const cmd = serverCommand('typescript', ws);
    assert.ok(!(cmd instanceof Error));
    assert.match(cmd.name, /\(bundled\) \(the workspace's TypeScript 5\.9\.3 has no LSP mode\)/);
  });

  it('runs the bundled pyright-langserver with Node', () => {
    const cmd = serverCommand('pyright', ws);
    assert.ok(!(cmd instanceof Error));
    assert.match(cmd.name, /^pyright 1\.1\.\d+ \(bundled\)$/);
    assert.equal(cmd.command, process.execPath);
    assert.match(cmd.args[0] ?? '', /langserver\.index\.js$/);
  });

  it("starts the workspace's own servers only when it may (an untrusted workspace's node_modules is its code)", () => {
    const pyright = join(ws, 'node_modules', 'pyright');
    mkdirSync(pyright, { recursive: true });
    writeFileSync(join(pyright, 'package.json'), '{"name":"pyright","version":"1.1.300"}');
    writeFileSync(join(pyright, 'langserver.index.js'), '');
    // The workspace's TypeScript 7: the real package and its platform package, linked in.
    const req = createRequire(__filename);
    const tsgo = realpathSync(dirname(req.resolve('tsgo/package.json')));
    const platform = `@typescript/typescript-${process.platform}-${process.arch}`;
    const native = realpathSync(dirname(createRequire(join(tsgo, 'package.json')).resolve(`${platform}/package.json`)));
    symlinkSync(tsgo, join(ws, 'node_modules', 'typescript'), 'dir');
    mkdirSync(join(ws, 'node_modules', '@typescript'), { recursive: true });
    symlinkSync(native, join(ws, 'node_modules', platform), 'dir');

    const name = (kind: 'typescript' | 'pyright', useWorkspaceServers?: boolean): string => {
      const cmd = serverCommand(kind, ws, useWorkspaceServers === undefined ? {} : { useWorkspaceServers });
      assert.ok(!(cmd instanceof Error), cmd instanceof Error ? cmd.message : '');
      return cmd.name;
    };
    assert.match(name('pyright'), /^pyright 1\.1\.300 \(workspace\)$/);
    assert.match(name('typescript', true), /^TypeScript 7\.\d+\.\d+ \(workspace\)$/);
    assert.match(name('pyright', false), /^pyright 1\.1\.\d+ \(bundled\)$/);
    assert.match(name('typescript', false), /^TypeScript 7\.\d+\.\d+ \(bundled\)$/);
  });

  it('restarts a server that died, once, then reports it dead', async function () {
    this.timeout(30_000);
    let starts = 0;
    // A "server" that answers initialize and then exits at once.
    const script = `
      let buf = '';
      process.stdin.on('data', (d) => {
        buf += d;
        if (!buf.includes('"initialize"')) return;
        const body = JSON.stringify({ jsonrpc: '2.0', id: 0, result: { capabilities: {} } });
        process.stdout.write('Content-Length: ' + Buffer.byteLength(body) + '\\r\\n\\r\\n' + body, () => setTimeout(() => process.exit(3), 50));
      });`;
    const pool = createLanguageServerPool({ commandFor: () => { starts++; return { name: 'brief-ls', command: process.execPath, args: ['-e', script], env: {} }; } });
    const signal = new AbortController().signal;
    try {
      await pool.get('typescript', ws, signal);
      await new Promise((r) => setTimeout(r, 300));
      await pool.get('typescript', ws, signal);
      await new Promise((r) => setTimeout(r, 300));
      await assert.rejects(pool.get('typescript', ws, signal), /brief-ls exited \(code 3\)/);
      assert.equal(starts, 2);
    } finally {
      await pool.dispose();
    }
  });
});
