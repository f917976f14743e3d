/**
 * @title Fastify application factory registering plugins and routes
 * @tags fastify, app, bootstrap, plugins, logger
 * @stack fastify, typescript
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { taskRoutes } from './task-routes';
import { errorHandler } from './error-handler';

export async function buildApp(): Promise<FastifyInstance> {
  const app = Fastify({ logger: { level: process.env.LOG_LEVEL ?? 'info' } });
  app.setErrorHandler(errorHandler);
  app.get('/health', async () => ({ status: 'ok' }));
  await app.register(taskRoutes, { prefix: '/tasks' });
  return app;
}
