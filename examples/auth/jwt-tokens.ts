/**
 * @title Issue and verify JSON web tokens (JWT) with jsonwebtoken and an expiry
 * @tags auth, jwt, json web token, access token, sign, verify, expiry
 * @stack jsonwebtoken, typescript
 */
import jwt from 'jsonwebtoken';

export interface AccessClaims {
  sub: string;
  role: 'admin' | 'member';
}

export function issueAccessToken(claims: AccessClaims, secret: string, ttlSeconds = 900): string {
  return jwt.sign(claims, secret, { algorithm: 'HS256', expiresIn: ttlSeconds, issuer: 'tasks-api' });
}

export function verifyAccessToken(token: string, secret: string): AccessClaims | null {
  try {
    const decoded = jwt.verify(token, secret, { algorithms: ['HS256'], issuer: 'tasks-api' });
    if (typeof decoded === 'string' || typeof decoded.sub !== 'string') return null;
    return { sub: decoded.sub, role: decoded.role === 'admin' ? 'admin' : 'member' };
  } catch {
    return null;
  }
}
