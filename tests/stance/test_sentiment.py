"""Target-directed sentiment: praise or criticism of what a codebook label is for or against."""

import pytest

from argmap.codebook import CodebookError, load_codebook, parse_codebook
from argmap.evaluation.stance import score
from argmap.stance.codebook_model import RULES_VERSION, CodebookModel
from argmap.stance.label_files import read_labels
from argmap.stance.sentiment import target_sentiment, valence
from argmap.stance.tokens import analyse
from tests.helpers import ELECTION_CODEBOOK, ELECTION_LABELS


def _target_cues(model, text):
    return {
        label: [cue for cue in cues if cue.startswith(("praise of", "criticism of"))]
        for label, cues in model.evidence(text).cues.items()
    }


def test_criticism_of_one_nominee_favours_the_other(election_model):
    found = _target_cues(election_model, "Donald Trump is a dangerous, dishonest demagogue.")
    assert found.get("favours-clinton") == ["criticism of 'Trump'"]
    assert not found.get("favours-trump")
    assert (
        election_model.suggest("Donald Trump is a dangerous, dishonest demagogue.").label
        == "favours-clinton"
    )


def test_negation_reverses_the_sentiment_toward_a_target(election_model):
    plain = _target_cues(election_model, "Voters believe Clinton is honest.")
    negated = _target_cues(election_model, "Voters believe Clinton is not honest.")
    assert plain.get("favours-clinton") == ["praise of 'Clinton'"]
    assert negated.get("favours-trump") == ["criticism of 'Clinton'"]
    assert not negated.get("favours-clinton")


def test_a_conceded_clause_counts_less_than_the_asserted_one(election_model):
    text = (
        "Although Trump is a talented showman, Clinton is the smart, qualified and steady choice."
    )
    tokens = analyse(text)
    trump, clinton = [i for i, t in enumerate(tokens) if t.text in {"Trump", "Clinton"}]
    towards_trump, towards_clinton = target_sentiment(tokens, [(trump, trump), (clinton, clinton)])
    assert 0 < towards_trump < towards_clinton
    assert election_model.suggest(text).label == "favours-clinton"


def test_each_polar_word_goes_to_the_nearest_mention_in_its_sentence():
    tokens = analyse("Clinton spoke in Ohio. Later, Trump called the plan a disaster.")
    clinton = next(i for i, t in enumerate(tokens) if t.text == "Clinton")
    trump = next(i for i, t in enumerate(tokens) if t.text == "Trump")
    towards_clinton, towards_trump = target_sentiment(tokens, [(clinton, clinton), (trump, trump)])
    assert towards_clinton == 0.0  # 'disaster' is in the other sentence
    assert towards_trump < 0


def test_an_obligations_negation_is_no_sentiment():
    tokens = analyse("Japan must not abandon its allies.")
    word = next(t for t in tokens if t.text == "abandon")
    assert word.negated and word.deontic
    assert valence(word) == 0.0


def test_criticism_of_integration_is_a_sovereignty_concern(japan_model):
    text = "Integration with the American military is a grave mistake that Tokyo will regret."
    assert "criticism of 'Integration'" in japan_model.evidence(text).cues.get(
        "sovereignty-concern", []
    )
    assert japan_model.suggest(text).label == "sovereignty-concern"
    praised = "Integration with the American military is a wise and welcome step."
    assert japan_model.suggest(praised).label == "pro-integration"


def test_target_fields_are_optional_validated_and_versioned():
    base = '[debate]\nid = "d"\nissue = "Q?"\n[[label]]\nid = "yes"\nname = "Yes"\n'
    assert parse_codebook(base).labels[0].targets_for == ()
    with pytest.raises(
        CodebookError,
        match=r"line 7: \[\[label\]\] #1 \(yes\), field 'targets_for': expected non-empty strings",
    ):
        parse_codebook(base + 'targets_for = ["the plan", " "]\n', "x.toml")
    with pytest.raises(CodebookError, match="targets_against"):
        parse_codebook(base + 'targets_against = "the plan"\n', "x.toml")
    with_targets = parse_codebook(base + 'targets_for = ["the plan"]\n')
    assert CodebookModel(with_targets).version.startswith(f"{RULES_VERSION}-")
    assert CodebookModel(with_targets).version != CodebookModel(parse_codebook(base)).version


def test_targets_help_the_codebook_model_on_the_election_labels(shared):
    codebook = load_codebook(ELECTION_CODEBOOK)
    documents = [
        shared / "data" / "polnear" / "train" / "text",
        shared / "data" / "polnear" / "dev" / "text",
    ]
    examples = [e for e in read_labels(ELECTION_LABELS, codebook, documents) if e.split == "train"]
    bare = codebook.model_copy(
        update={
            "labels": tuple(
                label.model_copy(update={"targets_for": (), "targets_against": ()})
                for label in codebook.labels
            )
        }
    )

    def macro_f1(book):
        predicted = [
            s.label
            for s in CodebookModel(book).suggest_many(
                [e.text for e in examples], [e.context for e in examples]
            )
        ]
        return score([e.stance for e in examples], predicted, book.label_ids, "codebook").macro_f1

    assert macro_f1(codebook) > macro_f1(bare) + 0.01


def test_a_gapped_cue_does_not_skip_over_another_target(election_model):
    assert election_model.evidence("I am voting for Donald Trump.").cues["favours-trump"] == [
        "'voting for Donald Trump'"
    ]
    rather = election_model.evidence("She would rather be voting for Hillary Clinton than Trump.")
    assert not any("voting for" in cue for cue in rather.cues.get("favours-trump", []))
