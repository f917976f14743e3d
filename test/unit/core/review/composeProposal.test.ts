import assert from 'node:assert/strict';
import { composeProposal, type AtomDecision } from '../../../../src/core/review/composeProposal';
import type { FileProposal } from '../../../../src/core/ports';

const proposal: FileProposal = {
  relPath: 'src/math.ts',
  baseContent: undefined,
  content: [
    'export function add(a: number, b: number): number {',
    '  const sum = a + b;',
    '  return sum;',
    '}',
    '',
    'export function neg(a: number): number {',
    '  return -a;',
    '}',
  ].join('\n'),
  atoms: [
    { atomId: 'T1.src/math.ts#add', startLine: 2, endLine: 3, placeholder: '  // @atom add: adds' },
    { atomId: 'T1.src/math.ts#neg', startLine: 7, endLine: 7, placeholder: '  // @atom neg: negates' },
  ],
};

describe('core/review/composeProposal', () => {
  it('returns the proposal unchanged when every atom is accepted', () => {
    const composed = composeProposal(proposal, new Map());
    assert.equal(composed.content, proposal.content);
    assert.deepEqual(composed.ranges.get('T1.src/math.ts#add'), { startLine: 2, endLine: 3 });
    assert.deepEqual(composed.ranges.get('T1.src/math.ts#neg'), { startLine: 7, endLine: 7 });
  });

  it('puts the placeholder back for a rejected atom and shifts the ranges after it', () => {
    const decisions = new Map<string, AtomDecision>([['T1.src/math.ts#add', 'rejected']]);
    const composed = composeProposal(proposal, decisions);
    assert.equal(composed.content.split('\n')[1], '  // @atom add: adds');
    assert.equal(composed.content.split('\n').length, 7);
    assert.deepEqual(composed.ranges.get('T1.src/math.ts#add'), { startLine: 2, endLine: 2 });
    assert.deepEqual(composed.ranges.get('T1.src/math.ts#neg'), { startLine: 6, endLine: 6 });
    assert.equal(composed.content.split('\n')[5], '  return -a;');
  });

  it('refuses overlapping or out-of-file atom ranges instead of composing garbage', () => {
    const bad = { ...proposal, atoms: [...proposal.atoms, { atomId: 'x', startLine: 3, endLine: 4, placeholder: '' }] };
    assert.throws(() => composeProposal(bad, new Map()), /overlaps another or lies outside/);
    const outside = { ...proposal, atoms: [{ atomId: 'y', startLine: 8, endLine: 9, placeholder: '' }] };
    assert.throws(() => composeProposal(outside, new Map()), /y 8-9/);
  });
});
