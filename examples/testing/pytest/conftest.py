# @title pytest conftest with shared fixtures: temporary SQLite database and a clock
# @tags testing, pytest, conftest, fixtures, sqlite, tmp_path
# @stack pytest, python
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from examples.sqlite.schema_setup import connect


@pytest.fixture
def db(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    conn = connect(str(tmp_path / "test.db"))
    yield conn
    conn.close()


class FakeClock:
    def __init__(self, now: float = 1_700_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()
