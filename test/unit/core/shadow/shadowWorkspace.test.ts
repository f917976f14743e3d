import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createShadowWorkspace } from '../../../../src/core/shadow/shadowWorkspace';
import { OWNER_FILE, removeStaleShadows, SHADOW_PREFIX } from '../../../../src/core/shadow/staleShadows';

const signal = new AbortController().signal;

/** A pid that is certainly not running: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('shadow workspace', () => {
  let base: string;
  let source: string;
  let scratch: string;

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'mge-shadow-test-'));
    source = join(base, 'ws');
    scratch = join(base, 'scratch');
    mkdirSync(join(source, 'src', 'pkg'), { recursive: true });
    mkdirSync(join(source, 'node_modules', 'lib'), { recursive: true });
    writeFileSync(join(source, 'node_modules', 'lib', 'index.js'), 'module.exports = 1;\n');
    writeFileSync(join(source, 'package.json'), '{"name":"ws"}');
    writeFileSync(join(source, 'tsconfig.json'), '{}');
    writeFileSync(join(source, 'tsconfig.build.json'), '{}');
    writeFileSync(join(source, 'requirements-dev.txt'), 'pytest\n');
    writeFileSync(join(source, 'src', 'pkg', 'tsconfig.json'), '{}');
    writeFileSync(join(source, 'src', 'pkg', 'a.ts'), 'export const a = 1;\n');
    writeFileSync(join(source, 'src', 'untouched.ts'), 'export const u = 1;\n');
  });

  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('copies the touched files and config files, links dependency folders, writes proposals in place, and deletes itself on dispose', async () => {
    const shadow = await createShadowWorkspace({ sourceRoot: source, files: ['src/pkg/a.ts', 'src/new.ts'], scratchDir: scratch }, signal);
    assert.ok(shadow.root.startsWith(join(scratch, SHADOW_PREFIX)));
    for (const rel of ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'requirements-dev.txt', 'src/pkg/tsconfig.json', 'src/pkg/a.ts']) {
      assert.ok(existsSync(shadow.pathOf(rel)), rel);
    }
    assert.equal(existsSync(shadow.pathOf('src/untouched.ts')), false, 'files the run does not touch stay out');
    assert.ok(lstatSync(shadow.pathOf('node_modules')).isSymbolicLink(), 'node_modules is linked, not copied');
    assert.equal(readFileSync(shadow.pathOf('node_modules/lib/index.js'), 'utf8'), 'module.exports = 1;\n');

    await shadow.write('src/pkg/a.ts', 'export const a = 2;\n', signal);
    await shadow.write('src/new.ts', 'export const n = 1;\n', signal);
    assert.equal(readFileSync(shadow.pathOf('src/pkg/a.ts'), 'utf8'), 'export const a = 2;\n');
    assert.equal(readFileSync(join(source, 'src/pkg/a.ts'), 'utf8'), 'export const a = 1;\n', 'the workspace is untouched');
    await assert.rejects(shadow.write('node_modules/lib/index.js', 'hacked', signal), /dependency folder/);
    assert.throws(() => shadow.pathOf('../outside.ts'), /leaves the shadow/);

    await shadow.dispose();
    await shadow.dispose();
    assert.equal(existsSync(shadow.root), false);
    assert.equal(readFileSync(join(source, 'node_modules/lib/index.js'), 'utf8'), 'module.exports = 1;\n', 'dispose removes the link, not its target');
  });

  it('a run that names no files up front still gets the config files of folders it writes into', async () => {
    const shadow = await createShadowWorkspace({ sourceRoot: source, files: [], scratchDir: scratch }, signal);
    try {
      assert.ok(existsSync(shadow.pathOf('tsconfig.json')));
      assert.equal(existsSync(shadow.pathOf('src/pkg/tsconfig.json')), false);
      await shadow.write('src/pkg/b.ts', 'export const b = 1;\n', signal);
      assert.ok(existsSync(shadow.pathOf('src/pkg/tsconfig.json')));
    } finally {
      await shadow.dispose();
    }
  });

  it('copies in the workspace files an atom imports, transitively, never over a proposal', async () => {
    mkdirSync(join(source, 'lib'));
    mkdirSync(join(source, 'app', 'models'), { recursive: true });
    writeFileSync(join(source, 'src', 'types.ts'), "import type { Id } from '../lib/ids.js';\nexport interface T { id: Id }\n");
    writeFileSync(join(source, 'lib', 'ids.ts'), 'export type Id = string;\n');
    writeFileSync(join(source, 'lib', 'unused.ts'), 'export const u = 1;\n');
    writeFileSync(join(source, 'app', '__init__.py'), '');
    writeFileSync(join(source, 'app', 'models', '__init__.py'), 'from .user import User\n');
    writeFileSync(join(source, 'app', 'models', 'user.py'), 'class User: ...\n');
    writeFileSync(join(source, 'app', 'helpers.py'), 'def h(): ...\n');
    const shadow = await createShadowWorkspace({ sourceRoot: source, files: ['src/pkg/a.ts'], scratchDir: scratch }, signal);
    try {
      await shadow.write('src/types.ts', 'export interface T { id: number }\n', signal);
      const ts = await shadow.includeImports('src/pkg/a.ts', "import { T } from '../types';\nimport x from 'lodash';\n", 'typescript', signal);
      assert.deepEqual(ts, ['lib/ids.ts'], 'types.ts is a proposal already: kept, but its imports come in');
      assert.equal(readFileSync(shadow.pathOf('src/types.ts'), 'utf8'), 'export interface T { id: number }\n');
      const py = await shadow.includeImports('app/service.py', 'from app.models import User\nfrom .helpers import h\nimport json\n', 'python', signal);
      assert.deepEqual(py.sort(), ['app/__init__.py', 'app/helpers.py', 'app/models/__init__.py', 'app/models/user.py']);
      assert.equal(existsSync(shadow.pathOf('lib/unused.ts')), false);
    } finally {
      await shadow.dispose();
    }
  });

  it('links the nearest node_modules above a workspace that has none', async () => {
    rmSync(join(source, 'node_modules'), { recursive: true });
    mkdirSync(join(base, 'node_modules'));
    const shadow = await createShadowWorkspace({ sourceRoot: source, files: [], scratchDir: scratch }, signal);
    try {
      assert.ok(lstatSync(shadow.pathOf('node_modules')).isSymbolicLink());
    } finally {
      await shadow.dispose();
    }
  });

  it('removes shadows left by a dead process on the next start, and keeps live, foreign and fresh ones', async () => {
    mkdirSync(scratch, { recursive: true });
    const make = (name: string, owner: object | null): string => {
      const dir = join(scratch, name);
      mkdirSync(dir);
      writeFileSync(join(dir, 'file.ts'), 'x');
      if (owner) writeFileSync(join(dir, OWNER_FILE), JSON.stringify(owner));
      return dir;
    };
    const dead = make(`${SHADOW_PREFIX}dead-1`, { pid: deadPid(), host: hostname(), createdAt: 1 });
    const live = make(`${SHADOW_PREFIX}live-1`, { pid: process.ppid, host: hostname(), createdAt: 1 });
    const foreign = make(`${SHADOW_PREFIX}foreign-1`, { pid: deadPid(), host: 'another-host', createdAt: 1 });
    const oldOrphan = make(`${SHADOW_PREFIX}x-${Date.now() - 2 * 3600_000}`, null);
    const freshOrphan = make(`${SHADOW_PREFIX}y-${Date.now()}`, null);
    const unrelated = make('something-else', null);

    const shadow = await createShadowWorkspace({ sourceRoot: source, files: [], scratchDir: scratch }, signal);
    await shadow.dispose();
    assert.equal(existsSync(dead), false);
    assert.equal(existsSync(oldOrphan), false);
    for (const kept of [live, foreign, freshOrphan, unrelated]) assert.ok(existsSync(kept), kept);
    assert.deepEqual(await removeStaleShadows(scratch, signal), []);
    assert.equal(readdirSync(scratch).length, 4);
  });

  it('a shadow killed with its process is cleaned by the next one', async () => {
    const script = `
      const { createShadowWorkspace } = require(${JSON.stringify(join(__dirname, '../../../../src/core/shadow/shadowWorkspace.ts'))});
      createShadowWorkspace({ sourceRoot: ${JSON.stringify(source)}, files: ['src/pkg/a.ts'], scratchDir: ${JSON.stringify(scratch)} }, new AbortController().signal)
        .then((s) => { process.stdout.write(s.root); process.exit(0); });`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' });
    const left = child.stdout.trim();
    assert.ok(left && existsSync(left), `the crashed process left its shadow (${child.stderr})`);
    const next = await createShadowWorkspace({ sourceRoot: source, files: [], scratchDir: scratch }, signal);
    await next.dispose();
    assert.equal(existsSync(left), false);
  });
});
