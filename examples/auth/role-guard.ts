/**
 * @title Role-based authorization guard for Express routes (403 when not allowed)
 * @tags auth, authorization, roles, rbac, express, 403, guard
 * @stack express, typescript
 */
import type { NextFunction, Request, Response } from 'express';

export function requireRole(...roles: string[]) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const role = (req as Request & { user?: { role: string } }).user?.role;
    if (!role) {
      res.status(401).json({ error: 'authentication required' });
      return;
    }
    if (!roles.includes(role)) {
      res.status(403).json({ error: `requires role ${roles.join(' or ')}` });
      return;
    }
    next();
  };
}
