/**
 * @title Generate API keys with a visible prefix and store only their hash
 * @tags auth, api keys, hashing, prefix, machine to machine
 * @stack node, typescript
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(4).toString('hex');
  const secret = randomBytes(24).toString('base64url');
  const key = `mk_${prefix}_${secret}`;
  return { key, prefix, hash: createHash('sha256').update(key).digest('hex') };
}

export function matchesApiKey(presented: string, storedHash: string): boolean {
  const actual = Buffer.from(createHash('sha256').update(presented).digest('hex'));
  const expected = Buffer.from(storedHash);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
