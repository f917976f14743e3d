/** Reading one file for the index: skip rules, hash, and its chunks ready to store. */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { MultiLanguageParser } from '../parse/multiLanguageParser';
import type { CatalogEntry, IndexRoot } from './catalog';
import { chunkFile, type ChunkOptions } from './chunker';
import { chunkText } from './textChunker';
import { exampleContext, parseExampleMeta } from './examples';
import { looksBinary } from './fileFilter';
import type { StoredChunk } from './types';

/** What reading a file found. */
export type FileState =
  | { readonly status: 'unchanged'; readonly entry: CatalogEntry }
  | { readonly status: 'changed'; readonly entry: Omit<CatalogEntry, 'chunks'>; readonly chunks: StoredChunk[] }
  | { readonly status: 'skipped'; readonly reason: 'missing' | 'too-large' | 'binary' };

/** Limits and helpers for reading files. */
export interface ReadOptions {
  readonly parser: MultiLanguageParser;
  readonly maxFileBytes: number;
  readonly chunkOptions: ChunkOptions;
}

/**
 * The state of `relPath` under `root` against its catalog entry: unchanged when size and mtime
 * (or else the content hash) match, otherwise its fresh chunks.
 */
export async function readFileState(root: IndexRoot, relPath: string, previous: CatalogEntry | undefined, options: ReadOptions, signal: AbortSignal): Promise<FileState> {
  const abs = join(root.dir, relPath);
  let info;
  try {
    info = await stat(abs);
  } catch {
    return { status: 'skipped', reason: 'missing' };
  }
  if (!info.isFile()) return { status: 'skipped', reason: 'missing' };
  if (info.size > options.maxFileBytes) return { status: 'skipped', reason: 'too-large' };
  if (previous && previous.size === info.size && previous.mtimeMs === info.mtimeMs) return { status: 'unchanged', entry: previous };
  const bytes = await readFile(abs, { signal });
  if (looksBinary(bytes)) return { status: 'skipped', reason: 'binary' };
  const hash = createHash('sha1').update(bytes).digest('hex');
  const entry = { hash, size: info.size, mtimeMs: info.mtimeMs };
  if (previous && previous.hash === hash) return { status: 'unchanged', entry: { ...entry, chunks: previous.chunks } };
  const text = bytes.toString('utf8');
  return { status: 'changed', entry, chunks: await storedChunks(root, relPath, text, options, signal) };
}

async function storedChunks(root: IndexRoot, relPath: string, text: string, options: ReadOptions, signal: AbortSignal): Promise<StoredChunk[]> {
  const shown = root.label ? `${root.label}/${relPath}` : relPath;
  let chunks;
  try {
    chunks = await chunkFile(options.parser, shown, text, signal, options.chunkOptions);
  } catch (err) {
    if (signal.aborted) throw err;
    // A grammar that fails to load must not keep the file out of the index.
    chunks = chunkText(shown, text, options.chunkOptions.blockLines);
  }
  const context = root.source === 'examples' ? exampleContext(parseExampleMeta(text)) : '';
  return chunks.map((c) => ({ ...c, source: root.source, context }));
}
