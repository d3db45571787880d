"""Fixes from the QA run: undo after suggestions and learnt aliases, late labels, speaker names, the map's rules."""

import json

import pytest

from argmap.store import EditError
from store_helpers import by_speaker, seed_workspace


@pytest.fixture
def ws(tmp_path):
    with seed_workspace(tmp_path) as workspace:
        yield workspace


def kishida(ws):
    return by_speaker(ws, "Kishida Fumio")[0]


def test_undo_of_a_label_works_after_suggestions_are_refreshed(ws):
    row = kishida(ws)
    before = ws.statement_row(row.id)
    ws.set_stance(row.id, "neutral", annotator="alice")
    # argmap suggest: new suggestions rewrite every statement's score/uncertainty (and label
    # where nobody labelled); the stored suggestion of the labelled statement changes too.
    ws.conn.execute("UPDATE suggestions SET score = score / 2, uncertainty = 0.99")
    ws.resuggest()
    ws.conn.execute("UPDATE suggestions SET score = 0.123, uncertainty = 0.5 WHERE statement_id = ?", (row.id,))
    from argmap.store.statements import refresh_labels

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
    aliases = json.loads(ws.conn.execute("SELECT aliases FROM speakers WHERE id = ?", (speaker.id,)).fetchone()[0])
    ws.conn.execute("UPDATE speakers SET aliases = ? WHERE id = ?", (json.dumps(aliases + ["Kishida"]), speaker.id))
    ws.undo()
    assert ws.speaker(speaker.id).aliases == [a for a in aliases if a != "Mr. K"] + ["Kishida"]


def test_undo_still_refuses_when_a_written_field_changed(ws):
    row = kishida(ws)
    ws.set_stance(row.id, "neutral", annotator="alice")
    ws.conn.execute("UPDATE annotations SET label = 'pro-integration'")
    with pytest.raises(EditError, match="has changed since"):
        ws.undo()


def test_undo_of_a_malformed_log_entry_is_a_one_line_error(ws):
    row = kishida(ws)
    ws.set_stance(row.id, "neutral", annotator="alice")
    ws.conn.execute("UPDATE edits SET changes = '\"garbage\"' WHERE id = (SELECT max(id) FROM edits)")
    with pytest.raises(EditError, match="malformed"):
        ws.undo()
