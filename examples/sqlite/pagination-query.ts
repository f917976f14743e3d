/**
 * @title Keyset pagination query over SQLite ordered by created time and id
 * @tags sqlite, pagination, keyset, cursor, index, performance
 * @stack sqlite, better-sqlite3, typescript
 */
import type Database from 'better-sqlite3';

export interface Cursor {
  createdAt: string;
  id: number;
}

export function pageOfTasks(db: Database.Database, after: Cursor | null, limit: number): { rows: { id: number; title: string; created_at: string }[]; next: Cursor | null } {
  const rows = (after
    ? db.prepare('SELECT id, title, created_at FROM tasks WHERE (created_at, id) > (?, ?) ORDER BY created_at, id LIMIT ?').all(after.createdAt, after.id, limit)
    : db.prepare('SELECT id, title, created_at FROM tasks ORDER BY created_at, id LIMIT ?').all(limit)) as { id: number; title: string; created_at: string }[];
  const last = rows[rows.length - 1];
  return { rows, next: rows.length === limit && last ? { createdAt: last.created_at, id: last.id } : null };
}
