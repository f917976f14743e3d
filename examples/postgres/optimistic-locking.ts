/**
 * @title Optimistic concurrency control with a version column in PostgreSQL
 * @tags postgres, optimistic locking, version, concurrency, conflict
 * @stack postgres, pg, typescript
 */
import type { Pool } from 'pg';

export class ConcurrencyError extends Error {
  constructor(id: string) {
    super(`project ${id} was changed by someone else; reload and retry`);
  }
}

export async function renameProject(pool: Pool, id: string, name: string, expectedVersion: number): Promise<number> {
  const { rowCount } = await pool.query('UPDATE projects SET name = $2, version = version + 1 WHERE id = $1 AND version = $3', [id, name, expectedVersion]);
  if (rowCount !== 1) throw new ConcurrencyError(id);
  return expectedVersion + 1;
}
