import assert from 'node:assert/strict';
import { envelopeSchema, findRequest, HostNotifications, Requests } from '../../../src/shared/protocol';

describe('shared/protocol', () => {
  it('declares each method name once', () => {
    const names = [...Object.values(Requests), ...Object.values(HostNotifications)].map((t) => t.method);
    assert.equal(new Set(names).size, names.length);
    for (const name of names) assert.match(name, /^[a-z]+\/[a-zA-Z]+$/);
  });

  it('finds request types by method and nothing for an unknown method', () => {
    assert.equal(findRequest('settings/get'), Requests.getSettings);
    assert.equal(findRequest('settings/set'), undefined);
  });

  it('rejects envelopes that do not fit and params that break a method schema', () => {
    assert.equal(envelopeSchema.safeParse({ kind: 'request', method: 'x' }).success, false);
    assert.equal(envelopeSchema.safeParse({ kind: 'bogus', id: 1 }).success, false);
    assert.equal(envelopeSchema.safeParse({ kind: 'request', id: 1, method: 'chat/send', params: {} }).success, true);
    assert.equal(Requests.sendMessage.params.safeParse({ text: 'hi' }).success, false);
    assert.equal(Requests.sendMessage.params.safeParse({ text: 'hi', conversationId: null, extra: 1 }).success, false);
    assert.equal(Requests.sendMessage.params.safeParse({ text: 'hi', conversationId: null }).success, true);
  });

  it('validates run events on arrival, refusing unknown event types', () => {
    const ok = HostNotifications.runEvent.params.safeParse({ event: { type: 'llm/pause', runId: 'r', reason: 'rate-limit', secondsLeft: 3, message: 'm' } });
    assert.equal(ok.success, true);
    const bad = HostNotifications.runEvent.params.safeParse({ event: { type: 'llm/explode', runId: 'r' } });
    assert.equal(bad.success, false);
  });
});
