/**
 * @title Run a function inside a PostgreSQL transaction with a pooled client
 * @tags postgres, transaction, begin, commit, rollback, pg
 * @stack postgres, pg, typescript
 */
import type { Pool, PoolClient } from 'pg';

export async function withTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}
