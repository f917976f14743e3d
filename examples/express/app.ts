/**
 * @title Express application factory: JSON body parsing, routes, 404 and error handler
 * @tags express, app, bootstrap, middleware, error handling
 * @stack express, typescript
 */
import express, { type Express } from 'express';
import { errorHandler } from './error-handler';
import { createTaskRouter } from './task-router';
import { createInMemoryTaskService } from './task-service';

export function createApp(): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '1mb' }));
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use('/tasks', createTaskRouter(createInMemoryTaskService()));
  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  app.use(errorHandler);
  return app;
}
