/**
 * @title Mocha tests for an async service with beforeEach setup and assert.rejects
 * @tags testing, mocha, async, beforeEach, rejects, service
 * @stack mocha, typescript
 */
import assert from 'node:assert/strict';
import { createInMemoryTaskService, type TaskService } from '../../express/task-service';

describe('task service', () => {
  let tasks: TaskService;

  beforeEach(() => {
    tasks = createInMemoryTaskService();
  });

  it('creates a task that is not done', async () => {
    const task = await tasks.create({ title: 'write tests' });
    assert.equal(task.done, false);
    assert.deepEqual(await tasks.get(task.id), task);
  });

  it('removes a task once', async () => {
    const task = await tasks.create({ title: 'x' });
    assert.equal(await tasks.remove(task.id), true);
    assert.equal(await tasks.remove(task.id), false);
  });

  it('rejects when asked to, with assert.rejects', async () => {
    await assert.rejects(Promise.reject(new Error('boom')), /boom/);
  });
});
