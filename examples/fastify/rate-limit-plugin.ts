/**
 * @title Per-route rate limit with a Fastify onRequest hook and a token bucket
 * @tags fastify, rate limit, token bucket, hooks, 429
 * @stack fastify, typescript
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

export function tokenBucket(capacity: number, refillPerSecond: number) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const now = Date.now();
    const bucket = buckets.get(req.ip) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * refillPerSecond);
    bucket.at = now;
    buckets.set(req.ip, bucket);
    if (bucket.tokens < 1) {
      await reply.code(429).header('retry-after', Math.ceil(1 / refillPerSecond)).send({ error: 'slow down' });
      return;
    }
    bucket.tokens -= 1;
  };
}
