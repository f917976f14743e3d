/**
 * Shadow folders left behind by a process that died before dispose (crash, kill -9, closed
 * window). Each shadow holds a pid file naming its owner; a folder whose owner is no longer
 * alive is removed on the next start.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** Prefix of every shadow folder's name, so cleanup never touches anything else in the scratch folder. */
export const SHADOW_PREFIX = 'mge-shadow-';
/** The owner file inside a shadow folder. */
export const OWNER_FILE = '.mge-shadow-owner.json';

/** Who owns a shadow folder. */
export interface ShadowOwner {
  readonly pid: number;
  readonly host: string;
  readonly createdAt: number;
}

/** The owner record for this process. */
export function currentOwner(now: number): ShadowOwner {
  return { pid: process.pid, host: hostname(), createdAt: now };
}

/** Whether a process with this pid exists (EPERM: it exists but is someone else's). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err instanceof Error && 'code' in err && err.code === 'EPERM';
  }
}

/**
 * Removes the shadow folders in `scratchDir` whose owner process is gone. A folder without a
 * readable owner file is removed only once it is older than `orphanAgeMs` (it may be one being
 * created right now). Folders of other hosts (a shared temp folder) are left alone. Returns the
 * removed paths.
 */
export async function removeStaleShadows(scratchDir: string, signal: AbortSignal, orphanAgeMs = 60 * 60_000): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(scratchDir)).filter((n) => n.startsWith(SHADOW_PREFIX));
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    signal.throwIfAborted();
    const dir = join(scratchDir, name);
    if (await isStale(dir, orphanAgeMs)) {
      await rm(dir, { recursive: true, force: true });
      removed.push(dir);
    }
  }
  return removed;
}

async function isStale(dir: string, orphanAgeMs: number): Promise<boolean> {
  const owner = await readOwner(dir);
  if (owner) return owner.host === hostname() && owner.pid !== process.pid && !isAlive(owner.pid);
  const created = Number(/-(\d+)$/.exec(dir)?.[1] ?? NaN);
  return Number.isFinite(created) && Date.now() - created > orphanAgeMs;
}

async function readOwner(dir: string): Promise<ShadowOwner | null> {
  try {
    const parsed: unknown = JSON.parse(await readFile(join(dir, OWNER_FILE), 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { pid, host, createdAt } = parsed as Record<string, unknown>;
    return typeof pid === 'number' && typeof host === 'string' && typeof createdAt === 'number' ? { pid, host, createdAt } : null;
  } catch {
    return null;
  }
}
