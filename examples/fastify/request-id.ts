/**
 * @title Propagate a request id header through Fastify logs and responses
 * @tags fastify, request id, correlation id, logging, tracing, hooks
 * @stack fastify, typescript
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';

export function buildTracedApp(): FastifyInstance {
  const app = Fastify({
    logger: true,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && incoming.length <= 64 ? incoming : randomUUID();
    },
  });
  app.addHook('onSend', async (req, reply, payload) => {
    void reply.header('x-request-id', req.id);
    return payload;
  });
  return app;
}
