/** The data the RAG index works on: chunks of files and where they came from. */

/** Which collection a chunk belongs to (mirrors RetrievedChunk.source). */
export type ChunkSource = 'workspace' | 'examples';

/** What a chunk holds: one declaration, a class member, a group of top-level statements, or plain text. */
export type ChunkKind = 'function' | 'class' | 'method' | 'block' | 'text';

/** A piece of one file that is embedded and retrieved whole. Lines are 1-based and inclusive. */
export interface Chunk {
  readonly path: string;
  readonly startLine: number;
  readonly endLine: number;
  /** A LanguageId, or 'text' for files chunked by lines. */
  readonly language: string;
  readonly kind: ChunkKind;
  /** The main name ('UserRepository.findById', 'describe: login'); '' for an unnamed block. */
  readonly symbol: string;
  /** Every name declared in the chunk. */
  readonly symbols: readonly string[];
  readonly text: string;
}

/** A chunk as stored: with its collection and the embedding's input prefix (title, tags). */
export interface StoredChunk extends Chunk {
  readonly source: ChunkSource;
  /** Text that is embedded and keyword-scored with the chunk but not shown (example title and tags). */
  readonly context: string;
}

/** Progress of an indexing pass, for a status bar or a CLI line. */
export interface IndexProgress {
  readonly phase: 'scan' | 'index' | 'save' | 'done';
  /** Files looked at so far in this phase. */
  readonly done: number;
  /** Files in this phase (0 while still scanning). */
  readonly total: number;
  readonly path?: string;
}

/** What an indexing pass did. */
export interface IndexReport {
  readonly scanned: number;
  readonly added: number;
  readonly updated: number;
  readonly removed: number;
  readonly unchanged: number;
  readonly skipped: number;
  readonly chunks: number;
  readonly ms: number;
}
