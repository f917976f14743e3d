# @title Async tests with pytest-asyncio for an aiosqlite repository
# @tags testing, pytest, asyncio, pytest-asyncio, async fixtures, sqlite
# @stack pytest, pytest-asyncio, python
from collections.abc import AsyncIterator

import aiosqlite
import pytest
import pytest_asyncio

from examples.sqlite.aiosqlite_repo import AsyncTaskRepository


@pytest_asyncio.fixture
async def repo() -> AsyncIterator[AsyncTaskRepository]:
    async with aiosqlite.connect(":memory:") as db:
        await db.execute("CREATE TABLE tasks (id INTEGER PRIMARY KEY, title TEXT NOT NULL, done INTEGER NOT NULL DEFAULT 0)")
        yield AsyncTaskRepository(db)


@pytest.mark.asyncio
async def test_added_tasks_are_listed_in_order(repo: AsyncTaskRepository) -> None:
    first = await repo.add("plan")
    second = await repo.add("build")
    assert await repo.list_open() == [(first, "plan"), (second, "build")]
