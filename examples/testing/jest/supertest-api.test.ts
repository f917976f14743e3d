/**
 * @title Jest and supertest testing Express endpoints without opening a port
 * @tags testing, jest, supertest, express, http, integration test
 * @stack jest, supertest, express, typescript
 */
import request from 'supertest';
import { createApp } from '../../express/app';

describe('GET /health', () => {
  test('answers ok', async () => {
    const res = await request(createApp()).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });
});

describe('POST /tasks', () => {
  test('returns 201 with a location header', async () => {
    const res = await request(createApp()).post('/tasks').send({ title: 'plan sprint' });
    expect(res.status).toBe(201);
    expect(res.headers.location).toMatch(/^\/tasks\//);
  });
});
