"""The workspace file: opening, creating, locking, transactions and the edit log.

Every edit runs in one ``BEGIN IMMEDIATE`` transaction and writes one row of the
edit log holding, for each row it touched, the row before and after. Undo puts
the "before" rows back, redo the "after" rows, after checking that nothing
changed those rows since (otherwise it refuses, naming the row). WAL mode keeps
readers going while one process writes; a second writer waits up to
``busy_timeout`` seconds and then gets ``WorkspaceBusy``.
"""

from __future__ import annotations

import getpass
import json
import os
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from argmap import __version__
from argmap.store import schema
from argmap.store.errors import EditError, WorkspaceBusy, WorkspaceError, WorkspaceNotFound
from argmap.store.records import Edit

WORKSPACE_FILE = "argmap.sqlite"
BUSY_TIMEOUT = 5.0  # seconds a writer waits for another process before "workspace busy"


def default_busy_timeout() -> float:
    """The busy timeout: ``$ARGMAP_BUSY_TIMEOUT`` seconds, else ``BUSY_TIMEOUT``."""
    try:
        return float(os.environ.get("ARGMAP_BUSY_TIMEOUT", BUSY_TIMEOUT))
    except ValueError:
        return BUSY_TIMEOUT


# The primary key columns of each table the edit log tracks.
KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("id",),
    "speakers": ("id",),
    "statements": ("id",),
    "suggestions": ("statement_id",),
    "annotations": ("statement_id", "annotator", "adjudicated"),
    "claims": ("id",),
    "relations": ("id",),
    "meta": ("key",),
}
# Columns left out of edit-log rows: the statement's row number only orders ties, and
# a row put back by undo takes a new one.
UNTRACKED = {"statements": "seq"}


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
    raise WorkspaceNotFound(
        f"{here}: no argmap workspace here or in any parent directory (run `argmap init`)"
    )


class _ChangeSet:
    """The rows one edit touched, each with its value before the edit."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.before: dict[tuple[str, tuple], dict | None] = {}

    def touch(self, table: str, *key: object) -> dict | None:
        """Record ``table``'s row with primary key ``key`` before changing it; returns that row."""
        slot = (table, tuple(key))
        if slot not in self.before:
            self.before[slot] = read_row(self.conn, table, key)
        return self.before[slot]

    def changes(self) -> list[dict]:
        """``{table, key, before, after}`` for every touched row that changed."""
        out = []
        for (table, key), before in self.before.items():
            after = read_row(self.conn, table, key)
            if after != before:
                out.append({"table": table, "key": list(key), "before": before, "after": after})
        return out


def read_row(conn: sqlite3.Connection, table: str, key: tuple | list) -> dict | None:
    """The row of ``table`` with primary key ``key`` as a dict, or None."""
    cols = KEYS[table]
    where = " AND ".join(f'"{c}" = ?' for c in cols)
    cursor = conn.execute(f"SELECT * FROM {table} WHERE {where}", tuple(key))
    row = cursor.fetchone()
    if row is None:
        return None
    skip = UNTRACKED.get(table)
    return {d[0]: value for d, value in zip(cursor.description, row) if d[0] != skip}


def write_row(conn: sqlite3.Connection, table: str, key: list, row: dict | None) -> None:
    """Make ``table``'s row with primary key ``key`` equal ``row`` (None deletes it)."""
    cols = KEYS[table]
    if row is None:
        where = " AND ".join(f'"{c}" = ?' for c in cols)
        conn.execute(f"DELETE FROM {table} WHERE {where}", tuple(key))
        return
    names = list(row)
    quoted = ", ".join(f'"{n}"' for n in names)
    updates = (
        ", ".join(f'"{n}" = excluded."{n}"' for n in names if n not in cols)
        or f'"{cols[0]}" = excluded."{cols[0]}"'
    )
    conn.execute(
        f"INSERT INTO {table} ({quoted}) VALUES ({', '.join('?' * len(names))}) "
        f"ON CONFLICT ({', '.join(cols)}) DO UPDATE SET {updates}",
        [row[n] for n in names],
    )


