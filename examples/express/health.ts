/**
 * @title Liveness and readiness endpoints checking the database connection
 * @tags express, health check, readiness, liveness, kubernetes
 * @stack express, typescript
 */
import { Router } from 'express';

export interface Pingable {
  ping(): Promise<void>;
}

export function createHealthRouter(db: Pingable): Router {
  const router = Router();
  router.get('/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/ready', async (_req, res) => {
    try {
      await db.ping();
      res.json({ status: 'ready' });
    } catch (err) {
      res.status(503).json({ status: 'unavailable', reason: err instanceof Error ? err.message : String(err) });
    }
  });
  return router;
}
