"""The public stance API the workspace calls: suggestions, learned model, uncertainty, final label."""

import json
from datetime import UTC, datetime, timedelta

import pytest
from tests.helpers import FIXTURES, REPO

from argmap.codebook import load_codebook
from argmap.models import Annotation, Suggestion
from argmap.stance import (
    StanceTrainingError,
    final_label,
    fit_stance_model,
    load_stance_model,
    most_uncertain_first,
    suggest_stances,
    uncertainty,
)

CODEBOOK = REPO / "seeds" / "japan-us-integration.codebook.toml"
GOLD = FIXTURES / "japan-us-integration.gold.jsonl"


@pytest.fixture(scope="module")
def codebook():
    return load_codebook(CODEBOOK)


@pytest.fixture(scope="module")
def gold():
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]


def test_codebook_suggestions_have_every_field(codebook, gold):
    suggestions = suggest_stances(codebook, [g["text"] for g in gold])
    assert len(suggestions) == len(gold)
    for suggestion in suggestions:
        assert suggestion.label in codebook.label_ids
        assert set(suggestion.scores) == set(codebook.label_ids)
        assert abs(sum(suggestion.scores.values()) - 1.0) < 1e-3
        assert suggestion.score == pytest.approx(max(suggestion.scores.values()), abs=1e-3)
        assert suggestion.model == "codebook" and suggestion.model_version
        assert suggestion.explanation


def test_contexts_must_match_texts(codebook):
    with pytest.raises(ValueError, match="2 texts but 1 contexts"):
        suggest_stances(codebook, ["a", "b"], contexts=["c"])


def test_learned_model_round_trip_gives_the_same_suggestions(codebook, gold, tmp_path):
    model = fit_stance_model(codebook, [g["text"] for g in gold], [g["stance"] for g in gold])
    texts = [g["text"] for g in gold] + [
        "Japan should not give up its own diplomacy for the alliance."
    ]
    before = suggest_stances(codebook, texts, model=model)
    model.save(tmp_path / "model")
    loaded = load_stance_model(tmp_path / "model", codebook)
    after = suggest_stances(codebook, texts, model=loaded)
    assert loaded.version == model.version
    assert [s.model_dump() for s in after] == [s.model_dump() for s in before]
    assert {s.model for s in after} == {"combined"}
    assert all(s.model_version == model.version for s in after)


def test_training_errors_are_clear(codebook):
    with pytest.raises(StanceTrainingError, match="no labelled statements"):
        fit_stance_model(codebook, [], [])
    with pytest.raises(StanceTrainingError, match="unknown label 'pro'"):
        fit_stance_model(codebook, ["a", "b", "c"], ["pro", "neutral", "sovereignty-concern"])
    with pytest.raises(StanceTrainingError, match="no labelled statement has label 'neutral'"):
        fit_stance_model(codebook, ["a", "b"], ["pro-integration", "sovereignty-concern"])


def _suggestion(scores):
    best = max(scores, key=scores.get)
    return Suggestion(
        label=best, score=scores[best], scores=scores, model="codebook", model_version="1"
    )


def test_uncertainty_orders_by_margin():
    sure = _suggestion({"a": 0.9, "b": 0.05, "c": 0.05})
    torn = _suggestion({"a": 0.45, "b": 0.44, "c": 0.11})
    middle = _suggestion({"a": 0.6, "b": 0.3, "c": 0.1})
    assert uncertainty(torn) > uncertainty(middle) > uncertainty(sure)
    assert most_uncertain_first([sure, torn, middle]) == [1, 2, 0]


def test_final_label_prefers_adjudicated_then_latest_human_then_suggestion():
    now = datetime(2026, 11, 25, tzinfo=UTC)
    suggestion = _suggestion({"pro-integration": 0.7, "neutral": 0.3})
    early = Annotation(statement_id="s1", label="neutral", annotator="ann", time=now)
    late = Annotation(
        statement_id="s1",
        label="sovereignty-concern",
        annotator="bo",
        time=now + timedelta(hours=1),
    )
    decided = Annotation(
        statement_id="s1",
        label="pro-integration",
        annotator="lead",
        time=now - timedelta(days=1),
        adjudicated=True,
    )
    assert final_label(None, []) == (None, "none")
    assert final_label(suggestion, []) == ("pro-integration", "suggestion")
    assert final_label(suggestion, [late, early]) == ("sovereignty-concern", "human")
    assert final_label(None, [early, late, decided]) == ("pro-integration", "adjudicated")


def test_empty_inputs(codebook, gold):
    assert suggest_stances(codebook, []) == []
    blank = suggest_stances(codebook, ["", "  ", "!!!"], contexts=[None, "", "x"])
    assert [s.label for s in blank] == ["neutral"] * 3
    model = fit_stance_model(codebook, [g["text"] for g in gold], [g["stance"] for g in gold])
    assert suggest_stances(codebook, [], model=model) == []
    assert suggest_stances(codebook, [""], model=model)[0].label in codebook.label_ids