class Core:
    """An open workspace: the connection, transactions and the edit log."""

    def __init__(self, path: str | os.PathLike[str], *, busy_timeout: float | None = None) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise WorkspaceNotFound(f"{self.path}: no such workspace")
        self._lock = threading.RLock()
        self._changes: _ChangeSet | None = None
        self._group: list[str] | None = None
        try:
            self.conn = _connect(
                self.path, default_busy_timeout() if busy_timeout is None else busy_timeout
            )
            schema.check(self.conn, str(self.path))
        except sqlite3.DatabaseError as problem:
            raise WorkspaceError(f"{self.path}: cannot open the workspace: {problem}") from None
        self.workspace_id = self.meta("workspace_id") or ""

    # ------------------------------------------------------------------ life cycle

    @classmethod
    def create(cls, path: str | os.PathLike[str], *, codebook_json: str | None = None):
        """Create a new workspace file at ``path`` (it must not exist) and open it."""
        path = Path(path)
        if path.exists():
            raise WorkspaceError(f"{path}: a workspace already exists here")
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
        conn = _connect(path, BUSY_TIMEOUT)
        try:
            conn.execute("BEGIN IMMEDIATE")
            schema.create(conn)
            meta = {
                "workspace_id": uuid.uuid4().hex,
                "schema_version": str(schema.SCHEMA_VERSION),
                "created_with": __version__,
                "created_at": now(),
            }
            if codebook_json is not None:
                meta["codebook"] = codebook_json
            conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", meta.items())
            conn.execute("COMMIT")
        finally:
            conn.close()
        return cls(path)

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
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction (``BEGIN IMMEDIATE``); ``WorkspaceBusy`` when another writer holds it."""
        with self._lock:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as problem:
                raise _busy(self.path, problem) from None
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise

    @contextmanager
    def edit(self, action: str, summary: str, actor: str | None = None) -> Iterator[_ChangeSet]:
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
                changes = self._changes = _ChangeSet(conn)
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
                changes = self._changes = _ChangeSet(conn)
                self._group = []
                try:
                    yield
                finally:
                    self._changes, self._group = None, None
                self._log(conn, action, summary, actor, changes.changes())

    def _log(
        self, conn: sqlite3.Connection, action: str, summary: str, actor: str | None, changes: list
    ) -> None:
        if not changes:
            return
        conn.execute("UPDATE edits SET state = 'discarded' WHERE state = 'undone'")
        conn.execute(
            "INSERT INTO edits (time, actor, action, summary, changes) VALUES (?, ?, ?, ?, ?)",
            (
                now(),
                actor or default_actor(),
                action,
                summary,
                json.dumps(changes, ensure_ascii=False),
            ),
        )

    def log_event(
        self,
        conn: sqlite3.Connection,
        action: str,
        summary: str,
        details: dict,
        actor: str | None = None,
    ) -> None:
        """A log entry that cannot be undone (adding documents), inside the caller's transaction."""
        conn.execute(
            "INSERT INTO edits (time, actor, action, summary, changes, undoable) VALUES (?, ?, ?, ?, ?, 0)",
            (
                now(),
                actor or default_actor(),
                action,
                summary,
                json.dumps(details, ensure_ascii=False),
            ),
        )

    # ------------------------------------------------------------------ undo / redo

    def undo(self) -> Edit:
        """Undo the latest edit not yet undone; ``EditError`` when there is none or it conflicts."""
        return self._replay("undo")

    def redo(self) -> Edit:
        """Redo the edit undone last; ``EditError`` when there is none."""
        return self._replay("redo")

    def _replay(self, direction: str) -> Edit:
        try:
            return self._replay_once(direction)
        except (
            sqlite3.IntegrityError
        ):  # deferred foreign keys: a later row uses what it would remove
            raise EditError(
                f"cannot {direction} the edit: rows added since (by later edits or `argmap add`) still use what it would remove"
            ) from None

    def _replay_once(self, direction: str) -> Edit:
        with self.transaction() as conn:
            if direction == "undo":
                row = conn.execute(
                    "SELECT * FROM edits WHERE state = 'done' AND undoable = 1 ORDER BY id DESC LIMIT 1"
                ).fetchone()
            else:
                row = conn.execute(
                    "SELECT * FROM edits WHERE state = 'undone' ORDER BY id LIMIT 1"
                ).fetchone()
            if row is None:
                raise EditError(f"nothing to {direction}")
            edit = _edit(row)
            changes = _logged_changes(row[5], edit)
            expect, apply = ("after", "before") if direction == "undo" else ("before", "after")
            conn.execute("PRAGMA defer_foreign_keys = ON")
            plan = []
            for change in changes:
                current = read_row(conn, change["table"], change["key"])
                target = _replayed_row(change, current, expect, apply)
                if target is _CONFLICT:
                    raise EditError(
                        f"cannot {direction} edit {edit.id} ({edit.summary}): "
                        f"{change['table']} {'/'.join(map(str, change['key']))} has changed since"
                    )
                plan.append((change, target))
            for change, target in reversed(plan) if direction == "undo" else plan:
                write_row(conn, change["table"], change["key"], target)
            from argmap.store.statements import refresh_labels

            refresh_labels(conn, _statements_of(changes, conn))
            conn.execute(
                "UPDATE edits SET state = ? WHERE id = ?",
                ("undone" if direction == "undo" else "done", edit.id),
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
        return [_edit(row) for row in rows]


# Columns derived from other rows: never compared or put back by undo/redo, but
# recomputed afterwards (a statement's current label follows its annotations and its
# suggestion, which ``argmap suggest`` refreshes without an undoable edit).
DERIVED = {
    "statements": frozenset({"label", "label_source", "review", "suggestion_score", "uncertainty"})
}
# Columns holding a JSON list of names: undo/redo take back only the names the edit
# added or removed, leaving names added since (e.g. aliases ``argmap add`` learnt).
NAME_LISTS = {"speakers": frozenset({"aliases"})}
# Tables holding the model's output, which ``argmap suggest`` replaces: never a conflict.
MODEL_TABLES = frozenset({"suggestions"})
_CONFLICT = object()


def _logged_changes(text: str, edit: Edit) -> list[dict]:
    """The ``changes`` of an edit-log entry, checked; ``EditError`` when malformed."""
    problem = f"edit {edit.id} ({edit.summary}) has a malformed change list; it cannot be replayed"
    try:
        changes = json.loads(text)
    except (TypeError, ValueError):
        raise EditError(problem) from None
    if not isinstance(changes, list):
        raise EditError(problem)
    for change in changes:
        if not (
            isinstance(change, dict)
            and change.get("table") in KEYS
            and isinstance(change.get("key"), list)
            and len(change["key"]) == len(KEYS[change["table"]])
            and all(
                isinstance(change.get(side), (dict, type(None))) for side in ("before", "after")
            )
            and "before" in change
            and "after" in change
        ):
            raise EditError(problem)
    return changes


def _replayed_row(change: dict, current: dict | None, expect: str, apply: str):
    """The row undo/redo writes for one logged change, or ``_CONFLICT``.

    Only the columns the edit wrote are compared and put back: derived columns and
    columns the edit left alone may have changed since without blocking it.
    """
    table = change["table"]
    old, new = change[expect], change[apply]
    if table in MODEL_TABLES:
        return new
    if old is None:  # the edit removed (undo: created) nothing there; it must still be absent
        return new if current is None else _CONFLICT
    if current is None:
        return _CONFLICT
    derived = DERIVED.get(table, frozenset())
    lists = NAME_LISTS.get(table, frozenset())
    if new is None:  # the edit created the row (undo) or deleted it (redo)
        for column, value in old.items():
            if column not in derived and column not in lists and current.get(column) != value:
                return _CONFLICT
        return None
    written = {c for c in set(old) | set(new) if old.get(c) != new.get(c) and c not in derived}
    row = dict(current)
    for column in written:
        if column in lists:
            row[column] = _replay_names(old.get(column), new.get(column), current.get(column))
        elif current.get(column) != old.get(column):
            return _CONFLICT
        else:
            row[column] = new.get(column)
    return row


def _replay_names(old: str | None, new: str | None, current: str | None) -> str:
    """A JSON name list with the names ``old`` -> ``new`` added or removed applied to ``current``."""
    before, after, now_ = (json.loads(v or "[]") for v in (old, new, current))
    removed = [n for n in before if n not in after]
    added = [n for n in after if n not in before and n not in now_]
    return json.dumps([n for n in now_ if n not in removed] + added, ensure_ascii=False)


def _statements_of(changes: list[dict], conn: sqlite3.Connection) -> list[str]:
    """The statements whose derived label columns an edit's replay may have changed."""
    ids = []
    for change in changes:
        if change["table"] == "statements" or change["table"] in ("annotations", "suggestions"):
            ids.append(change["key"][0])
    present = [
        i
        for i in dict.fromkeys(ids)
        if conn.execute("SELECT 1 FROM statements WHERE id = ?", (i,)).fetchone()
    ]
    return present


def _edit(row: tuple) -> Edit:
    return Edit(
        id=row[0],
        time=row[1],
        actor=row[2],
        action=row[3],
        summary=row[4],
        undoable=bool(row[6]),
        state=row[7],
    )


def _connect(path: Path, busy_timeout: float) -> sqlite3.Connection:
    conn = sqlite3.connect(
        path, timeout=busy_timeout, isolation_level=None, check_same_thread=False
    )
    try:
        conn.execute("PRAGMA journal_mode = WAL")
    except sqlite3.OperationalError as problem:
        conn.close()
        raise _busy(path, problem) from None
    conn.execute("PRAGMA synchronous = NORMAL")  # WAL: durable across a process crash
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _busy(path: Path, problem: sqlite3.OperationalError) -> WorkspaceError:
    text = str(problem)
    if "locked" in text or "busy" in text:
        return WorkspaceBusy(
            f"{path}: workspace busy: another argmap process is writing to it; try again"
        )
    return WorkspaceError(f"{path}: {text}")
