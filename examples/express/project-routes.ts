/**
 * @title Nested Express routes: projects and their members with assignment endpoints
 * @tags express, nested routes, projects, members, assignments, rest
 * @stack express, typescript
 */
import { Router } from 'express';
import type { ProjectService } from './project-service';

export function createProjectRouter(projects: ProjectService): Router {
  const router = Router();
  router.get('/:projectId/members', async (req, res) => {
    res.json(await projects.members(req.params.projectId));
  });
  router.put('/:projectId/members/:userId', async (req, res) => {
    await projects.addMember(req.params.projectId, req.params.userId);
    res.status(204).end();
  });
  router.delete('/:projectId/members/:userId', async (req, res) => {
    await projects.removeMember(req.params.projectId, req.params.userId);
    res.status(204).end();
  });
  return router;
}
