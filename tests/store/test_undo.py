"""Undo and redo: an edit group is one step; undo refuses when the rows it would write changed
since, but not for what argmap itself refreshed (suggestions, learnt aliases)."""

import json

import pytest

from argmap.store import EditError
from tests.helpers import kishida


def test_an_edit_group_is_one_undo_step(unsuggested_ws):
    rows = unsuggested_ws.statements(limit=3)
    with unsuggested_ws.edit_group("batch", "three labels", actor="alice"):
        for row in rows:
            unsuggested_ws.set_stance(row.id, "neutral", annotator="alice")
    assert len(unsuggested_ws.edits()) == 2  # the add, and this group
    assert {unsuggested_ws.statement_row(r.id).label_source for r in rows} == {"human"}
    unsuggested_ws.undo()
    assert [unsuggested_ws.statement_row(r.id) for r in rows] == rows


@pytest.mark.parametrize(
    ("field", "value"), [("note", "changed elsewhere"), ("label", "pro-integration")]
)
def test_undo_refuses_when_a_field_it_wrote_changed_since(ws, field, value):
    row = kishida(ws)
    ws.set_stance(row.id, "neutral", annotator="alice")
    ws.conn.execute(f"UPDATE annotations SET {field} = ?", (value,))
    with pytest.raises(EditError, match="has changed since"):
        ws.undo()
    (annotation,) = ws.annotations(row.id)
    assert getattr(annotation, field) == value


def test_undo_of_a_label_works_after_suggestions_are_refreshed(ws):
    row = kishida(ws)
    before = ws.statement_row(row.id)
    ws.set_stance(row.id, "neutral", annotator="alice")
    # argmap suggest: new suggestions rewrite every statement's score/uncertainty (and label
    # where nobody labelled); the stored suggestion of the labelled statement changes too.
    ws.conn.execute("UPDATE suggestions SET score = score / 2, uncertainty = 0.99")
    ws.resuggest()
    ws.conn.execute(
        "UPDATE suggestions SET score = 0.123, uncertainty = 0.5 WHERE statement_id = ?", (row.id,)
    )
    from argmap.store.derived import refresh_labels

    refresh_labels(ws.conn, [row.id])
    ws.undo()
    after = ws.statement_row(row.id)
    assert ws.annotations(row.id) == []
    assert (after.label, after.label_source) == (before.label, before.label_source)
    assert after.suggestion_score == 0.123  # the refreshed suggestion stays, the label follows it
    ws.redo()
    assert ws.statement_row(row.id).label == "neutral"


def test_undo_of_an_alias_keeps_aliases_learnt_since(ws):
    speaker = ws.find_speakers("Kishida Fumio")[0]
    ws.add_alias(speaker.id, "Mr. K")
    # `argmap add` learns another name of the speaker (logged by the add, not undoable)
    aliases = json.loads(
        ws.conn.execute("SELECT aliases FROM speakers WHERE id = ?", (speaker.id,)).fetchone()[0]
    )
    ws.conn.execute(
        "UPDATE speakers SET aliases = ? WHERE id = ?",
        (json.dumps([*aliases, "Kishida"]), speaker.id),
    )
    ws.undo()
    assert ws.speaker(speaker.id).aliases == [a for a in aliases if a != "Mr. K"] + ["Kishida"]


def test_undo_of_a_malformed_log_entry_is_a_one_line_error(ws):
    row = kishida(ws)
    ws.set_stance(row.id, "neutral", annotator="alice")
    ws.conn.execute(
        "UPDATE edits SET changes = '\"garbage\"' WHERE id = (SELECT max(id) FROM edits)"
    )
    with pytest.raises(EditError, match="malformed"):
        ws.undo()


def test_undo_never_writes_a_row_under_another_key_than_its_entry_names(ws):
    """A log entry whose stored row names another statement, annotator or adjudication than
    its key (a forged entry: the database's policies refuse it from a reviewer's role; here
    it is written straight into the log) is refused by undo, and nothing is written."""
    rows = ws.statements(limit=2)
    ws.set_stance(rows[0].id, "neutral", annotator="alice")
    (entry,) = ws.conn.execute(
        "SELECT changes FROM edits WHERE id = (SELECT max(id) FROM edits)"
    ).fetchone()
    changes = json.loads(entry)
    label = next(c for c in changes if c["table"] == "annotations")
    label["before"] = {**label["after"], "statement_id": rows[1].id, "annotator": "carol",
                       "adjudicated": 1, "label": "pro-integration"}  # fmt: skip
    ws.conn.execute(
        "UPDATE edits SET changes = ? WHERE id = (SELECT max(id) FROM edits)",
        (json.dumps(changes),),
    )
    with pytest.raises(EditError, match="names another key"):
        ws.undo()
    assert ws.annotations(rows[1].id) == []
    assert [a.annotator for a in ws.annotations(rows[0].id)] == ["alice"]
