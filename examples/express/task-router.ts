/**
 * @title Express router with CRUD handlers for a task resource
 * @tags rest, express, router, crud, tasks, http
 * @stack express, typescript
 */
import { Router, type Request, type Response } from 'express';
import type { TaskService } from './task-service';

export function createTaskRouter(tasks: TaskService): Router {
  const router = Router();

  router.get('/', async (_req: Request, res: Response) => {
    res.json(await tasks.list());
  });

  router.get('/:id', async (req: Request, res: Response) => {
    const task = await tasks.get(req.params.id);
    if (!task) {
      res.status(404).json({ error: 'task not found' });
      return;
    }
    res.json(task);
  });

  router.post('/', async (req: Request, res: Response) => {
    const created = await tasks.create(req.body);
    res.status(201).location(`/tasks/${created.id}`).json(created);
  });

  router.delete('/:id', async (req: Request, res: Response) => {
    const removed = await tasks.remove(req.params.id);
    res.status(removed ? 204 : 404).end();
  });

  return router;
}
