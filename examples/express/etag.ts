/**
 * @title Conditional GET with ETag and If-None-Match in an Express handler
 * @tags express, etag, caching, http, 304, conditional request
 * @stack express, typescript
 */
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';

export function sendWithEtag(req: Request, res: Response, body: unknown): void {
  const json = JSON.stringify(body);
  const etag = `"${createHash('sha1').update(json).digest('base64url')}"`;
  res.setHeader('ETag', etag);
  if (req.headers['if-none-match'] === etag) {
    res.status(304).end();
    return;
  }
  res.type('application/json').send(json);
}
