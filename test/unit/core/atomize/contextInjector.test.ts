import assert from 'node:assert/strict';
import { injectContext, type FileOutline } from '../../../../src/core/atomize/contextInjector';
import { decomposeTask } from '../../../../src/core/atomize/decomposer';
import { scanHoles } from '../../../../src/core/atomize/holes';
import { resolveModule } from '../../../../src/core/atomize/resolveModule';
import type { AtomSpec } from '../../../../src/core/atomize/types';
import { extractSymbols } from '../../../../src/core/parse/symbols';
import { withTree } from './parseHelper';

interface Written { taskId: string; path: string; text: string }

/** Outlines and atoms of task files, as the graph stage builds them. */
async function prepare(files: readonly Written[]): Promise<{ outlines: FileOutline[]; atoms: AtomSpec[] }> {
  const outlines: FileOutline[] = [];
  const atoms: AtomSpec[] = [];
  for (const [i, f] of files.entries()) {
    const language: 'python' | 'typescript' = f.path.endsWith('.py') ? 'python' : 'typescript';
    const { symbols, holes } = await withTree(f.text, language, (tree) => ({
      symbols: extractSymbols(tree, language),
      holes: scanHoles(tree, language, f.text).holes,
    }));
    outlines.push({ taskId: f.taskId, path: f.path, language, ...symbols });
    atoms.push(...decomposeTask(f.taskId, [{ path: f.path, language, content: f.text, holes }], i * 100));
  }
  return { outlines, atoms };
}

const MATH = 'export function add(a: number, b: number): number {\n  // @atom add: returns a + b\n}\nexport function mul(a: number, b: number): number {\n  // @atom mul: returns a * b\n}\n';
const STATS = "import { add } from './math';\n/** Sum of xs. */\nexport function sum(xs: number[]): number {\n  // @atom sum: folds xs with add\n}\nexport function mean(xs: number[]): number {\n  // @atom mean: sum divided by the length\n}\nexport function twice(xs: number[]): number {\n  // @atom twice: calls mean twice; mean uses twice too\n}\n";

