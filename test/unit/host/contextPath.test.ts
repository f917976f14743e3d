import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveContextFile, type ContextRoots } from '../../../src/host/contextPath';

describe('host/contextPath: which "context used" files may be opened', () => {
  let dir: string;
  let roots: ContextRoots;
  beforeEach(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'mge-ctx-')));
    const ws = join(dir, 'ws');
    const examples = join(dir, 'examples');
    mkdirSync(join(ws, 'src'), { recursive: true });
    mkdirSync(join(examples, 'express'), { recursive: true });
    writeFileSync(join(ws, 'src', 'a.ts'), 'export const a = 1;\n');
    writeFileSync(join(examples, 'express', 'routes.ts'), '// example\n');
    writeFileSync(join(dir, 'secret.txt'), 'not yours\n');
    symlinkSync(join(dir, 'secret.txt'), join(ws, 'src', 'link.ts'));
    roots = { workspace: ws, examples };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('opens workspace files and bundled examples inside their folders', async () => {
    assert.deepEqual(await resolveContextFile({ path: 'src/a.ts', source: 'workspace' }, roots), { ok: true, file: join(dir, 'ws', 'src', 'a.ts') });
    assert.deepEqual(await resolveContextFile({ path: 'examples/express/routes.ts', source: 'examples' }, roots), { ok: true, file: join(dir, 'examples', 'express', 'routes.ts') });
  });

  it('refuses paths that leave the folder, absolute paths, symlinks out, unknown example folders and missing files', async () => {
    const refused = async (path: string, source: 'workspace' | 'examples', over: Partial<ContextRoots> = {}): Promise<string> => {
      const result = await resolveContextFile({ path, source }, { ...roots, ...over });
      assert.equal(result.ok, false, `${path} (${source}) was not refused`);
      return result.ok ? '' : result.message;
    };
    assert.match(await refused('../secret.txt', 'workspace'), /not inside the workspace/);
    assert.match(await refused('src/../../secret.txt', 'workspace'), /not inside the workspace/);
    assert.match(await refused(join(dir, 'secret.txt'), 'workspace'), /not inside the workspace/);
    assert.match(await refused('src/link.ts', 'workspace'), /not inside the workspace/);
    assert.match(await refused('examples/../secret.txt', 'examples'), /not inside the bundled examples/);
    assert.match(await refused('my-examples/x.ts', 'examples'), /not one of MGE's bundled examples/);
    assert.match(await refused('src/gone.ts', 'workspace'), /no longer exists/);
    assert.match(await refused('src/a.ts', 'workspace', { workspace: null }), /Open a folder/);
  });
});
