import assert from 'node:assert/strict';
import { decomposeTask } from '../../../../src/core/atomize/decomposer';
import { scanHoles } from '../../../../src/core/atomize/holes';
import { checkSkeletonFile } from '../../../../src/core/atomize/skeletonCheck';
import { withTree } from './parseHelper';

const TS_SKELETON = [
  "import { Task } from './task';",
  '',
  'export class TaskRepository {',
  '  private readonly items = new Map<string, Task>();',
  '',
  '  /** Stores a task, replacing one with the same id. */',
  '  save(task: Task): void {',
  '    // @atom TaskRepository.save: puts the task in items under its id',
  '  }',
  '',
  '  byId(id: string): Task | undefined {',
  '    // @atom TaskRepository.byId: returns the task with this id, or undefined',
  '  }',
  '}',
  '',
  'export const countOpen = (tasks: readonly Task[]): number => {',
  '  // @atom countOpen: returns how many tasks are not done',
  '};',
  '',
  '// @atom registerRoutes: registers GET /tasks and POST /tasks on the router',
].join('\n');

const PY_SKELETON = [
  'from dataclasses import dataclass',
  '',
  '',
  '@dataclass',
  'class Task:',
  '    id: str',
  '    done: bool = False',
  '',
  '',
  'def count_open(tasks: list[Task]) -> int:',
  '    """How many tasks are open."""',
  '    ...  # @atom count_open: returns how many tasks are not done',
  '',
  '',
  'class Repo:',
  '    def add(self, task: Task) -> None:',
  '        ...  # @atom Repo.add: stores the task by id',
  '',
  '',
  '# @atom main: prints the open count of two sample tasks',
].join('\n');

describe('atomize/holes and RecursiveDecomposer', () => {
  it('finds TypeScript body holes with their signatures, arrow functions included, and top-level holes', async () => {
    const scan = await withTree(TS_SKELETON, 'typescript', (tree) => scanHoles(tree, 'typescript', TS_SKELETON));
    assert.deepEqual(scan.problems, []);
    assert.deepEqual(
      scan.holes.map((h) => [h.unit, h.kind, h.line, h.indent, h.signature]),
      [
        ['TaskRepository.save', 'body', 8, '    ', 'save(task: Task): void'],
        ['TaskRepository.byId', 'body', 12, '    ', 'byId(id: string): Task | undefined'],
        ['countOpen', 'body', 17, '  ', 'export const countOpen = (tasks: readonly Task[]): number =>'],
        ['registerRoutes', 'top-level', 20, '', null],
      ],
    );
    assert.equal(scan.holes[0]?.description, 'puts the task in items under its id');
  });

  it('finds Python body holes after a docstring, method holes and a module-level hole', async () => {
    const scan = await withTree(PY_SKELETON, 'python', (tree) => scanHoles(tree, 'python', PY_SKELETON));
    assert.deepEqual(scan.problems, []);
    assert.deepEqual(
      scan.holes.map((h) => [h.unit, h.kind, h.line, h.indent, h.signature]),
      [
        ['count_open', 'body', 12, '    ', 'def count_open(tasks: list[Task]) -> int'],
        ['Repo.add', 'body', 17, '        ', 'def add(self, task: Task) -> None'],
        ['main', 'top-level', 20, '', null],
      ],
    );
  });

  it('cuts one atom per hole, keeps holes an earlier task owns, and makes a code-free file one done atom', () => {
    const holes = [
      { unit: 'a', description: 'does a', kind: 'body' as const, signature: 'function a(): void', line: 2, lineText: '  // @atom a: does a', indent: '  ' },
      { unit: 'b', description: 'does b', kind: 'top-level' as const, signature: null, line: 5, lineText: '// @atom b: does b', indent: '' },
    ];
    const atoms = decomposeTask(
      'T4',
      [
        { path: 'src/x.ts', language: 'typescript', content: '', holes },
        { path: 'package.json', language: null, content: '{}', holes: [] },
      ],
      40_000,
      new Map([['src/x.ts', new Set(['a'])]]),
    );
    assert.deepEqual(atoms.map((a) => [a.atomId, a.kind, a.ordinal, a.holeText]), [
      ['T4.src/x.ts#b', 'top-level', 40_000, '// @atom b: does b'],
      ['T4.package.json#file', 'file', 40_001, ''],
    ]);
  });

  it('reports markers not alone on their line and duplicate hole names', async () => {
    const text = 'export function f(): number {\n  return 1; // @atom f: returns one\n}\n// @atom g: x\n// @atom g: y\n';
    const scan = await withTree(text, 'typescript', (tree) => scanHoles(tree, 'typescript', text));
    assert.equal(scan.holes.length, 1);
    assert.match(scan.problems[0] ?? '', /line 2: the hole `f` must be alone on its line/);
    assert.match(scan.problems[1] ?? '', /line 5: the hole name `g` is used twice/);
  });
});

describe('atomize/skeletonCheck', () => {
  it('accepts a skeleton of declarations and holes', async () => {
    const check = await withTree(TS_SKELETON, 'typescript', (tree) => checkSkeletonFile(tree, 'typescript', TS_SKELETON, 10));
    assert.deepEqual([check.syntax, check.structure], [[], []]);
    assert.equal(check.holes.length, 4);
  });

  it('refuses syntax errors, bodies that mix code with a hole, and written-out bodies over the budget', async () => {
    const long = Array.from({ length: 12 }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const text = `export function f(a: number): number {\n  const b = a;\n  // @atom f: returns b\n}\nexport function g(): void {\n${long}\n}\nexport function h( {\n`;
    const check = await withTree(text, 'typescript', (tree) => checkSkeletonFile(tree, 'typescript', text, 10));
    assert.ok(check.syntax.length > 0);
    assert.ok(check.structure.some((m) => /the body of `f` mixes code with its hole/.test(m)), check.structure.join('\n'));
    assert.ok(check.structure.some((m) => /the body of `g` is written out \(12 lines of code/.test(m)), check.structure.join('\n'));
  });

  it('tolerates a small written-out body and Python docstrings', async () => {
    const text = 'class E(Exception):\n    """Domain error."""\n\n    def code(self) -> str:\n        """The code."""\n        return "e"\n';
    const check = await withTree(text, 'python', (tree) => checkSkeletonFile(tree, 'python', text, 10));
    assert.deepEqual([check.syntax, check.structure, check.holes], [[], [], []]);
  });
});
