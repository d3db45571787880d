"""Scoring extraction against gold (argmap.evaluation.extraction): the half-inside rule,
attribution, quoted-only, and the seed's gold scored against itself and damaged copies."""

from __future__ import annotations

import pytest

from argmap.evaluation.extraction import attribution_right, names_match, score_extraction
from argmap.models import StatementKind
from tests.evaluation.helpers import from_gold, gold, pred, seed_gold
from tests.helpers import SEED


def test_prediction_correct_when_half_its_characters_lie_in_one_gold():
    g = [gold(0, 100)]
    assert score_extraction(g, [pred(50, 150)]).correct == 1  # 50 of 100 inside: exactly half
    assert score_extraction(g, [pred(51, 152)]).correct == 0  # 49 of 101 inside
    assert score_extraction(g, [pred(10, 20)]).correct == 1


def test_half_must_lie_inside_one_gold_not_spread_over_several():
    golds = [gold(0, 10, id="a"), gold(12, 20, id="b")]
    # 5 chars in a, 8 in b: 13 of 20 in gold, but no single gold holds 10.
    score = score_extraction(golds, [pred(5, 25)])
    assert score.correct == 0 and len(score.false_positives) == 1
    assert score_extraction(golds, [pred(0, 20)]).correct == 1  # 10 of 20 inside a


def test_gold_found_when_predictions_together_cover_half():
    g = [gold(0, 100)]
    assert score_extraction(g, [pred(0, 30)]).found == 0
    two = score_extraction(g, [pred(0, 30, id="p1"), pred(60, 80, id="p2")])  # 50 of 100
    assert two.found == 1 and two.recall == 1.0
    overlapping = score_extraction(g, [pred(0, 30, id="p1"), pred(10, 40, id="p2")])  # union 40
    assert overlapping.found == 0 and len(overlapping.misses) == 1


def test_split_gold_spans_count_only_their_own_characters():
    g = [gold(0, 0, spans=[(0, 10), (20, 30)])]
    whole = score_extraction(g, [pred(0, 30)])  # 20 of its 30 chars in the gold; covers all 20
    assert (whole.correct, whole.found) == (1, 1)
    gap = score_extraction(g, [pred(8, 22)])  # 4 of 14 inside, covers 4 of 20
    assert (gap.correct, gap.found) == (0, 0)


def test_predicted_parts_replace_start_end():
    g = [gold(0, 10), gold(40, 50, id="g2")]
    # The parts are 20 chars, 10 of them in the first gold: exactly half, correct.
    assert score_extraction(g, [pred(0, 50, parts=[(0, 10), (40, 50)])]).correct == 1
    # The whole 0-50 span has only 10 of its 50 chars in either gold.
    assert score_extraction(g, [pred(0, 50)]).correct == 0


def test_predicted_parts_inside_one_split_gold():
    g = [gold(0, 0, spans=[(0, 10), (40, 50)])]
    score = score_extraction(g, [pred(0, 50, parts=[(0, 10), (40, 50)])])
    assert (score.correct, score.found, score.precision, score.recall) == (1, 1, 1.0, 1.0)
    assert score_extraction(g, [pred(0, 50)]).correct == 0  # 20 of 50 inside


def test_optional_gold_counts_for_precision_not_recall():
    golds = [gold(0, 50, id="req"), gold(100, 150, id="opt", optional=True)]
    score = score_extraction(golds, [pred(100, 150)])
    assert score.correct == 1 and score.precision == 1.0
    assert score.gold_required == 1 and score.gold_optional == 1
    assert score.recall == 0.0 and [m.gold_id for m in score.misses] == ["req"]
    none = score_extraction(golds, [pred(0, 50)])
    assert none.recall == 1.0 and none.misses == []  # the unfound optional gold is no miss


def test_documents_are_kept_apart():
    golds = [gold(0, 50, doc="a.txt")]
    score = score_extraction(golds, [pred(0, 50, doc="b.txt")])
    assert (score.correct, score.found) == (0, 0)


def test_empty_prediction_is_not_correct():
    assert score_extraction([gold(0, 10)], [pred(5, 5)]).correct == 0


# --------------------------------------------------------------------------- attribution


