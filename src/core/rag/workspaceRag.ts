/**
 * What the extension and the CLI create per workspace: the VectorIndex the pipeline searches,
 * with the first indexing pass running in the background and a queue that re-indexes files a
 * watcher reports. With `mge.v2.enableRag` off it is the no-op index: nothing is opened or read.
 */
import type { MultiLanguageParser } from '../parse/multiLanguageParser';
import type { Logger, VectorIndex } from '../ports';
import type { IndexRoot } from './catalog';
import type { EmbeddingProvider } from './embedding';
import { shippedExamplesDir } from './examples';
import { noopVectorIndex } from './noopVectorIndex';
import { openRagIndex, type RagIndex } from './ragIndex';
import { shippedExamplesRoot, userExamplesRoot, workspaceRoot } from './roots';
import type { IndexProgress } from './types';

/** Inputs of createWorkspaceRag. */
export interface WorkspaceRagOptions {
  /** `mge.v2.enableRag`. */
  readonly enableRag: boolean;
  /** `<dir of mge.db>/index`. */
  readonly indexDir: string;
  readonly workspaceDir: string;
  readonly parser: MultiLanguageParser;
  readonly logger: Logger;
  /** Shipped examples; default: found next to the bundle. null: none. */
  readonly examplesDir?: string | null;
  readonly userExampleDirs?: readonly string[];
  readonly embedding?: EmbeddingProvider;
  readonly onProgress?: (root: IndexRoot, progress: IndexProgress) => void;
  /** Quiet period before watcher-reported files are re-indexed (default 500 ms). */
  readonly debounceMs?: number;
  /**
   * Longest a search waits for the stored index to load (default 5,000 ms). A big index takes
   * seconds to load; a run asking before that gets no context rather than a stall.
   */
  readonly searchWaitMs?: number;
}

/** A workspace's retrieval, owned by whoever created it. */
export interface WorkspaceRag {
  readonly vectorIndex: VectorIndex;
  /** Settles when the first pass over every folder is over (never rejects; failures are logged). */
  readonly indexed: Promise<void>;
  /** A workspace file was created, changed or deleted (workspace-relative path). */
  touch(relPath: string): void;
  /** Stops background work. */
  dispose(): void;
}

/** The no-op index when RAG is off, else an index opened and refreshed in the background. */
export function createWorkspaceRag(options: WorkspaceRagOptions): WorkspaceRag {
  if (!options.enableRag) return { vectorIndex: noopVectorIndex, indexed: Promise.resolve(), touch: () => undefined, dispose: () => undefined };
  const life = new AbortController();
  const opening = openRagIndex({ dir: options.indexDir, parser: options.parser, embedding: options.embedding, logger: options.logger }, life.signal);
  const indexed = opening.then((index) => firstPass(index, roots(options), options, life.signal)).catch((err: unknown) => {
    if (!life.signal.aborted) options.logger.warn(`RAG index unavailable: ${err instanceof Error ? err.message : String(err)}`);
  });
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;

  const flush = (): void => {
    timer = undefined;
    const paths = [...pending];
    pending.clear();
    // After the first pass: it sees these files anyway, and updateFiles needs the root synced.
    void indexed
      .then(() => opening)
      .then((index) => index.updateFiles('workspace', paths, life.signal))
      .catch((err: unknown) => {
        if (!life.signal.aborted) options.logger.warn(`RAG re-index failed: ${err instanceof Error ? err.message : String(err)}`);
      });
  };

  const vectorIndex: VectorIndex = {
    async search(query, k, signal) {
      // Waits for the stored index to load, never for an indexing pass.
      const index = await within(opening, options.searchWaitMs ?? 5000, signal);
      if (!index) {
        options.logger.warn('RAG index still loading: this prompt goes without retrieved context.');
        return [];
      }
      return index.search(query, k, signal);
    },
  };

  return {
    vectorIndex,
    indexed,
    touch(relPath) {
      if (life.signal.aborted) return;
      pending.add(relPath);
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, options.debounceMs ?? 500);
    },
    dispose() {
      if (timer) clearTimeout(timer);
      life.abort(new Error('RAG index disposed'));
    },
  };
}

/** The promise's value if it settles within `ms`, else null (also null when it rejects). */
async function within<T>(promise: Promise<T>, ms: number, signal: AbortSignal): Promise<T | null> {
  signal.throwIfAborted();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([promise.catch(() => null), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function roots(options: WorkspaceRagOptions): IndexRoot[] {
  const shipped = options.examplesDir === undefined ? shippedExamplesDir() : options.examplesDir;
  return [
    ...(shipped ? [shippedExamplesRoot(shipped)] : []),
    ...(options.userExampleDirs ?? []).map(userExamplesRoot),
    workspaceRoot(options.workspaceDir),
  ];
}

async function firstPass(index: RagIndex, list: readonly IndexRoot[], options: WorkspaceRagOptions, signal: AbortSignal): Promise<void> {
  for (const root of list) {
    const report = await index.sync(root, (p) => options.onProgress?.(root, p), signal);
    options.logger.debug(`RAG index: ${root.id} ${report.scanned} files, +${report.added} ~${report.updated} -${report.removed}, ${report.chunks} chunks in ${report.ms} ms`);
  }
}
