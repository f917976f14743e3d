/**
 * @title Service layer behind an Express router: list, get, create and remove tasks
 * @tags service, express, tasks, repository, application layer
 * @stack express, typescript
 */
import { randomUUID } from 'node:crypto';

export interface Task {
  id: string;
  title: string;
  done: boolean;
  createdAt: string;
}

export interface TaskService {
  list(): Promise<Task[]>;
  get(id: string): Promise<Task | undefined>;
  create(input: { title: string }): Promise<Task>;
  remove(id: string): Promise<boolean>;
}

export function createInMemoryTaskService(): TaskService {
  const tasks = new Map<string, Task>();
  return {
    list: async () => [...tasks.values()],
    get: async (id) => tasks.get(id),
    async create(input) {
      const task: Task = { id: randomUUID(), title: input.title, done: false, createdAt: new Date().toISOString() };
      tasks.set(task.id, task);
      return task;
    },
    remove: async (id) => tasks.delete(id),
  };
}
