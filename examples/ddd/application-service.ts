/**
 * @title Application service (use case) loading an aggregate, calling it and saving it
 * @tags ddd, application service, use case, command, repository, transaction boundary
 * @stack ddd, typescript
 */
import type { Repository } from './repository-port';
import { Task, type TaskEvent } from './task-aggregate';

export interface AssignTaskCommand {
  taskId: string;
  assigneeId: string;
}

export class AssignTask {
  constructor(
    private readonly tasks: Repository<Task>,
    private readonly publish: (events: TaskEvent[]) => Promise<void>,
  ) {}

  async execute(command: AssignTaskCommand): Promise<void> {
    const task = await this.tasks.get(command.taskId);
    if (!task) throw new Error(`task ${command.taskId} not found`);
    task.assign(command.assigneeId);
    await this.tasks.save(task);
    await this.publish(task.pullEvents());
  }
}

export function newTask(id: string, title: string): Task {
  return Task.create(id, title);
}
