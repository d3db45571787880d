"""The edit log: the rows one edit touched, before and after, and how undo and redo put them back.

Each edit-log entry holds, for every row the edit touched, the row before and after
(``ChangeSet``). Undo puts the "before" rows back, redo the "after" rows, comparing only
the columns the edit wrote (``replayed_row``): derived columns, name lists and the
model's tables never block it; any other column changed since is a conflict.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from argmap.store.errors import EditError
from argmap.store.records import Edit

if TYPE_CHECKING:
    from argmap.store.backend import Connection

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
    "document_metadata": ("document",),
}
# Columns left out of edit-log rows: the statement's row number only orders ties, and
# a row put back by undo takes a new one. Speakers, claims and relations order by SQLite's
# rowid, which no row shows; a database without rowids gives them a ``seq`` column instead,
# left out the same way (so the edit log reads the same on both).
UNTRACKED = {"statements": "seq", "speakers": "seq", "claims": "seq", "relations": "seq"}


class ChangeSet:
    """The rows one edit touched, each with its value before the edit."""

    def __init__(self, conn: Connection) -> None:
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


def read_row(conn: Connection, table: str, key: tuple | list) -> dict | None:
    """The row of ``table`` with primary key ``key`` as a dict, or None."""
    cols = KEYS[table]
    where = " AND ".join(f'"{c}" = ?' for c in cols)
    cursor = conn.execute(f"SELECT * FROM {table} WHERE {where}", tuple(key))
    row = cursor.fetchone()
    if row is None:
        return None
    skip = UNTRACKED.get(table)
    return {d[0]: value for d, value in zip(cursor.description, row, strict=True) if d[0] != skip}


def write_row(conn: Connection, table: str, key: list, row: dict | None) -> None:
    """Make ``table``'s row with primary key ``key`` equal ``row`` (None deletes it);
    ``EditError`` when ``row`` names another key than ``key`` (an edit-log entry whose rows
    do not match its keys is never replayed: it could write elsewhere than it says)."""
    cols = KEYS[table]
    if row is not None and [row.get(c) for c in cols] != list(key):
        raise EditError(
            f"{table} {'/'.join(map(str, key))}: the edit log's row names another key "
            f"({'/'.join(str(row.get(c)) for c in cols)}); not replayed"
        )
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


# Columns derived from other rows: never compared or put back by undo/redo, but
# recomputed afterwards (a statement's current label follows its annotations and its
# suggestion, which ``argmap suggest`` refreshes without an undoable edit).
DERIVED = {
    "statements": frozenset({"label", "label_source", "review", "suggestion_score", "uncertainty"})
}
# Columns holding a JSON list of names: undo/redo take back only the names the edit
# added or removed, leaving names added since (e.g. aliases ``argmap add`` learnt).
NAME_LISTS = {
    "speakers": frozenset({"aliases"}),
    "document_metadata": frozenset({"set_by_hand"}),
}
# Tables holding the model's output, which ``argmap suggest`` replaces: never a conflict.
MODEL_TABLES = frozenset({"suggestions"})
#: What ``replayed_row`` returns when a row changed since the edit.
CONFLICT = object()


def logged_changes(text: str, edit: Edit) -> list[dict]:
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


def replayed_row(change: dict, current: dict | None, expect: str, apply: str):
    """The row undo/redo writes for one logged change, or ``CONFLICT``.

    Only the columns the edit wrote are compared and put back: derived columns and
    columns the edit left alone may have changed since without blocking it.
    """
    table = change["table"]
    old, new = change[expect], change[apply]
    if table in MODEL_TABLES:
        return new
    if old is None:  # the edit removed (undo: created) nothing there; it must still be absent
        return new if current is None else CONFLICT
    if current is None:
        return CONFLICT
    derived = DERIVED.get(table, frozenset())
    lists = NAME_LISTS.get(table, frozenset())
    if new is None:  # the edit created the row (undo) or deleted it (redo)
        for column, value in old.items():
            if column not in derived and column not in lists and current.get(column) != value:
                return CONFLICT
        return None
    written = {c for c in set(old) | set(new) if old.get(c) != new.get(c) and c not in derived}
    row = dict(current)
    for column in written:
        if column in lists:
            row[column] = _replay_names(old.get(column), new.get(column), current.get(column))
        elif current.get(column) != old.get(column):
            return CONFLICT
        else:
            row[column] = new.get(column)
    return row


def _replay_names(old: str | None, new: str | None, current: str | None) -> str:
    """A JSON name list: ``current`` with the change from ``old`` to ``new`` applied (the names
    it removed removed, those it added added)."""
    before, after, now_ = (json.loads(v or "[]") for v in (old, new, current))
    removed = [n for n in before if n not in after]
    added = [n for n in after if n not in before and n not in now_]
    return json.dumps([n for n in now_ if n not in removed] + added, ensure_ascii=False)


def statements_of(changes: list[dict], conn: Connection) -> list[str]:
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


def edit_from_row(row: tuple) -> Edit:
    """An ``Edit`` from a row of the ``edits`` table."""
    return Edit(
        id=row[0],
        time=row[1],
        actor=row[2],
        action=row[3],
        summary=row[4],
        undoable=bool(row[6]),
        state=row[7],
    )
