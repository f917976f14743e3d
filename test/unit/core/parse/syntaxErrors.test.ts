import assert from 'node:assert/strict';
import type { LanguageId } from '../../../../src/core/parse/languages';
import { collectSyntaxErrors, type SyntaxProblem } from '../../../../src/core/parse/syntaxErrors';
import { withParsed } from './parseHelper';

function errorsOf(language: LanguageId, lines: readonly string[], limit?: number): Promise<SyntaxProblem[]> {
  return withParsed(language, lines, (tree) => collectSyntaxErrors(tree.rootNode, limit));
}

describe('collectSyntaxErrors', () => {
  it('finds nothing in valid code', async () => {
    assert.deepEqual(await errorsOf('typescript', ['export const a = (x: number): number => x * 2;']), []);
    assert.deepEqual(await errorsOf('python', ['def f(x):', '    return x * 2']), []);
  });

  it('reports a missing closing brace where the parser needed it', async () => {
    const [problem, ...rest] = await errorsOf('typescript', ['function f(a: number) {', '  return a;', '']);
    assert.equal(rest.length, 0);
    assert.equal(problem?.kind, 'missing');
    assert.equal(problem?.message, 'missing `}`');
    assert.equal(problem?.line, 2);
  });

  it('reports a stray token with its line and column', async () => {
    const problems = await errorsOf('javascript', ['if (x) {', '  foo();', '}}']);
    assert.deepEqual(problems.map((p) => [p.message, p.line, p.column]), [['unexpected `}`', 3, 2]]);
  });

  it('reports a missing parenthesis', async () => {
    const problems = await errorsOf('tsx', ['const a = 1;', 'const x = foo(1, 2;']);
    assert.deepEqual(problems.map((p) => [p.message, p.line]), [['missing `)`', 2]]);
  });

  it('reports a Python header without its colon on the def line', async () => {
    const problems = await errorsOf('python', ['import os', '', 'def f(a)', '    return a']);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.line, 3);
    assert.match(problems[0]?.message ?? '', /def f\(a\)/);
  });

  it('reports an incomplete Python expression', async () => {
    const problems = await errorsOf('python', ['def f(a):', '    return a +']);
    assert.equal(problems[0]?.line, 2);
  });

  it('works for grammars without symbol support', async () => {
    const go = await errorsOf('go', ['package main', 'func main() { x := }']);
    assert.deepEqual(go.map((p) => [p.message, p.line]), [['missing identifier', 2]]);
    const rust = await errorsOf('rust', ['fn main() {', '    let x = ;', '}']);
    assert.equal(rust[0]?.line, 2);
  });

  it('stops at the limit', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => `const a${i} = ;`);
    assert.equal((await errorsOf('typescript', lines, 5)).length, 5);
  });
});
