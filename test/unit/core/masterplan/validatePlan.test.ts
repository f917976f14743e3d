import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findCycles } from '../../../../src/core/graph/cycles';
import { validatePlan, type PlanProblemKind } from '../../../../src/core/masterplan/validatePlan';
import { plan, task } from '../planBuilders';

function kinds(problems: ReturnType<typeof validatePlan>): PlanProblemKind[] {
  return problems.map((p) => p.kind);
}

describe('masterplan/validatePlan', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'mge-ws-'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('accepts a well-formed plan', () => {
    const p = plan([task('T1'), task('T2', { dependsOn: ['T1'] })], [task('T3', { dependsOn: ['T1', 'T2'] })]);
    assert.deepEqual(validatePlan(p, root), []);
  });

  it('refuses an empty plan', () => {
    assert.deepEqual(kinds(validatePlan(plan([]), root)), ['empty-plan']);
    assert.deepEqual(kinds(validatePlan({ title: 't', summary: 's', phases: [] }, root)), ['empty-plan']);
  });

  it('finds duplicate ids, unknown dependencies and self-dependencies', () => {
    const problems = validatePlan(plan([task('T1'), task('T1', { files: ['src/other.ts'] }), task('T2', { dependsOn: ['T9', 'T2'] })]), root);
    assert.deepEqual(kinds(problems).sort(), ['duplicate-task-id', 'self-dependency', 'unknown-dependency']);
    assert.match(problems.find((p) => p.kind === 'unknown-dependency')?.message ?? '', /T2 depends on T9, which is not in the plan/);
  });

  it('names the cycle in depends-on order', () => {
    const p = plan([task('T1'), task('T3', { dependsOn: ['T5'] }), task('T5', { dependsOn: ['T3'] })]);
    const problems = validatePlan(p, root);
    assert.deepEqual(kinds(problems), ['cycle']);
    assert.equal(problems[0]?.message, 'Dependency cycle: T3 -> T5 -> T3.');
  });

  it('finds a longer cycle and reports it once', () => {
    const deps = new Map([
      ['A', ['B']],
      ['B', ['C']],
      ['C', ['A']],
      ['D', ['A']],
    ]);
    assert.deepEqual(findCycles(deps.keys(), (id) => deps.get(id) ?? []), [['A', 'B', 'C']]);
    const p = plan([task('A', { dependsOn: ['B'] }), task('B', { dependsOn: ['C'] }), task('C', { dependsOn: ['A'] }), task('D', { dependsOn: ['A'] })]);
    assert.deepEqual(validatePlan(p, root).map((problem) => problem.message), ['Dependency cycle: A -> B -> C -> A.']);
  });

  it('names each of two cycles, and a cycle entered from another task only once', () => {
    const p = plan([
      task('T1', { dependsOn: ['T2'] }), task('T2', { dependsOn: ['T1'] }),
      task('T3', { dependsOn: ['T4', 'T1'] }), task('T4', { dependsOn: ['T3'] }),
    ]);
    assert.deepEqual(validatePlan(p, root).map((problem) => problem.message), ['Dependency cycle: T1 -> T2 -> T1.', 'Dependency cycle: T3 -> T4 -> T3.']);
  });

  it('handles a 10,000-task chain without deep recursion', () => {
    const deps = new Map(Array.from({ length: 10_000 }, (_, i) => [`T${i}`, i === 0 ? [] : [`T${i - 1}`]] as [string, string[]]));
    assert.deepEqual(findCycles(deps.keys(), (id) => deps.get(id) ?? []), []);
  });

  it('refuses two tasks writing one file with no dependency path between them', () => {
    const racing = plan([task('T1', { files: ['src/app.ts'] }), task('T2', { files: ['./src/app.ts'] })]);
    const problems = validatePlan(racing, root);
    assert.deepEqual(kinds(problems), ['file-conflict']);
    assert.match(problems[0]?.message ?? '', /T1 and T2 both write src\/app.ts/);
    const ordered = plan([task('T1', { files: ['src/app.ts'] }), task('T2', { files: ['src/x.ts'], dependsOn: ['T1'] }), task('T3', { files: ['src/app.ts'], dependsOn: ['T2'] })]);
    assert.deepEqual(validatePlan(ordered, root), [], 'a transitive path orders them');
    const caseOnly = plan([task('T1', { files: ['src/App.ts'] }), task('T2', { files: ['src/app.ts'] })]);
    assert.deepEqual(kinds(validatePlan(caseOnly, root)), ['file-conflict']);
  });

  const outside: Array<[string, string]> = [
    ['/etc/passwd', 'absolute'],
    ['\\\\server\\share\\x.ts', 'absolute'],
    ['C:\\Windows\\evil.ts', 'drive letter'],
    ['c:relative.ts', 'drive letter'],
    ['../escape.ts', "'..'"],
    ['src/../../escape.ts', "'..'"],
    ['src\\..\\..\\escape.ts', "'..'"],
  ];
  for (const [path, why] of outside) {
    it(`refuses ${path} (${why})`, () => {
      const problems = validatePlan(plan([task('T1', { files: [path] })]), root);
      assert.deepEqual(kinds(problems), ['outside-workspace']);
      assert.ok(problems[0]?.message.includes(why), problems[0]?.message);
    });
  }

  const invalid = ['src/a\0.ts', 'CON', 'src/nul.txt', 'com1.ts', 'LPT9', 'src/a:stream.ts', 'src/dir./a.ts', 'a?.ts', '.git/hooks/pre-commit', '.mge/mge.db', '   ', 'src/\u0007bell.ts'];
  for (const path of invalid) {
    it(`refuses ${JSON.stringify(path)} as an invalid path`, () => {
      assert.deepEqual(kinds(validatePlan(plan([task('T1', { files: [path] })]), root)), ['invalid-path']);
    });
  }

  it('refuses a path through a symlink in the workspace that points out, and accepts one that stays in', () => {
    const outsideDir = mkdtempSync(join(tmpdir(), 'mge-outside-'));
    try {
      mkdirSync(join(root, 'real'), { recursive: true });
      symlinkSync(outsideDir, join(root, 'link-out'));
      symlinkSync(join(root, 'real'), join(root, 'link-in'));
      symlinkSync(join(outsideDir, 'target.ts'), join(root, 'file-link.ts'));
      const problems = validatePlan(plan([task('T1', { files: ['link-out/new/deep/file.ts'] })]), root);
      assert.deepEqual(kinds(problems), ['outside-workspace']);
      assert.match(problems[0]?.message ?? '', /link-out leads to .* through a symlink/);
      assert.deepEqual(kinds(validatePlan(plan([task('T1', { files: ['file-link.ts'] })]), root)), ['outside-workspace'], 'a dangling file symlink pointing out');
      assert.deepEqual(validatePlan(plan([task('T1', { files: ['link-in/ok.ts'] })]), root), []);
    } finally {
      rmSync(outsideDir, { recursive: true, force: true });
    }
  });

  it('accepts paths in a workspace that does not exist yet', () => {
    assert.deepEqual(validatePlan(plan([task('T1', { files: ['src/a.ts'] })]), join(root, 'not-yet')), []);
  });
});
