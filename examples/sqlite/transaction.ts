/**
 * @title Move a task between projects atomically in a SQLite transaction
 * @tags sqlite, transaction, atomic, better-sqlite3, consistency
 * @stack sqlite, better-sqlite3, typescript
 */
import type Database from 'better-sqlite3';

export function moveTask(db: Database.Database, taskId: number, toProjectId: number): void {
  const move = db.transaction((id: number, projectId: number) => {
    const target = db.prepare('SELECT id FROM projects WHERE id = ?').get(projectId);
    if (!target) throw new Error(`project ${projectId} does not exist`);
    const changed = db.prepare('UPDATE tasks SET project_id = ? WHERE id = ?').run(projectId, id).changes;
    if (changed !== 1) throw new Error(`task ${id} does not exist`);
    db.prepare('INSERT INTO task_events (task_id, kind) VALUES (?, ?)').run(id, 'moved');
  });
  move(taskId, toProjectId);
}
