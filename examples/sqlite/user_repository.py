# @title User repository over SQLite with the standard library sqlite3 module
# @tags repository, sqlite, sqlite3, users, crud, row factory
# @stack sqlite, python
import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True)
class User:
    id: int
    email: str
    name: str


class SqliteUserRepository:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.conn.row_factory = sqlite3.Row

    def get(self, user_id: int) -> User | None:
        row = self.conn.execute("SELECT id, email, name FROM users WHERE id = ?", (user_id,)).fetchone()
        return User(**dict(row)) if row else None

    def find_by_email(self, email: str) -> User | None:
        row = self.conn.execute("SELECT id, email, name FROM users WHERE email = ?", (email.lower(),)).fetchone()
        return User(**dict(row)) if row else None

    def add(self, email: str, name: str) -> User:
        with self.conn:
            cur = self.conn.execute("INSERT INTO users (email, name) VALUES (?, ?)", (email.lower(), name))
        return User(id=cur.lastrowid, email=email.lower(), name=name)
