"""The workspace file: opening, creating, locking, transactions, undo and redo.

Every edit runs in one write transaction (``Backend.begin_write``) and writes one row of the
edit log (``argmap.store.editlog``) holding, for each row it touched, the row before
and after. Undo puts the "before" rows back, redo the "after" rows, after checking
that nothing changed those rows since (otherwise it refuses, naming the row); each undo and
redo is an entry of the log too (``REPLAYS``: who, when, the rows it wrote), which cannot itself
be undone. WAL mode keeps
readers going while one process writes; a second writer waits up to
``busy_timeout`` seconds and then gets ``WorkspaceBusy``.

Several people share a workspace: edits made inside ``based_on(head)`` are refused when they
change what another person changed after the view was read (``argmap.store.conflicts``), and
undo/redo with ``actor`` take back (make again) only that person's own edits.
"""

from __future__ import annotations

import getpass
import json
import os
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path

from argmap import __version__
from argmap.store import conflicts, schema
from argmap.store.backend import SQLITE, Backend, Connection
from argmap.store.connection import damaged
from argmap.store.derived import refresh_labels
from argmap.store.editlog import (
    CONFLICT,
    ChangeSet,
    edit_from_row,
    logged_changes,
    replayed_row,
    statements_of,
    write_row,
)
from argmap.store.errors import EditError, WorkspaceError, WorkspaceNotFound
from argmap.store.pg.url import is_server_target
from argmap.store.records import Edit

WORKSPACE_FILE = "argmap.sqlite"
BUSY_TIMEOUT = 5.0  # seconds a writer waits for another process before "workspace busy"
#: The actions of the log entries undo and redo write: ``undoable`` 0, their ``changes`` the
#: rows they wrote ({table, key, before, after}), each with ``edit``: the id of the edit replayed.
REPLAYS = ("undo", "redo")


def default_busy_timeout() -> float:
    """The busy timeout: ``$ARGMAP_BUSY_TIMEOUT`` seconds, else ``BUSY_TIMEOUT``."""
    try:
        return float(os.environ.get("ARGMAP_BUSY_TIMEOUT", BUSY_TIMEOUT))
    except ValueError:
        return BUSY_TIMEOUT


def now() -> str:
    """The current UTC time as ISO 8601 with milliseconds."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def default_actor() -> str:
    """Who is editing: ``$ARGMAP_USER``, else the login name."""
    try:
        return os.environ.get("ARGMAP_USER") or getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


def find_workspace(start: str | os.PathLike[str] | None = None) -> Path:
    """The workspace file in ``start`` (default: the current directory) or its parents.

    ``start`` may also name the workspace file itself. Raises ``WorkspaceNotFound``.
    """
    here = Path(start or os.getcwd()).resolve()
    if here.is_file():
        return here
    for folder in (here, *here.parents):
        candidate = folder / WORKSPACE_FILE
        if candidate.is_file():
            return candidate
    below = sorted(here.glob(f"*/{WORKSPACE_FILE}"))[:3]  # one folder down, as in seeds/
    hint = (
        f"; give one with -w: {', '.join(str(p.parent.relative_to(here)) for p in below)}"
        if below
        else " (run `argmap init`)"
    )
    raise WorkspaceNotFound(f"{here}: no argmap workspace here or in any parent directory{hint}")


def _write_meta(conn: Connection, codebook_json: str | None) -> None:
    """A new workspace's meta rows: its id, schema version, the argmap that made it, when."""
    meta = {
        "workspace_id": uuid.uuid4().hex,
        "schema_version": str(schema.SCHEMA_VERSION),
        "created_with": __version__,
        "created_at": now(),
    }
    if codebook_json is not None:
        meta["codebook"] = codebook_json
    conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", meta.items())


