import assert from 'node:assert/strict';
import { tallyLevels } from '../../../../src/core/generate/levelTally';
import type { AttemptEntry } from '../../../../src/core/generate/store';
import type { LevelResult } from '../../../../src/core/validate/types';

const pass = (level: LevelResult['level']): LevelResult => ({ level, status: 'pass', messages: [] });
const skip = (level: LevelResult['level'], reason: string): LevelResult => ({ level, status: 'skipped', messages: [], reason });
const fail = (level: LevelResult['level']): LevelResult => ({ level, status: 'fail', messages: [{ message: 'boom', line: 1, column: 1 }] });

function attempt(atomId: string, n: number, levels: LevelResult[]): AttemptEntry {
  return {
    atomId, attempt: n, model: 'm', temperature: 0, promptHash: 'h', costUsd: 0, durationMs: 1, fromCache: false,
    usage: { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 },
    passed: !levels.some((l) => l.status === 'fail'), failure: null, levels, code: null,
  };
}

describe('generate/tallyLevels', () => {
  it('counts each atom once, on its last attempt, per level in level order, with the distinct skip reasons most frequent first', () => {
    const tallies = tallyLevels([
      attempt('T1#b', 2, [pass('syntax'), pass('types'), skip('runtime', 'not a test file')]),
      attempt('T1#a', 1, [pass('syntax'), skip('types', 'pyright not found'), skip('runtime', 'not a test file')]),
      // The first attempt failed at run time; the retry passed: it counts as a pass.
      attempt('T1#b', 1, [pass('syntax'), pass('types'), fail('runtime')]),
      attempt('T2#t', 1, [pass('syntax'), skip('types', 'pyright not found'), fail('runtime')]),
      attempt('T2#u', 1, [pass('syntax'), pass('types'), skip('runtime', 'the code under test is not complete yet')]),
      attempt('T3#skeleton', 1, []),
    ]);
    assert.deepEqual(tallies, [
      { level: 'syntax', pass: 4, fail: 0, skipped: 0, skipReasons: [] },
      { level: 'types', pass: 2, fail: 0, skipped: 2, skipReasons: [{ reason: 'pyright not found', atoms: 2 }] },
      { level: 'runtime', pass: 0, fail: 1, skipped: 3, skipReasons: [{ reason: 'not a test file', atoms: 2 }, { reason: 'the code under test is not complete yet', atoms: 1 }] },
    ]);
  });

  it('keeps eight reasons and counts the rest on one line', () => {
    const tallies = tallyLevels(Array.from({ length: 11 }, (_, i) => attempt(`T1#a${i}`, 1, [skip('types', `reason ${String(i).padStart(2, '0')}`)])));
    assert.deepEqual(tallies[0]?.skipReasons.map((r) => `${r.reason}: ${r.atoms}`), [
      'reason 00: 1', 'reason 01: 1', 'reason 02: 1', 'reason 03: 1', 'reason 04: 1', 'reason 05: 1', 'reason 06: 1', 'reason 07: 1', '3 other reasons: 3',
    ]);
  });
});
