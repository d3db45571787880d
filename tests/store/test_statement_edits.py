"""Statement edits: re-attribute (the role follows the speaker), adjust the span or kind, add
and delete; bad values are plain errors."""

import pytest

from argmap.store import EditError
from tests.helpers import kishida
from tests.store.helpers import snapshot


def test_reattribute_adjust_add_delete_and_undo_each(unsuggested_ws):
    before = snapshot(unsuggested_ws)
    row = kishida(unsuggested_ws)
    austin = unsuggested_ws.find_speakers("Lloyd Austin")[0]
    unsuggested_ws.reattribute(row.id, austin.id)
    assert unsuggested_ws.statement_row(row.id).speaker == "Lloyd Austin"
    adjusted = unsuggested_ws.adjust_statement(
        row.id, start=row.start, end=row.start + 30, kind="mixed"
    )
    assert adjusted.text == row.text[:30] and adjusted.kind == "mixed"
    with pytest.raises(EditError, match="outside the document"):
        unsuggested_ws.adjust_statement(row.id, end=10**9)
    other = next(r for r in unsuggested_ws.statements_in_document(row.document) if r.id != row.id)
    with pytest.raises(
        EditError, match=f"already covers {other.start}-{other.end}"
    ):  # two statements, one span
        unsuggested_ws.adjust_statement(row.id, start=other.start, end=other.end)
    with pytest.raises(EditError, match="already covers"):
        unsuggested_ws.add_statement(row.document, other.start, other.end)
    document = unsuggested_ws.document(row.document)
    at = document.text.index("The Japanese side has always been concerned")
    added = unsuggested_ws.add_statement(
        row.document, at, at + 43, speaker_id=austin.id, kind="indirect"
    )
    assert added.text == "The Japanese side has always been concerned" and added.origin == "manual"
    assert added.id in [r.id for r in unsuggested_ws.statements_in_document(row.document)]
    unsuggested_ws.set_stance(added.id, "neutral", annotator="alice")
    unsuggested_ws.delete_statement(added.id)
    with pytest.raises(EditError):
        unsuggested_ws.statement_row(added.id)
    unsuggested_ws.undo()  # the statement and its annotation come back
    assert unsuggested_ws.statement_row(added.id).label == "neutral"
    for _ in range(4):  # set-stance, add, adjust, reattribute
        unsuggested_ws.undo()
    assert snapshot(unsuggested_ws) == before


def test_attributing_a_statement_drops_the_old_speakers_role(ws):
    row = next(r for r in ws.statements(limit=100) if ws.statement(r.id).speaker_role)
    austin = ws.find_speakers("Lloyd Austin")[0]
    other = next(s for s in ws.speakers() if s.id != row.speaker_id and s.id != austin.id)
    old_role = ws.statement(row.id).speaker_role
    ws.update_speaker(austin.id, role="Secretary of Defense")
    ws.reattribute(row.id, austin.id)
    assert ws.statement(row.id).speaker_role == "Secretary of Defense" != old_role
    ws.reattribute(row.id, other.id)
    assert ws.statement(row.id).speaker_role == other.role
    ws.undo()
    ws.undo()
    assert ws.statement(row.id).speaker_role == old_role


def test_a_bad_kind_in_the_store_is_an_edit_error(ws):
    row = kishida(ws)
    with pytest.raises(EditError, match="unknown statement kind 'bogus'"):
        ws.adjust_statement(row.id, kind="bogus")
    with pytest.raises(EditError, match="unknown relation kind 'bogus'"):
        ws.relations(kind="bogus")
    assert ws.adjust_statement(row.id, kind="MIXED").kind == "mixed"


def test_span_errors_read_plainly(ws):
    row = kishida(ws)
    with pytest.raises(EditError, match="span start 50 is not before its end 10"):
        ws.adjust_statement(row.id, start=50, end=10)
    with pytest.raises(
        EditError, match=r"span start -5, end 1195 is outside the document \(characters 0 to \d+\)"
    ):
        ws.adjust_statement(row.id, start=-5, end=1195)
