"""Edits made on an out-of-date view: refused when they change what another person changed since.

A caller that read its view of the workspace when the edit log's newest entry was ``based_on``
(the UI: when it last refreshed) makes its edits inside ``Core.based_on``. Such an edit is
refused with ``EditConflict`` when it writes a column of a row that another actor's edit
logged after ``based_on`` also wrote; the refusal names who, when and their edit. Only what a
person edits is compared, as undo compares it (``argmap.store.editlog``): a statement's
derived label columns and the model's suggestions never conflict, a name list (a speaker's
aliases) only on the same name, and each annotator's label is a row of its own, so two people
labelling one statement never conflict (their disagreement is data).

Read from the log's ``changes``, no table of its own: the cost grows with the number of other
people's edits since ``based_on`` (a UI's view is a second or two old), not with the log, and
only the entries whose text names one of the edit's rows are parsed
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
    """``EditConflict`` when ``changes`` (an edit by ``actor`` being made) write what an edit
    by someone else, logged after entry ``based_on`` and not undone, wrote; else nothing."""
    ours = {}
    for change in changes:
        if wrote := written(change):
            ours[(change["table"], tuple(change["key"]))] = wrote
    if not ours:
        return
    sql = (
        "SELECT id, time, actor, summary, changes FROM edits "
        "WHERE id > ? AND actor <> ? AND state = 'done' AND undoable = 1"
    )
    # only entries whose text holds the id of a row we wrote (as the log spells it: JSON):
    # the rest cannot conflict, and reading them is most of the cost
    ids = sorted({json.dumps(key[0], ensure_ascii=False) for _, key in ours if key})
    if ids and len(ids) <= PREFILTER_IDS:
        sql += " AND (" + " OR ".join(["instr(changes, ?) > 0"] * len(ids)) + ")"
    else:
        ids = []
    rows = conn.execute(sql + " ORDER BY id DESC", (based_on, actor, *ids))
    for edit_id, time, other, summary, text in rows:
        try:
            theirs = json.loads(text)
        except (TypeError, ValueError):
            continue  # a malformed entry (undo reports it) changed nothing we can name
        for change in theirs if isinstance(theirs, list) else ():
            try:
                slot = (change["table"], tuple(change["key"]))
                both = overlap(ours.get(slot, frozenset()), written(change))
            except (KeyError, TypeError, AttributeError):
                continue
            if both:
                raise EditConflict(_message(slot, both, edit_id, time, other, summary))


def _message(
    slot: tuple[str, tuple], both: frozenset[str], edit_id: int, time: str, actor: str, summary
) -> str:
    table, key = slot
    if table == "annotations" and len(key) == 3:
        row = f"{key[1]}'s {'adjudication' if key[2] else 'label'} on statement {key[0]}"
    else:
        row = f"{_NOUNS.get(table, table)} {'/'.join(map(str, key))}"
    what = "it" if both == WHOLE_ROW else "its " + _columns(both)
    when = str(time)[:19].replace("T", " ")
    return (
        f"{row}: {actor} changed {what} at "
        f"{when} UTC (edit {edit_id}: {summary}) after this view was read; nothing was "
        "changed: reload and edit again"
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
