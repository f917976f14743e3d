/**
 * One indexing pass over a folder tree: list it, read only what moved, re-chunk only what
 * changed, drop what disappeared. Work is written in batches, so an aborted pass keeps what it
 * finished and the next pass picks up the rest.
 */
import { applyChanges, type IndexParts, type PendingChange } from './applyChanges';
import { fileKey, saveCatalog, splitFileKey, type IndexRoot } from './catalog';
import { readFileState, type ReadOptions } from './fileChunks';
import type { IndexProgress, IndexReport } from './types';
import { isSkippedPath, listIndexableFiles } from './walk';

/** Files read between two writes: bounds memory and the work an abort throws away. */
const BATCH_FILES = 400;

interface Counts {
  scanned: number;
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  skipped: number;
}

/** Indexes every file under `root` against the catalog. */
export async function syncRoot(parts: IndexParts, root: IndexRoot, read: ReadOptions, onProgress: (p: IndexProgress) => void, signal: AbortSignal): Promise<IndexReport> {
  const started = Date.now();
  parts.catalog.roots[root.id] = root;
  onProgress({ phase: 'scan', done: 0, total: 0 });
  const paths = await listIndexableFiles(root.dir, signal);
  const before = new Set(Object.keys(parts.catalog.files).filter((key) => splitFileKey(key).rootId === root.id));
  const counts = await indexPaths(parts, root, paths, read, (done, path) => onProgress({ phase: 'index', done, total: paths.length, path }), signal);
  for (const path of paths) before.delete(fileKey(root.id, path));
  // Whatever the catalog knew under this root and the walk no longer found is gone (deleted or now ignored).
  const gone = new Map<string, PendingChange>([...before].map((key) => [key, null]));
  onProgress({ phase: 'save', done: paths.length, total: paths.length });
  await applyChanges(parts, gone, signal);
  counts.removed += gone.size;
  // Posting lists grew by doubling during the pass; a big pass leaves much spare capacity.
  if (counts.added + counts.updated > 100) parts.memory.trim();
  await saveCatalog(parts.dir, parts.catalog);
  onProgress({ phase: 'done', done: paths.length, total: paths.length });
  return report(counts, parts, started);
}

/** Re-indexes the given files of a root (a watcher's changed, created and deleted paths). */
export async function updatePaths(parts: IndexParts, root: IndexRoot, relPaths: readonly string[], read: ReadOptions, signal: AbortSignal): Promise<IndexReport> {
  const started = Date.now();
  const keep: string[] = [];
  const drop = new Map<string, PendingChange>();
  for (const path of new Set(relPaths)) {
    if (await isSkippedPath(root.dir, path)) {
      if (parts.catalog.files[fileKey(root.id, path)]) drop.set(fileKey(root.id, path), null);
    } else keep.push(path);
  }
  const counts = await indexPaths(parts, root, keep, read, () => undefined, signal);
  await applyChanges(parts, drop, signal);
  counts.removed += drop.size;
  return report(counts, parts, started);
}

async function indexPaths(parts: IndexParts, root: IndexRoot, paths: readonly string[], read: ReadOptions, progress: (done: number, path: string) => void, signal: AbortSignal): Promise<Counts> {
  const counts: Counts = { scanned: 0, added: 0, updated: 0, removed: 0, unchanged: 0, skipped: 0 };
  let batch = new Map<string, PendingChange>();
  let touchedCatalog = false;
  for (const path of paths) {
    signal.throwIfAborted();
    const key = fileKey(root.id, path);
    const previous = parts.catalog.files[key];
    const state = await readFileState(root, path, previous, read, signal);
    counts.scanned++;
    if (state.status === 'unchanged') {
      counts.unchanged++;
      if (state.entry !== previous) {
        parts.catalog.files[key] = state.entry; // touched but identical: remember the new mtime
        touchedCatalog = true;
      }
    } else if (state.status === 'skipped') {
      counts.skipped++;
      if (previous) {
        batch.set(key, null);
        counts.removed++;
      }
    } else {
      batch.set(key, { entry: state.entry, chunks: state.chunks });
      if (previous) counts.updated++;
      else counts.added++;
    }
    progress(counts.scanned, path);
    if (batch.size >= BATCH_FILES) {
      await applyChanges(parts, batch, signal);
      batch = new Map();
      touchedCatalog = false;
    }
    // Parsing is synchronous inside wasm: give the event loop a turn between files.
    if (counts.scanned % 16 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await applyChanges(parts, batch, signal);
  if (touchedCatalog && batch.size === 0) await saveCatalog(parts.dir, parts.catalog);
  return counts;
}

function report(counts: Counts, parts: IndexParts, started: number): IndexReport {
  return { ...counts, chunks: parts.memory.size, ms: Date.now() - started };
}
