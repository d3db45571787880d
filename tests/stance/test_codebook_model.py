"""The codebook model on the seed gold and on constructed sentences of the same debate."""

import json

import pytest
from sklearn.metrics import f1_score

from argmap.codebook import parse_codebook
from argmap.stance import suggest_stances
from argmap.stance.codebook_model import CodebookModel
from argmap.stance.tokens import analyse
from tests.helpers import FIXTURES, SEED_GOLD


def test_seed_gold_macro_f1(japan_model):
    gold = [json.loads(line) for line in SEED_GOLD.read_text(encoding="utf-8").splitlines()]
    predicted = [japan_model.suggest(g["text"]).label for g in gold]
    truth = [g["stance"] for g in gold]
    assert len(set(truth)) == 3
    assert f1_score(truth, predicted, average="macro") >= 0.80


def test_negation_reverses_support(japan_model):
    plain = japan_model.suggest(
        "The ministers support further integration of command and control with the United States."
    )
    negated = japan_model.suggest(
        "The ministers do not support further integration of command and control with the United "
        "States."
    )
    assert plain.label == "pro-integration"
    assert negated.label == "sovereignty-concern"
    assert negated.scores["pro-integration"] < plain.scores["pro-integration"]
    # The negated verb is named, as a negated cue or as a verb bearing against its object.
    assert (
        "negated 'support'" in negated.explanation
        or "'support' against 'integration'" in negated.explanation
    )


def test_negation_with_a_contraction_and_not_only(japan_model):
    assert (
        japan_model.suggest("Tokyo doesn't want to strengthen the alliance any further.").label
        == "sovereignty-concern"
    )
    assert (
        japan_model.suggest(
            "The deal will not only strengthen deterrence but also deepen cooperation."
        ).label
        == "pro-integration"
    )
    assert (
        japan_model.suggest("Ties between the two allies have never been stronger.").label
        == "pro-integration"
    )


def test_the_clause_after_but_decides(japan_model):
    conceding = japan_model.suggest(
        "The alliance remains the cornerstone of Japan's security, but placing the Self-Defense "
        "Forces "
        "under American command would erode the country's sovereignty."
    )
    assert conceding.label == "sovereignty-concern"
    assert "concession of pro-integration before 'but'" in conceding.explanation
    reversed_order = japan_model.suggest(
        "Some fear a loss of autonomy, but the joint headquarters will strengthen deterrence "
        "against missile threats."
    )
    assert reversed_order.label == "pro-integration"


def test_inflections_match_cues(japan_model):
    for text in (
        "Japan has deepened defence cooperation with Washington.",
        "The allies are deepening their cooperation.",
        "Deeper cooperation deters aggression.",
    ):
        suggestion = japan_model.suggest(text)
        assert suggestion.label == "pro-integration", text
    tokens = [t.stem for t in analyse("deterred deterring deters")]
    assert len(set(tokens)) == 1


def test_facts_without_a_position_are_neutral(japan_model):
    suggestion = japan_model.suggest(
        "The defence minister will visit Washington next week for talks."
    )
    assert suggestion.label == "neutral"
    assert japan_model.suggest("The two governments met on Tuesday.").label == "neutral"


def test_explanation_names_the_cues_and_the_nearest_example(japan_model):
    suggestion = japan_model.suggest(
        "Critics warn that Japan is becoming too dependent on the United States."
    )
    assert suggestion.label == "sovereignty-concern"
    assert suggestion.explanation.startswith("Sovereignty concern: cues: ")
    assert "'dependent'" in suggestion.explanation and "'warn'" in suggestion.explanation
    assert any(item.startswith("nearest example") for item in suggestion.evidence)


def test_scores_are_probabilities_and_evidence_makes_them_sure(japan_model):
    weak = japan_model.suggest("Officials discussed the plan.")
    strong = japan_model.suggest(
        "Closer alliance cooperation strengthens deterrence and keeps peace and stability in the "
        "region."
    )
    for suggestion in (weak, strong):
        assert sum(suggestion.scores.values()) == pytest.approx(1.0, abs=1e-3)
    assert strong.score > 0.9 > weak.scores[weak.label]


