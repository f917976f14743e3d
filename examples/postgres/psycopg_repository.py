# @title User repository with psycopg 3, dict rows and a transaction block
# @tags postgres, psycopg, repository, users, transaction
# @stack postgres, psycopg, python
import psycopg
from psycopg.rows import dict_row


class PsycopgUserRepository:
    def __init__(self, conninfo: str) -> None:
        self.conninfo = conninfo

    def find_by_email(self, email: str) -> dict | None:
        with psycopg.connect(self.conninfo, row_factory=dict_row) as conn:
            return conn.execute("SELECT id, email, name FROM users WHERE email = %s", (email,)).fetchone()

    def register(self, email: str, name: str, password_hash: str) -> int:
        with psycopg.connect(self.conninfo) as conn, conn.transaction():
            row = conn.execute(
                "INSERT INTO users (email, name, password_hash) VALUES (%s, %s, %s) RETURNING id",
                (email, name, password_hash),
            ).fetchone()
        if row is None:
            raise RuntimeError("insert returned no id")
        return row[0]
