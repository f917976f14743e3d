/**
 * The index on disk: chunks and their vectors in vectra LocalIndex files, spread over a fixed
 * number of shards by file, so changing one file rewrites one shard (vectra saves an index file
 * whole, and its inserts scan the items: a single 50,000-item file would make every save slow).
 * Every change to a shard is one batched update (beginUpdate ... endUpdate).
 */
import { LocalIndex } from 'vectra/lib/LocalIndex';
import { fnv1a } from './embedding';
import type { ChunkKind, ChunkSource, StoredChunk } from './types';

type ItemMetadata = Record<string, string | number | boolean> & {
  file: string;
  source: ChunkSource;
  path: string;
  startLine: number;
  endLine: number;
  language: string;
  kind: string;
  symbol: string;
  symbols: string;
  text: string;
  context: string;
};

/** A chunk read back from disk, with its file key and vector. */
export interface LoadedChunk {
  readonly fileKey: string;
  readonly chunk: StoredChunk;
  readonly vector: Float32Array;
}

/** The new chunks of a file (with vectors), or null when the file is gone. */
export type FileChange = { readonly chunks: readonly StoredChunk[]; readonly vectors: readonly Float32Array[] } | null;

/** Shards of vectra indexes in one folder. */
export interface ShardStore {
  readonly shards: number;
  /** Every stored chunk (the shards are read one by one and not kept in memory). */
  loadAll(signal: AbortSignal): Promise<LoadedChunk[]>;
  /** Applies file changes, one batched vectra update per touched shard. */
  write(changes: ReadonlyMap<string, FileChange>, signal: AbortSignal): Promise<void>;
  /** Deletes every shard file. */
  clear(signal: AbortSignal): Promise<void>;
}

/** Opens (creating on first write) `shards` vectra indexes named shard-NN.json in `dir`. */
export function createShardStore(dir: string, shards: number): ShardStore {
  const shardOf = (fileKey: string): number => fnv1a(fileKey) % shards;
  const indexFor = (n: number): LocalIndex<ItemMetadata> => new LocalIndex<ItemMetadata>(dir, `shard-${String(n).padStart(2, '0')}.json`);

  return {
    shards,
    async loadAll(signal) {
      const out: LoadedChunk[] = [];
      for (let n = 0; n < shards; n++) {
        signal.throwIfAborted();
        // A fresh LocalIndex per read: vectra keeps what it loaded, and the memory index has its own copy.
        const index = indexFor(n);
        if (!(await index.isIndexCreated())) continue;
        for (const item of await index.listItems()) out.push(fromItem(item.metadata, item.vector));
      }
      return out;
    },
    async write(changes, signal) {
      const byShard = new Map<number, string[]>();
      for (const key of changes.keys()) {
        const n = shardOf(key);
        byShard.set(n, [...(byShard.get(n) ?? []), key]);
      }
      for (const [n, keys] of byShard) {
        signal.throwIfAborted();
        const index = indexFor(n);
        if (!(await index.isIndexCreated())) await index.createIndex({ version: 1 });
        const stale = new Set(keys);
        const doomed = (await index.listItems()).filter((item) => stale.has(item.metadata.file)).map((item) => item.id);
        await index.beginUpdate();
        try {
          for (const id of doomed) await index.deleteItem(id);
          for (const key of keys) {
            const change = changes.get(key);
            if (!change) continue;
            for (let i = 0; i < change.chunks.length; i++) {
              await index.insertItem({ id: `${key}#${i}`, metadata: toMetadata(key, change.chunks[i]), vector: quantized(change.vectors[i]) });
            }
          }
          await index.endUpdate();
        } catch (err) {
          index.cancelUpdate();
          throw err;
        }
      }
    },
    async clear(signal) {
      for (let n = 0; n < shards; n++) {
        signal.throwIfAborted();
        const index = indexFor(n);
        if (await index.isIndexCreated()) await index.createIndex({ version: 1, deleteIfExists: true });
      }
    },
  };
}

// Stored as 8-bit integers (-127..127), the precision the memory index searches with anyway:
// about half the JSON of four decimals, and cosine similarity does not care about the scale.
const SCALE = 127;

function quantized(vector: Float32Array): number[] {
  return Array.from(vector, (v) => Math.round(v * SCALE));
}

function toMetadata(file: string, c: StoredChunk): ItemMetadata {
  return {
    file, source: c.source, path: c.path, startLine: c.startLine, endLine: c.endLine, language: c.language,
    kind: c.kind, symbol: c.symbol, symbols: c.symbols.join('\n'), text: c.text, context: c.context,
  };
}

function fromItem(m: ItemMetadata, vector: readonly number[]): LoadedChunk {
  const chunk: StoredChunk = {
    source: m.source, path: m.path, startLine: m.startLine, endLine: m.endLine, language: m.language,
    kind: m.kind as ChunkKind, symbol: m.symbol, symbols: m.symbols ? m.symbols.split('\n') : [], text: m.text, context: m.context,
  };
  return { fileKey: m.file, chunk, vector: Float32Array.from(vector, (v) => v / SCALE) };
}
