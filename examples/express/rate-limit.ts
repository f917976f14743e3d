/**
 * @title Fixed-window rate limiting middleware for Express keyed by client IP
 * @tags express, rate limit, throttling, middleware, 429
 * @stack express, typescript
 */
import type { NextFunction, Request, Response } from 'express';

export function rateLimit(maxPerWindow: number, windowMs: number) {
  const hits = new Map<string, { count: number; resetAt: number }>();
  return (req: Request, res: Response, next: NextFunction): void => {
    const key = req.ip ?? 'unknown';
    const now = Date.now();
    const entry = hits.get(key);
    if (!entry || entry.resetAt <= now) {
      hits.set(key, { count: 1, resetAt: now + windowMs });
      next();
      return;
    }
    entry.count++;
    if (entry.count > maxPerWindow) {
      res.setHeader('Retry-After', Math.ceil((entry.resetAt - now) / 1000));
      res.status(429).json({ error: 'too many requests' });
      return;
    }
    next();
  };
}
