/** Errors of the store, with stable codes the CLI and UI can act on. */

export type StoreErrorCode = 'db-locked' | 'db-newer' | 'db-write' | 'db-closed';

/** A store failure the user can understand and act on (locked file, newer schema, failed write). */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
