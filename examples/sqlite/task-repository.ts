/**
 * @title Task repository over SQLite with better-sqlite3 prepared statements
 * @tags repository, sqlite, better-sqlite3, crud, prepared statements, tasks
 * @stack sqlite, better-sqlite3, typescript
 */
import type Database from 'better-sqlite3';

export interface TaskRow {
  id: number;
  title: string;
  done: number;
  project_id: number | null;
}

export class SqliteTaskRepository {
  constructor(private readonly db: Database.Database) {}

  findById(id: number): TaskRow | undefined {
    return this.db.prepare('SELECT id, title, done, project_id FROM tasks WHERE id = ?').get(id) as TaskRow | undefined;
  }

  listByProject(projectId: number): TaskRow[] {
    return this.db.prepare('SELECT id, title, done, project_id FROM tasks WHERE project_id = ? ORDER BY id').all(projectId) as TaskRow[];
  }

  insert(title: string, projectId: number | null): number {
    const result = this.db.prepare('INSERT INTO tasks (title, done, project_id) VALUES (?, 0, ?)').run(title, projectId);
    return Number(result.lastInsertRowid);
  }

  markDone(id: number): boolean {
    return this.db.prepare('UPDATE tasks SET done = 1 WHERE id = ?').run(id).changes === 1;
  }

  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM tasks WHERE id = ?').run(id).changes === 1;
  }
}
