/**
 * @title Fastify preHandler hook requiring a bearer token on protected routes
 * @tags fastify, auth, hook, preHandler, bearer token, 401
 * @stack fastify, typescript
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface TokenVerifier {
  verify(token: string): Promise<{ userId: string } | null>;
}

declare module 'fastify' {
  interface FastifyRequest {
    userId?: string;
  }
}

export function requireAuth(verifier: TokenVerifier) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    const claims = token ? await verifier.verify(token) : null;
    if (!claims) {
      await reply.code(401).send({ error: 'authentication required' });
      return;
    }
    req.userId = claims.userId;
  };
}
