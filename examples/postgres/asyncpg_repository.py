# @title Task repository over PostgreSQL with asyncpg and a connection pool
# @tags postgres, asyncpg, repository, async, tasks, crud
# @stack postgres, asyncpg, python
from dataclasses import dataclass
from uuid import UUID

import asyncpg


@dataclass(frozen=True)
class Task:
    id: UUID
    title: str
    done: bool


class PgTaskRepository:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def get(self, task_id: UUID) -> Task | None:
        row = await self.pool.fetchrow("SELECT id, title, done FROM tasks WHERE id = $1", task_id)
        return Task(**dict(row)) if row else None

    async def add(self, title: str) -> Task:
        row = await self.pool.fetchrow("INSERT INTO tasks (title) VALUES ($1) RETURNING id, title, done", title)
        return Task(**dict(row))

    async def complete_many(self, ids: list[UUID]) -> int:
        async with self.pool.acquire() as conn, conn.transaction():
            result = await conn.execute("UPDATE tasks SET done = true WHERE id = ANY($1::uuid[])", ids)
        return int(result.split()[-1])
