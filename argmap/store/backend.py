"""What differs between the databases a workspace can live in, behind one interface.

The store writes one SQL for every database: ``INSERT ... ON CONFLICT``, ``RETURNING``,
a cursor's ``rowcount``. What has no common spelling is a method of ``Backend``: how a
write transaction begins and takes the workspace's write lock, how another connection's
commit is noticed, deferring foreign keys, checking the file, the schema version and the
mark of an argmap workspace, case-insensitive comparison, text aggregation and the JSON the
export builds in SQL. ``SqliteBackend`` is the embedded default (one file); a server
backend implements the same methods. Every PRAGMA and ``BEGIN IMMEDIATE`` of argmap is
here (a test checks), and each open connection names its backend (``conn.backend``).

``Connection`` and ``Cursor`` are what the store uses of a DB-API connection: the store's
modules are typed against them, not against ``sqlite3``.
"""

from __future__ import annotations

import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from itertools import chain
from pathlib import Path
from typing import Any, ClassVar, Protocol, cast

from argmap.store.connection import WorkspaceConnection
from argmap.store.errors import SchemaError, WorkspaceError
from argmap.store.schema import APPLICATION_ID

#: The oldest SQLite argmap runs on: ``RETURNING`` came with 3.35.0 (2021-03-12); upserts
#: (``ON CONFLICT ... DO UPDATE``, 3.24) and the JSON functions (built in since 3.38, in
#: Debian's and Python's builds before) are older.
MIN_SQLITE = (3, 35, 0)

#: The most parameters one SQLite statement takes (SQLITE_MAX_VARIABLE_NUMBER's default since
#: 3.32; argmap needs 3.35).
MAX_VARIABLES = 32766
#: The most rows one ``insert_rows`` statement holds: preparing a statement costs more the
#: more rows it lists, and one of as many rows as it takes parameters (1,489 statements, 6,553
#: suggestions) cost more than the statement journals of smaller ones save (add --statements
#: of PolNeAR train's results: 4,695 M instructions; 1,024 rows 4,434 M, 512 4,399 M, 256
#: 4,434 M).
MAX_ROWS = 512
#: The page cache (KB) of a connection writing many rows (``bulk_writes``).
BULK_CACHE_KB = 32_000
#: The page size of a new workspace file (SQLite's default: 4096). A page is written with a
#: system call of its own (to the write-ahead log at commit, to the file at a checkpoint):
#: storing PolNeAR train's results (24 MB) made 19,000 writes and 6,500 reads of 4 KB pages,
#: 4,700 and 1,500 of 16 KB ones (0.04 s of 0.98 s of CPU). Files made before keep theirs.
PAGE_SIZE = 16384

#: The first bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"


class Cursor(Protocol):
    """What the store reads from a cursor: rows, their column names, the rows a write changed."""

    @property
    def description(self) -> Any: ...

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """What the store uses of a workspace's DB-API connection (autocommit: transactions are
    begun by ``Backend.begin_write`` and ended by ``COMMIT`` or ``ROLLBACK``)."""

    @property
    def backend(self) -> Backend: ...

    @property
    def in_transaction(self) -> bool: ...

    def execute(self, sql: str, parameters: Any = (), /) -> Cursor: ...

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Cursor: ...

    def close(self) -> None: ...


#: A field of a JSON record built in SQL: (key, SQL expression, kind), kind one of
#: "value" (the column's value: text, number or null), "json" (a column holding JSON text,
#: embedded as JSON) or "bool" (a 0/1 column as false/true).
JsonField = tuple[str, str, str]


