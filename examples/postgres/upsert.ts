/**
 * @title Upsert with INSERT ... ON CONFLICT DO UPDATE in PostgreSQL
 * @tags postgres, upsert, on conflict, idempotent, pg
 * @stack postgres, pg, typescript
 */
import type { Pool } from 'pg';

export async function upsertUserSettings(pool: Pool, userId: string, settings: Record<string, unknown>): Promise<void> {
  await pool.query(
    `INSERT INTO user_settings (user_id, settings, updated_at)
     VALUES ($1, $2::jsonb, now())
     ON CONFLICT (user_id) DO UPDATE SET settings = user_settings.settings || EXCLUDED.settings, updated_at = now()`,
    [userId, JSON.stringify(settings)],
  );
}
