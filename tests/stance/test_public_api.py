"""The public stance API the workspace calls: suggestions, the learned model, uncertainty, the
final label."""

import json
from datetime import UTC, datetime, timedelta

import pytest

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
from tests.helpers import SEED_GOLD


@pytest.fixture(scope="module")
def gold():
    return [json.loads(line) for line in SEED_GOLD.read_text(encoding="utf-8").splitlines()]


def test_codebook_suggestions_have_every_field(japan_codebook, gold):
    suggestions = suggest_stances(japan_codebook, [g["text"] for g in gold])
    assert len(suggestions) == len(gold)
    for suggestion in suggestions:
        assert suggestion.label in japan_codebook.label_ids
        assert set(suggestion.scores) == set(japan_codebook.label_ids)
        assert abs(sum(suggestion.scores.values()) - 1.0) < 1e-3
        assert suggestion.score == pytest.approx(max(suggestion.scores.values()), abs=1e-3)
        assert suggestion.model == "codebook" and suggestion.model_version
        assert suggestion.explanation


def test_contexts_must_match_texts(japan_codebook):
    with pytest.raises(ValueError, match="2 texts but 1 contexts"):
        suggest_stances(japan_codebook, ["a", "b"], contexts=["c"])


def test_learned_model_round_trip_gives_the_same_suggestions(japan_codebook, gold, tmp_path):
    model = fit_stance_model(japan_codebook, [g["text"] for g in gold], [g["stance"] for g in gold])
    texts = [g["text"] for g in gold] + [
        "Japan should not give up its own diplomacy for the alliance."
    ]
    before = suggest_stances(japan_codebook, texts, model=model)
    model.save(tmp_path / "model")
    loaded = load_stance_model(tmp_path / "model", japan_codebook)
    after = suggest_stances(japan_codebook, texts, model=loaded)
    assert loaded.version == model.version
    assert [s.model_dump() for s in after] == [s.model_dump() for s in before]
    assert {s.model for s in after} == {"combined"}
    assert all(s.model_version == model.version for s in after)


def test_training_errors_are_clear(japan_codebook):
    with pytest.raises(StanceTrainingError, match="no labelled statements"):
        fit_stance_model(japan_codebook, [], [])
    with pytest.raises(StanceTrainingError, match="unknown label 'pro'"):
        fit_stance_model(japan_codebook, ["a", "b", "c"], ["pro", "neutral", "sovereignty-concern"])
    with pytest.raises(StanceTrainingError, match="no labelled statement has label 'neutral'"):
        fit_stance_model(japan_codebook, ["a", "b"], ["pro-integration", "sovereignty-concern"])


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


def test_empty_inputs(japan_codebook, gold):
    assert suggest_stances(japan_codebook, []) == []
    blank = suggest_stances(japan_codebook, ["", "  ", "!!!"], contexts=[None, "", "x"])
    assert [s.label for s in blank] == ["neutral"] * 3
    model = fit_stance_model(japan_codebook, [g["text"] for g in gold], [g["stance"] for g in gold])
    assert suggest_stances(japan_codebook, [], model=model) == []
    assert suggest_stances(japan_codebook, [""], model=model)[0].label in japan_codebook.label_ids