class Backend(ABC):
    """The database-specific parts of the store: one instance per kind of database."""

    #: The database's name, as messages give it.
    name: str
    #: The exceptions the driver raises for a broken constraint (unique, foreign key).
    integrity_errors: tuple[type[Exception], ...]

    # ------------------------------------------------------------------ transactions

    @abstractmethod
    def begin_write(self, conn: Connection) -> None:
        """Begin a write transaction holding the workspace's one write lock (writers take turns,
        so the edit log's order is the order of commits); ``WorkspaceBusy`` when another
        writer holds it too long."""

    @abstractmethod
    def defer_foreign_keys(self, conn: Connection) -> None:
        """Check the foreign keys of the current transaction at its commit, not row by row."""

    @abstractmethod
    def data_version(self, conn: Connection) -> int:
        """A number that changes when another connection commits a change."""

    @abstractmethod
    def change_marker(self, conn: Connection) -> object:
        """A value that changes when anything commits a change, this connection included."""

    # ------------------------------------------------------------------ the workspace itself

    @abstractmethod
    def quick_check(self, conn: Connection) -> str | None:
        """None when the database is sound, else the first problem found (one line)."""

    @abstractmethod
    def schema_version(self, conn: Connection) -> int:
        """The workspace's schema version (0 in a database argmap has not set up)."""

    @abstractmethod
    def set_schema_version(self, conn: Connection, version: int) -> None:
        """Record the schema version (inside the caller's transaction)."""

    @abstractmethod
    def application_id(self, conn: Connection) -> int:
        """The mark that says the database is an argmap workspace (0 when it has none)."""

    @abstractmethod
    def set_application_id(self, conn: Connection, value: int) -> None:
        """Mark the database as an argmap workspace (inside the caller's transaction)."""

    @abstractmethod
    def indexes(self, conn: Connection, table: str) -> list[tuple[str, str]]:
        """``(name, CREATE statement)`` of each index made on ``table`` (not the ones a
        primary key or UNIQUE makes)."""

    def refresh_labels(self, conn: Connection, statement_ids: list[str]) -> bool:
        """Recompute the statements' derived labels in the database itself, if it does that
        (``argmap.store.derived``); False: it does not, and the caller derives them."""
        return False

    def insert_rows(self, conn: Connection, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """``sql`` (an ``INSERT ... VALUES (?, ...)`` of one row) run for each of ``rows``,
        in their order (inside the caller's transaction)."""
        conn.executemany(sql, rows)

    @contextmanager
    def bulk_writes(self, conn: Connection) -> Iterator[None]:
        """Settings for a command that writes many rows in a few large transactions."""
        yield

    def after_migration(self, conn: Connection, version: int) -> None:
        """What this database needs after schema migration ``version`` beyond the shared DDL
        (inside the migration's transaction); nothing by default."""
        return None

    def reset_counter(self, conn: Connection, table: str) -> None:
        """After rows were copied into ``table`` with their own ids, let the ids it gives
        new rows start after them (nothing to do where the database reads the largest)."""
        return None

    # ------------------------------------------------------------------ SQL spellings

    @abstractmethod
    def nocase(self, expr: str) -> str:
        """``expr`` compared and ordered case-insensitively (ASCII letters), as SQL."""

    @abstractmethod
    def nocase_equal(self, left: str, right: str) -> str:
        """The SQL condition that ``left`` equals ``right`` case-insensitively (ASCII)."""

    @abstractmethod
    def join_text(self, expr: str, separator: str) -> str:
        """The aggregate joining ``expr``'s values with the SQL string literal
        ``separator``."""

    #: How each kind of JSON field is spelled (``{}``: the column's expression), and the
    #: function call that builds the object from ``'key', value`` pairs.
    json_forms: ClassVar[Mapping[str, str]]
    json_object: ClassVar[str]

    def json_record(self, fields: Sequence[JsonField]) -> str:
        """An SQL expression building one JSON object text from ``fields``, in their order."""
        parts = []
        for key, expr, kind in fields:
            if kind not in self.json_forms:
                raise ValueError(f"unknown JSON field kind {kind!r}")
            parts.append(f"'{key}', {self.json_forms[kind].format(expr)}")
        return self.json_object.format(", ".join(parts))


class SqliteBackend(Backend):
    """A workspace in one SQLite file (WAL mode, one writer at a time, readers go on)."""

    name = "SQLite"
    integrity_errors = (sqlite3.IntegrityError,)

    def connect(self, path: Path, busy_timeout: float, *, new: bool = False) -> WorkspaceConnection:
        """A connection to the workspace file ``path`` in WAL mode; for an existing file, only
        after making sure it is an argmap workspace (WAL mode is a write to the file)."""
        check_sqlite_version()
        if not new and not is_sqlite_file(path):
            raise SchemaError(f"{path}: not an argmap workspace (not an SQLite database file)")
        conn = sqlite3.connect(
            path,
            timeout=busy_timeout,
            isolation_level=None,
            check_same_thread=False,
            factory=WorkspaceConnection,
        )
        conn.path = path
        conn.backend = self
        try:
            if not new and self.application_id(conn) != APPLICATION_ID:
                raise SchemaError(f"{path}: not an argmap workspace")
            if new:  # (before the file is written, and before WAL mode, which fixes it)
                conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")  # WAL: durable across a process crash
            conn.execute("PRAGMA foreign_keys = ON")
        except BaseException:
            conn.close()
            raise
        return conn

    def is_workspace(self, path: Path) -> bool:
        """Whether ``path`` is an argmap workspace (read without writing to it)."""
        if not is_sqlite_file(path):
            return False
        try:
            with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
                return bool(conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID)
        except sqlite3.Error:
            return False

    def begin_write(self, conn: Connection) -> None:
        conn.execute("BEGIN IMMEDIATE")  # WorkspaceBusy after busy_timeout

    def insert_rows(self, conn: Connection, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """``MAX_ROWS`` rows a statement (one VALUES list; fewer where SQLite would not take
        their parameters), not one statement a row: a row's statement, inside a transaction,
        first copies every page it changes (the table's, its indexes', a trigger's) to a
        statement journal, written to a temporary file once it outgrows 64 KB (24 writes a
        statement row; a third of the inserts' time). The rows are inserted in their order, as
        ``executemany`` would.

        The rows left after the full statements go by powers of two (1,000 rows: 512, 256,
        128, 64, 32, 8): a prepared statement of 512 rows of a statement's 22 values takes
        about 1 MB and the connection keeps the last 128 it prepared, so a size for every
        remainder would hold much more by the end of a large ingest."""
        head, values = sql.rsplit(" VALUES ", 1)
        per = max(1, min(MAX_ROWS, MAX_VARIABLES // values.count("?")))
        at = 0
        while at < len(rows):
            left = len(rows) - at
            size = per if left >= per else 1 << (left.bit_length() - 1)
            conn.execute(
                f"{head} VALUES {', '.join([values] * size)}",
                list(chain.from_iterable(rows[at : at + size])),
            )
            at += size

    @contextmanager
    def bulk_writes(self, conn: Connection) -> Iterator[None]:
        """Temporary files in memory (the statement journals of the statements that still
        need one), and a page cache of 32 MB instead of 2 MB (a large transaction's changed
        pages otherwise spill to the WAL before it ends, some of them several times); as they
        were afterwards."""
        store = conn.execute("PRAGMA temp_store").fetchone()[0]
        cache = conn.execute("PRAGMA cache_size").fetchone()[0]
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute(f"PRAGMA cache_size = {-BULK_CACHE_KB}")
        try:
            yield
        finally:
            conn.execute(f"PRAGMA temp_store = {int(store)}")
            conn.execute(f"PRAGMA cache_size = {int(cache)}")

    def defer_foreign_keys(self, conn: Connection) -> None:
        conn.execute("PRAGMA defer_foreign_keys = ON")

    def data_version(self, conn: Connection) -> int:
        return int(conn.execute("PRAGMA data_version").fetchone()[0])

    def change_marker(self, conn: Connection) -> object:
        return (self.data_version(conn), cast(sqlite3.Connection, conn).total_changes)

    def quick_check(self, conn: Connection) -> str | None:
        rows = conn.execute("PRAGMA quick_check(1)").fetchall()
        return None if rows == [("ok",)] else " ".join(str(rows[0][0]).split())

    def schema_version(self, conn: Connection) -> int:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])

    def set_schema_version(self, conn: Connection, version: int) -> None:
        conn.execute(f"PRAGMA user_version = {int(version)}")

    def application_id(self, conn: Connection) -> int:
        return int(conn.execute("PRAGMA application_id").fetchone()[0])

    def set_application_id(self, conn: Connection, value: int) -> None:
        conn.execute(f"PRAGMA application_id = {int(value)}")

    def indexes(self, conn: Connection, table: str) -> list[tuple[str, str]]:
        return [
            (name, sql)
            for name, sql in conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                "AND tbl_name = ? AND sql IS NOT NULL",
                (table,),
            ).fetchall()
        ]

    def nocase(self, expr: str) -> str:
        return f"{expr} COLLATE NOCASE"

    def nocase_equal(self, left: str, right: str) -> str:
        return f"{left} = {right} COLLATE NOCASE"

    def join_text(self, expr: str, separator: str) -> str:
        return f"group_concat({expr}, {separator})"

    # SQLite's json_object builds the record in C: floats with 15 significant digits
    json_forms: ClassVar[Mapping[str, str]] = {
        "value": "{}",
        "json": "json({})",
        "bool": "json(CASE WHEN {} THEN 'true' ELSE 'false' END)",
    }
    json_object = "json_object({})"


#: The backend of every SQLite workspace.
SQLITE = SqliteBackend()


def check_sqlite_version(version: tuple[int, int, int] = sqlite3.sqlite_version_info) -> None:
    """``WorkspaceError`` when Python's SQLite library is older than ``MIN_SQLITE``."""
    if tuple(version) < MIN_SQLITE:
        found = ".".join(map(str, version))
        need = ".".join(map(str, MIN_SQLITE))
        raise WorkspaceError(
            f"this Python's SQLite library is version {found}; argmap needs {need} or newer "
            "(use a Python built with a newer SQLite, e.g. the python.org or Debian 12 builds)"
        )


def is_sqlite_file(path: Path) -> bool:
    """Whether ``path`` starts as an SQLite database does (an empty file counts: SQLite
    makes it a database)."""
    try:
        with open(path, "rb") as file:
            head = file.read(len(SQLITE_HEADER))
    except OSError:
        return True  # let SQLite say what is wrong with it
    return head in (b"", SQLITE_HEADER)
