import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../../src/core/store/database';
import { MIGRATIONS, schemaVersion } from '../../../../src/core/store/migrations';
import { loadSqlJs } from '../../../../src/core/store/wasm';
import { capturingLogger } from '../testDoubles';

describe('store/database', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mge-db-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a fresh file at the latest schema and keeps data across reopen', async () => {
    const path = join(dir, '.mge', 'mge.db');
    const db = await openDatabase({ path, logger: capturingLogger() });
    assert.equal(db.openReport.toVersion, MIGRATIONS.length);
    assert.ok(existsSync(path), 'a fresh database is written at once');
    db.run('INSERT INTO conversations (id, title, created_at, updated_at) VALUES (?, ?, 1, 1)', ['c1', 'hello']);
    await db.close();
    const again = await openDatabase({ path, logger: capturingLogger() });
    assert.equal(again.get('SELECT title FROM conversations WHERE id = ?', ['c1'])?.title, 'hello');
    assert.equal(again.openReport.fromVersion, MIGRATIONS.length);
    await again.close();
  });

  it('upgrades a database made at migration 1 and keeps its rows', async () => {
    const path = join(dir, 'old.db');
    const old = await openDatabase({ path, logger: capturingLogger(), migrations: MIGRATIONS.slice(0, 1) });
    old.run(`INSERT INTO runs (id, kind, engine, request, workspace_root, model, status, created_at, updated_at)
             VALUES ('run-old', 'plan', 'v2', 'old request', '/ws', 'm', 'done', 1, 1)`);
    await old.close();
    const logger = capturingLogger();
    const db = await openDatabase({ path, logger });
    assert.deepEqual({ from: db.openReport.fromVersion, to: db.openReport.toVersion }, { from: 1, to: MIGRATIONS.length });
    assert.equal(db.get(`SELECT request FROM runs WHERE id = 'run-old'`)?.request, 'old request');
    for (const table of ['discovery_documents', 'masterplans', 'tasks', 'llm_calls', 'response_cache']) {
      assert.ok(db.get(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?`, [table]), `${table} exists`);
    }
    assert.ok(logger.lines.some((l) => l.message.includes('upgraded from schema 1')));
    await db.close();
    // The upgrade itself was saved: the file on disk is at the latest version.
    const SQL = await loadSqlJs();
    const raw = new SQL.Database(readFileSync(path));
    assert.equal(schemaVersion(raw), MIGRATIONS.length);
    raw.close();
  });

  it('applies each migration once', async () => {
    const path = join(dir, 'twice.db');
    await (await openDatabase({ path, logger: capturingLogger() })).close();
    // Reopening would fail with "table already exists" if a migration ran again.
    const db = await openDatabase({ path, logger: capturingLogger() });
    assert.equal(db.openReport.fromVersion, db.openReport.toVersion);
    await db.close();
  });

  it('moves a corrupt file aside with a clear message and starts fresh', async () => {
    const path = join(dir, 'mge.db');
    writeFileSync(path, 'this is not a database, it is a grocery list');
    const logger = capturingLogger();
    const db = await openDatabase({ path, logger });
    const aside = db.openReport.corruptMovedTo;
    assert.ok(aside && aside.startsWith(`${path}.corrupt-`));
    assert.equal(readFileSync(aside, 'utf8'), 'this is not a database, it is a grocery list');
    const error = logger.lines.find((l) => l.level === 'error');
    assert.match(error?.message ?? '', /not a readable SQLite file.*moved to/);
    assert.equal(db.get('SELECT COUNT(*) AS n FROM runs')?.n, 0);
    await db.close();
  });

  it('treats a truncated SQLite file as corrupt, not as empty', async () => {
    const path = join(dir, 'mge.db');
    const good = await openDatabase({ path, logger: capturingLogger() });
    for (let i = 0; i < 200; i++) good.run('INSERT INTO conversations (id, title, created_at, updated_at) VALUES (?, ?, 1, 1)', [`c${i}`, 'x'.repeat(500)]);
    await good.close();
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const db = await openDatabase({ path, logger: capturingLogger() });
    assert.ok(db.openReport.corruptMovedTo);
    await db.close();
    assert.equal(readdirSync(dir).filter((f) => f.includes('.corrupt-')).length, 1);
  });

  it('refuses a database newer than the code', async () => {
    const path = join(dir, 'new.db');
    const db = await openDatabase({ path, logger: capturingLogger() });
    db.run(`PRAGMA user_version = ${MIGRATIONS.length + 5}`);
    await db.close();
    await assert.rejects(openDatabase({ path, logger: capturingLogger() }), (err: Error & { code?: string }) => err.code === 'db-newer');
  });

  it('lets one writer hold the file; readers open without the lock', async () => {
    const path = join(dir, 'mge.db');
    const writer = await openDatabase({ path, logger: capturingLogger() });
    await assert.rejects(openDatabase({ path, logger: capturingLogger() }), (err: Error & { code?: string }) => err.code === 'db-locked');
    const reader = await openDatabase({ path, logger: capturingLogger(), readOnly: true });
    assert.equal(reader.get('SELECT COUNT(*) AS n FROM runs')?.n, 0);
    await reader.close();
    await writer.close();
    assert.ok(!existsSync(`${path}.lock`), 'lock released on close');
  });

  it('takes over a lock left by a dead process', async () => {
    const path = join(dir, 'mge.db');
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: 2_147_000_000, host: (await import('node:os')).hostname(), since: 'then' }));
    const db = await openDatabase({ path, logger: capturingLogger() });
    assert.equal((JSON.parse(readFileSync(`${path}.lock`, 'utf8')) as { pid: number }).pid, process.pid);
    await db.close();
  });

  it('debounces saves and flushes on demand', async () => {
    const path = join(dir, 'mge.db');
    const db = await openDatabase({ path, logger: capturingLogger(), debounceMs: 50 });
    const before = readFileSync(path);
    db.run('INSERT INTO conversations (id, title, created_at, updated_at) VALUES (?, ?, 1, 1)', ['c1', 't']);
    assert.deepEqual(readFileSync(path), before, 'not written synchronously');
    await new Promise((r) => setTimeout(r, 150));
    assert.notDeepEqual(readFileSync(path), before, 'written after the quiet period');
    db.run('INSERT INTO conversations (id, title, created_at, updated_at) VALUES (?, ?, 1, 1)', ['c2', 't']);
    await db.flushNow();
    const reader = await openDatabase({ path, logger: capturingLogger(), readOnly: true });
    assert.equal(reader.get('SELECT COUNT(*) AS n FROM conversations')?.n, 2);
    await reader.close();
    await db.close();
  });

  it('rolls back a failed transaction and never exports inside one', async () => {
    const db = await openDatabase({ path: join(dir, 'mge.db'), logger: capturingLogger() });
    assert.throws(() =>
      db.transaction(() => {
        db.run('INSERT INTO conversations (id, title, created_at, updated_at) VALUES (?, ?, 1, 1)', ['c1', 't']);
        throw new Error('boom');
      }),
    );
    assert.equal(db.get('SELECT COUNT(*) AS n FROM conversations')?.n, 0);
    let flushed: Promise<void> | undefined;
    db.transaction(() => {
      db.run('INSERT INTO conversations (id, title, created_at, updated_at) VALUES (?, ?, 1, 1)', ['c2', 't']);
      flushed = db.flushNow(); // deferred: export() would throw here
    });
    await flushed;
    await db.close();
  });
});
