"""Labels: stored with who, when and a note; disputes until adjudicated; an older answer never
overwrites a newer one; labels outside the codebook, or dated in the future, are refused."""

from datetime import UTC, datetime, timedelta

import pytest

from argmap.store import EditError, StatementFilter
from tests.helpers import kishida
from tests.store.helpers import snapshot


def test_set_stance_is_stored_with_provenance_and_undone(unsuggested_ws):
    before = snapshot(unsuggested_ws)
    row = kishida(unsuggested_ws)
    unsuggested_ws.set_stance(
        row.id, "pro-integration", annotator="alice", note="shoulder to shoulder"
    )
    (annotation,) = unsuggested_ws.annotations(row.id)
    assert (annotation.label, annotation.annotator, annotation.note) == (
        "pro-integration",
        "alice",
        "shoulder to shoulder",
    )
    assert annotation.time.tzinfo is not None
    after = unsuggested_ws.statement_row(row.id)
    assert (after.label, after.label_source, after.review) == (
        "pro-integration",
        "human",
        "labelled",
    )
    (edit,) = unsuggested_ws.edits(1)
    assert (edit.actor, edit.action) == ("alice", "set-stance")
    unsuggested_ws.undo()
    assert snapshot(unsuggested_ws) == before
    unsuggested_ws.redo()
    assert unsuggested_ws.statement_row(row.id).label == "pro-integration"
    with pytest.raises(EditError, match="nothing to redo"):
        unsuggested_ws.redo()


def test_disagreement_is_disputed_until_adjudicated(unsuggested_ws):
    row = kishida(unsuggested_ws)
    unsuggested_ws.set_stance(row.id, "pro-integration", annotator="alice")
    unsuggested_ws.set_stance(row.id, "neutral", annotator="bob")
    assert unsuggested_ws.statement_row(row.id).review == "disputed"
    assert unsuggested_ws.count_statements(StatementFilter(review="disputed")) == 1
    unsuggested_ws.adjudicate(
        row.id, "pro-integration", annotator="carol", note="he says 'we are with you'"
    )
    final = unsuggested_ws.statement_row(row.id)
    assert (final.label, final.label_source, final.review) == (
        "pro-integration",
        "adjudicated",
        "adjudicated",
    )
    unsuggested_ws.undo()
    assert unsuggested_ws.statement_row(row.id).review == "disputed"


def test_an_older_answer_never_overwrites_a_newer_annotation(unsuggested_ws):
    row = kishida(unsuggested_ws)
    now = datetime.now(UTC)
    unsuggested_ws.set_stance(row.id, "neutral", annotator="alice", time=now)
    kept = unsuggested_ws.set_stance(
        row.id, "pro-integration", annotator="alice", time=now - timedelta(hours=1)
    )
    assert kept.label == "neutral"
    assert [a.label for a in unsuggested_ws.annotations(row.id)] == ["neutral"]
    unsuggested_ws.set_stance(
        row.id, "pro-integration", annotator="alice", time=now + timedelta(seconds=1)
    )
    assert [a.label for a in unsuggested_ws.annotations(row.id)] == ["pro-integration"]


def test_labels_outside_the_codebook_and_unknown_ids_are_refused(unsuggested_ws):
    before = snapshot(unsuggested_ws)
    with pytest.raises(EditError, match="unknown label 'pro'"):
        unsuggested_ws.set_stance(kishida(unsuggested_ws).id, "pro")
    with pytest.raises(EditError, match="no statement"):
        unsuggested_ws.set_stance("nope", "neutral")
    assert snapshot(unsuggested_ws) == before and [e.action for e in unsuggested_ws.edits()] == [
        "add-document"
    ]


def test_a_label_given_now_under_a_newer_one_is_refused_with_the_reason(ws):
    from argmap.store.errors import LabelNotApplied

    row = kishida(ws)
    ws.set_stance(
        row.id, "pro-integration", annotator="alice", time=datetime.now(UTC) + timedelta(minutes=2)
    )
    with pytest.raises(
        LabelNotApplied, match="neutral not applied: alice's label pro-integration is dated"
    ):
        ws.set_stance(row.id, "neutral", annotator="alice")
    assert [a.label for a in ws.annotations(row.id)] == ["pro-integration"]
    # an explicit older time (a packet answer) still quietly keeps the newer label, as collect
    # expects
    kept = ws.set_stance(row.id, "neutral", annotator="alice", time="2020-01-01T00:00:00+00:00")
    assert kept.label == "pro-integration"


def test_a_label_dated_in_the_future_is_refused(ws):
    row = kishida(ws)
    with pytest.raises(EditError, match="in the future"):
        ws.set_stance(row.id, "neutral", annotator="alice", time="2099-01-01T00:00:00+00:00")
    assert ws.annotations(row.id) == []
