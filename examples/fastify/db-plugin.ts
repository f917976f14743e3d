/**
 * @title Fastify plugin decorating the instance with a database pool and closing it on shutdown
 * @tags fastify, plugin, decorate, database, lifecycle, onClose, postgres
 * @stack fastify, pg, typescript
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import pg from 'pg';

declare module 'fastify' {
  interface FastifyInstance {
    db: pg.Pool;
  }
}

export const dbPlugin = fp(async (app: FastifyInstance, opts: { connectionString: string }) => {
  const pool = new pg.Pool({ connectionString: opts.connectionString, max: 10 });
  app.decorate('db', pool);
  app.addHook('onClose', async () => {
    await pool.end();
  });
});
