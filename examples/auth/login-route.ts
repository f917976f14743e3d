/**
 * @title Login endpoint: check credentials, issue an access token, avoid user enumeration
 * @tags auth, login, credentials, express, jwt, security
 * @stack express, typescript
 */
import { Router } from 'express';
import { verifyPassword } from './password-hashing';
import { issueAccessToken } from './jwt-tokens';

export interface UserLookup {
  byEmail(email: string): Promise<{ id: string; passwordHash: string; role: 'admin' | 'member' } | null>;
}

export function createLoginRouter(users: UserLookup, secret: string): Router {
  const router = Router();
  router.post('/login', async (req, res) => {
    const { email, password } = req.body as { email?: string; password?: string };
    const user = email ? await users.byEmail(email.toLowerCase()) : null;
    const ok = user !== null && typeof password === 'string' && (await verifyPassword(password, user.passwordHash));
    if (!user || !ok) {
      res.status(401).json({ error: 'wrong email or password' });
      return;
    }
    res.json({ accessToken: issueAccessToken({ sub: user.id, role: user.role }, secret), tokenType: 'Bearer' });
  });
  return router;
}
