# @title pytest tests of a SQLite repository using a temporary database fixture
# @tags testing, pytest, repository, sqlite, fixtures, integration test
# @stack pytest, python
import sqlite3

import pytest

from examples.sqlite.user_repository import SqliteUserRepository


def test_add_then_get(db: sqlite3.Connection) -> None:
    repo = SqliteUserRepository(db)
    user = repo.add("Ada@Example.org", "Ada")
    assert repo.get(user.id) == user
    assert repo.find_by_email("ada@example.org") == user


def test_duplicate_email_is_refused(db: sqlite3.Connection) -> None:
    repo = SqliteUserRepository(db)
    repo.add("ada@example.org", "Ada")
    with pytest.raises(sqlite3.IntegrityError):
        repo.add("ada@example.org", "Other Ada")
