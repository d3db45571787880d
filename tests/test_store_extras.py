"""Fuzzy search, stored suggestions, and the alias table kept in the workspace."""

import pytest
from tests.store_helpers import SEED, by_speaker, seed_workspace

from argmap.io.reading import load_documents, read_document
from argmap.models import Suggestion
from argmap.speakers.aliases import AliasTable
from argmap.store import StatementFilter


@pytest.fixture
def ws(tmp_path):
    with seed_workspace(tmp_path) as workspace:
        yield workspace


def test_fuzzy_search_finds_misspelt_words_best_first(ws):
    found = ws.fuzzy_statements("shoulder to shouldre with the United Sates", limit=3)
    assert found[0][0].speaker == "Kishida Fumio" and found[0][1] >= 80
    assert [score for _, score in found] == sorted((score for _, score in found), reverse=True)
    austin = ws.find_speakers("Lloyd Austin")[0]
    only_austin = ws.fuzzy_statements(
        "strongest improvements", filter=StatementFilter(speaker=austin.id)
    )
    assert only_austin and all(row.speaker_id == austin.id for row, _ in only_austin)
    assert ws.fuzzy_statements("   ") == []
    # the cache follows edits: a statement added by hand is found at once
    query = "The Japanese side has always been concerned"
    assert all(score < 100 for _, score in ws.fuzzy_statements(query))
    document = ws.document(found[0][0].document)
    at = document.text.index(query)
    added = ws.add_statement(document.id, at, at + len(query), speaker_id=austin.id)
    (best, score), *_ = ws.fuzzy_statements(query)
    assert best.id == added.id and score >= 90


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


def test_the_alias_table_is_kept_for_later_adds(ws, tmp_path):
    table = AliasTable.model_validate(
        {"speaker": [{"name": "Kishida Fumio", "aliases": ["the Japanese leader"]}]}
    )
    ws.set_alias_table(table)
    article = tmp_path / "later.txt"
    article.write_text(
        '"We are with you," the Japanese leader said in Washington.\n', encoding="utf-8"
    )
    ws.add_documents(load_documents([article]))  # no table given: the kept one applies
    (row,) = ws.statements_in_document(read_document(article).id)
    assert row.speaker == "Kishida Fumio"
    assert ws.alias_table.entry_for("the Japanese leader").name == "Kishida Fumio"
    assert len(ws.documents()) == 2 and SEED.name in {d.name for d in ws.documents()}


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
    assert (ws.model_dir / "meta.json").is_file()
    assert ws.resuggest() == len(rows)
    models = {ws.suggestion(r.id).model for r in rows}
    assert models - {"codebook"}  # the learned model's suggestions, not only the codebook's
    # people's labels still win over the new suggestions
    assert [ws.statement_row(r.id).label for r in rows[:9]] == [labels[n % 3] for n in range(9)]
