import assert from 'node:assert/strict';
import { atom, described, runLevel } from './validateHelper';

const twoFunctions = [
  'import { db } from "./db";', // 1
  '',
  'export function a(): number {', // 3
  '  return 1;',
  '}',
  '',
  'export function b(): number {', // 7
  '  return 2;',
  '}',
];

describe('level 3: atomicity', () => {
  it('passes one function within budget, comments and blank lines free', async () => {
    const result = await runLevel('atomicity', atom('typescript', [
      '/**',
      ' * Sums the values.',
      ' */',
      'export function sum(values: number[]): number {',
      '  // start from zero',
      '  let total = 0;',
      '',
      '  for (const v of values) total += v; /* add */',
      '  return total;',
      '}',
    ], { maxLines: 5 }));
    assert.deepEqual(described(result), []);
  });

  it('fails an atom over its line budget, pointing at the first line over', async () => {
    const body = Array.from({ length: 12 }, (_, i) => `  const v${i} = ${i};`);
    const result = await runLevel('atomicity', atom('typescript', ['export function big(): void {', ...body, '}']));
    assert.equal(result.status, 'fail');
    assert.deepEqual(described(result), ['11:1 14 lines of code, over the budget of 10: split the atom']);
  });

  it('fails two sibling functions: two responsibilities', async () => {
    const result = await runLevel('atomicity', atom('typescript', twoFunctions, { startLine: 3, endLine: 9 }));
    assert.deepEqual(described(result), ['7:1 two responsibilities: `a` and `b`']);
  });

  it('fails a function plus unrelated top-level statements', async () => {
    const result = await runLevel('atomicity', atom('javascript', [
      'function start(app) {',
      '  app.listen(3000);',
      '}',
      'const app = createApp();',
      'start(app);',
    ]));
    assert.deepEqual(described(result), ['4:1 two responsibilities: `start` and declarations `app`']);
  });

  it('accepts a block of declarations or imports as one unit', async () => {
    const result = await runLevel('atomicity', atom('typescript', [
      "import { a } from './a';",
      "import { b } from './b';",
      'export const LIMIT = 10;',
      'export type Id = string;',
    ]));
    assert.equal(result.status, 'pass');
  });

  it('accepts part of a function body, and a method inside a class', async () => {
    const lines = [
      'export class Store {',
      '  private items: string[] = [];',
      '  add(item: string): void {',
      '    if (!item) throw new Error("empty");',
      '    this.items.push(item);',
      '  }',
      '  get size(): number { return this.items.length; }',
      '  set size(_v: number) { /* read-only */ }',
      '}',
    ];
    assert.equal((await runLevel('atomicity', atom('typescript', lines, { startLine: 4, endLine: 5 }))).status, 'pass');
    assert.equal((await runLevel('atomicity', atom('typescript', lines, { startLine: 3, endLine: 6 }))).status, 'pass');
    assert.equal((await runLevel('atomicity', atom('typescript', lines, { startLine: 7, endLine: 8 }))).status, 'pass', 'get/set pair is one unit');
    const twoMembers = await runLevel('atomicity', atom('typescript', lines, { startLine: 3, endLine: 7 }));
    assert.deepEqual(described(twoMembers), ['7:1 two responsibilities: `add` and `size`']);
  });

  it('fails a range that cuts through a function', async () => {
    const result = await runLevel('atomicity', atom('typescript', twoFunctions, { startLine: 3, endLine: 4 }));
    assert.deepEqual(described(result), ["3:1 the atom's lines 3-4 cut through `a` (lines 3-5)"]);
  });

  it('fails an atom with no code', async () => {
    const result = await runLevel('atomicity', atom('python', ['# only a comment', '']));
    assert.deepEqual(described(result), ["1:1 the atom's lines 1-2 hold no code"]);
  });

  it('checks the declared signature: name and parameters', async () => {
    const lines = ['export function add(a: number, b: number): number {', '  return a + b;', '}'];
    const ok = await runLevel('atomicity', atom('typescript', lines, { declaredSignature: 'export function add(a: number, b: number): number' }));
    assert.equal(ok.status, 'pass');
    const renamed = await runLevel('atomicity', atom('typescript', lines, { declaredSignature: 'function plus(a: number, b: number): number' }));
    assert.deepEqual(described(renamed), ['1:1 declared as `plus` but the atom defines `add`']);
    const arity = await runLevel('atomicity', atom('typescript', lines, { declaredSignature: 'add(a: number, b: number, c: number)' }));
    assert.deepEqual(described(arity), ['1:1 `add` should take 3 parameter(s) (a, b, c) but takes 2 (a, b)']);
  });

  it('checks a function body against the enclosing function\'s declared signature', async () => {
    const lines = ['def area(width, height):', '    """Area."""', '    return width * height'];
    const ok = await runLevel('atomicity', atom('python', lines, { startLine: 3, endLine: 3, declaredSignature: 'def area(width, height) -> float:' }));
    assert.equal(ok.status, 'pass');
    const wrong = await runLevel('atomicity', atom('python', lines, { startLine: 3, endLine: 3, declaredSignature: 'def area(w, h):' }));
    assert.deepEqual(described(wrong), ['3:1 parameter 1 of `area` should be `w`, not `width`']);
  });

  it('handles Python methods with self and decorators, and two Python functions', async () => {
    const lines = [
      'class Shape:',
      '    @property',
      '    def sides(self) -> int:',
      '        return 0',
      '',
      'def one():',
      '    return 1',
      'def two():',
      '    return 2',
    ];
    const method = await runLevel('atomicity', atom('python', lines, { startLine: 2, endLine: 4, declaredSignature: 'def sides() -> int' }));
    assert.equal(method.status, 'pass');
    const two = await runLevel('atomicity', atom('python', lines, { startLine: 6, endLine: 9 }));
    assert.deepEqual(described(two), ['8:1 two responsibilities: `one` and `two`']);
  });

  it('applies only the line budget to grammars without symbol support', async () => {
    const go = ['package main', '', 'func a() int { return 1 }', 'func b() int { return 2 }'];
    assert.equal((await runLevel('atomicity', atom('go', go))).status, 'pass');
    assert.equal((await runLevel('atomicity', atom('go', go, { maxLines: 2 }))).status, 'fail');
  });
});
