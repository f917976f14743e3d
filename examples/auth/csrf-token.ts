/**
 * @title Double-submit CSRF token check for cookie-authenticated forms
 * @tags auth, csrf, security, cookies, forms, express
 * @stack express, typescript
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export function issueCsrfToken(res: Response): string {
  const token = randomBytes(24).toString('base64url');
  res.cookie('csrf', token, { sameSite: 'strict', secure: true });
  return token;
}

export function checkCsrf(req: Request, res: Response, next: NextFunction): void {
  if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) {
    next();
    return;
  }
  const cookie = String((req.cookies as Record<string, unknown> | undefined)?.csrf ?? '');
  const header = String(req.get('x-csrf-token') ?? '');
  const same = cookie.length > 0 && cookie.length === header.length && timingSafeEqual(Buffer.from(cookie), Buffer.from(header));
  if (!same) {
    res.status(403).json({ error: 'CSRF token missing or wrong' });
    return;
  }
  next();
}
