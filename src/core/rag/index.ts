/** RAG: a local vectra index of the workspace and curated examples, searched by a hybrid of BM25 and embeddings. */
export type { CatalogEntry, IndexRoot } from './catalog';
export { chunkFile, DEFAULT_CHUNK_OPTIONS, type ChunkOptions } from './chunker';
export { createHashedEmbeddingProvider, HASHED_DIMENSIONS, type EmbeddingProvider } from './embedding';
export { parseExampleMeta, shippedExamplesDir, type ExampleMeta } from './examples';
export { DEFAULT_MAX_FILE_BYTES, SKIPPED_DIRS } from './fileFilter';
export type { FusionMode } from './hybrid';
export { noopVectorIndex } from './noopVectorIndex';
export { openRagIndex, type RagIndex, type RagIndexOptions, type RagIndexStats, type SearchOptions } from './ragIndex';
export { estimateTokens, retrieveForPrompt, type ContextUsedEntry, type RetrievalOptions, type RetrievalResult } from './retrieve';
export { shippedExamplesRoot, userExamplesRoot, workspaceRoot } from './roots';
export type { Chunk, ChunkKind, ChunkSource, IndexProgress, IndexReport, StoredChunk } from './types';
export { createWorkspaceRag, type WorkspaceRag, type WorkspaceRagOptions } from './workspaceRag';
