/**
 * @title Mocha integration test of an Express app over a real HTTP port with fetch
 * @tags testing, mocha, integration test, express, http, fetch
 * @stack mocha, express, typescript
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../express/app';

describe('tasks HTTP API', () => {
  let server: Server;
  let base: string;

  before((done) => {
    server = createApp().listen(0, () => {
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      done();
    });
  });

  after((done) => {
    server.close(done);
  });

  it('creates then fetches a task', async () => {
    const created = await fetch(`${base}/tasks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'ship' }) });
    assert.equal(created.status, 201);
    const { id } = (await created.json()) as { id: string };
    const fetched = await fetch(`${base}/tasks/${id}`);
    assert.equal(((await fetched.json()) as { title: string }).title, 'ship');
  });

  it('answers 404 for an unknown task', async () => {
    assert.equal((await fetch(`${base}/tasks/nope`)).status, 404);
  });
});
