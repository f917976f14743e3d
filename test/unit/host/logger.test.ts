import assert from 'node:assert/strict';
import { redactSecrets } from '../../../src/host/logger';

describe('host/logger redaction', () => {
  it('masks the stored key wherever it appears', () => {
    const key = 'my-gateway-key-123456';
    assert.equal(redactSecrets(`401 for key ${key} at ${key}`, [key]), '401 for key [redacted] at [redacted]');
  });

  it('masks anything shaped like an Anthropic key even when it is not the stored one', () => {
    assert.equal(redactSecrets('got sk-ant-api03-abcdefghijkl back', []), 'got [redacted] back');
  });

  it('leaves short values alone so a one-letter key cannot shred the log', () => {
    assert.equal(redactSecrets('a b c', ['a']), 'a b c');
  });
});
