"""Stance suggestions in the workspace: one per statement from the stance model, a label until
people label, and a model refitted on the workspace's own labels."""

import pytest

from argmap.models import Suggestion
from argmap.store import StatementFilter
from tests.helpers import by_speaker


def test_every_statement_gets_the_stance_models_suggestion(ws):
    from argmap.stance import suggest_stances, uncertainty

    rows = ws.statements(limit=1000)
    contexts = [ws.context(r.id)[0] for r in rows]
    expected = suggest_stances(ws.codebook, [r.text for r in rows], contexts=contexts)
    for row, suggestion in zip(rows, expected, strict=True):
        assert ws.suggestion(row.id) == suggestion
        assert (row.label, row.label_source, row.review) == (
            suggestion.label,
            "suggestion",
            "suggested",
        )
        assert row.uncertainty == pytest.approx(uncertainty(suggestion))
    assert ws.status().suggestions_available
    doubts = [r.uncertainty for r in ws.statements(sort="uncertainty", descending=True, limit=1000)]
    assert doubts == sorted(doubts, reverse=True)


def test_stored_suggestions_set_labels_until_people_label(ws):
    row = by_speaker(ws, "Kishida Fumio")[0]
    suggestion = Suggestion(
        label="pro-integration",
        score=0.8,
        scores={"pro-integration": 0.8, "neutral": 0.2},
        model="codebook",
        model_version="test",
        explanation="cue 'shoulder to shoulder'",
    )
    assert ws.store_suggestions({row.id: suggestion, "gone": suggestion}) == 1
    assert ws.suggestion(row.id) == suggestion
    stored = ws.statement_row(row.id)
    assert (stored.label, stored.label_source, stored.review, stored.suggestion_score) == (
        "pro-integration",
        "suggestion",
        "suggested",
        0.8,
    )
    assert ws.accept_suggestion(row.id, annotator="alice").label == "pro-integration"
    assert ws.statement_row(row.id).review == "labelled"
    assert ws.statements(StatementFilter(review="labelled"), sort="uncertainty")[0].id == row.id


def test_the_model_learns_from_the_workspaces_labels(ws):
    from argmap.store import EditError

    rows = ws.statements(limit=1000)
    with pytest.raises(EditError, match="cannot train the stance model from 0 labelled statements"):
        ws.fit_model()
    labels = ["pro-integration", "sovereignty-concern", "neutral"]
    for n, row in enumerate(rows[:9]):
        ws.set_stance(row.id, labels[n % 3], annotator="alice")
    model = ws.fit_model()
    assert sorted(model.labels) == sorted(labels[n % 3] for n in range(9))
    assert ws.saved_model() is not None
    if ws.on_server:  # kept in the database, shared by its analysts
        assert ws.conn.execute("SELECT count(*) FROM learned_model").fetchone()[0] == 1
    else:  # the folder beside the file
        assert (ws.model_place.folder / "meta.json").is_file()
    assert ws.resuggest() == len(rows)
    models = {ws.suggestion(r.id).model for r in rows}
    assert models - {"codebook"}  # the learned model's suggestions, not only the codebook's
    # people's labels still win over the new suggestions
    assert [ws.statement_row(r.id).label for r in rows[:9]] == [labels[n % 3] for n in range(9)]
