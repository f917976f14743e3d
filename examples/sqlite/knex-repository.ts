/**
 * @title Project repository with the Knex query builder on SQLite
 * @tags repository, knex, query builder, sqlite, projects
 * @stack sqlite, knex, typescript
 */
import type { Knex } from 'knex';

export interface Project {
  id: number;
  name: string;
  archived: boolean;
}

export function projectRepository(db: Knex) {
  return {
    async active(): Promise<Project[]> {
      return db<Project>('projects').where({ archived: false }).orderBy('name');
    },
    async create(name: string): Promise<number> {
      const [id] = await db<Project>('projects').insert({ name, archived: false });
      return id;
    },
    async archive(id: number): Promise<boolean> {
      return (await db<Project>('projects').where({ id }).update({ archived: true })) === 1;
    },
  };
}