class Core:
    """An open workspace: the connection, transactions and the edit log."""

    def __init__(self, path: str | os.PathLike[str], *, busy_timeout: float | None = None) -> None:
        timeout = default_busy_timeout() if busy_timeout is None else busy_timeout
        self._lock = threading.RLock()
        self._changes: ChangeSet | None = None
        self._group: list[str] | None = None
        self._checked = False  # whether ``check_integrity`` has passed on this connection
        self._view = threading.local()  # .head: the log head of ``based_on`` in this thread
        #: the file (SQLite) or the server's connection string (PostgreSQL): what opens it
        self.path: Path | str
        self.conn: Connection
        if is_server_target(path):
            from argmap.store.pg.backend import POSTGRES

            self.path = str(path).strip()
            server = POSTGRES.connect(self.path, timeout)
            self.conn, name = server, server.path
        else:
            self.path = Path(path)
            if not self.path.is_file():
                raise WorkspaceNotFound(f"{self.path}: no such workspace")
            self.conn = SQLITE.connect(self.path, timeout)
            name = str(self.path)
        try:
            schema.check(self.conn, name)
            self.workspace_id = self.meta("workspace_id") or ""
        except BaseException:
            self.conn.close()
            raise

    @property
    def on_server(self) -> bool:
        """Whether the workspace lives on a database server (PostgreSQL), not in a file."""
        return isinstance(self.path, str)

    @property
    def name(self) -> str:
        """The workspace as messages name it: its file, or its database without a password."""
        return str(getattr(self.conn, "path", self.path))

    # ------------------------------------------------------------------ life cycle

    @classmethod
    def create(cls, path: str | os.PathLike[str], *, codebook_json: str | None = None):
        """Create a new workspace file at ``path`` (it must not exist) and open it; or, for a
        PostgreSQL connection string, the workspace in that database (it must be empty)."""
        if is_server_target(path):
            return cls._create_on_server(str(path).strip(), codebook_json)
        path = Path(path)
        if path.exists():
            if SQLITE.is_workspace(path):
                raise WorkspaceError(f"{path}: a workspace already exists here")
            raise WorkspaceError(
                f"{path}: is not an argmap workspace; refusing to touch it (choose another path)"
            )
        for folder in (path.parent, *path.parent.parents):
            if folder.exists():
                if not folder.is_dir():
                    raise WorkspaceError(
                        f"{folder}: is a file, not a directory; give a directory for the workspace"
                    )
                break
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as problem:
            raise WorkspaceError(
                f"{path.parent}: cannot create the directory: {problem.strerror or problem}"
            ) from None
        conn = SQLITE.connect(path, BUSY_TIMEOUT, new=True)
        try:
            conn.backend.begin_write(conn)
            schema.create(conn)
            _write_meta(conn, codebook_json)
            conn.execute("COMMIT")
        finally:
            conn.close()
        return cls(path)

    @classmethod
    def _create_on_server(cls, target: str, codebook_json: str | None):
        from argmap.store.pg.backend import POSTGRES

        conn = POSTGRES.connect(target, BUSY_TIMEOUT)
        try:
            POSTGRES.begin_write(conn)
            try:
                if POSTGRES.application_id(conn) == schema.APPLICATION_ID:
                    raise WorkspaceError(f"{conn.path}: a workspace already exists here")
                if POSTGRES.has_tables(conn):
                    raise WorkspaceError(
                        f"{conn.path}: the database holds tables that are not an argmap "
                        "workspace; refusing to touch it (create an empty database for it)"
                    )
                POSTGRES.create_schema(conn)
                POSTGRES.set_schema_version(conn, schema.SCHEMA_VERSION)
                POSTGRES.set_application_id(conn, schema.APPLICATION_ID)
                _write_meta(conn, codebook_json)
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        finally:
            conn.close()
        return cls(target)

    @property
    def backend(self) -> Backend:
        """What is particular to the workspace's database (``argmap.store.backend``)."""
        return self.conn.backend

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ meta

    def meta(self, key: str) -> str | None:
        """A value of the meta table."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    # ------------------------------------------------------------------ transactions

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write transaction (``Backend.begin_write``); ``WorkspaceBusy`` when another
        writer holds it."""
        with self._lock:
            if not self._checked:
                self.check_integrity()  # never write into a damaged file
            self.backend.begin_write(self.conn)  # WorkspaceBusy after busy_timeout
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    with suppress(WorkspaceError):  # a damaged file may refuse even this
                        self.conn.execute("ROLLBACK")
                raise

    def integrity_checked(self) -> None:
        """Record that ``check_integrity`` passed on this file through another connection (a
        worker thread checks a large file without holding this one)."""
        self._checked = True

    def check_integrity(self) -> None:
        """``WorkspaceDamaged`` unless the backend's ``quick_check`` finds the file sound.

        Run before the first write of every connection, so a damaged file is never written
        to, and when a command opens a workspace of ordinary size (``open_workspace``).
        quick_check reads the whole file: about 1.5 ms per MB once the file is cached.
        """
        if self._checked:
            return
        with self._lock:
            problem = self.backend.quick_check(self.conn)
            if problem is not None:
                raise damaged(self.path, problem)
            self._checked = True

    @contextmanager
    def edit(self, action: str, summary: str, actor: str | None = None) -> Iterator[ChangeSet]:
        """One edit: a transaction recording the rows it touches in one edit-log entry.

        Inside ``edit_group`` (or another edit) it joins that transaction and entry. The
        connection's lock is held throughout, so another thread's edit waits its turn.
        """
        with self._lock:
            if self._changes is not None:  # part of a group, or an edit calling another
                if self._group is not None:
                    self._group.append(summary)
                yield self._changes
                return
            with self.transaction() as conn:
                changes = self._changes = ChangeSet(conn)
                try:
                    yield changes
                finally:
                    self._changes = None
                self._log(conn, action, summary, actor, changes.changes())

    @contextmanager
    def edit_group(self, action: str, summary: str, actor: str | None = None) -> Iterator[None]:
        """Several API edits as one transaction and one edit-log entry (one undo step)."""
        with self._lock:
            if self._changes is not None:
                yield
                return
            with self.transaction() as conn:
                changes = self._changes = ChangeSet(conn)
                self._group = []
                try:
                    yield
                finally:
                    self._changes, self._group = None, None
                self._log(conn, action, summary, actor, changes.changes())

    @contextmanager
    def based_on(self, head: int | None) -> Iterator[None]:
        """Edits made inside (in this thread) come from a view read when the edit log's newest
        entry was ``head``: one changing a row's column that another actor changed in a later
        edit is refused with ``EditConflict``, nothing written. ``None``: no check (as outside).
        """
        outer = getattr(self._view, "head", None)
        self._view.head = head
        try:
            yield
        finally:
            self._view.head = outer

    def log_head(self) -> int:
        """The id of the edit log's newest entry (0 when empty): what a view read now is
        ``based_on``."""
        row = self.conn.execute("SELECT max(id) FROM edits").fetchone()
        return int(row[0] or 0)

    #: The id of the edit-log entry this connection wrote last (None before its first edit).
    last_edit_id: int | None = None

    def _log(
        self, conn: Connection, action: str, summary: str, actor: str | None, changes: list
    ) -> None:
        if not changes:
            return
        actor = actor or default_actor()
        head = getattr(self._view, "head", None)
        if head is not None:
            conflicts.check(conn, head, actor, changes)
        # a new edit ends its author's redo: the edits they undid can no longer come back
        conn.execute(
            "UPDATE edits SET state = 'discarded' "
            "WHERE undoable = 1 AND state = 'undone' AND actor = ?",  # the index edits_state
            (actor,),
        )
        self.last_edit_id = _append(conn, actor, action, summary, changes, undoable=True)

    def log_event(
        self,
        conn: Connection,
        action: str,
        summary: str,
        details: dict,
        actor: str | None = None,
    ) -> None:
        """A log entry that cannot be undone (adding documents), inside the caller's transaction."""
        _append(conn, actor or default_actor(), action, summary, details, undoable=False)

    # ------------------------------------------------------------------ undo / redo

    def undo(
        self, *, edit_id: int | None = None, actor: str | None = None, by: str | None = None
    ) -> Edit:
        """Undo the latest edit not yet undone; ``EditError`` when there is none or it conflicts.

        With ``actor``, that person's latest edit, even when others edited since (if they
        changed its rows, undo refuses, naming the row). With ``edit_id``, only if that is
        still the edit to undo (``next_edit("undo", actor)`` names it): an edit someone else
        made meanwhile is never undone in its place. The log records the undo as ``by``'s
        (default: ``actor``, else ``default_actor()``). Returns the edit undone.
        """
        return self._replay("undo", edit_id, actor, by)

    def redo(
        self, *, edit_id: int | None = None, actor: str | None = None, by: str | None = None
    ) -> Edit:
        """Redo the edit undone last (with ``actor``: that person's); ``EditError`` when there
        is none (``edit_id``, ``by``: as undo)."""
        return self._replay("redo", edit_id, actor, by)

    def next_edit(self, direction: str, actor: str | None = None) -> Edit | None:
        """The edit ``undo`` (or ``redo``) would take back (or make again) now, if any; with
        ``actor``, of that person's edits."""
        row = self.conn.execute(*_next(direction, actor)).fetchone()
        return None if row is None else edit_from_row(row)

    def connection_lost(self) -> bool:
        """Whether this workspace's connection to its PostgreSQL server was found lost (a
        server restart, a killed connection): a server thread then opens a new one. Never
        for a workspace file."""
        raw = getattr(self.conn, "raw", None)
        return bool(self.on_server and raw is not None and raw.closed)

    def data_version(self) -> int:
        """A number that changes when another connection (another process, or a worker's own
        connection) commits a change to the workspace: what a UI polls to notice them."""
        return self.backend.data_version(self.conn)

    def _replay(
        self, direction: str, edit_id: int | None, actor: str | None, by: str | None
    ) -> Edit:
        try:
            return self._replay_once(direction, edit_id, actor, by or actor or default_actor())
        except self.backend.integrity_errors:  # deferred foreign keys: a later row uses what
            # it removes
            raise EditError(
                f"cannot {direction} the edit: rows added since (by later edits or `argmap add`) "
                "still use what it would remove"
            ) from None

    def _replay_once(self, direction: str, edit_id: int | None, actor: str | None, by: str) -> Edit:
        with self.transaction() as conn:
            row = conn.execute(*_next(direction, actor)).fetchone()
            if row is None:
                raise EditError(
                    f"nothing of {actor}'s to {direction}" if actor else f"nothing to {direction}"
                )
            edit = edit_from_row(row)
            if edit_id is not None and edit.id != edit_id:
                raise EditError(
                    f"the edit to {direction} is now {edit.actor}'s edit {edit.id} "
                    f"({edit.summary}), made meanwhile; nothing was {direction}ne"
                )
            changes = logged_changes(row[5], edit)
            expect, apply = ("after", "before") if direction == "undo" else ("before", "after")
            self.backend.defer_foreign_keys(conn)
            written = ChangeSet(conn)  # what this replay writes: its own log entry
            plan = []
            for change in changes:
                current = written.touch(change["table"], *change["key"])
                target = replayed_row(change, current, expect, apply)
                if target is CONFLICT:
                    raise EditError(
                        f"cannot {direction} edit {edit.id} ({edit.summary}): "
                        f"{change['table']} {'/'.join(map(str, change['key']))} has changed since"
                    )
                plan.append((change, target))
            for change, target in reversed(plan) if direction == "undo" else plan:
                write_row(conn, change["table"], change["key"], target)
            refresh_labels(conn, statements_of(changes, conn))
            conn.execute(
                "UPDATE edits SET state = ? WHERE id = ?",
                ("undone" if direction == "undo" else "done", edit.id),
            )
            # logged, so a view read before it sees its change (``conflicts.check``) and
            # `argmap log` shows who undid what and when; not undoable: redo is its reverse
            self.last_edit_id = _append(
                conn,
                by,
                direction,
                f"edit {edit.id} ({edit.actor}: {edit.action} {edit.summary})",
                [{**change, "edit": edit.id} for change in written.changes()],
                undoable=False,
            )
        return edit

    def edits(self, limit: int = 50, *, target: str | None = None) -> list[Edit]:
        """The latest edit-log entries, newest first; ``target``: only those touching that id."""
        if target is None:
            rows = self.conn.execute(
                "SELECT * FROM edits ORDER BY id DESC LIMIT ?", (limit,)
            ).fetchall()
        else:
            rows = self.conn.execute(
                "SELECT * FROM edits WHERE instr(changes, ?) > 0 ORDER BY id DESC LIMIT ?",
                (json.dumps(target), limit),
            ).fetchall()
        return [edit_from_row(row) for row in rows]


#: The edit that undo (redo) takes: the latest done and undoable one (the first undone one).
#: The entries undo and redo log (``REPLAYS``) are not undoable: never taken.
_NEXT = {
    "undo": "SELECT * FROM edits WHERE state = 'done' AND undoable = 1{} ORDER BY id DESC LIMIT 1",
    "redo": "SELECT * FROM edits WHERE state = 'undone' AND undoable = 1{} ORDER BY id LIMIT 1",
}


def _append(
    conn: Connection, actor: str, action: str, summary: str, changes: object, *, undoable: bool
) -> int:
    """Add an entry to the edit log; its id."""
    cursor = conn.execute(
        "INSERT INTO edits (time, actor, action, summary, changes, undoable) "
        "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        (now(), actor, action, summary, json.dumps(changes, ensure_ascii=False), int(undoable)),
    )
    return int(cursor.fetchall()[0][0])


def _next(direction: str, actor: str | None) -> tuple[str, tuple]:
    """The query (and its parameters) of the edit undo (redo) takes, of ``actor``'s if given."""
    if actor is None:
        return _NEXT[direction].format(""), ()
    return _NEXT[direction].format(" AND actor = ?"), (actor,)
