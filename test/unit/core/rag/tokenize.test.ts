import assert from 'node:assert/strict';
import { PAIR, tokenize } from '../../../../src/core/rag/tokenize';

describe('rag tokenize', () => {
  it('splits identifiers, stems the parts and keeps the whole name', () => {
    assert.deepEqual(tokenize('getUserById'), ['user', 'id', '#getuserbyid', `${PAIR}getuser`, `${PAIR}userby`]);
  });

  it('adds adjacent part pairs only for names of three parts or more', () => {
    assert.ok(tokenize('isPlainObject').includes(`${PAIR}plainobject`));
    assert.ok(tokenize('isPlainObject').includes(`${PAIR}isplain`));
    assert.equal(tokenize('parseJson').filter((t) => t.startsWith(PAIR)).length, 0, 'a two-part name is its whole token already');
  });

});