@pytest.mark.parametrize(
    "predicted, alias",
    [
        ("Kishida", "Kishida Fumio"),  # surname, family name first
        ("Austin", "Lloyd Austin"),  # surname, given name first
        ("Prime Minister Kishida", "Kishida Fumio"),  # title ignored
        ("Kishida Fumio", "Prime Minister Kishida Fumio"),  # title on the alias
        ("Fumio Kishida", "Kishida Fumio"),  # name order
        ("Mr. Austin", "Lloyd Austin"),
        ("former Japanese Ambassador to the U.S. Sasae Kenichiro", "Sasae Kenichiro"),
        ("Secretary of Defense Lloyd Austin", "Lloyd Austin"),
        ("The Ministers", "the ministers"),
        ("Austin's", "Lloyd Austin"),
        ("Japan's Prime Minister Kishida", "Kishida"),
        ("Minister of State for Foreign Affairs Kamikawa Yoko", "Kamikawa Yoko"),
        (
            "foreign and defense ministers from Japan and the United States",
            "foreign and defense ministers",
        ),
        ("Tanaka Hitoshi, a former diplomat", "Tanaka Hitoshi"),
        ("Lloyd Austin, who heads the Pentagon", "Austin"),
    ],
)
def test_names_match(predicted, alias):
    assert names_match(predicted, alias)


@pytest.mark.parametrize(
    "predicted, alias",
    [
        ("Blinken", "Lloyd Austin"),
        ("Hillary Clinton", "Bill Clinton"),
        ("", "Lloyd Austin"),
        ("he", "Kishida Fumio"),
        ("Prime Minister", "Kishida Fumio"),
        ("ministers of Japan", "Antony Blinken"),
        ("a spokesman for Kishida", "Kishida Fumio"),
        ("spokesman for Prime Minister Kishida", "Kishida Fumio"),
        ("spokesman for Prime Minister Kishida", "Kishida"),
        ("the wife of Kishida", "Kishida"),
    ],
)
def test_names_do_not_match(predicted, alias):
    assert not names_match(predicted, alias)


def test_seed_attribution_uses_resolved_speaker_or_mention():
    g = gold(0, 50, speaker="Kishida Fumio", aliases=["Kishida Fumio", "Fumio Kishida", "Kishida"])
    assert attribution_right(pred(0, 50, speaker="Kishida"), g)
    assert attribution_right(pred(0, 50, speaker=None, mention="Prime Minister Kishida"), g)
    assert attribution_right(pred(0, 50, speaker="Biden", mention="Mr. Kishida"), g)
    assert not attribution_right(pred(0, 50, speaker="Biden", mention="he"), g)
    assert not attribution_right(pred(0, 50), g)


def test_polnear_attribution_needs_overlap_with_the_source_span():
    g = gold(0, 50, speaker="The Post", aliases=["The Post"], source_spans=[(100, 110)])
    assert attribution_right(pred(0, 50, speaker_span=(105, 115)), g)
    assert attribution_right(pred(0, 50, speaker_span=(95, 101)), g)
    assert not attribution_right(pred(0, 50, speaker_span=(110, 120)), g)  # only touches
    # the name does not matter when the gold has a source span
    assert not attribution_right(pred(0, 50, speaker="The Post", speaker_span=(200, 208)), g)
    assert not attribution_right(pred(0, 50, speaker="The Post"), g)


def test_attributed_scores():
    golds = [
        gold(0, 50, id="right", source_spans=[(60, 65)], speaker="Trump"),
        gold(100, 150, id="wrong", source_spans=[(160, 165)], speaker="Clinton"),
        gold(200, 250, id="missed", source_spans=[(260, 265)], speaker="Kaine"),
    ]
    preds = [
        pred(0, 50, id="p1", speaker_span=(60, 65)),
        pred(100, 150, id="p2", speaker="Pence", speaker_span=(170, 175)),
        pred(300, 350, id="p3", speaker_span=(360, 365)),  # a false positive
    ]
    s = score_extraction(golds, preds)
    assert (s.predicted, s.correct, s.found, s.attributed_found, s.attributed_correct) == (
        3,
        2,
        2,
        1,
        1,
    )
    assert s.precision == pytest.approx(2 / 3) and s.recall == pytest.approx(2 / 3)
    assert s.attribution_accuracy == pytest.approx(1 / 2)
    assert s.attributed_precision == pytest.approx(1 / 3)
    assert s.attributed_recall == pytest.approx(1 / 3)
    assert s.attributed_f1 == pytest.approx(1 / 3)
    assert [w.gold_id for w in s.wrong_attributions] == ["wrong"]
    assert s.wrong_attributions[0].predicted_speakers == ["Pence"]
    assert [m.gold_id for m in s.misses] == ["missed"]
    assert [f.statement_id for f in s.false_positives] == ["p3"]


