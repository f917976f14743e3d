/** Chat conversations and their messages (the panel's history; runs link back to them). */
import type { Role } from '../ports';
import type { StoreDatabase } from './database';
import { newId } from './ids';
import { num, str, strOrNull } from './rowValues';

export interface ConversationRecord {
  readonly id: string;
  readonly title: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface MessageRecord {
  readonly id: number;
  readonly conversationId: string;
  readonly role: Role;
  readonly content: string;
  readonly runId: string | null;
  readonly createdAt: number;
}

/** Start a conversation. */
export function createConversation(db: StoreDatabase, title: string, now: number): ConversationRecord {
  const id = newId('conv');
  db.run('INSERT INTO conversations (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)', [id, title, now, now]);
  return { id, title, createdAt: now, updatedAt: now };
}

/** Conversations, most recently active first. */
export function listConversations(db: StoreDatabase, limit = 50): ConversationRecord[] {
  return db.all('SELECT * FROM conversations ORDER BY updated_at DESC, rowid DESC LIMIT ?', [limit]).map((row) => ({
    id: str(row, 'id'),
    title: str(row, 'title'),
    createdAt: num(row, 'created_at'),
    updatedAt: num(row, 'updated_at'),
  }));
}

/** Append a message and touch the conversation. */
export function addMessage(db: StoreDatabase, conversationId: string, role: Role, content: string, runId: string | null, now: number): void {
  db.transaction(() => {
    db.run('INSERT INTO messages (conversation_id, role, content, run_id, created_at) VALUES (?, ?, ?, ?, ?)', [conversationId, role, content, runId, now]);
    db.run('UPDATE conversations SET updated_at = ? WHERE id = ?', [now, conversationId]);
  });
}

/** Messages of a conversation in order. */
export function listMessages(db: StoreDatabase, conversationId: string): MessageRecord[] {
  return db.all('SELECT * FROM messages WHERE conversation_id = ? ORDER BY id', [conversationId]).map((row) => ({
    id: num(row, 'id'),
    conversationId,
    role: str(row, 'role') === 'assistant' ? 'assistant' : 'user',
    content: str(row, 'content'),
    runId: strOrNull(row, 'run_id'),
    createdAt: num(row, 'created_at'),
  }));
}
