/**
 * Single-writer lock beside the database file (`<db>.lock`, holding the owner's pid). sql.js keeps
 * the whole database in memory and writes it back whole, so two writers would silently drop each
 * other's changes: the second opener is refused instead. A lock left by a dead process (kill -9)
 * is taken over.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { StoreError } from './errors';

interface LockContent {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

/** A held lock; `release` removes the lock file if it is still ours. */
export interface HeldLock {
  readonly path: string;
  release(): void;
}

/** Lock files this process holds, so a second open in the same process is refused too. */
const heldHere = new Set<string>();

/** Take the lock for `dbPath` or throw StoreError('db-locked') naming the holder. */
export function acquireLock(dbPath: string): HeldLock {
  const path = `${dbPath}.lock`;
  if (heldHere.has(path)) {
    throw new StoreError('db-locked', `The database ${dbPath} is already open in this process; close it first.`);
  }
  const content: LockContent = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify(content));
      closeSync(fd);
      heldHere.add(path);
      return {
        path,
        release: () => {
          heldHere.delete(path);
          releaseIfOurs(path);
        },
      };
    } catch (err) {
      if (!isCode(err, 'EEXIST')) throw err;
      const holder = readLock(path);
      if (holder && holder.host === content.host && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new StoreError(
          'db-locked',
          `The database ${dbPath} is in use by process ${holder.pid} (since ${holder.since}). ` +
            `Wait for it to finish, or remove ${path} if that process is gone.`,
        );
      }
      if (holder && holder.host !== content.host) {
        throw new StoreError('db-locked', `The database ${dbPath} is locked by ${holder.host} (pid ${holder.pid}); remove ${path} if it is stale.`);
      }
      // Stale (dead owner, unreadable, or our pid left by an earlier process): take it over.
      try {
        unlinkSync(path);
      } catch (unlinkErr) {
        if (!isCode(unlinkErr, 'ENOENT')) throw unlinkErr;
      }
    }
  }
  throw new StoreError('db-locked', `Could not take the lock ${path}: another process keeps taking it.`);
}

function readLock(path: string): LockContent | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'pid' in parsed && typeof parsed.pid === 'number') {
      const rec = parsed as Partial<LockContent>;
      return { pid: parsed.pid, host: typeof rec.host === 'string' ? rec.host : hostname(), since: String(rec.since ?? '?') };
    }
  } catch {
    // unreadable or half-written lock: treated as stale
  }
  return undefined;
}

function releaseIfOurs(path: string): void {
  const holder = readLock(path);
  if (holder && holder.pid !== process.pid) return;
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return isCode(err, 'EPERM');
  }
}

function isCode(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === code;
}
