/**
 * @title Jest mock functions: stub a dependency and assert how it was called
 * @tags testing, jest, mocks, jest.fn, spies, application service
 * @stack jest, typescript
 */
import { AssignTask } from '../../ddd/application-service';
import { InMemoryRepository } from '../../ddd/repository-port';
import { Task } from '../../ddd/task-aggregate';

describe('AssignTask', () => {
  test('saves the task and publishes its events', async () => {
    const tasks = new InMemoryRepository<Task>();
    await tasks.save(Task.create('t1', 'review'));
    const publish = jest.fn().mockResolvedValue(undefined);

    await new AssignTask(tasks, publish).execute({ taskId: 't1', assigneeId: 'u9' });

    expect(publish).toHaveBeenCalledTimes(1);
    expect(publish.mock.calls[0][0]).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'TaskAssigned', assigneeId: 'u9' })]));
  });

  test('fails for an unknown task', async () => {
    const useCase = new AssignTask(new InMemoryRepository<Task>(), jest.fn());
    await expect(useCase.execute({ taskId: 'missing', assigneeId: 'u1' })).rejects.toThrow('task missing not found');
  });
});
