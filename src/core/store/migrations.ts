/**
 * Numbered schema migrations. The list is append-only: a shipped migration is never edited, a
 * change is a new entry. `PRAGMA user_version` holds the number of the last applied migration;
 * each pending one runs inside its own transaction together with the version bump, so a crash
 * leaves the database at the previous version, never half-migrated.
 */
import type { Database } from 'sql.js';
import { StoreError } from './errors';

/** One schema step. `version` is its position in MIGRATIONS, starting at 1. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every migration, in order. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'conversations, messages, runs, events',
    sql: `
      CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE messages (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
        content TEXT NOT NULL,
        run_id TEXT,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX messages_by_conversation ON messages(conversation_id, id);
      CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        engine TEXT NOT NULL,
        request TEXT NOT NULL,
        workspace_root TEXT NOT NULL,
        model TEXT NOT NULL,
        conversation_id TEXT REFERENCES conversations(id) ON DELETE SET NULL,
        status TEXT NOT NULL,
        stage TEXT,
        error_code TEXT,
        error_message TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        finished_at INTEGER
      );
      CREATE INDEX runs_by_created ON runs(created_at);
      CREATE TABLE events (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        type TEXT NOT NULL,
        json TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (run_id, seq)
      );
    `,
  },
  {
    version: 2,
    name: 'discovery documents, masterplans, tasks',
    sql: `
      CREATE TABLE discovery_documents (
        id TEXT PRIMARY KEY,
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        domain TEXT NOT NULL,
        json TEXT NOT NULL,
        markdown TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX discovery_by_run ON discovery_documents(run_id);
      CREATE TABLE masterplans (
        id TEXT PRIMARY KEY,
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        discovery_id TEXT NOT NULL REFERENCES discovery_documents(id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('valid', 'invalid')),
        problems_json TEXT NOT NULL DEFAULT '[]',
        json TEXT NOT NULL,
        markdown TEXT NOT NULL,
        phases INTEGER NOT NULL,
        tasks INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX masterplans_by_run ON masterplans(run_id, status);
      CREATE TABLE tasks (
        masterplan_id TEXT NOT NULL REFERENCES masterplans(id) ON DELETE CASCADE,
        task_id TEXT NOT NULL,
        phase_id TEXT NOT NULL,
        ordinal INTEGER NOT NULL,
        json TEXT NOT NULL,
        PRIMARY KEY (masterplan_id, task_id)
      );
    `,
  },
  {
    version: 3,
    name: 'llm calls, response cache',
    sql: `
      CREATE TABLE llm_calls (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id TEXT REFERENCES runs(id) ON DELETE SET NULL,
        purpose TEXT NOT NULL,
        model TEXT NOT NULL,
        temperature REAL NOT NULL,
        input_tokens INTEGER NOT NULL,
        output_tokens INTEGER NOT NULL,
        cache_read_tokens INTEGER NOT NULL,
        cache_write_tokens INTEGER NOT NULL,
        cost_usd REAL NOT NULL,
        duration_ms INTEGER NOT NULL,
        from_cache INTEGER NOT NULL,
        prompt_hash TEXT NOT NULL,
        error_code TEXT,
        attempts INTEGER NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX llm_calls_by_run ON llm_calls(run_id);
      CREATE TABLE response_cache (
        key TEXT PRIMARY KEY,
        response_json TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        last_hit_at INTEGER,
        hits INTEGER NOT NULL DEFAULT 0
      );
    `,
  },
  {
    version: 4,
    name: 'generation: task files, atoms, attempts, proposals, applied files',
    sql: `
      CREATE TABLE gen_tasks (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        task_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('done', 'failed')),
        attempts INTEGER NOT NULL,
        failure_level TEXT,
        failure_message TEXT,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (run_id, task_id)
      );
      CREATE TABLE gen_task_files (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        task_id TEXT NOT NULL,
        path TEXT NOT NULL,
        ordinal INTEGER NOT NULL,
        content TEXT NOT NULL,
        base_content TEXT,
        PRIMARY KEY (run_id, task_id, path)
      );
      CREATE TABLE atoms (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        atom_id TEXT NOT NULL,
        task_id TEXT NOT NULL,
        path TEXT NOT NULL,
        unit TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('body', 'top-level', 'file', 'chunk')),
        signature TEXT,
        description TEXT NOT NULL,
        hole_line INTEGER NOT NULL,
        hole_text TEXT NOT NULL,
        indent TEXT NOT NULL,
        language TEXT,
        ordinal INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'running', 'passed', 'failed', 'skipped')),
        attempts INTEGER NOT NULL DEFAULT 0,
        code TEXT,
        failure_level TEXT,
        failure_message TEXT,
        duration_ms INTEGER NOT NULL DEFAULT 0,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (run_id, atom_id)
      );
      CREATE TABLE attempts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        atom_id TEXT NOT NULL,
        attempt INTEGER NOT NULL,
        model TEXT NOT NULL,
        temperature REAL NOT NULL,
        prompt_hash TEXT NOT NULL,
        input_tokens INTEGER NOT NULL,
        output_tokens INTEGER NOT NULL,
        cache_read_tokens INTEGER NOT NULL,
        cache_write_tokens INTEGER NOT NULL,
        cost_usd REAL NOT NULL,
        duration_ms INTEGER NOT NULL,
        from_cache INTEGER NOT NULL,
        passed INTEGER NOT NULL,
        failure_level TEXT,
        failure_message TEXT,
        levels_json TEXT NOT NULL,
        code TEXT,
        at INTEGER NOT NULL
      );
      CREATE INDEX attempts_by_atom ON attempts(run_id, atom_id, id);
      CREATE TABLE proposals (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('proposing', 'proposed')),
        content TEXT NOT NULL,
        base_content TEXT,
        atoms_json TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (run_id, path)
      );
      CREATE TABLE applied_files (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        content_sha256 TEXT NOT NULL,
        applied_at INTEGER NOT NULL,
        PRIMARY KEY (run_id, path)
      );
    `,
  },
  {
    version: 5,
    name: 'runs remember the planning run they were generated from',
    sql: `
      ALTER TABLE runs ADD COLUMN source_run_id TEXT REFERENCES runs(id) ON DELETE SET NULL;
      CREATE INDEX runs_by_conversation ON runs(conversation_id, created_at);
    `,
  },
  {
    version: 6,
    name: 'model calls record the retrieved context their prompt held',
    sql: `
      ALTER TABLE llm_calls ADD COLUMN context_json TEXT;
    `,
  },
  {
    version: 7,
    name: 'proposed files the user rejected and discarded at Apply',
    sql: `
      CREATE TABLE discarded_files (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        discarded_at INTEGER NOT NULL,
        PRIMARY KEY (run_id, path)
      );
    `,
  },
];

/** The schema version (user_version) of an open database. */
export function schemaVersion(db: Database): number {
  const rows = db.exec('PRAGMA user_version');
  const value = rows[0]?.values[0]?.[0];
  return typeof value === 'number' ? value : 0;
}

/**
 * Bring `db` up to the last of `migrations`, each pending step in its own transaction.
 * Returns the version before and after. Refuses a database newer than this code knows.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): { from: number; to: number } {
  checkOrdered(migrations);
  const from = schemaVersion(db);
  const latest = migrations.length;
  if (from > latest) {
    throw new StoreError('db-newer', `The database is at schema version ${from}, newer than this MGE knows (${latest}). Update MGE.`);
  }
  for (const m of migrations.slice(from)) {
    db.exec('BEGIN');
    try {
      db.exec(m.sql);
      // user_version is part of the database header, so it commits or rolls back with the step.
      db.exec(`PRAGMA user_version = ${m.version}`);
      db.exec('COMMIT');
    } catch (err) {
      db.exec('ROLLBACK');
      throw new Error(`Migration ${m.version} (${m.name}) failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
  }
  return { from, to: Math.max(from, latest) };
}

function checkOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration list out of order: entry ${i} has version ${m.version}`);
  });
}
