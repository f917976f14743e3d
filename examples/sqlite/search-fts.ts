/**
 * @title Full-text search over notes with an SQLite FTS5 virtual table
 * @tags sqlite, full-text search, fts5, search, ranking, bm25
 * @stack sqlite, better-sqlite3, typescript
 */
import type Database from 'better-sqlite3';

export function createNotesIndex(db: Database.Database): void {
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS notes_fts USING fts5(title, body, content='notes', content_rowid='id')`);
  db.exec(`INSERT INTO notes_fts(notes_fts) VALUES ('rebuild')`);
}

export function searchNotes(db: Database.Database, query: string, limit = 20): { id: number; title: string; snippet: string }[] {
  return db
    .prepare(
      `SELECT rowid AS id, title, snippet(notes_fts, 1, '[', ']', '...', 12) AS snippet
       FROM notes_fts WHERE notes_fts MATCH ? ORDER BY bm25(notes_fts) LIMIT ?`,
    )
    .all(query, limit) as { id: number; title: string; snippet: string }[];
}
