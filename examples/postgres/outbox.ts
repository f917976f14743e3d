/**
 * @title Transactional outbox: store domain events with the change, publish them later
 * @tags postgres, outbox, domain events, transaction, messaging, reliability
 * @stack postgres, pg, typescript
 */
import type { Pool, PoolClient } from 'pg';

export interface OutboxEvent {
  type: string;
  payload: Record<string, unknown>;
}

export async function appendToOutbox(client: PoolClient, events: readonly OutboxEvent[]): Promise<void> {
  for (const event of events) {
    await client.query('INSERT INTO outbox (type, payload) VALUES ($1, $2::jsonb)', [event.type, JSON.stringify(event.payload)]);
  }
}

export async function publishPending(pool: Pool, publish: (event: OutboxEvent) => Promise<void>, batch = 100): Promise<number> {
  const { rows } = await pool.query<{ id: number; type: string; payload: Record<string, unknown> }>(
    'SELECT id, type, payload FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT $1',
    [batch],
  );
  for (const row of rows) {
    await publish({ type: row.type, payload: row.payload });
    await pool.query('UPDATE outbox SET published_at = now() WHERE id = $1', [row.id]);
  }
  return rows.length;
}