def test_found_gold_is_rightly_attributed_if_any_overlapping_prediction_is():
    # A quote split by the extractor into two statements, only one carrying the speaker.
    g = [gold(0, 100, source_spans=[(110, 115)])]
    s = score_extraction(g, [pred(0, 50, id="a"), pred(50, 100, id="b", speaker_span=(110, 115))])
    assert (s.found, s.attributed_found, s.attributed_correct) == (1, 1, 1)


def test_unattributed_optional_gold_accepts_any_speaker():
    g = [gold(0, 50, optional=True)]
    s = score_extraction(g, [pred(0, 50, speaker="Anyone")])
    assert (s.correct, s.attributed_correct, s.attributed_precision) == (1, 1, 1.0)


def test_quoted_only():
    golds = [
        gold(0, 50, id="q", kind="quoted", source_spans=[(60, 65)]),
        gold(100, 150, id="o", kind="other", source_spans=[(160, 165)]),
        gold(200, 250, id="m", kind="mixed", aliases=["Austin"]),
    ]
    preds = [
        pred(0, 50, id="p1", kind=StatementKind.DIRECT, speaker_span=(60, 65)),
        pred(100, 150, id="p2", kind=StatementKind.MIXED, speaker_span=(160, 165)),
        pred(200, 250, id="p3", kind=StatementKind.INDIRECT, speaker="Austin"),
    ]
    s = score_extraction(golds, preds, quoted_only=True)
    # "o" is optional now; p3 (indirect) is not scored, so "m" is missed.
    assert (s.gold_required, s.gold_optional, s.predicted, s.correct, s.found) == (2, 1, 2, 2, 1)
    assert [m.gold_id for m in s.misses] == ["m"]
    assert s.attributed_correct == 2
    full = score_extraction(golds, preds)
    assert (full.gold_required, full.predicted, full.found, full.attributed_found) == (3, 3, 3, 3)


# --------------------------------------------------------------------------- the seed


def test_seed_gold_offsets_match_the_seed_text():
    text = SEED.read_text(encoding="utf-8")
    golds = seed_gold()
    assert len(golds) == 19 and sum(not g.optional for g in golds) == 15
    for g in golds:
        assert text[g.start : g.end] == g.text, g.id


def test_perfect_seed_predictions_score_one():
    golds = seed_gold()
    s = score_extraction(golds, [from_gold(g) for g in golds])
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)
    assert (
        s.attribution_accuracy,
        s.attributed_precision,
        s.attributed_recall,
        s.attributed_f1,
    ) == (
        1.0,
        1.0,
        1.0,
        1.0,
    )
    assert s.misses == s.wrong_attributions == s.false_positives == []


def test_seed_with_surnames_and_titles_still_rightly_attributed():
    golds = seed_gold()
    renamed = []
    for g in golds:
        name = g.speaker or ""
        if " " in name and not name.lower().startswith("the "):
            name = (
                "Mr. " + name.split()[-1] if name != "Kishida Fumio" else "Prime Minister Kishida"
            )
        renamed.append(from_gold(g, speaker=name or None))
    s = score_extraction(golds, renamed)
    assert s.attributed_f1 == 1.0


def test_truncated_seed_predictions():
    golds = [g for g in seed_gold() if not g.optional]

    def cut(fraction):
        return [
            pred(
                g.start,
                g.start + round((g.end - g.start) * fraction),
                id=g.id,
                doc=g.doc,
                speaker=g.speaker,
            )
            for g in golds
        ]

    short = score_extraction(golds, cut(0.4))  # inside the gold, but too little of it
    assert (short.precision, short.recall) == (1.0, 0.0)
    assert len(short.misses) == 15
    enough = score_extraction(golds, cut(0.6))
    assert (enough.precision, enough.recall, enough.attributed_f1) == (1.0, 1.0, 1.0)


def test_shifted_seed_predictions():
    golds = [g for g in seed_gold() if not g.optional]
    text = SEED.read_text(encoding="utf-8")

    def shifted(g, fraction):
        delta = round((g.end - g.start) * fraction)
        return pred(g.start + delta, g.end + delta, id=g.id, doc=g.doc, speaker=g.speaker)

    # Two thirds of each prediction inside its gold, covering two thirds of it.
    third = score_extraction(golds, [shifted(g, 1 / 3) for g in golds], {golds[0].doc: text})
    assert (third.precision, third.recall, third.attributed_f1) == (1.0, 1.0, 1.0)
    for g in golds:  # 30% inside and covering 30%: neither correct nor found
        far = score_extraction([g], [shifted(g, 0.7)], {g.doc: text})
        assert (far.correct, far.found) == (0, 0), g.id
        (fp,) = far.false_positives
        assert fp.text and (fp.start, fp.end) == (shifted(g, 0.7).start, shifted(g, 0.7).end)
