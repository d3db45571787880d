"""Edits made on an out-of-date view: refused when they change what another person changed since.

A caller that read its view of the workspace when the edit log's newest entry was ``based_on``
(the UI: when it last refreshed) makes its edits inside ``Core.based_on``. Such an edit is
refused with ``EditConflict`` when it writes a column of a row that another actor changed
after ``based_on``: by an edit logged since and not undone, or by undoing or redoing an edit
(undo and redo log entries of their own, ``core.REPLAYS``); the refusal names who, when and
what. An edit made and undone since, or undone and redone since, changed nothing the view
does not show and is no conflict; nor is anything the editor did themselves since (their
screen shows it), nor a change by someone else that the editor's own later undo or redo of
the same edit replaced (see ``_changed_since``). Only what a
person edits is compared, as undo compares it (``argmap.store.editlog``): a statement's
derived label columns and the model's suggestions never conflict, a name list (a speaker's
aliases) only on the same name, and each annotator's label is a row of its own, so two people
labelling one statement never conflict (their disagreement is data).

Read from the log's ``changes``, no table of its own: the cost grows with the number of other
people's edits (and anyone's undos and redos) since ``based_on`` (a UI's view is a second or
two old), not with the log, and only the entries whose text names one of the edit's rows are
parsed
(``benchmarks/conflict_check.py`` measures it).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from argmap.store.editlog import DERIVED, MODEL_TABLES, NAME_LISTS
from argmap.store.errors import EditConflict

if TYPE_CHECKING:
    from argmap.store.backend import Connection

#: Up to this many rows' ids, only the log entries naming one of them are read.
PREFILTER_IDS = 32
#: What ``written`` returns for a row an edit created or deleted: all of it.
WHOLE_ROW = frozenset({"*"})

# How a refusal names a row of each table.
_NOUNS = {
    "documents": "document",
    "speakers": "speaker",
    "statements": "statement",
    "claims": "claim",
    "relations": "relation",
    "meta": "the workspace's",
    "document_metadata": "the metadata of document",
}


def written(change: dict) -> frozenset[str]:
    """What one logged change wrote to its row: the columns whose value changed (derived
    columns left out), ``column:name`` for each name a name list gained or lost, or
    ``WHOLE_ROW`` when the row was created or deleted; empty for the model's tables."""
    table = change["table"]
    before, after = change.get("before"), change.get("after")
    if table in MODEL_TABLES or not isinstance(table, str):
        return frozenset()
    if before is None or after is None:
        return WHOLE_ROW if (before or after) else frozenset()
    derived = DERIVED.get(table, frozenset())
    lists = NAME_LISTS.get(table, frozenset())
    out: set[str] = set()
    for column in set(before) | set(after):
        old, new = before.get(column), after.get(column)
        if column in derived or old == new:
            continue
        if column in lists:
            out.update(f"{column}:{name}" for name in _names_changed(old, new))
        else:
            out.add(column)
    return frozenset(out)


def _names_changed(old: str | None, new: str | None) -> set[str]:
    try:
        before, after = (set(json.loads(v or "[]")) for v in (old, new))
    except (TypeError, ValueError):
        return {"?"}
    return before ^ after


def overlap(ours: frozenset[str], theirs: frozenset[str]) -> frozenset[str]:
    """What two changes of one row both wrote (empty: no conflict)."""
    if not ours or not theirs:
        return frozenset()
    if ours == WHOLE_ROW:
        return theirs
    if theirs == WHOLE_ROW:
        return ours
    return ours & theirs


def check(conn: Connection, based_on: int, actor: str, changes: list[dict]) -> None:
    """``EditConflict`` when ``changes`` (an edit by ``actor`` being made) write what someone
    else changed after log entry ``based_on`` (an edit, an undo, a redo) and the view cannot
    show; else nothing."""
    ours = {}
    for change in changes:
        if wrote := written(change):
            ours[(change["table"], tuple(change["key"]))] = wrote
    if not ours:
        return
    # others' edits and anyone's undos and redos (told apart below: a condition on
    # ``undoable`` here would have SQLite read the index edits_state, the whole log, rather
    # than the entries after ``based_on``)
    sql = (
        "SELECT id, time, actor, action, summary, changes, undoable, state FROM edits "
        "WHERE id > ? AND (actor <> ? OR action IN ('undo', 'redo'))"
    )
    # only entries whose text holds the id of a row we wrote (as the log spells it: JSON):
    # the rest cannot conflict, and reading them is most of the cost
    ids = sorted({json.dumps(key[0], ensure_ascii=False) for _, key in ours if key})
    if ids and len(ids) <= PREFILTER_IDS:
        sql += " AND (" + " OR ".join(["instr(changes, ?) > 0"] * len(ids)) + ")"
    else:
        ids = []
    # each edit's history since the view: its entry (when someone else made it since) and the
    # entries of its undos and redos, oldest first
    histories: dict[int, list[_Entry]] = {}
    for row in conn.execute(sql + " ORDER BY id", (based_on, actor, *ids)):
        entry = _Entry(*row)
        if entry.undoable:
            edit: int | None = entry.id
        elif entry.action in ("undo", "redo"):
            edit = entry.replayed()
        else:
            continue  # an entry undo never takes back (adding documents): no edit of rows
        if edit is not None:
            histories.setdefault(edit, []).append(entry)
    for edit, history in sorted(histories.items(), key=lambda kv: kv[1][-1].id, reverse=True):
        if not _changed_since(edit, history, based_on, actor):
            continue
        culprit = next(entry for entry in reversed(history) if entry.actor != actor)
        for change in culprit.changes():
            try:
                slot = (change["table"], tuple(change["key"]))
                both = overlap(ours.get(slot, frozenset()), written(change))
            except (KeyError, TypeError, AttributeError):
                continue
            if both:
                raise EditConflict(_message(slot, both, culprit))


