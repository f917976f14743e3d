import assert from 'node:assert/strict';
import { createChatSession, type ChatRepository, type RunLauncher } from '../../../src/host/chatSession';
import type { ChatMessage, ConversationSummary } from '../../../src/shared/protocol';

function fakeRepository(): ChatRepository & { messages: ChatMessage[] } {
  const conversations: ConversationSummary[] = [];
  const messages: ChatMessage[] = [];
  return {
    messages,
    listConversations: () => Promise.resolve([...conversations]),
    createConversation: (title) => {
      const c = { id: `c${conversations.length + 1}`, title, updatedAt: 1 };
      conversations.unshift(c);
      return Promise.resolve(c);
    },
    listMessages: () => Promise.resolve([...messages]),
    addMessage: (_id, m) => {
      const full = { ...m, id: `m${messages.length + 1}`, createdAt: 1 };
      messages.push(full);
      return Promise.resolve(full);
    },
  };
}

function fakeLauncher(): RunLauncher & { started: string[] } {
  const started: string[] = [];
  return { started, start: (request) => { started.push(request); return Promise.resolve({ status: 'started' as const, runId: `r${started.length}` }); }, stop: () => true };
}

const logger = { debug() {}, info() {}, warn() {}, error() {} };
const signal = new AbortController().signal;

describe('host/chatSession', () => {
  it('refuses an empty request and one over 100 KB without starting a run', async () => {
    const launcher = fakeLauncher();
    const chat = createChatSession({ repository: fakeRepository(), launcher, hasKey: () => Promise.resolve(true), runInfos: () => Promise.resolve([]), logger, onChanged() {} });
    assert.equal((await chat.send('   ', null, signal)).status, 'rejected');
    const huge = await chat.send('x'.repeat(100 * 1024 + 1), null, signal);
    assert.equal(huge.status, 'rejected');
    assert.match(huge.status === 'rejected' ? huge.message : '', /over 100 KB/);
    assert.deepEqual(launcher.started, []);
  });

  it('asks for a key before starting anything when none is stored', async () => {
    const launcher = fakeLauncher();
    const chat = createChatSession({ repository: fakeRepository(), launcher, hasKey: () => Promise.resolve(false), runInfos: () => Promise.resolve([]), logger, onChanged() {} });
    const result = await chat.send('build a todo CLI', null, signal);
    assert.equal(result.status, 'needs-key');
    assert.match(result.status === 'needs-key' ? result.message : '', /Set Anthropic API Key/);
    assert.deepEqual(launcher.started, []);
  });

  it('creates a conversation, starts the run and records the message with its run id', async () => {
    const repository = fakeRepository();
    const launcher = fakeLauncher();
    let changed = 0;
    const chat = createChatSession({ repository, launcher, hasKey: () => Promise.resolve(true), runInfos: () => Promise.resolve([]), logger, onChanged: () => { changed++; } });
    const result = await chat.send('  build a todo CLI  ', null, signal);
    assert.deepEqual(result, { status: 'started', conversationId: 'c1', runId: 'r1' });
    assert.deepEqual(launcher.started, ['build a todo CLI']);
    assert.equal(repository.messages[0].runId, 'r1');
    assert.equal(changed, 1);
    const snapshot = await chat.snapshot(signal);
    assert.equal(snapshot.activeConversationId, 'c1');
    assert.equal(snapshot.conversations[0].title, 'build a todo CLI');
  });

  it('keeps a new, empty conversation selected until a message starts it', async () => {
    const repository = fakeRepository();
    const chat = createChatSession({ repository, launcher: fakeLauncher(), hasKey: () => Promise.resolve(true), runInfos: () => Promise.resolve([]), logger, onChanged() {} });
    await chat.send('first request', null, signal);
    chat.select(null);
    assert.equal((await chat.snapshot(signal)).activeConversationId, null);
    chat.select('c1');
    assert.equal((await chat.snapshot(signal)).activeConversationId, 'c1');
  });
});
