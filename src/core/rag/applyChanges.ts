/** Writing a set of file changes everywhere they live: vectors, shards, memory, catalog. */
import type { CatalogData, CatalogEntry } from './catalog';
import { saveCatalog } from './catalog';
import type { EmbeddingProvider } from './embedding';
import { searchableText, type MemoryIndex } from './memoryIndex';
import type { FileChange, ShardStore } from './shardStore';
import type { StoredChunk } from './types';

/** The parts of an open index that a write touches. */
export interface IndexParts {
  readonly dir: string;
  readonly catalog: CatalogData;
  readonly memory: MemoryIndex;
  readonly store: ShardStore;
  readonly embedding: EmbeddingProvider;
}

/** A file's new content (entry without the chunk count, and its chunks), or null when it left the index. */
export type PendingChange = { readonly entry: Omit<CatalogEntry, 'chunks'>; readonly chunks: readonly StoredChunk[] } | null;

/**
 * Embeds the new chunks, writes the touched shards (one batched update each), then updates the
 * memory index and saves the catalog. The catalog goes last: after a crash in between it still
 * describes the old files, and the next pass redoes the work.
 */
export async function applyChanges(parts: IndexParts, changes: ReadonlyMap<string, PendingChange>, signal: AbortSignal): Promise<void> {
  if (changes.size === 0) return;
  const texts: string[] = [];
  for (const change of changes.values()) if (change) for (const chunk of change.chunks) texts.push(searchableText(chunk));
  const vectors = await parts.embedding.embed(texts, signal);
  const files = new Map<string, FileChange>();
  let at = 0;
  for (const [key, change] of changes) {
    if (!change) {
      files.set(key, null);
      continue;
    }
    files.set(key, { chunks: change.chunks, vectors: vectors.slice(at, at + change.chunks.length) });
    at += change.chunks.length;
  }
  signal.throwIfAborted();
  await parts.store.write(files, signal);
  for (const [key, file] of files) {
    const change = changes.get(key);
    if (!file || !change) {
      parts.memory.removeFile(key);
      delete parts.catalog.files[key];
    } else {
      parts.memory.setFile(key, file.chunks, file.vectors);
      parts.catalog.files[key] = { ...change.entry, chunks: file.chunks.length };
    }
  }
  await saveCatalog(parts.dir, parts.catalog);
}
