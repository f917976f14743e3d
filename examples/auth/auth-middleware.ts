/**
 * @title Express middleware authenticating a bearer JWT and attaching the user to the request
 * @tags auth, express, middleware, bearer token, jwt, 401
 * @stack express, jsonwebtoken, typescript
 */
import type { NextFunction, Request, Response } from 'express';
import { verifyAccessToken, type AccessClaims } from './jwt-tokens';

declare module 'express-serve-static-core' {
  interface Request {
    user?: AccessClaims;
  }
}

export function authenticate(secret: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.get('authorization') ?? '';
    const [scheme, token] = header.split(' ');
    const claims = scheme === 'Bearer' && token ? verifyAccessToken(token, secret) : null;
    if (!claims) {
      res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'invalid or missing token' });
      return;
    }
    req.user = claims;
    next();
  };
}
