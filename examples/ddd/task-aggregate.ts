/**
 * @title Task aggregate root enforcing invariants and recording domain events
 * @tags ddd, aggregate, aggregate root, invariants, domain events, tasks
 * @stack ddd, typescript
 */
export type TaskEvent =
  | { type: 'TaskCreated'; taskId: string; title: string }
  | { type: 'TaskAssigned'; taskId: string; assigneeId: string }
  | { type: 'TaskCompleted'; taskId: string };

export class Task {
  private events: TaskEvent[] = [];

  private constructor(
    readonly id: string,
    private title: string,
    private assigneeId: string | null,
    private completed: boolean,
  ) {}

  static create(id: string, title: string): Task {
    if (title.trim().length === 0) throw new Error('a task needs a title');
    const task = new Task(id, title.trim(), null, false);
    task.events.push({ type: 'TaskCreated', taskId: id, title: task.title });
    return task;
  }

  assign(assigneeId: string): void {
    if (this.completed) throw new Error('a completed task cannot be reassigned');
    this.assigneeId = assigneeId;
    this.events.push({ type: 'TaskAssigned', taskId: this.id, assigneeId });
  }

  complete(): void {
    if (this.completed) return;
    if (!this.assigneeId) throw new Error('only an assigned task can be completed');
    this.completed = true;
    this.events.push({ type: 'TaskCompleted', taskId: this.id });
  }

  pullEvents(): TaskEvent[] {
    const out = this.events;
    this.events = [];
    return out;
  }
}
