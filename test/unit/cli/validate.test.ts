import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMge } from './cliProcess';

const LEVELS = ['syntax', 'semantics', 'atomicity', 'types', 'runtime'];

describe('mge validate', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'mge-validate-cli-'));
    writeFileSync(join(dir, 'good.ts'), 'export function add(a: number, b: number): number {\n  return a + b;\n}\n');
    writeFileSync(join(dir, 'typed.ts'), 'const port: number = "8080";\nconsole.log(port);\n');
    writeFileSync(join(dir, 'throws.py'), 'raise ValueError("boom")\n');
    writeFileSync(join(dir, 'two.js'), 'function a() {\n  return 1;\n}\nfunction b() {\n  return 2;\n}\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one JSON object with every level per file and exits 1 when a file fails', async () => {
    const run = await runMge(['validate', join(dir, 'good.ts'), join(dir, 'typed.ts'), join(dir, 'throws.py'), '--runtime', '--atom', '--json']);
    assert.equal(run.code, 1, run.stderr);
    const out = JSON.parse(run.stdout) as { files: Array<{ path: string; language: string; ok: boolean; levels: Record<string, { status: string; messages: Array<{ message: string; line: number; column: number }> }> }> };
    assert.deepEqual(out.files.map((f) => [f.path, f.language, f.ok]), [
      [join(dir, 'good.ts'), 'typescript', true], [join(dir, 'typed.ts'), 'typescript', false], [join(dir, 'throws.py'), 'python', false],
    ]);
    for (const file of out.files) {
      assert.deepEqual(Object.keys(file.levels), LEVELS);
      for (const level of LEVELS) assert.match(file.levels[level]?.status ?? '', /^(pass|fail|skipped)$/);
    }
    assert.deepEqual(LEVELS.map((l) => out.files[0]?.levels[l]?.status), ['pass', 'pass', 'pass', 'pass', 'pass']);
    const typed = out.files[1]?.levels.types;
    assert.equal(typed?.status, 'fail');
    assert.deepEqual(Object.keys(typed?.messages[0] ?? {}), ['message', 'line', 'column']);
    assert.equal(typed?.messages[0]?.line, 1);
    assert.equal(out.files[1]?.levels.runtime?.status, 'skipped');
    assert.equal(out.files[2]?.levels.runtime?.status, 'fail');
    assert.match(out.files[2]?.levels.runtime?.messages[0]?.message ?? '', /ValueError: boom/);
  });

  it('skips atomicity without --atom and runtime without --runtime, and exits 0 when all pass', async () => {
    const run = await runMge(['validate', join(dir, 'two.js'), join(dir, 'good.ts'), '--json']);
    assert.equal(run.code, 0, run.stderr);
    const out = JSON.parse(run.stdout) as { files: Array<{ ok: boolean; levels: Record<string, { status: string; reason?: string }> }> };
    assert.equal(out.files[0]?.levels.atomicity?.status, 'skipped');
    assert.equal(out.files[0]?.levels.runtime?.status, 'skipped');
    assert.match(out.files[0]?.levels.runtime?.reason ?? '', /--runtime/);
    const atom = await runMge(['validate', join(dir, 'two.js'), '--atom', '--levels', 'syntax,atomicity']);
    assert.equal(atom.code, 1);
    assert.match(atom.stdout, /FAIL .*two\.js[\s\S]*atomicity +fail[\s\S]*two responsibilities/);
    assert.match(atom.stdout, /types +skipped \(not selected with --levels\)/);
  });

  it('exits 2 on bad usage: no file, a missing file, an unknown level or option', async () => {
    for (const args of [[], [join(dir, 'nope.ts')], [join(dir, 'good.ts'), '--levels', 'syntax,vibes'], [join(dir, 'good.ts'), '--fast']]) {
      const run = await runMge(['validate', ...args]);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
    }
  });
});
