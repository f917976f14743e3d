/**
 * @title Typed domain errors with codes that the HTTP layer maps to status codes
 * @tags ddd, domain errors, error codes, exceptions, http mapping
 * @stack ddd, typescript
 */
export type DomainErrorCode = 'not_found' | 'conflict' | 'invalid' | 'forbidden';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

const STATUS: Readonly<Record<DomainErrorCode, number>> = { not_found: 404, conflict: 409, invalid: 422, forbidden: 403 };

export function httpStatusOf(err: unknown): number {
  return err instanceof DomainError ? STATUS[err.code] : 500;
}
