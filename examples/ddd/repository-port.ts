/**
 * @title Repository interface (port) for an aggregate and an in-memory adapter for tests
 * @tags ddd, repository, port, adapter, hexagonal architecture, in-memory
 * @stack ddd, typescript
 */
export interface Repository<T extends { id: string }> {
  get(id: string): Promise<T | undefined>;
  save(aggregate: T): Promise<void>;
  delete(id: string): Promise<void>;
}

export class InMemoryRepository<T extends { id: string }> implements Repository<T> {
  private readonly items = new Map<string, T>();

  async get(id: string): Promise<T | undefined> {
    return this.items.get(id);
  }

  async save(aggregate: T): Promise<void> {
    this.items.set(aggregate.id, aggregate);
  }

  async delete(id: string): Promise<void> {
    this.items.delete(id);
  }
}
