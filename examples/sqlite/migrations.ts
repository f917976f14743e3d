/**
 * @title Numbered schema migrations for SQLite tracked with user_version
 * @tags sqlite, migrations, schema, user_version, better-sqlite3
 * @stack sqlite, better-sqlite3, typescript
 */
import type Database from 'better-sqlite3';

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL)`,
  `CREATE TABLE projects (id INTEGER PRIMARY KEY, name TEXT NOT NULL, owner_id INTEGER NOT NULL REFERENCES users(id))`,
  `CREATE TABLE tasks (id INTEGER PRIMARY KEY, title TEXT NOT NULL, done INTEGER NOT NULL DEFAULT 0,
     project_id INTEGER REFERENCES projects(id) ON DELETE CASCADE)`,
  `CREATE INDEX tasks_by_project ON tasks(project_id)`,
];

export function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const apply = db.transaction(() => {
    for (let v = current; v < MIGRATIONS.length; v++) {
      db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
    }
  });
  apply();
  return MIGRATIONS.length - current;
}
