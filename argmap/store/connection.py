"""The SQLite connection of a workspace, raising errors the user can act on.

SQLite reports a damaged file, a read-only file and a file held by another writer as
``sqlite3`` exceptions, wherever a statement happens to meet them: on ``execute``, or
later while its rows are fetched. ``WorkspaceConnection`` turns those three into
``WorkspaceDamaged``, ``WorkspaceReadOnly`` and ``WorkspaceBusy``, each one line naming
the file and what to do, so every caller (the command line, the UI, the reviewer tools)
reports them the same way. Any other ``sqlite3`` error is a bug and passes unchanged.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from argmap.store.errors import (
    WorkspaceBusy,
    WorkspaceDamaged,
    WorkspaceError,
    WorkspaceReadOnly,
)

if TYPE_CHECKING:
    from argmap.store.backend import Backend

_DAMAGED = ("malformed", "file is not a database", "disk i/o error", "database corrupt")
_READ_ONLY = ("readonly database", "read-only", "attempt to write a readonly")
_BUSY = ("database is locked", "database is busy", "database table is locked")


def workspace_error(path: object, problem: sqlite3.Error) -> WorkspaceError | None:
    """The ``WorkspaceError`` for an SQLite error met on the workspace at ``path``, or None
    when the error is not about the file (a constraint, a bug in a query)."""
    text = str(problem).lower()
    if isinstance(problem, sqlite3.IntegrityError | sqlite3.ProgrammingError):
        return None
    if any(sign in text for sign in _DAMAGED):
        return damaged(path, str(problem))
    if any(sign in text for sign in _READ_ONLY):
        return WorkspaceReadOnly(
            f"{path}: the workspace is read-only (the file or its folder cannot be written); "
            "nothing was changed"
        )
    if any(sign in text for sign in _BUSY):
        return WorkspaceBusy(
            f"{path}: workspace busy: another argmap process is writing to it; try again"
        )
    return None


def damaged(path: object, detail: str) -> WorkspaceDamaged:
    """The error for a damaged workspace file, with what SQLite said and what to do."""
    return WorkspaceDamaged(
        f"{path}: the workspace file is damaged (SQLite: {detail}); nothing was changed. "
        f"Check it with `sqlite3 {path} 'PRAGMA integrity_check'`, restore a backup, or "
        f"save what is readable with `sqlite3 {path} .recover | sqlite3 recovered.sqlite`"
    )


class WorkspaceCursor(sqlite3.Cursor):
    """A cursor whose file problems, met while rows are fetched, are ``WorkspaceError``s."""

    connection: WorkspaceConnection

    def execute(self, sql: str, parameters: Any = (), /) -> WorkspaceCursor:
        try:
            return super().execute(sql, parameters)
        except sqlite3.Error as problem:
            raise self.connection.translated(problem) from None

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> WorkspaceCursor:
        try:
            return super().executemany(sql, parameters)
        except sqlite3.Error as problem:
            raise self.connection.translated(problem) from None

    def fetchone(self) -> Any:
        try:
            return super().fetchone()
        except sqlite3.Error as problem:
            raise self.connection.translated(problem) from None

    def fetchmany(self, size: int | None = 1) -> list[Any]:
        try:
            return super().fetchmany(size)
        except sqlite3.Error as problem:
            raise self.connection.translated(problem) from None

    def fetchall(self) -> list[Any]:
        try:
            return super().fetchall()
        except sqlite3.Error as problem:
            raise self.connection.translated(problem) from None

    def __next__(self) -> Any:
        try:
            return super().__next__()
        except sqlite3.Error as problem:
            raise self.connection.translated(problem) from None


class WorkspaceConnection(sqlite3.Connection):
    """An SQLite connection to the workspace file ``path`` (set right after connecting)."""

    path: object = "<workspace>"
    backend: Backend  # set by the backend that connects (``SqliteBackend.connect``)

    def translated(self, problem: sqlite3.Error) -> Exception:
        """``problem`` as the ``WorkspaceError`` it stands for, else unchanged."""
        return workspace_error(self.path, problem) or problem

    def cursor(self, factory: Any = WorkspaceCursor) -> Any:
        return super().cursor(factory)

    def execute(self, sql: str, parameters: Any = (), /) -> WorkspaceCursor:
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> WorkspaceCursor:
        return self.cursor().executemany(sql, parameters)

    def executescript(self, script: str, /) -> sqlite3.Cursor:
        try:
            return super().executescript(script)
        except sqlite3.Error as problem:
            raise self.translated(problem) from None

    def commit(self) -> None:
        try:
            super().commit()
        except sqlite3.Error as problem:
            raise self.translated(problem) from None
