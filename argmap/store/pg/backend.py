"""``PostgresBackend``: a workspace in a PostgreSQL database, behind the store's ``Backend``.

One database is one workspace. Writers take turns as on SQLite: a write transaction takes a
transaction-level advisory lock (so the edit log's order is the order of commits, and the
statement tally's triggers never deadlock), waiting at most the busy timeout
(``lock_timeout``) before ``WorkspaceBusy``. Readers never wait. Each write transaction
counts itself in ``change_counter``, which is how another session's commits are noticed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

import psycopg

from argmap.store.backend import Backend, Connection
from argmap.store.pg import roles, schema
from argmap.store.pg.connection import PgConnection, connect

#: Tables whose rows carry ids the database counts out, and the column (a copy writes them).
IDENTITIES = {"documents": "seq", "statements": "seq", "edits": "id"}

#: The advisory lock every writer of a workspace takes (one database is one workspace).
WRITE_LOCK = 0x41524D50  # 'ARMP', as the SQLite file's application id


class PostgresBackend(Backend):
    """A workspace in one PostgreSQL database (tables in its search path's first schema)."""

    name = "PostgreSQL"
    integrity_errors = (psycopg.IntegrityError,)

    def connect(self, target: str, busy_timeout: float) -> PgConnection:
        """A connection to the database ``target`` names (``ServerUnavailable`` when the
        server cannot be reached); ``busy_timeout`` seconds is how long a writer waits."""
        conn = connect(target, self)
        conn.busy_timeout = busy_timeout
        return conn

    def create_schema(self, conn: Connection) -> None:
        """Create the workspace's tables, indexes, triggers and functions (inside the
        caller's transaction)."""
        current = conn.execute("SELECT current_schema()").fetchone()[0]
        for statement in schema.ddl(current):
            conn.execute(statement)

    def has_tables(self, conn: Connection) -> bool:
        """Whether the database's first schema holds any table (a workspace is made only in an
        empty database)."""
        row = conn.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"
        ).fetchone()
        return bool(row[0])

    def after_migration(self, conn: Connection, version: int) -> None:
        """After migration 5 (to 6), in a workspace whose roles are set up: the analysts'
        group role gets the new tables as every other (select, insert, update, delete; never
        TRIGGER, whose function would run as whoever fires it); a reviewer's role none."""
        if version == 5 and roles.is_secured(conn):
            analysts = schema.quoted(roles.group_roles(conn)["analyst"])
            conn.execute(
                "GRANT SELECT, INSERT, UPDATE, DELETE ON web_sessions, web_analyst_links, "
                f"learned_model TO {analysts}"
            )

    # ------------------------------------------------------------------ transactions

    def begin_write(self, conn: Connection) -> None:
        pg = _pg(conn)
        conn.execute("BEGIN")
        try:
            milliseconds = max(1, round(pg.busy_timeout * 1000))
            conn.execute(f"SET LOCAL lock_timeout = {milliseconds}")
            conn.execute("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK,))
            if self._has(conn, "change_counter"):
                conn.execute("UPDATE change_counter SET n = n + 1")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        pg.writing = True

    def refresh_labels(self, conn: Connection, statement_ids: list[str]) -> bool:
        """Derived labels come from ``argmap_refresh_label`` (the rule in SQL, run as the
        workspace's owner, so a reviewer's role needs no right to write statements); False in
        a workspace made before it existed."""
        pg = _pg(conn)
        if pg.derives_labels is None:
            found = conn.execute("SELECT to_regproc('argmap_refresh_label')").fetchone()
            pg.derives_labels = found is not None and found[0] is not None
        if not pg.derives_labels:
            return False
        if statement_ids:
            conn.execute(
                "SELECT count(argmap_refresh_label(id)) FROM unnest(CAST(? AS text[])) AS id",
                (list(statement_ids),),
            )
        return True

    def defer_foreign_keys(self, conn: Connection) -> None:
        conn.execute("SET CONSTRAINTS ALL DEFERRED")

    def data_version(self, conn: Connection) -> int:
        # every write transaction counts itself; this session's own commits are taken off,
        # as SQLite's data_version changes for other connections' commits only
        return self._changes(conn) - _pg(conn).own_commits

    def change_marker(self, conn: Connection) -> object:
        return self._changes(conn)

    # ------------------------------------------------------------------ the workspace itself

    def quick_check(self, conn: Connection) -> str | None:
        return None  # the server keeps its own files sound; nothing to check from here

    def schema_version(self, conn: Connection) -> int:
        return self._mark(conn, "user_version")

    def set_schema_version(self, conn: Connection, version: int) -> None:
        self._set_mark(conn, "user_version", version)

    def application_id(self, conn: Connection) -> int:
        return self._mark(conn, "application_id")

    def set_application_id(self, conn: Connection, value: int) -> None:
        self._set_mark(conn, "application_id", value)

    def indexes(self, conn: Connection, table: str) -> list[tuple[str, str]]:
        rows = conn.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i "
            "WHERE i.schemaname = current_schema() AND i.tablename = ? "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
            "WHERE c.conname = i.indexname AND c.contype IN ('p', 'u')) ORDER BY i.indexname",
            (table,),
        ).fetchall()
        return [(name, sql) for name, sql in rows]

    def reset_counter(self, conn: Connection, table: str) -> None:
        column = IDENTITIES.get(table)
        if column:
            conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), "
                f"coalesce(max({column}), 1), max({column}) IS NOT NULL) FROM {table}"
            )

    # ------------------------------------------------------------------ SQL spellings

    def nocase(self, expr: str) -> str:
        return schema.nocase(expr)

    def nocase_equal(self, left: str, right: str) -> str:
        return f"{schema.nocase(left)} = {schema.nocase(right)}"

    def join_text(self, expr: str, separator: str) -> str:
        return f"string_agg(CAST({expr} AS text), {separator})"

    json_forms: ClassVar[Mapping[str, str]] = {
        "value": "{}",
        "json": "CAST({} AS json)",
        "bool": "(({}) <> 0)",
    }
    json_object = "CAST(json_build_object({}) AS text)"

    # ------------------------------------------------------------------ helpers

    @staticmethod
    def _has(conn: Connection, table: str) -> bool:
        found = conn.execute("SELECT to_regclass(?)", (table,)).fetchone()
        return found is not None and found[0] is not None

    def _changes(self, conn: Connection) -> int:
        if not self._has(conn, "change_counter"):
            return 0
        return int(conn.execute("SELECT n FROM change_counter").fetchone()[0])

    def _mark(self, conn: Connection, name: str) -> int:
        if not self._has(conn, "workspace_marks"):
            return 0
        row = conn.execute("SELECT value FROM workspace_marks WHERE name = ?", (name,)).fetchone()
        return int(row[0]) if row else 0

    def _set_mark(self, conn: Connection, name: str, value: int) -> None:
        conn.execute(
            "INSERT INTO workspace_marks (name, value) VALUES (?, ?) "
            "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            (name, int(value)),
        )


def _pg(conn: Connection) -> PgConnection:
    if not isinstance(conn, PgConnection):
        raise TypeError("a PostgreSQL workspace's backend was given another connection")
    return conn


#: The backend of every PostgreSQL workspace.
POSTGRES = PostgresBackend()
