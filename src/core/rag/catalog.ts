/**
 * The catalog: what was indexed, from which folders, with each file's size, mtime and content
 * hash, so a later pass re-reads only files whose size or mtime moved and re-indexes only those
 * whose hash changed. It also pins the embedding and chunker: a change to either rebuilds.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { atomicWriteFile } from '../store/atomicWrite';
import type { ChunkSource } from './types';

/** One indexed file. */
export interface CatalogEntry {
  readonly hash: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly chunks: number;
}

/** A folder tree the index covers: the workspace, the shipped examples, or a user's examples folder. */
export interface IndexRoot {
  /** Prefix of this root's file keys: 'workspace', 'examples', 'examples:<label>'. */
  readonly id: string;
  readonly source: ChunkSource;
  /** Absolute folder. */
  readonly dir: string;
  /** Prefix of shown paths ('' for the workspace, so paths stay workspace-relative). */
  readonly label: string;
}

/** Everything in catalog.json. */
export interface CatalogData {
  readonly version: 1;
  /** EmbeddingProvider.id, its dimensions, the chunker version and the shard count the index was built with. */
  readonly build: string;
  readonly roots: Record<string, IndexRoot>;
  /** Keyed by `${root.id}\u0000${relPath}`. */
  readonly files: Record<string, CatalogEntry>;
}

/** The file key of a path under a root. */
export function fileKey(rootId: string, relPath: string): string {
  return `${rootId}\u0000${relPath}`;
}

/** The root id and relative path of a file key. */
export function splitFileKey(key: string): { rootId: string; relPath: string } {
  const at = key.indexOf('\u0000');
  return { rootId: key.slice(0, at), relPath: key.slice(at + 1) };
}

/** The catalog in `dir`, or an empty one when missing, unreadable or built differently. */
export async function loadCatalog(dir: string, build: string): Promise<CatalogData> {
  try {
    const data = JSON.parse(await readFile(join(dir, 'catalog.json'), 'utf8')) as CatalogData;
    if (data.version === 1 && data.build === build && data.files && data.roots) return data;
  } catch {
    // missing or torn: start over, the shards are rebuilt from the files
  }
  return { version: 1, build, roots: {}, files: {} };
}

/** Writes the catalog atomically (a crash leaves the old or the new one). */
export async function saveCatalog(dir: string, data: CatalogData): Promise<void> {
  await atomicWriteFile(join(dir, 'catalog.json'), Buffer.from(JSON.stringify(data)));
}
