import assert from 'node:assert/strict';
import { EARLIER_LEVEL_FAILED, reportFailures, validateAtom } from '../../../../src/core/validate/validateAtom';
import type { LevelResult, ValidationLevel, Validator } from '../../../../src/core/validate/types';
import { atom, noAbort, structural } from './validateHelper';

function fake(level: ValidationLevel, result: Partial<LevelResult> | Error, calls: ValidationLevel[]): Validator {
  return {
    level,
    validate: async () => {
      calls.push(level);
      await Promise.resolve();
      if (result instanceof Error) throw result;
      return { level, status: 'pass', messages: [], ...result };
    },
  };
}

describe('validateAtom', () => {
  const target = atom('typescript', ['export const x = 1;']);

  it('runs levels cheapest first whatever order they come in', async () => {
    const calls: ValidationLevel[] = [];
    const report = await validateAtom(
      [fake('runtime', {}, calls), fake('atomicity', {}, calls), fake('syntax', {}, calls), fake('types', {}, calls), fake('semantics', {}, calls)],
      target, noAbort);
    assert.deepEqual(calls, ['syntax', 'semantics', 'atomicity', 'types', 'runtime']);
    assert.equal(report.passed, true);
    assert.equal(report.firstFailure, null);
    assert.deepEqual(report.results.map((r) => r.level), calls);
  });

  it('stops at the first failure and reports the later levels as skipped', async () => {
    const calls: ValidationLevel[] = [];
    const failing = { status: 'fail' as const, messages: [{ message: '`y` is not defined', line: 3, column: 7 }] };
    const report = await validateAtom([fake('syntax', {}, calls), fake('semantics', failing, calls), fake('atomicity', {}, calls), fake('types', {}, calls)], target, noAbort);
    assert.deepEqual(calls, ['syntax', 'semantics']);
    assert.equal(report.passed, false);
    assert.equal(report.firstFailure?.level, 'semantics');
    assert.deepEqual(report.results.map((r) => [r.level, r.status, r.reason]), [
      ['syntax', 'pass', undefined], ['semantics', 'fail', undefined],
      ['atomicity', 'skipped', EARLIER_LEVEL_FAILED], ['types', 'skipped', EARLIER_LEVEL_FAILED],
    ]);
    assert.deepEqual(reportFailures(report), [{ level: 'semantics', message: 'line 3:7: `y` is not defined' }]);
  });

  it('keeps going past a skipped level: skipping is not failing', async () => {
    const calls: ValidationLevel[] = [];
    const report = await validateAtom([fake('types', { status: 'skipped', reason: 'server did not start' }, calls), fake('runtime', {}, calls)], target, noAbort);
    assert.deepEqual(calls, ['types', 'runtime']);
    assert.equal(report.passed, true);
  });

  it('turns a crashing level into a visible skip, not a pass or a failure', async () => {
    const report = await validateAtom([fake('types', new Error('tsserver exploded'), [])], target, noAbort);
    assert.equal(report.results[0]?.status, 'skipped');
    assert.match(report.results[0]?.reason ?? '', /types check crashed: tsserver exploded/);
  });

  it('throws when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(validateAtom(structural().validators, target, controller.signal), { name: 'AbortError' });
  });

  it('passes a good TypeScript atom through the real levels 1-3', async () => {
    const good = atom('typescript', [
      "import { readFile } from 'node:fs/promises';",
      '',
      '/** Reads a JSON file. */',
      'export async function readJson(path: string): Promise<unknown> {',
      "  const text = await readFile(path, 'utf8');",
      '  return JSON.parse(text);',
      '}',
    ], { startLine: 3, endLine: 7, declaredSignature: 'export async function readJson(path: string): Promise<unknown>' });
    const report = await validateAtom(structural().validators, good, noAbort);
    assert.deepEqual(report.results.map((r) => `${r.level}:${r.status}`), ['syntax:pass', 'semantics:pass', 'atomicity:pass']);
  });
});
