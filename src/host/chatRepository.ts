import type { StoreDatabase } from '../core/store/database';
import { addMessage, createConversation, listConversations, listMessages } from '../core/store/conversations';
import type { ChatRepository } from './chatSession';

/** The chat's conversations and messages in the workspace database. */
export function createSqlChatRepository(db: () => Promise<StoreDatabase>, now: () => number): ChatRepository {
  return {
    async listConversations() {
      return listConversations(await db()).map((c) => ({ id: c.id, title: c.title, updatedAt: c.updatedAt }));
    },
    async createConversation(title) {
      const c = createConversation(await db(), title, now());
      return { id: c.id, title: c.title, updatedAt: c.updatedAt };
    },
    async listMessages(conversationId) {
      return listMessages(await db(), conversationId).map((m) => ({
        id: String(m.id), role: m.role, text: m.content, createdAt: m.createdAt, runId: m.runId,
      }));
    },
    async addMessage(conversationId, message) {
      const store = await db();
      const createdAt = now();
      addMessage(store, conversationId, message.role, message.text, message.runId, createdAt);
      await store.flushNow();
      const last = listMessages(store, conversationId).at(-1);
      return { ...message, id: String(last?.id ?? createdAt), createdAt };
    },
  };
}
