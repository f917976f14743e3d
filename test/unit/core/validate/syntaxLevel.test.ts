import assert from 'node:assert/strict';
import { atom, described, runLevel } from './validateHelper';

describe('level 1: syntax', () => {
  it('passes valid code in every first-class language', async () => {
    assert.equal((await runLevel('syntax', atom('typescript', ['export const f = (a: number): number => a + 1;']))).status, 'pass');
    assert.equal((await runLevel('syntax', atom('tsx', ['export const A = () => <div>{1}</div>;']))).status, 'pass');
    assert.equal((await runLevel('syntax', atom('javascript', ['module.exports = { a: 1 };']))).status, 'pass');
    assert.equal((await runLevel('syntax', atom('python', ['def f(a):', '    return a + 1']))).status, 'pass');
  });

  it('fails a broken atom and says the error is inside it', async () => {
    const result = await runLevel('syntax', atom('typescript', [
      'export function ok(): number {',
      '  return 1;',
      '}',
      'export function broken(a: number) {',
      '  return a +;',
      '}',
    ], { startLine: 4, endLine: 6 }));
    assert.equal(result.status, 'fail');
    assert.deepEqual(described(result), ['5:13 missing identifier, inside the atom']);
  });

  it('points outside the atom when the damage shows up elsewhere', async () => {
    const result = await runLevel('syntax', atom('python', [
      'def f(a):',
      '    return a',
      '',
      'def g(b)',
      '    return b',
    ], { startLine: 1, endLine: 2 }));
    assert.equal(result.status, 'fail');
    assert.equal(result.messages[0]?.line, 4);
    assert.match(result.messages[0]?.message ?? '', /outside the atom \(lines 1-2\)/);
  });

  it('fails broken JSX', async () => {
    const result = await runLevel('syntax', atom('tsx', ['export const A = () => <div><span></div>;']));
    assert.equal(result.status, 'fail');
    assert.equal(result.messages[0]?.line, 1);
  });

  it('checks grammars without symbol support', async () => {
    assert.equal((await runLevel('syntax', atom('go', ['package main', '', 'func main() {}']))).status, 'pass');
    const java = await runLevel('syntax', atom('java', ['class A {', '  int f() { return 1 }', '}']));
    assert.equal(java.status, 'fail');
    assert.equal(java.messages[0]?.line, 2);
  });

  it('skips a file without a grammar, with the reason', async () => {
    const result = await runLevel('syntax', atom(null, ['# Title'], { relPath: 'README.md' }));
    assert.equal(result.status, 'skipped');
    assert.match(result.reason ?? '', /README\.md/);
  });
});
