/**
 * @title Task repository over PostgreSQL with parameterized queries and RETURNING
 * @tags repository, postgres, pg, crud, returning, tasks
 * @stack postgres, pg, typescript
 */
import type { Pool } from 'pg';

export interface Task {
  id: string;
  title: string;
  done: boolean;
  assigneeId: string | null;
}

const COLUMNS = 'id, title, done, assignee_id AS "assigneeId"';

export class PgTaskRepository {
  constructor(private readonly pool: Pool) {}

  async findById(id: string): Promise<Task | null> {
    const { rows } = await this.pool.query<Task>(`SELECT ${COLUMNS} FROM tasks WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async create(title: string): Promise<Task> {
    const { rows } = await this.pool.query<Task>(`INSERT INTO tasks (title) VALUES ($1) RETURNING ${COLUMNS}`, [title]);
    return rows[0];
  }

  async assign(id: string, assigneeId: string): Promise<Task | null> {
    const { rows } = await this.pool.query<Task>(`UPDATE tasks SET assignee_id = $2 WHERE id = $1 RETURNING ${COLUMNS}`, [id, assigneeId]);
    return rows[0] ?? null;
  }
}
