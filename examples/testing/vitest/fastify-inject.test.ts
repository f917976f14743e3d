/**
 * @title Vitest integration test of a Fastify app with inject and lifecycle hooks
 * @tags testing, vitest, fastify, inject, integration test
 * @stack vitest, fastify, typescript
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../fastify/app';

describe('fastify tasks', () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await buildApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('validates the body against the JSON schema', async () => {
    const res = await app.inject({ method: 'POST', url: '/tasks', payload: { title: '', extra: true } });
    expect(res.statusCode).toBe(400);
  });

  it('creates a task', async () => {
    const res = await app.inject({ method: 'POST', url: '/tasks', payload: { title: 'deploy' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ title: 'deploy', done: false });
  });
});