def test_context_is_weak_evidence(japan_model):
    text = "The plan goes ahead."
    alone = japan_model.suggest(text)
    with_context = japan_model.suggest(
        text, context="Critics warn of a loss of sovereignty. The plan goes ahead."
    )
    assert with_context.scores["sovereignty-concern"] > alone.scores["sovereignty-concern"]
    assert "(context)" in " ".join(with_context.evidence)


def test_a_codebook_of_another_debate_with_any_number_of_labels():
    codebook = parse_codebook("""
[debate]
id = "transit"
issue = "Should the city build a tram?"
[[label]]
id = "for"
name = "For"
cues = ["cleaner air", "fewer cars"]
[[label]]
id = "against"
name = "Against"
cues = ["too expensive", "waste of money"]
[[label]]
id = "later"
name = "Later"
cues = ["postpone", "wait"]
""")
    texts = [
        "The tram would be far too expensive for this city.",
        "They want to postpone the tram.",
        "It means fewer cars downtown.",
    ]
    assert [s.label for s in suggest_stances(codebook, texts)] == ["against", "later", "for"]


def test_an_obligation_not_to_is_a_warning_not_a_denial(japan_model):
    warning = japan_model.suggest("Japan must not become the front line of an American war.")
    assert warning.label == "sovereignty-concern"
    assert "'front line' warned of after 'must not become'" in warning.explanation
    obligation = japan_model.evidence("Japan should not deepen its ties with Washington.")
    assert obligation.totals["pro-integration"] <= 1.0  # "should not deepen": no evidence for pro
    assert any(
        "after 'should/must not' (not counted)" in cue for cue in obligation.cues["pro-integration"]
    )
    denial = japan_model.suggest("The agreement does not threaten Japan's sovereignty in any way.")
    assert denial.label == "pro-integration"
    assert "negated 'sovereignty'" in denial.explanation


# Statements of the Japan-US debate written for these tests (not from any article). They were
# used while the codebook was written, so they guard against regressions; they do not measure
# generalisation (the held-out set does).
CONSTRUCTED = [
    (
        "pro-integration",
        "The new joint command will let our forces work hand in hand with the Americans from day "
        "one of a crisis.",
    ),
    (
        "pro-integration",
        "Given Beijing's pressure around the Senkakus, Japan has no choice but to deepen its "
        "defence partnership with Washington.",
    ),
    (
        "pro-integration",
        "The prime minister said the upgraded alliance would keep the peace in East Asia for "
        "decades.",
    ),
    (
        "pro-integration",
        "Building missiles together with American firms will revive Japan's defence industry and "
        "make the alliance stronger.",
    ),
    (
        "sovereignty-concern",
        "Opposition lawmakers said the agreement was reached without any debate in parliament.",
    ),
    (
        "sovereignty-concern",
        "If the Self-Defense Forces take orders from an American headquarters, Japan will have "
        "given up control of its own military.",
    ),
    (
        "sovereignty-concern",
        "A former diplomat warned that Tokyo could be pulled into a conflict over Taiwan that it "
        "never chose.",
    ),
    (
        "sovereignty-concern",
        "The deal makes Japan ever more reliant on Washington and weakens its voice in Asia.",
    ),
    ("sovereignty-concern", "Japan should not blindly follow whatever the Pentagon decides."),
    ("neutral", "The agreement will be reviewed at the next meeting of the two sides in December."),
    ("neutral", "The ministers held a joint press conference after the talks."),
    ("neutral", "The new headquarters will have about 200 staff, officials said."),
]


def test_constructed_statements_of_the_debate(japan_model):
    predicted = [s.label for s in japan_model.suggest_many([text for _, text in CONSTRUCTED])]
    correct = sum(p == gold for p, (gold, _) in zip(predicted, CONSTRUCTED, strict=True))
    assert correct >= 11, list(zip(predicted, CONSTRUCTED, strict=True))


