/**
 * @title Open a SQLite database with WAL mode, foreign keys and a busy timeout
 * @tags sqlite, connection, pragma, wal, foreign keys, better-sqlite3
 * @stack sqlite, better-sqlite3, typescript
 */
import Database from 'better-sqlite3';
import { migrate } from './migrations';

export function openDatabase(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}
