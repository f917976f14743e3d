/**
 * @title Long polling endpoint in Fastify that waits for new events or a timeout
 * @tags fastify, long polling, events, timeout, abort
 * @stack fastify, typescript
 */
import type { FastifyInstance } from 'fastify';
import { EventEmitter, once } from 'node:events';

export const bus = new EventEmitter();

export async function pollRoutes(app: FastifyInstance): Promise<void> {
  app.get('/events/poll', async (req, reply) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 25_000);
    req.raw.on('close', () => controller.abort());
    try {
      const [event] = await once(bus, 'event', { signal: controller.signal });
      return { event };
    } catch {
      return reply.code(204).send();
    } finally {
      clearTimeout(timer);
    }
  });
}