def test_a_granted_clause_before_a_semicolon_counts_little(japan_model):
    granted = analyse("Closer ties are welcome in principle; the trouble is who decides in a war.")
    plain = analyse("Closer ties are welcome; we should talk about who decides in a war.")
    assert all(t.conceded for t in granted[:5]) and not any(t.conceded for t in plain)
    assert (
        japan_model.suggest(
            "Closer ties are welcome in principle; the trouble is that Tokyo may lose its "
            "independence."
        ).label
        == "sovereignty-concern"
    )


def test_the_alternative_turned_down_counts_little(japan_model):
    tokens = analyse("Japan should build its own satellites instead of relying on American ones.")
    weights = {t.text: t.weight for t in tokens}
    assert weights["relying"] < 1 and weights["satellites"] == 1
    assert not any(
        t.conceded for t in tokens
    )  # not a concession: no evidence moves to the other side


def test_a_subordinate_clause_ends_a_negation():
    tokens = analyse("This is not wise if it means a loss of independence.")
    assert [t.text for t in tokens if t.negated] == ["wise"]
    assert not any(t.negated for t in analyse("No amount of pressure will weaken the alliance."))


def test_a_target_that_speaks_is_not_criticised_by_its_own_words(japan_model):
    speaking = japan_model.evidence("Beijing warned that the plan was dangerous and reckless.")
    criticised = japan_model.evidence("The plan to counter Beijing's dangerous and reckless moves.")
    assert not any(
        "criticism of 'Beijing'" in cue for cue in speaking.cues.get("pro-integration", [])
    )
    assert any("criticism of 'Beijing" in cue for cue in criticised.cues.get("pro-integration", []))


def test_cues_with_the_same_stems_count_once():
    def codebook(cues):
        return parse_codebook(f"""
[debate]
id = "d"
issue = "?"
[[label]]
id = "for"
name = "For"
cues = {cues}
[[label]]
id = "against"
name = "Against"
cues = ["refuse"]
""")

    text = "They cooperate closely."
    once = CodebookModel(codebook('["cooperate"]')).evidence(text).totals["for"]
    twice = (
        CodebookModel(codebook('["cooperate", "cooperation", "cooperating"]'))
        .evidence(text)
        .totals["for"]
    )
    assert once == pytest.approx(twice)


def test_a_threat_word_aimed_at_the_alliance_is_not_evidence_for_it(japan_model):
    aimed = japan_model.evidence("Critics say the alliance is a threat to peace in Asia.")
    assert any(
        "'threat' aimed at 'alliance' (not counted)" in cue for cue in aimed.cues["pro-integration"]
    )
    adversary = japan_model.evidence(
        "The alliance is the answer to the threat from Beijing's navy."
    )
    assert "'threat'" in adversary.cues["pro-integration"]
    assert (
        japan_model.suggest("Critics say the alliance is a threat to peace in Asia.").label
        == "sovereignty-concern"
    )


def test_development_sets_do_not_regress(japan_model):
    # Both were tuned on (README, issue 3's rules 5): this guards against regressions only.
    for name, floor in (("japan-us-dev.stance.jsonl", 0.90), ("japan-us-dev2.stance.jsonl", 0.80)):
        records = [
            json.loads(line)
            for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
        predicted = [s.label for s in japan_model.suggest_many([r["text"] for r in records])]
        assert f1_score([r["stance"] for r in records], predicted, average="macro") >= floor, name


def test_scores_of_a_batch_equal_each_statements_own_softmax():
    """suggest_many's softmax over the batch gives each row the bits _softmax gives it alone."""
    import numpy as np

    from argmap.codebook import load_codebook
    from argmap.stance.codebook_model import _softmax
    from tests.helpers import ELECTION_CODEBOOK, SEED_CODEBOOK

    texts = [json.loads(line)["text"] for line in SEED_GOLD.read_text().splitlines() if line]
    for path in (SEED_CODEBOOK, ELECTION_CODEBOOK):
        model = CodebookModel(load_codebook(path))
        found = model.evidence_many(texts)
        rows = model._probabilities(found)
        for evidence, row in zip(found, rows, strict=True):
            alone = _softmax(np.array([evidence.totals[label] for label in model.labels]))
            assert row.tolist() == alone.tolist()
        suggestions = model.suggest_many(texts)
        assert [s.score for s in suggestions] == rows.max(axis=1).tolist()
