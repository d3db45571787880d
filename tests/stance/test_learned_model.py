"""The learned model: cross-validated against the codebook model, on the seed gold and on the
election labels (when they are in the repository and ../shared holds PolNeAR)."""

import pytest

from argmap.codebook import load_codebook, parse_codebook
from argmap.evaluation.stance import cross_validate, learning_curve, stratified_sample
from argmap.stance import fit_stance_model, read_labels, suggest_stances
from tests.helpers import ELECTION_CODEBOOK, ELECTION_LABELS, FIXTURES, SEED_GOLD


def _bare(codebook):
    """The same labels with names only: no description, cues or examples."""
    lines = [f'[debate]\nid = "bare"\nissue = "{codebook.issue}"\nneutral = "{codebook.neutral}"']
    lines += [f'[[label]]\nid = "{label.id}"\nname = "{label.name}"' for label in codebook.labels]
    return parse_codebook("\n".join(lines))


def test_on_the_seed_the_combination_keeps_the_codebook_and_beats_the_learned_model(japan_codebook):
    reports = cross_validate(japan_codebook, read_labels(SEED_GOLD, japan_codebook), folds=4)
    assert reports["codebook"].macro_f1 >= 0.8
    assert reports["combined"].macro_f1 >= reports["codebook"].macro_f1
    assert reports["combined"].macro_f1 > reports["learned"].macro_f1


def test_labels_teach_what_a_bare_codebook_cannot(japan_codebook):
    bare = _bare(japan_codebook)
    examples = read_labels(SEED_GOLD, bare)
    reports = cross_validate(bare, examples, folds=4)
    # With no cues, the codebook model calls everything neutral; 19 labels already do better.
    assert {label.label for label in reports["codebook"].per_label if label.recall > 0} == {
        "neutral"
    }
    assert reports["learned"].macro_f1 > reports["codebook"].macro_f1 + 0.2
    assert reports["combined"].macro_f1 > reports["codebook"].macro_f1 + 0.2


def test_suggestions_of_the_learned_model_are_explained_by_features(japan_codebook):
    examples = read_labels(SEED_GOLD, japan_codebook)
    model = fit_stance_model(
        japan_codebook, [e.text for e in examples], [e.stance for e in examples]
    )
    suggestion = suggest_stances(
        japan_codebook, ["Japan may become too dependent on the United States."], model=model
    )[0]
    assert suggestion.label == "sovereignty-concern"
    assert "learned" in suggestion.explanation and "codebook" in suggestion.explanation
    assert any(item.startswith("feature '") for item in suggestion.evidence)
    assert 0 < model.blend_weight < 1


def test_a_model_refuses_suggestions_for_another_codebook(japan_codebook):
    examples = read_labels(SEED_GOLD, japan_codebook)
    model = fit_stance_model(
        japan_codebook, [e.text for e in examples], [e.stance for e in examples]
    )
    with pytest.raises(ValueError, match="another codebook"):
        suggest_stances(_bare(japan_codebook), ["text"], model=model)


def test_stratified_sample_keeps_every_label_when_it_can():
    import random

    labels = ["a"] * 50 + ["b"] * 5 + ["c"] * 1
    chosen = stratified_sample(labels, 10, random.Random(1))
    assert len(chosen) == 10 and {labels[i] for i in chosen} == {"a", "b", "c"}
    assert stratified_sample(labels, 100, random.Random(1)) == list(range(56))


def test_learning_curve_rows(japan_codebook):
    rows = learning_curve(
        japan_codebook,
        read_labels(SEED_GOLD, japan_codebook),
        sizes=(0, 10, None),
        folds=3,
        repeats=1,
    )
    assert [row["size"] for row in rows] == [0, 10, "all"]
    assert rows[0]["learned"] is None and rows[0]["codebook"] is not None
    assert rows[-1]["labels"] > 10 and rows[-1]["combined"] is not None


def test_on_the_election_labels_the_learned_models_beat_the_codebook(shared):
    if not ELECTION_LABELS.exists() or not ELECTION_CODEBOOK.exists():
        pytest.skip("the election labels are not in this checkout yet")
    codebook = load_codebook(ELECTION_CODEBOOK)
    polnear = shared / "data" / "polnear"
    examples = read_labels(ELECTION_LABELS, codebook, [polnear / "train", polnear / "dev"])
    assert len(examples) >= 150
    reports = cross_validate(codebook, examples, folds=5)
    # Labels teach more than the election's codebook (cues, and sentiment toward the two named
    # nominees: 0.46 in 5-fold CV against the learned model's 0.50 and the combination's 0.51).
    assert reports["learned"].macro_f1 > reports["codebook"].macro_f1 + 0.02
    assert reports["combined"].macro_f1 > reports["codebook"].macro_f1 + 0.02


def test_a_few_dozen_labels_do_not_pull_the_combination_below_the_codebook_model(japan_codebook):
    from sklearn.metrics import f1_score

    from argmap.stance.codebook_model import CodebookModel

    dev = read_labels(FIXTURES / "japan-us-dev.stance.jsonl", japan_codebook)
    model = fit_stance_model(japan_codebook, [e.text for e in dev], [e.stance for e in dev])
    assert (
        model.codebook_trust == 1.0 and model.blend_weight < 0.15
    )  # 40 labels: about 13 per label
    gold = read_labels(SEED_GOLD, japan_codebook)
    truth = [e.stance for e in gold]
    combined = [s.label for s in model.suggest([e.text for e in gold])]
    alone = [s.label for s in CodebookModel(japan_codebook).suggest_many([e.text for e in gold])]
    assert f1_score(truth, combined, average="macro") >= f1_score(truth, alone, average="macro")


def test_the_blend_weight_grows_with_labels_per_codebook_label(japan_codebook):
    from argmap.stance.learned import blend_weight

    assert blend_weight(30, 3, 100) < blend_weight(300, 3, 100) < blend_weight(3000, 3, 100)
    assert blend_weight(300, 3, 100) == pytest.approx(0.5)
    assert blend_weight(300, 3, 0) == 1.0
