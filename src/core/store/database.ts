/**
 * The one sql.js database of a workspace: open (with lock, corruption check and migrations),
 * debounced atomic saves, immediate saves where resume depends on them, and close. sql.js keeps
 * the whole database in memory; the file on disk is replaced whole on every save.
 */
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BindParams, Database, SqlValue } from 'sql.js';
import type { Logger } from '../ports';
import { atomicWriteFile } from './atomicWrite';
import { StoreError } from './errors';
import { acquireLock, type HeldLock } from './lockFile';
import { migrate, MIGRATIONS, type Migration } from './migrations';
import { loadSqlJs } from './wasm';

/** A result row, column name to value. */
export type Row = Record<string, SqlValue>;

export interface OpenDatabaseOptions {
  /** Database file; null keeps it in memory only (tests, dry runs). */
  readonly path: string | null;
  readonly logger: Logger;
  /** Open without the writer lock and never save (e.g. `mge status` while a run is going). */
  readonly readOnly?: boolean;
  /** Quiet period before a scheduled save, ms. */
  readonly debounceMs?: number;
  /** Override the migration list (tests build databases at older versions with it). */
  readonly migrations?: readonly Migration[];
  readonly wasmPath?: string;
}

/** What happened while opening: schema upgrade, corrupt file moved aside. */
export interface OpenReport {
  readonly fromVersion: number;
  readonly toVersion: number;
  /** Where an unreadable file was moved, when that happened. */
  readonly corruptMovedTo: string | null;
}

/** An open database. Writes are synchronous in memory; saving to disk is asynchronous. */
export interface StoreDatabase {
  readonly path: string | null;
  readonly readOnly: boolean;
  readonly openReport: OpenReport;
  /** Run a statement that changes data; schedules a debounced save. */
  run(sql: string, params?: BindParams): void;
  all(sql: string, params?: BindParams): Row[];
  get(sql: string, params?: BindParams): Row | undefined;
  /** Run `fn` in one transaction (synchronous, so no save can start inside it). */
  transaction<T>(fn: () => T): T;
  /** Save now (waits for any save in flight); a no-op when nothing changed. */
  flushNow(): Promise<void>;
  /** Save, release the lock, free the memory. Safe to call twice. */
  close(): Promise<void>;
}

const SQLITE_HEADER = 'SQLite format 3\0';

