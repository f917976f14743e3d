import assert from 'node:assert/strict';
import { readdirSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from '../../../../src/core/rag/roots';
import { cleanup, noAbort, openIndex, tempDir, tsFunction, writeFiles } from './helpers';

const noProgress = (): void => undefined;

function shardTimes(indexDir: string): Map<string, number> {
  return new Map(readdirSync(indexDir).filter((f) => f.startsWith('shard-')).map((f) => [f, statSync(join(indexDir, f)).mtimeMs]));
}

describe('rag index', () => {
  let ws: string;
  let idx: string;
  beforeEach(() => {
    ws = tempDir('ws');
    idx = tempDir('idx');
  });
  afterEach(() => cleanup(ws, idx));

  it('skips .gitignored files (root and nested), dependency folders, binaries and oversized files', async () => {
    writeFiles(ws, {
      '.gitignore': 'secret/\n*.gen.ts\n',
      'src/keep.ts': tsFunction('keep', 2),
      'src/out.gen.ts': tsFunction('generated', 2),
      'secret/key.ts': tsFunction('secret', 2),
      'pkg/.gitignore': 'local.ts\n',
      'pkg/local.ts': tsFunction('localOnly', 2),
      'pkg/shared.ts': tsFunction('shared', 2),
      'node_modules/lib/index.js': 'module.exports = 1;',
      '.venv/lib/site.py': 'x = 1',
      'dist/bundle.js': 'var a = 1;',
      'src/blob.ts': new Uint8Array([0x63, 0x6f, 0, 1, 2, 3]),
      'src/big.ts': `// ${'x'.repeat(300 * 1024)}\n`,
    });
    const index = await openIndex(idx);
    const report = await index.sync(workspaceRoot(ws), noProgress, noAbort);
    const paths = new Set((await index.search('keep generated secret localOnly shared total input', 50, noAbort)).map((r) => r.path));
    assert.deepEqual([...paths].sort(), ['pkg/shared.ts', 'src/keep.ts']);
    assert.equal(report.skipped, 2, 'the binary and the oversized file');
  });

  it('re-indexes only the changed file and rewrites only its shard', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`src/m${i}.ts`] = tsFunction(`fn${i}`, 3);
    writeFiles(ws, files);
    const index = await openIndex(idx, 8);
    const first = await index.sync(workspaceRoot(ws), noProgress, noAbort);
    assert.equal(first.added, 12);
    const before = shardTimes(idx);
    await new Promise((r) => setTimeout(r, 20));
    writeFileSync(join(ws, 'src/m3.ts'), `${tsFunction('renamedThree', 3)}\n`);
    // Touched but identical: read and hashed, not re-indexed.
    utimesSync(join(ws, 'src/m4.ts'), new Date(), new Date(Date.now() + 5000));
    const second = await index.sync(workspaceRoot(ws), noProgress, noAbort);
    assert.deepEqual([second.added, second.updated, second.removed, second.unchanged], [0, 1, 0, 11]);
    const after = shardTimes(idx);
    const rewritten = [...after].filter(([f, t]) => before.get(f) !== t).map(([f]) => f);
    assert.equal(rewritten.length, 1, `rewritten shards: ${rewritten.join(', ')}`);
    const hit = (await index.search('renamedThree', 1, noAbort))[0];
    assert.equal(hit.path, 'src/m3.ts');
    assert.equal(hit.symbol, 'renamedThree');
  });

  it('removes a deleted file from the index, on a full pass and through updateFiles', async () => {
    writeFiles(ws, { 'a.ts': tsFunction('alphaThing', 2), 'b.ts': tsFunction('betaThing', 2), 'c.ts': tsFunction('gammaThing', 2) });
    const index = await openIndex(idx);
    await index.sync(workspaceRoot(ws), noProgress, noAbort);
    unlinkSync(join(ws, 'a.ts'));
    const pass = await index.sync(workspaceRoot(ws), noProgress, noAbort);
    assert.equal(pass.removed, 1);
    assert.ok(!(await index.search('alphaThing', 5, noAbort)).some((r) => r.path === 'a.ts'));
    unlinkSync(join(ws, 'b.ts'));
    writeFiles(ws, { 'd.ts': tsFunction('deltaThing', 2) });
    const update = await index.updateFiles('workspace', ['b.ts', 'd.ts'], noAbort);
    assert.deepEqual([update.added, update.removed], [1, 1]);
    const reopened = await openIndex(idx);
    assert.deepEqual(reopened.stats().files, 2);
    const found = new Set((await reopened.search('alphaThing betaThing gammaThing deltaThing', 10, noAbort)).map((r) => r.path));
    assert.deepEqual([...found].sort(), ['c.ts', 'd.ts']);
  });

  it('finds the right chunk for plain-language queries (hybrid of keywords and vectors)', async () => {
    writeFiles(ws, {
      'src/auth/password.ts': 'import { scrypt } from "node:crypto";\n\n/** Hashes a password with a random salt. */\nexport async function hashPassword(plain: string): Promise<string> {\n  return plain;\n}\n\nexport function verifyPassword(plain: string, stored: string): boolean {\n  return plain === stored;\n}\n',
      'src/tasks/taskRepository.ts': 'export class TaskRepository {\n  findById(id: string) {\n    return id;\n  }\n\n  deleteTask(id: string) {\n    return id;\n  }\n}\n',
      'src/http/routes.ts': "export function registerRoutes(app: App) {\n  app.get('/tasks/:id', getTask);\n}\n",
      'app/pagination.py': 'def paginate(items, page, per_page):\n    start = (page - 1) * per_page\n    return items[start:start + per_page]\n',
    });
    const index = await openIndex(idx);
    await index.sync(workspaceRoot(ws), noProgress, noAbort);
    const top = async (q: string): Promise<string> => {
      const [hit] = await index.search(q, 1, noAbort);
      return `${hit.path}#${hit.symbol}`;
    };
    assert.equal(await top('hash a user password'), 'src/auth/password.ts#hashPassword');
    assert.equal(await top('find a task by its id'), 'src/tasks/taskRepository.ts#TaskRepository', 'a small class is one chunk');
    assert.equal(await top('split results into pages'), 'app/pagination.py#paginate');
    assert.equal(await top('register the HTTP routes'), 'src/http/routes.ts#registerRoutes');
  });

  it('stops an indexing pass on abort and finishes the rest on the next pass', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`f${i}.ts`] = tsFunction(`f${i}`, 2);
    writeFiles(ws, files);
    const index = await openIndex(idx);
    const controller = new AbortController();
    await assert.rejects(index.sync(workspaceRoot(ws), (p) => {
      if (p.phase === 'index' && p.done === 5) controller.abort(new Error('stop'));
    }, controller.signal), /stop/);
    const next = await index.sync(workspaceRoot(ws), noProgress, noAbort);
    assert.equal(next.added + next.unchanged, 40);
    assert.equal(index.stats().files, 40);
  });
});