describe('atomize/ContextInjector', () => {
  it('gives each atom the imported signatures and the dependency tasks\' declarations, and edges to the atoms whose symbols it names', async () => {
    const { outlines, atoms } = await prepare([
      { taskId: 'T1', path: 'src/math.ts', text: MATH },
      { taskId: 'T2', path: 'src/stats.ts', text: STATS },
    ]);
    const ctx = injectContext({ atoms, outlines, taskOrder: ['T1', 'T2'], taskDeps: new Map([['T2', ['T1']]]) });
    const sum = ctx.get('T2.src/stats.ts#sum');
    assert.deepEqual(sum?.dependsOn, ['T1.src/math.ts#add']);
    // An imported file shows what is imported from it: the atom cannot add an import for `mul`.
    assert.deepEqual(sum?.signatures.map((s) => [s.path, s.signature]), [['src/math.ts', 'export function add(a: number, b: number): number']]);
    assert.deepEqual(ctx.get('T2.src/stats.ts#mean')?.dependsOn, ['T2.src/stats.ts#sum']);
    // `twice` names mean; mean does not name twice, so no cycle arises: one edge.
    assert.deepEqual(ctx.get('T2.src/stats.ts#twice')?.dependsOn, ['T2.src/stats.ts#mean']);
    assert.deepEqual(ctx.get('T1.src/math.ts#add')?.dependsOn, []);
  });

  it('shows every public declaration of a dependency task\'s file that is not imported', async () => {
    const { outlines, atoms } = await prepare([
      { taskId: 'T1', path: 'src/math.ts', text: MATH },
      { taskId: 'T2', path: 'src/other.ts', text: 'export function f(): number {\n  // @atom f: returns 1\n}\n' },
    ]);
    const ctx = injectContext({ atoms, outlines, taskOrder: ['T1', 'T2'], taskDeps: new Map([['T2', ['T1']]]) });
    assert.deepEqual(ctx.get('T2.src/other.ts#f')?.signatures.map((s) => s.signature), [
      'export function add(a: number, b: number): number',
      'export function mul(a: number, b: number): number',
    ]);
  });

  it('makes a Python method depend on its class\'s initializers (they create the attributes), not TypeScript\'s', async () => {
    const py = [
      'class Repo:', '    def __init__(self) -> None:', '        ...  # @atom Repo.init: the dict', '',
      '    def get(self, key: str) -> int:', '        ...  # @atom Repo.get: reads the dict', '',
      'class RepoTest:', '    def setUp(self) -> None:', '        ...  # @atom RepoTest.setUp: a repo', '',
      '    def test_get(self) -> None:', '        ...  # @atom RepoTest.test_get: reads back', '',
    ].join('\n');
    const ts = 'export class Repo {\n  constructor() {\n    // @atom Repo.init: the map\n  }\n  get(key: string): number {\n    // @atom Repo.get: reads the map\n  }\n}\n';
    const { outlines, atoms } = await prepare([{ taskId: 'T1', path: 'pkg/repo.py', text: py }, { taskId: 'T2', path: 'src/repo.ts', text: ts }]);
    const ctx = injectContext({ atoms, outlines, taskOrder: ['T1', 'T2'], taskDeps: new Map() });
    assert.deepEqual(ctx.get('T1.pkg/repo.py#Repo.get')?.dependsOn, ['T1.pkg/repo.py#Repo.init']);
    assert.deepEqual(ctx.get('T1.pkg/repo.py#RepoTest.test_get')?.dependsOn, ['T1.pkg/repo.py#RepoTest.setUp']);
    assert.deepEqual(ctx.get('T1.pkg/repo.py#Repo.init')?.dependsOn, []);
    assert.deepEqual(ctx.get('T2.src/repo.ts#Repo.get')?.dependsOn, []);
  });

  it('leaves out an edge within a task that would close a cycle', async () => {
    const text = 'export function ping(n: number): number {\n  // @atom ping: calls pong\n}\nexport function pong(n: number): number {\n  // @atom pong: calls ping\n}\n';
    const { outlines, atoms } = await prepare([{ taskId: 'T1', path: 'src/pp.ts', text }]);
    const ctx = injectContext({ atoms, outlines, taskOrder: ['T1'], taskDeps: new Map() });
    assert.deepEqual(ctx.get('T1.src/pp.ts#ping')?.dependsOn, ['T1.src/pp.ts#pong']);
    assert.deepEqual(ctx.get('T1.src/pp.ts#pong')?.dependsOn, []);
  });

  it('never links to an atom of a task its task does not depend on', async () => {
    const { outlines, atoms } = await prepare([
      { taskId: 'T1', path: 'src/math.ts', text: MATH },
      { taskId: 'T2', path: 'src/stats.ts', text: STATS },
    ]);
    const ctx = injectContext({ atoms, outlines, taskOrder: ['T1', 'T2'], taskDeps: new Map() });
    assert.deepEqual(ctx.get('T2.src/stats.ts#sum')?.dependsOn, []);
  });

  it('makes a test case wait for its file\'s helpers and hooks and for every atom of the code it imports, directly or not (not teardowns, not unseen tasks)', async () => {
    const test = [
      "import { test, before, after } from 'node:test';",
      "import { mean } from '../src/stats';",
      'function sample(): number[] {',
      '  // @atom sample: returns [1, 2, 3]',
      '}',
      '// @atom before: starts the clock',
      '// @atom meanOfTheSample: test: the mean of the sample is 2',
      '// @atom after: stops the clock',
      '',
    ].join('\n');
    const { outlines, atoms } = await prepare([
      { taskId: 'T1', path: 'src/math.ts', text: MATH },
      { taskId: 'T2', path: 'src/stats.ts', text: STATS },
      { taskId: 'T3', path: 'test/stats.test.ts', text: test },
      { taskId: 'T4', path: 'test/other.test.ts', text: test },
    ]);
    const ctx = injectContext({ atoms, outlines, taskOrder: ['T1', 'T2', 'T3', 'T4'], taskDeps: new Map([['T2', ['T1']], ['T3', ['T2']], ['T4', []]]) });
    assert.deepEqual(ctx.get('T3.test/stats.test.ts#meanOfTheSample')?.dependsOn, [
      'T1.src/math.ts#add', 'T1.src/math.ts#mul', 'T2.src/stats.ts#mean', 'T2.src/stats.ts#sum', 'T2.src/stats.ts#twice',
      'T3.test/stats.test.ts#before', 'T3.test/stats.test.ts#sample',
    ]);
    // Helpers and hooks do not wait for the code under test: only the cases run.
    assert.deepEqual(ctx.get('T3.test/stats.test.ts#sample')?.dependsOn, []);
    assert.deepEqual(ctx.get('T3.test/stats.test.ts#after')?.dependsOn, []);
    // A task that does not depend on the code's tasks gets no edge to them (cross-task edges stay acyclic).
    assert.deepEqual(ctx.get('T4.test/other.test.ts#meanOfTheSample')?.dependsOn, ['T4.test/other.test.ts#before', 'T4.test/other.test.ts#sample']);
  });

  it('resolves TypeScript and Python imports to the run\'s files', () => {
    const known = new Set(['src/a.ts', 'src/lib/index.ts', 'app/models/user.py', 'app/models/__init__.py', 'src/pkg/svc.py']);
    assert.equal(resolveModule('src/b.ts', './a', known, false), 'src/a.ts');
    assert.equal(resolveModule('src/b.ts', './a.js', known, false), 'src/a.ts');
    assert.equal(resolveModule('src/x/c.ts', '../lib', known, false), 'src/lib/index.ts');
    assert.equal(resolveModule('src/b.ts', 'node:fs', known, false), null);
    assert.equal(resolveModule('app/models/task.py', '.user', known, true), 'app/models/user.py');
    assert.equal(resolveModule('app/api/routes.py', '..models', known, true), 'app/models/__init__.py');
    assert.equal(resolveModule('tests/test_x.py', 'app.models.user', known, true), 'app/models/user.py');
    assert.equal(resolveModule('tests/test_x.py', 'pkg.svc', known, true), 'src/pkg/svc.py');
    assert.equal(resolveModule('tests/test_x.py', 'os.path', known, true), null);
  });
});
