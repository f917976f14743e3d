/** The VectorIndex until the RAG issue lands (and when `mge.v2.enableRag` is off): finds nothing. */
import type { VectorIndex } from '../ports';

/** A VectorIndex that returns no chunks. */
export const noopVectorIndex: VectorIndex = {
  search: (_query, _k, signal) => (signal.aborted ? Promise.reject(signal.reason as Error) : Promise.resolve([])),
};
