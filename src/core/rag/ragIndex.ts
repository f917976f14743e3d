/**
 * The RAG index of one workspace: opened from its folder (beside the database), searched in
 * memory, kept fresh by indexing passes that run one at a time. It is the core's VectorIndex.
 */
import { mkdir } from 'node:fs/promises';
import type { MultiLanguageParser } from '../parse/multiLanguageParser';
import type { Logger, RetrievedChunk, VectorIndex } from '../ports';
import type { IndexParts } from './applyChanges';
import { loadCatalog, splitFileKey, type IndexRoot } from './catalog';
import { DEFAULT_CHUNK_OPTIONS, type ChunkOptions } from './chunker';
import { createHashedEmbeddingProvider, type EmbeddingProvider } from './embedding';
import { DEFAULT_MAX_FILE_BYTES } from './fileFilter';
import type { ReadOptions } from './fileChunks';
import type { FusionMode } from './hybrid';
import { createMemoryIndex } from './memoryIndex';
import { createShardStore } from './shardStore';
import { syncRoot, updatePaths } from './syncRoot';
import type { ChunkSource, IndexProgress, IndexReport, StoredChunk } from './types';

/** How to open an index. Only `dir` and `parser` are required. */
export interface RagIndexOptions {
  /** The index folder: `<dir of mge.db>/index`. */
  readonly dir: string;
  readonly parser: MultiLanguageParser;
  /** Default: the offline hashed sub-token embedding. */
  readonly embedding?: EmbeddingProvider;
  readonly logger?: Logger;
  /** Files larger than this are skipped (default 256 KiB). */
  readonly maxFileBytes?: number;
  /** vectra files the chunks are spread over (default 64). Changing it rebuilds the index. */
  readonly shards?: number;
  /** How keyword and vector rankings are fused (default 'weighted': it beat 'rrf' on both labeled sets). */
  readonly fusion?: FusionMode;
  readonly chunkOptions?: ChunkOptions;
}

/** Narrowing a search. */
export interface SearchOptions {
  readonly mode?: FusionMode;
  readonly source?: ChunkSource;
}

/** Size of an open index. */
export interface RagIndexStats {
  readonly files: number;
  readonly chunks: number;
  readonly roots: readonly IndexRoot[];
}

/** An open index. Searches run at any time; indexing passes queue behind each other. */
export interface RagIndex extends VectorIndex {
  readonly dir: string;
  /** Indexes (or refreshes) every file under `root`, reporting progress. */
  sync(root: IndexRoot, onProgress: (p: IndexProgress) => void, signal: AbortSignal): Promise<IndexReport>;
  /** Re-indexes the given paths of an already-synced root (created, changed or deleted files). */
  updateFiles(rootId: string, relPaths: readonly string[], signal: AbortSignal): Promise<IndexReport>;
  searchWith(query: string, k: number, options: SearchOptions, signal: AbortSignal): Promise<RetrievedChunk[]>;
  stats(): RagIndexStats;
}

// Bumped whenever chunks or their stored form change: an index built differently is rebuilt.
const CHUNKER_VERSION = 'chunker-v3-q8';

/** Opens the index in `options.dir` (creating it), loading every stored chunk into memory. */
export async function openRagIndex(options: RagIndexOptions, signal: AbortSignal): Promise<RagIndex> {
  const embedding = options.embedding ?? createHashedEmbeddingProvider();
  const shards = options.shards ?? 64;
  const build = `${embedding.id}/${embedding.dimensions}/${CHUNKER_VERSION}/shards-${shards}`;
  await mkdir(options.dir, { recursive: true });
  const catalog = await loadCatalog(options.dir, build);
  const store = createShardStore(options.dir, shards);
  const memory = createMemoryIndex(embedding.dimensions);
  const parts: IndexParts = { dir: options.dir, catalog, memory, store, embedding };
  if (Object.keys(catalog.files).length === 0) await store.clear(signal);
  else await loadStored(parts, signal, options.logger);
  const read: ReadOptions = { parser: options.parser, maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, chunkOptions: options.chunkOptions ?? DEFAULT_CHUNK_OPTIONS };
  const fusion = options.fusion ?? 'weighted';

  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };

  const searchWith = async (query: string, k: number, opts: SearchOptions, signal: AbortSignal): Promise<RetrievedChunk[]> => {
    signal.throwIfAborted();
    if (k <= 0 || query.trim() === '') return [];
    const [vector] = await embedding.embed([query], signal);
    // A source filter is applied after ranking: fetch deeper so k survive it.
    const wanted = opts.source ? k * 8 : k;
    const hits = memory.search(query, vector, wanted, opts.mode ?? fusion).filter((h) => !opts.source || h.chunk.source === opts.source);
    return hits.slice(0, k).map(({ chunk, score }) => ({
      path: chunk.path, startLine: chunk.startLine, endLine: chunk.endLine, symbol: chunk.symbol, text: chunk.text,
      score: Math.round(score * 1e4) / 1e4, source: chunk.source,
    }));
  };

  return {
    dir: options.dir,
    search: (query, k, signal) => searchWith(query, k, {}, signal),
    searchWith,
    sync: (root, onProgress, signal) => exclusive(() => syncRoot(parts, root, read, onProgress, signal)),
    updateFiles: (rootId, relPaths, signal) =>
      exclusive(() => {
        const root = catalog.roots[rootId];
        if (!root) throw new Error(`No indexed folder "${rootId}": sync it first.`);
        return updatePaths(parts, root, relPaths, read, signal);
      }),
    stats: () => ({ files: Object.keys(catalog.files).length, chunks: memory.size, roots: Object.values(catalog.roots) }),
  };
}

/**
 * Loads the shards into memory, trusting only files whose stored chunk count matches the
 * catalog: anything else (a write cut short by a crash) is dropped and re-indexed next pass.
 */
async function loadStored(parts: IndexParts, signal: AbortSignal, logger: Logger | undefined): Promise<void> {
  const byFile = new Map<string, { chunks: StoredChunk[]; vectors: Float32Array[] }>();
  for (const item of await parts.store.loadAll(signal)) {
    let file = byFile.get(item.fileKey);
    if (!file) byFile.set(item.fileKey, (file = { chunks: [], vectors: [] }));
    file.chunks.push(item.chunk);
    file.vectors.push(item.vector);
  }
  const orphans = new Map<string, null>();
  for (const [key, file] of byFile) {
    const entry = parts.catalog.files[key];
    if (!entry || entry.chunks !== file.chunks.length || !parts.catalog.roots[splitFileKey(key).rootId]) {
      orphans.set(key, null);
      delete parts.catalog.files[key];
      continue;
    }
    parts.memory.setFile(key, file.chunks, file.vectors);
  }
  parts.memory.trim();
  for (const key of Object.keys(parts.catalog.files)) if (!byFile.has(key) && parts.catalog.files[key].chunks > 0) delete parts.catalog.files[key];
  if (orphans.size > 0) {
    logger?.warn(`RAG index: ${orphans.size} file(s) were stored inconsistently and will be re-indexed.`);
    await parts.store.write(orphans, signal);
  }
}
