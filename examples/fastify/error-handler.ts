/**
 * @title Fastify error handler turning validation errors into 400 responses
 * @tags fastify, error handling, validation errors, http status
 * @stack fastify, typescript
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (error.validation) {
    void reply.code(400).send({ error: 'invalid request', details: error.validation });
    return;
  }
  const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
  if (status >= 500) request.log.error(error);
  void reply.code(status).send({ error: status >= 500 ? 'internal server error' : error.message });
}
