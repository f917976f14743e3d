/**
 * @title Fastify plugin with task CRUD routes and JSON schema validation
 * @tags fastify, routes, crud, json schema, validation, tasks, rest
 * @stack fastify, typescript
 */
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';

interface Task {
  id: string;
  title: string;
  done: boolean;
}

const taskBody = {
  type: 'object',
  required: ['title'],
  additionalProperties: false,
  properties: { title: { type: 'string', minLength: 1, maxLength: 200 }, done: { type: 'boolean' } },
} as const;

export async function taskRoutes(app: FastifyInstance): Promise<void> {
  const tasks = new Map<string, Task>();

  app.get('/', async () => [...tasks.values()]);

  app.get<{ Params: { id: string } }>('/:id', async (req, reply) => {
    const task = tasks.get(req.params.id);
    if (!task) return reply.code(404).send({ error: 'task not found' });
    return task;
  });

  app.post<{ Body: { title: string; done?: boolean } }>('/', { schema: { body: taskBody } }, async (req, reply) => {
    const task: Task = { id: randomUUID(), title: req.body.title, done: req.body.done ?? false };
    tasks.set(task.id, task);
    return reply.code(201).send(task);
  });
}
