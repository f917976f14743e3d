import assert from 'node:assert/strict';
import { atomHeader, atomIdOf, HOLE_MARKER_PATTERN, parseHeader, skeletonHeader, v1TaskHeader } from '../../../../src/core/atomize/contract';

describe('core/atomize/contract', () => {
  it('reads back every header kind, including paths with spaces, commas and equals signs', () => {
    const paths = ['src/a b.ts', 'src/x,y=z.ts'];
    assert.deepEqual(parseHeader(`intro\n${skeletonHeader('T1', paths)}\nmore`), { kind: 'skeleton', taskId: 'T1', paths });
    assert.deepEqual(parseHeader(v1TaskHeader('T2', paths)), { kind: 'v1task', taskId: 'T2', paths });
    const atomId = atomIdOf('T3', 'src/a b.ts', 'createTask');
    assert.deepEqual(parseHeader(atomHeader({ atomId, taskId: 'T3', path: 'src/a b.ts', unit: 'createTask', attempt: 2 })), {
      kind: 'atom', atomId, taskId: 'T3', path: 'src/a b.ts', unit: 'createTask', attempt: 2,
    });
  });

  it('finds no header in ordinary prose', () => {
    assert.equal(parseHeader('ATOMIC design is nice\nSKELETONS in the closet'), null);
  });

  it('recognises hole markers in TS and Python comments', () => {
    assert.deepEqual('  // @atom createTask: inserts a task'.match(HOLE_MARKER_PATTERN)?.slice(1), ['createTask', 'inserts a task']);
    assert.deepEqual('    ...  # @atom Repo.add: stores it'.match(HOLE_MARKER_PATTERN)?.slice(1), ['Repo.add', 'stores it']);
    assert.equal('// @atomic thing'.match(HOLE_MARKER_PATTERN), null);
  });
});
