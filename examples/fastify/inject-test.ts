/**
 * @title Testing a Fastify route with app.inject and node:test (no network)
 * @tags fastify, testing, inject, node test, integration test
 * @stack fastify, node:test, typescript
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildApp } from './app';

test('POST /tasks creates a task and GET returns it', async () => {
  const app = await buildApp();
  const created = await app.inject({ method: 'POST', url: '/tasks', payload: { title: 'write docs' } });
  assert.equal(created.statusCode, 201);
  const task = created.json<{ id: string; title: string }>();
  const fetched = await app.inject({ method: 'GET', url: `/tasks/${task.id}` });
  assert.equal(fetched.json<{ title: string }>().title, 'write docs');
  await app.close();
});

test('POST /tasks rejects an empty title', async () => {
  const app = await buildApp();
  const res = await app.inject({ method: 'POST', url: '/tasks', payload: { title: '' } });
  assert.equal(res.statusCode, 400);
  await app.close();
});
