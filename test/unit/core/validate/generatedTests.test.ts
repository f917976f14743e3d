// Level 5 in generation: an atom of a test file runs that file (a Python test method alone) in the
// shadow with real python3; it waits (skipped, with the reason) for the code under test and the
// test file's fixtures; atoms outside test files are skipped with the reason.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createShadowWorkspace, type ShadowWorkspace } from '../../../../src/core/shadow/shadowWorkspace';
import { isTestFile } from '../../../../src/core/atomize/testFiles';
import { emptySupportHole, generatedTestCheck } from '../../../../src/core/validate/generatedTests';
import { createRuntimeValidator } from '../../../../src/core/validate/runtimeLevel';
import type { AtomUnderValidation } from '../../../../src/core/validate/types';

const signal = new AbortController().signal;

const TEST = [
  'import unittest',
  'from pkg.calc import add',
  '',
  'class AddTest(unittest.TestCase):',
  '    def setUp(self) -> None:',
  '        self.base = 1',
  '',
  '    def test_adds(self) -> None:',
  '        self.assertEqual(add(self.base, 2), 3)',
  '',
  '    def test_other(self) -> None:',
  '        ...  # @atom AddTest.test_other: not written yet',
];

function target(lines: readonly string[], unit = 'AddTest.test_adds'): AtomUnderValidation {
  const text = lines.join('\n') + '\n';
  return { atomId: `T2.tests/test_calc.py#${unit}`, relPath: 'tests/test_calc.py', language: 'python', fileText: text, startLine: 9, endLine: 9, declaredSignature: null, maxLines: 10, injectedSymbols: [] };
}

describe('generated tests as level 5', function () {
  this.timeout(60_000);
  let base: string;
  let shadow: ShadowWorkspace;

  before(async () => {
    base = mkdtempSync(join(tmpdir(), 'mge-gentests-'));
    shadow = await createShadowWorkspace({ sourceRoot: base, files: [], scratchDir: join(base, 'scratch') }, signal);
    await shadow.write('pkg/__init__.py', '', signal);
    await shadow.write('tests/__init__.py', '', signal);
  });
  after(async () => {
    await shadow.dispose();
    rmSync(base, { recursive: true, force: true });
  });

  const level = (): ReturnType<typeof createRuntimeValidator> => createRuntimeValidator({ runtime: 'on', shadow, checkFor: generatedTestCheck() });

  it('knows test files by name', () => {
    assert.deepEqual(['tests/test_a.py', 'a_test.py', 'test/http.test.ts', 'src/x.spec.js', 'src/app.ts', 'testing.py'].map(isTestFile), [true, true, true, true, false, false]);
  });

  it('skips an atom outside test files, and a test while the code under test still has holes', async () => {
    const outside = await level().validate({ ...target(['x = 1']), relPath: 'pkg/other.py', atomId: 'T1.pkg/other.py#x' }, signal);
    assert.equal(outside.status, 'skipped');
    assert.match(outside.reason ?? '', /not a test file/);
    await shadow.write('pkg/calc.py', 'def add(a: int, b: int) -> int:\n    ...  # @atom add: the sum\n', signal);
    const waiting = await level().validate(target(TEST), signal);
    assert.equal(waiting.status, 'skipped');
    assert.match(waiting.reason ?? '', /pkg\/calc\.py still has empty holes/);
  });

  it('runs the test method alone once the code is complete: passes, or fails with the output on the file\'s own name', async () => {
    await shadow.write('pkg/calc.py', 'def add(a: int, b: int) -> int:\n    return a + b\n', signal);
    assert.equal((await level().validate(target(TEST), signal)).status, 'pass');
    const wrong = TEST.map((l) => l.replace('3)', '4)'));
    const failed = await level().validate(target(wrong), signal);
    assert.equal(failed.status, 'fail');
    const message = failed.messages[0]?.message ?? '';
    assert.match(message, /python3 -m unittest test_calc\.py \(AddTest\.test_adds\) exited with code 1/);
    assert.match(message, /AssertionError: 3 != 4/);
    assert.doesNotMatch(message, /mge_check/);
    assert.equal(failed.messages[0]?.line, 9);
    // The private copies are gone.
    assert.deepEqual(readdirSync(shadow.pathOf('tests')).filter((n) => n.includes('mge_check')), []);
  });

  it('waits for the class\'s setUp, not for the other tests, before running', async () => {
    const noSetUp = TEST.map((l) => (l === '        self.base = 1' ? '        ...  # @atom AddTest.setUp: the base' : l));
    assert.equal(emptySupportHole(noSetUp.join('\n'), true, 'AddTest'), 'AddTest.setUp');
    assert.equal(emptySupportHole(TEST.join('\n'), true, 'AddTest'), null);
    const skippedRun = await level().validate(target(noSetUp), signal);
    assert.equal(skippedRun.status, 'skipped');
    assert.match(skippedRun.reason ?? '', /AddTest\.setUp is still empty/);
    const js = ["import { test, before } from 'node:test';", '// @atom before: starts the server before the tests', '', "test('a', () => {", '  // @atom a: test a', '});'].join('\n');
    assert.equal(emptySupportHole(js, false), 'before');
    assert.equal(emptySupportHole(js.replace('// @atom before: starts the server before the tests', ''), false), null);
  });
});
