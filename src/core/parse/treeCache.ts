/**
 * A small cache of parse trees keyed by (language, text), so the validation levels of one atom
 * parse the assembled file once between them, and trees are deleted when evicted (web-tree-sitter
 * trees live in wasm memory that the garbage collector does not see).
 */
import type { Tree } from 'web-tree-sitter';
import type { LanguageId } from './languages';
import type { MultiLanguageParser } from './multiLanguageParser';

/** Shared, bounded cache of parse trees. */
export interface TreeCache {
  /**
   * Calls `use` with the tree of `text`, parsing it only when it is not cached. `use` runs
   * synchronously and must not keep the tree: it may be deleted after `use` returns.
   */
  use<T>(text: string, language: LanguageId, signal: AbortSignal, use: (tree: Tree) => T): Promise<T>;
  /** Deletes every cached tree. */
  dispose(): void;
}

/** Creates a tree cache over `parser` holding at most `capacity` trees (least recently used goes first). */
export function createTreeCache(parser: MultiLanguageParser, capacity = 8): TreeCache {
  // Map iteration order is insertion order, so re-inserting on a hit makes the first key the LRU.
  const trees = new Map<string, Tree>();

  function insert(key: string, tree: Tree): void {
    // Two callers may parse the same new text concurrently (the grammar load is the only await);
    // keep the first tree and free the duplicate.
    if (trees.has(key)) {
      tree.delete();
      return;
    }
    trees.set(key, tree);
    while (trees.size > capacity) {
      const [oldest, oldTree] = trees.entries().next().value as [string, Tree];
      trees.delete(oldest);
      oldTree.delete();
    }
  }

  return {
    async use<T>(text: string, language: LanguageId, signal: AbortSignal, use: (tree: Tree) => T): Promise<T> {
      const key = `${language}\u0000${text}`;
      for (;;) {
        signal.throwIfAborted();
        // From this lookup to the end of `use` nothing awaits, so no one can evict the tree meanwhile.
        const hit = trees.get(key);
        if (hit) {
          trees.delete(key);
          trees.set(key, hit);
          return use(hit);
        }
        insert(key, await parser.parse(text, language, signal));
      }
    },
    dispose(): void {
      for (const tree of trees.values()) tree.delete();
      trees.clear();
    },
  };
}