/** Open (or create) the database at `options.path`, upgrading its schema to the latest migration. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<StoreDatabase> {
  const SQL = await loadSqlJs(options.wasmPath);
  const { path, logger } = options;
  const readOnly = options.readOnly ?? false;
  let lock: HeldLock | undefined;
  if (path && !readOnly) {
    mkdirSync(dirname(path), { recursive: true });
    lock = acquireLock(path);
  }
  try {
    const { db, corruptMovedTo } = loadOrCreate(SQL.Database, path, readOnly, logger);
    db.exec('PRAGMA foreign_keys = ON');
    const { from, to } = migrate(db, options.migrations ?? MIGRATIONS);
    if (from !== to) logger.info(`MGE database ${path ?? ':memory:'} upgraded from schema ${from} to ${to}`);
    // An upgrade or a fresh file must reach the disk before anything relies on it.
    const mustSave = path !== null && !readOnly && (from !== to || corruptMovedTo !== null || !existsSync(path));
    const config = { path, readOnly, logger, lock, debounceMs: options.debounceMs ?? 300, dirty: mustSave };
    const store = wrap(db, config, { fromVersion: from, toVersion: to, corruptMovedTo });
    if (mustSave) await store.flushNow();
    return store;
  } catch (err) {
    lock?.release();
    throw err;
  }
}

type DatabaseCtor = new (data?: ArrayLike<number> | Buffer | null) => Database;

function loadOrCreate(Ctor: DatabaseCtor, path: string | null, readOnly: boolean, logger: Logger): { db: Database; corruptMovedTo: string | null } {
  if (!path || !existsSync(path)) return { db: new Ctor(), corruptMovedTo: null };
  const bytes = readFileSync(path);
  const problem = checkReadable(Ctor, bytes);
  if (problem.db) return { db: problem.db, corruptMovedTo: null };
  if (readOnly) throw new StoreError('db-write', `The MGE database ${path} is not readable (${problem.reason}).`);
  const aside = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  renameSync(path, aside);
  logger.error(`The MGE database ${path} is not a readable SQLite file (${problem.reason}). It was moved to ${aside} and a fresh database was started; the old file is kept for inspection.`);
  return { db: new Ctor(), corruptMovedTo: aside };
}

function checkReadable(Ctor: DatabaseCtor, bytes: Buffer): { db: Database; reason?: undefined } | { db?: undefined; reason: string } {
  if (bytes.length < 100 || bytes.subarray(0, 16).toString('latin1') !== SQLITE_HEADER) {
    return { reason: bytes.length === 0 ? 'the file is empty' : 'no SQLite header' };
  }
  let db: Database | undefined;
  try {
    db = new Ctor(bytes);
    const check = db.exec('PRAGMA quick_check(1)')[0]?.values[0]?.[0];
    if (check !== 'ok') throw new Error(String(check));
    return { db };
  } catch (err) {
    db?.close();
    return { reason: err instanceof Error ? err.message : String(err) };
  }
}

interface WrapConfig {
  readonly path: string | null;
  readonly readOnly: boolean;
  readonly logger: Logger;
  readonly lock: HeldLock | undefined;
  readonly debounceMs: number;
  readonly dirty: boolean;
}

function wrap(db: Database, cfg: WrapConfig, openReport: OpenReport): StoreDatabase {
  let dirty = cfg.dirty;
  let txDepth = 0;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let writes: Promise<void> = Promise.resolve();

  const ensureOpen = (): void => {
    if (closed) throw new StoreError('db-closed', 'The MGE database is closed.');
  };
  const schedule = (): void => {
    if (!cfg.path || cfg.readOnly || timer || txDepth > 0) return;
    timer = setTimeout(() => {
      timer = undefined;
      flushNow().catch((err: unknown) => cfg.logger.error(`Saving the MGE database failed: ${String(err)}`));
    }, cfg.debounceMs);
  };
  const flushNow = async (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!cfg.path || cfg.readOnly || closed) return writes;
    // export() throws inside an open transaction; transactions are synchronous, so this only
    // happens if a caller flushes from inside one: the commit will schedule the save instead.
    if (txDepth > 0 || !dirty) return writes;
    dirty = false;
    const data = db.export();
    const target = cfg.path;
    writes = writes
      .catch(() => undefined)
      .then(() => atomicWriteFile(target, data))
      .catch((err: unknown) => {
        dirty = true;
        throw new StoreError('db-write', `Could not save the MGE database to ${target}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      });
    return writes;
  };
  const select = (sql: string, params?: BindParams): Row[] => {
    ensureOpen();
    const stmt = db.prepare(sql, params);
    try {
      const rows: Row[] = [];
      while (stmt.step()) rows.push(stmt.getAsObject());
      return rows;
    } finally {
      stmt.free();
    }
  };

  return {
    path: cfg.path,
    readOnly: cfg.readOnly,
    openReport,
    run(sql, params) {
      ensureOpen();
      db.run(sql, params);
      dirty = true;
      schedule();
    },
    all: select,
    get: (sql, params) => select(sql, params)[0],
    transaction(fn) {
      ensureOpen();
      const savepoint = `sp${txDepth}`;
      db.exec(`SAVEPOINT ${savepoint}`);
      txDepth++;
      try {
        const result = fn();
        if (result instanceof Promise) throw new TypeError('transaction() takes a synchronous function');
        txDepth--;
        db.exec(`RELEASE ${savepoint}`);
        dirty = true;
        schedule();
        return result;
      } catch (err) {
        txDepth--;
        db.exec(`ROLLBACK TO ${savepoint}; RELEASE ${savepoint}`);
        throw err;
      }
    },
    flushNow,
    async close() {
      if (closed) return;
      try {
        await flushNow();
      } finally {
        closed = true;
        db.close();
        cfg.lock?.release();
      }
    },
  };
}
