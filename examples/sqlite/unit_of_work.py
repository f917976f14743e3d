# @title Unit of work over sqlite3 committing or rolling back a block of repository calls
# @tags sqlite, unit of work, transaction, context manager, repository
# @stack sqlite, python
import sqlite3
from types import TracebackType


class SqliteUnitOfWork:
    def __init__(self, path: str) -> None:
        self.path = path
        self.conn: sqlite3.Connection | None = None

    def __enter__(self) -> sqlite3.Connection:
        self.conn = sqlite3.connect(self.path, isolation_level="DEFERRED")
        return self.conn

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        assert self.conn is not None
        if exc_type is None:
            self.conn.commit()
        else:
            self.conn.rollback()
        self.conn.close()
