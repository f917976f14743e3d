/**
 * Replacing a workspace file so a kill at any instant leaves the old file or the new one: a temp
 * file beside it, fsync, rename over it, fsync the folder. Unlike the database's writer this keeps
 * an existing file's mode and gives new files the usual 0666 & ~umask, since these are the user's
 * source files, not private state.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Write `text` to `path` atomically (the parent folder must exist). */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const mode = await stat(path).then((s) => s.mode & 0o7777, () => 0o666);
  const tmp = join(dirname(path), `.${basename(path)}.mge-${process.pid}-${randomBytes(3).toString('hex')}.tmp`);
  // 'wx': never follow or reuse something already at the temp name.
  const handle = await open(tmp, 'wx', mode);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
    await handle.close();
    await rename(tmp, path);
  } catch (err) {
    await handle.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  await syncDir(dirname(path));
}

/** Make the rename durable; some platforms and file systems refuse fsync on a folder. */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}
