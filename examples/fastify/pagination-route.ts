/**
 * @title Cursor-based pagination in a Fastify route with a querystring schema
 * @tags fastify, pagination, cursor, querystring, list endpoint
 * @stack fastify, typescript
 */
import type { FastifyInstance } from 'fastify';

interface Item {
  id: number;
  name: string;
}

export async function itemRoutes(app: FastifyInstance, items: readonly Item[]): Promise<void> {
  app.get<{ Querystring: { after?: number; limit?: number } }>(
    '/items',
    {
      schema: {
        querystring: { type: 'object', properties: { after: { type: 'integer', minimum: 0 }, limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 } } },
      },
    },
    async (req) => {
      const after = req.query.after ?? 0;
      const limit = req.query.limit ?? 20;
      const page = items.filter((i) => i.id > after).slice(0, limit);
      const next = page.length === limit ? page[page.length - 1].id : null;
      return { items: page, nextCursor: next };
    },
  );
}
