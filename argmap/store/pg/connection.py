"""A workspace's connection to PostgreSQL, speaking the store's SQL (imported only for a
workspace on a server: it needs psycopg, the ``postgresql`` extra).

The store writes its SQL once, in the spelling SQLite and PostgreSQL share, with SQLite's
``?`` placeholders. ``translate`` turns a statement into what psycopg sends: ``?`` becomes
``%s``, a literal ``%`` is doubled, ``rowid`` (insertion order in SQLite) becomes the
``seq`` column PostgreSQL tables carry for it, and ``LIKE`` becomes ``ILIKE`` (SQLite's
LIKE ignores the case of ASCII letters; on ``COLLATE "C"`` text, PostgreSQL's ILIKE does the
same and nothing more), and ``CROSS JOIN t ON`` is a ``JOIN``. String literals and quoted
names are left alone. Each statement is translated once (cached).

``PgConnection`` wraps an autocommit psycopg connection as the store's ``Connection``:
transactions are begun by the backend and ended with ``COMMIT``/``ROLLBACK`` statements, as
on SQLite; booleans are sent as integers (the schema's flags are integers, as SQLite's);
sums come back as int or float, not Decimal; a lost server is ``ServerUnavailable``, a lock
not had in time ``WorkspaceBusy``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import psycopg
from psycopg import errors
from psycopg.adapt import Loader
from psycopg.pq import TransactionStatus

from argmap.store.errors import AccessRefused, WorkspaceBusy, WorkspaceError

if TYPE_CHECKING:
    from argmap.store.backend import Backend

#: What the scanner stops at: a string literal, a quoted name, a placeholder, a percent sign,
#: or a word (to find ``rowid`` and ``LIKE`` as whole words).
_PIECES = re.compile(
    r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|\?|%|[A-Za-z_][A-Za-z0-9_]*|[^'\"?%A-Za-z_]+"
)
#: A CROSS JOIN with a join condition (a table, perhaps an alias, then ON).
_CROSS_JOIN_ON = re.compile(r"\bCROSS JOIN(\s+\w+(?:\s+(?!ON\b)\w+)?\s+ON\b)", re.IGNORECASE)
#: Whole words the translation replaces (compared in upper case).
_WORDS = {"ROWID": "seq", "LIKE": "ILIKE"}


class ServerUnavailable(WorkspaceError):
    """The PostgreSQL server could not be reached, or the connection to it was lost."""


@lru_cache(maxsize=4096)
def translate(sql: str, parameters: bool = True) -> str:
    """``sql`` in the store's spelling as psycopg takes it for PostgreSQL (``parameters``:
    whether it is sent with parameters; without, psycopg sends ``%`` as it is)."""
    # SQLite reads "CROSS JOIN t ON ..." as an inner join in that order; PostgreSQL wants JOIN
    sql = _CROSS_JOIN_ON.sub(r"JOIN\1", sql)
    out: list[str] = []
    for piece in _PIECES.findall(sql):
        first = piece[0]
        if first == "?":
            out.append("%s")
        elif first == "%" and parameters:
            out.append("%%")
        elif first == "'" and parameters:
            out.append(piece.replace("%", "%%"))
        elif first.isalpha() or first == "_":
            out.append(_WORDS.get(piece.upper(), piece))
        else:
            out.append(piece)
    return "".join(out)


class PgConnection:
    """An autocommit psycopg connection as the store's ``Connection``."""

    def __init__(self, raw: Any, name: str, backend: Backend) -> None:
        self.raw = raw
        self.path = name  # what messages name the workspace by
        self.backend = backend
        #: write transactions this connection committed (see ``PostgresBackend.data_version``)
        self.own_commits = 0
        self.writing = False  # inside a write transaction begun by the backend
        self.busy_timeout = 5.0  # seconds a writer waits for the write lock
        #: whether the database derives statements' labels itself (None: not yet asked)
        self.derives_labels: bool | None = None

    @property
    def in_transaction(self) -> bool:
        return bool(self.raw.info.transaction_status != TransactionStatus.IDLE)

    def execute(self, sql: str, parameters: Any = (), /) -> Any:
        try:
            cursor = self.raw.cursor()
            if parameters:
                cursor.execute(translate(sql), _parameters(parameters))
            else:
                cursor.execute(translate(sql, False))
        except Exception as problem:
            raise self.translated(problem) from None
        if self.writing and sql.strip().upper() in {"COMMIT", "ROLLBACK"}:
            self.writing = False
            if sql.strip().upper() == "COMMIT":
                self.own_commits += 1
        return cursor

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Any:
        try:
            cursor = self.raw.cursor()
            cursor.executemany(translate(sql), [_parameters(p) for p in parameters])
        except Exception as problem:
            raise self.translated(problem) from None
        return cursor

    def close(self) -> None:
        self.raw.close()

    def translated(self, problem: Exception) -> Exception:
        """``problem`` as the ``WorkspaceError`` it stands for, else unchanged."""
        if isinstance(problem, errors.LockNotAvailable | errors.QueryCanceled):
            return WorkspaceBusy(
                f"{self.path}: workspace busy: another argmap session is writing to it; try again"
            )
        if isinstance(problem, errors.InsufficientPrivilege):
            return AccessRefused(
                f"{self.path}: refused by the database: {_first_line(problem)} "
                "(your role may not do this in this workspace); nothing was written"
            )
        if isinstance(problem, psycopg.OperationalError) and self.raw.closed:
            return ServerUnavailable(
                f"{self.path}: the connection to the PostgreSQL server was lost "
                f"({_first_line(problem)}); nothing more was written"
            )
        return problem


def _parameters(parameters: Any) -> Any:
    """Booleans as integers (the schema's 0/1 columns), as SQLite stores them."""
    if isinstance(parameters, dict):
        return {key: int(v) if isinstance(v, bool) else v for key, v in parameters.items()}
    return [int(v) if isinstance(v, bool) else v for v in parameters]


def _first_line(problem: Exception) -> str:
    text = str(problem).strip()
    return text.splitlines()[0] if text else type(problem).__name__


def connect(target: str, backend: Backend, *, timeout: float = 10.0) -> PgConnection:
    """An autocommit connection to the database ``target`` names (a URL or key/value string;
    libpq reads passwords and defaults from its own files and ``PG*`` variables)."""
    from argmap.store.pg.url import connection_parameters, display_name

    connection_parameters(target)  # refuses a password or a malformed target
    name = display_name(target)
    try:
        raw = psycopg.connect(target, autocommit=True, connect_timeout=max(1, round(timeout)))
    except psycopg.OperationalError as problem:
        reason = _first_line(problem)
        if "no password supplied" in reason or "password authentication failed" in reason:
            reason += (
                " (argmap takes no password in the URL: keep it in ~/.pgpass as "
                "host:port:database:user:password, mode 600, or in a service file)"
            )
        raise ServerUnavailable(f"{name}: cannot connect: {reason}") from None
    # sum() of integers is numeric in PostgreSQL; the store, like SQLite, wants int or float
    raw.adapters.register_loader("numeric", NumericAsNumber)
    return PgConnection(raw, name, backend)


class NumericAsNumber(Loader):
    """A numeric value (text form) as an int when it is written whole, else a float."""

    def load(self, data: Any) -> int | float:
        text = bytes(data).decode()
        return float(text) if any(c in text for c in ".eEaN") else int(text)
