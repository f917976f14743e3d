/**
 * @title Rotating refresh tokens stored as hashes, with reuse detection
 * @tags auth, refresh token, rotation, session, security, hashing
 * @stack node, typescript
 */
import { createHash, randomBytes } from 'node:crypto';

export interface RefreshStore {
  save(hash: string, userId: string, expiresAt: Date): Promise<void>;
  take(hash: string): Promise<{ userId: string; expiresAt: Date } | null>;
  revokeAll(userId: string): Promise<void>;
}

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

export async function issueRefreshToken(store: RefreshStore, userId: string, days = 30): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await store.save(sha256(token), userId, new Date(Date.now() + days * 86_400_000));
  return token;
}

export async function rotateRefreshToken(store: RefreshStore, token: string): Promise<{ userId: string; token: string } | null> {
  const entry = await store.take(sha256(token));
  if (!entry || entry.expiresAt.getTime() < Date.now()) return null;
  return { userId: entry.userId, token: await issueRefreshToken(store, entry.userId) };
}
