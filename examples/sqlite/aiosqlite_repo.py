# @title Async task repository with aiosqlite for an asyncio web app
# @tags sqlite, aiosqlite, async, repository, tasks
# @stack sqlite, aiosqlite, python
import aiosqlite


class AsyncTaskRepository:
    def __init__(self, db: aiosqlite.Connection) -> None:
        self.db = db

    async def list_open(self) -> list[tuple[int, str]]:
        async with self.db.execute("SELECT id, title FROM tasks WHERE done = 0 ORDER BY id") as cursor:
            return [(row[0], row[1]) for row in await cursor.fetchall()]

    async def add(self, title: str) -> int:
        cursor = await self.db.execute("INSERT INTO tasks (title) VALUES (?)", (title,))
        await self.db.commit()
        return cursor.lastrowid or 0
