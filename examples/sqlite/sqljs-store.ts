/**
 * @title In-process SQLite with sql.js (WebAssembly): run queries and export to a file
 * @tags sqlite, sql.js, wasm, in-memory database, export
 * @stack sqlite, sql.js, typescript
 */
import initSqlJs, { type Database } from 'sql.js';
import { readFile, writeFile } from 'node:fs/promises';

export async function openSqlJs(path: string | null): Promise<Database> {
  const SQL = await initSqlJs();
  const bytes = path ? await readFile(path).catch(() => null) : null;
  return bytes ? new SQL.Database(bytes) : new SQL.Database();
}

export function countTasks(db: Database, done: boolean): number {
  const stmt = db.prepare('SELECT COUNT(*) AS n FROM tasks WHERE done = ?');
  try {
    stmt.bind([done ? 1 : 0]);
    stmt.step();
    return Number(stmt.getAsObject().n);
  } finally {
    stmt.free();
  }
}

export async function save(db: Database, path: string): Promise<void> {
  await writeFile(path, db.export());
}
