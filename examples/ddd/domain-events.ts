/**
 * @title In-process domain event dispatcher with typed handlers
 * @tags ddd, domain events, event bus, publish subscribe, handlers
 * @stack ddd, typescript
 */
export interface DomainEvent {
  readonly type: string;
  readonly occurredAt: Date;
}

type Handler<E extends DomainEvent> = (event: E) => Promise<void> | void;

export class EventDispatcher {
  private readonly handlers = new Map<string, Handler<DomainEvent>[]>();

  on<E extends DomainEvent>(type: E['type'], handler: Handler<E>): void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler as Handler<DomainEvent>);
    this.handlers.set(type, list);
  }

  async dispatch(events: readonly DomainEvent[]): Promise<void> {
    for (const event of events) {
      for (const handler of this.handlers.get(event.type) ?? []) await handler(event);
    }
  }
}
