/**
 * @title Mocha tests of an aggregate's invariants and emitted domain events
 * @tags testing, mocha, ddd, aggregate, domain events, invariants
 * @stack mocha, typescript
 */
import assert from 'node:assert/strict';
import { Task } from '../../ddd/task-aggregate';

describe('Task aggregate', () => {
  it('records created, assigned and completed events in order', () => {
    const task = Task.create('t1', 'write docs');
    task.assign('u1');
    task.complete();
    assert.deepEqual(task.pullEvents().map((e) => e.type), ['TaskCreated', 'TaskAssigned', 'TaskCompleted']);
    assert.deepEqual(task.pullEvents(), []);
  });

  it('cannot complete an unassigned task', () => {
    assert.throws(() => Task.create('t2', 'x').complete(), /only an assigned task/);
  });

  it('needs a title', () => {
    assert.throws(() => Task.create('t3', '   '), /needs a title/);
  });
});
