/**
 * @title Signed session cookie with HttpOnly, Secure and SameSite attributes in Express
 * @tags auth, session, cookie, hmac, express, csrf
 * @stack express, typescript
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Response } from 'express';

function sign(value: string, secret: string): string {
  return `${value}.${createHmac('sha256', secret).update(value).digest('base64url')}`;
}

export function setSessionCookie(res: Response, sessionId: string, secret: string): void {
  res.cookie('sid', sign(sessionId, secret), { httpOnly: true, secure: true, sameSite: 'lax', maxAge: 7 * 86_400_000, path: '/' });
}

export function readSessionId(cookie: string | undefined, secret: string): string | null {
  if (!cookie) return null;
  const dot = cookie.lastIndexOf('.');
  const value = cookie.slice(0, dot);
  const expected = Buffer.from(sign(value, secret));
  const actual = Buffer.from(cookie);
  return dot > 0 && expected.length === actual.length && timingSafeEqual(expected, actual) ? value : null;
}