class _Entry:
    """One edit-log entry the check reads; its ``changes`` parsed when first asked for."""

    __slots__ = ("_parsed", "action", "actor", "id", "state", "summary", "text", "time", "undoable")

    def __init__(self, id, time, actor, action, summary, text, undoable, state) -> None:
        self.id, self.time, self.actor, self.action = int(id), time, actor, action
        self.summary, self.text, self.undoable, self.state = summary, text, bool(undoable), state
        self._parsed: list | None = None

    def changes(self) -> list:
        """The entry's changes (empty when malformed: undo reports those)."""
        if self._parsed is None:
            try:
                parsed = json.loads(self.text)
            except (TypeError, ValueError):
                parsed = None
            self._parsed = parsed if isinstance(parsed, list) else []
        return self._parsed

    def replayed(self) -> int | None:
        """The id of the edit an undo's or redo's entry replayed (None: none named)."""
        for change in self.changes():
            edit = change.get("edit") if isinstance(change, dict) else None
            if isinstance(edit, int):
                return edit
        return None

    @property
    def applies(self) -> bool:
        """Whether its edit is in effect after this entry: after the edit itself or a redo."""
        return self.undoable or self.action == "redo"


def _changed_since(edit: int, history: list[_Entry], based_on: int, actor: str) -> bool:
    """Whether edit ``edit`` is in effect now but not on ``actor``'s view, or the other way
    round. ``history``: its entries since the view that the check read (its own when someone
    else made it after the view, its undos' and redos' by anyone).

    The view shows the edit as it was when ``actor`` last undid or redid it (their screen
    shows their own changes), else: made (it is ``actor``'s own edit, made after the view),
    not made (someone else's, made after the view), or as before the first undo or redo since
    (an edit from before the view)."""
    made_since = history[0].undoable  # someone else's edit, logged after the view
    now = history[0].state == "done" if made_since else history[-1].applies
    mine = [entry for entry in history if entry.actor == actor]
    if mine:
        seen = mine[-1].applies
    elif edit > based_on:
        seen = not made_since  # their edit: not on the view; one's own: on one's screen
    else:
        seen = not history[0].applies  # as before its first undo (redo) since
    return now != seen and any(entry.actor != actor for entry in history)


def _message(slot: tuple[str, tuple], both: frozenset[str], entry: _Entry) -> str:
    table, key = slot
    if table == "annotations" and len(key) == 3:
        row = f"{key[1]}'s {'adjudication' if key[2] else 'label'} on statement {key[0]}"
    else:
        row = f"{_NOUNS.get(table, table)} {'/'.join(map(str, key))}"
    what = "it" if both == WHOLE_ROW else "its " + _columns(both)
    when = str(entry.time)[:19].replace("T", " ")
    how = (
        f"(edit {entry.id}: {entry.summary})"
        if entry.undoable
        else f"by {entry.action}ing {entry.summary}"  # by undoing (redoing) edit 5 (...)
    )
    return (
        f"{row}: {entry.actor} changed {what} at {when} UTC {how} after this view was read; "
        "nothing was changed: reload and edit again"
    )


def _columns(written: frozenset[str]) -> str:
    """``written`` in words: 'name and aliases (Sasae K.)'."""
    names: dict[str, list[str]] = {}
    for item in sorted(written):
        column, _, name = item.partition(":")
        names.setdefault(column, [])
        if name:
            names[column].append(name)
    parts = [
        column.replace("_", " ") + (f" ({', '.join(listed)})" if listed else "")
        for column, listed in sorted(names.items(), key=lambda kv: (bool(kv[1]), kv[0]))
    ]
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]
