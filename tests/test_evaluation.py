"""Gold loading and extraction scoring (argmap.evaluation.gold, argmap.evaluation.extraction)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.evaluation.extraction import (
    attribution_right,
    evaluate_extraction,
    format_report,
    names_match,
    score_extraction,
)
from argmap.evaluation.gold import (
    GoldFormatError,
    GoldStatement,
    load_brat,
    load_gold,
    load_gold_jsonl,
)
from argmap.models import Statement, StatementKind

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED_GOLD = ROOT / "tests" / "fixtures" / "japan-us-integration.gold.jsonl"
SEED_TEXT = ROOT / "seeds" / "japan-us-integration.txt"
POLNEAR_DEV = SHARED / "data" / "polnear" / "dev"
POLNEAR_DEV_GOLD = SHARED / "gold" / "polnear-dev.gold.jsonl"
needs_polnear = pytest.mark.skipif(
    not (POLNEAR_DEV.is_dir() and POLNEAR_DEV_GOLD.is_file()), reason="../shared PolNeAR absent"
)


def gold(
    start,
    end,
    *,
    id="g",
    doc="a.txt",
    spans=None,
    optional=False,
    kind="indirect",
    speaker=None,
    aliases=(),
    source_spans=(),
):
    return GoldStatement(
        id=id,
        doc=doc,
        spans=spans or [(start, end)],
        kind=kind,
        speaker=speaker,
        speaker_aliases=list(aliases),
        source_spans=list(source_spans),
        optional=optional,
    )


def pred(
    start,
    end,
    *,
    id="p",
    doc="a.txt",
    parts=(),
    kind=StatementKind.INDIRECT,
    speaker=None,
    mention=None,
    speaker_span=(None, None),
    text="",
):
    return Statement(
        id=id,
        document="d",
        doc_name=doc,
        start=start,
        end=end,
        parts=list(parts),
        text=text,
        kind=kind,
        speaker=speaker,
        speaker_mention=mention,
        speaker_start=speaker_span[0],
        speaker_end=speaker_span[1],
    )


def from_gold(g: GoldStatement, **changes) -> Statement:
    """A prediction that reproduces gold ``g`` exactly (speaker and source span included)."""
    source = g.source_spans[0] if g.source_spans else (None, None)
    kind = {
        "direct": StatementKind.DIRECT,
        "mixed": StatementKind.MIXED,
        "quoted": StatementKind.DIRECT,
    }.get(g.kind, StatementKind.INDIRECT)
    fields = dict(
        id=g.id,
        doc=g.doc,
        parts=g.spans if len(g.spans) > 1 else (),
        kind=kind,
        speaker=g.speaker,
        speaker_span=source,
        text=g.text,
    )
    fields.update(changes)
    return pred(g.start, g.end, **fields)


# --------------------------------------------------------------------------- half-inside rule


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


def seed_gold() -> list[GoldStatement]:
    return load_gold_jsonl(SEED_GOLD)


def test_seed_gold_offsets_match_the_seed_text():
    text = SEED_TEXT.read_text(encoding="utf-8")
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
    text = SEED_TEXT.read_text(encoding="utf-8")

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


# --------------------------------------------------------------------------- gold files


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "line, message",
    [
        ("{not json", "not valid JSON"),
        ('["a list"]', "expected a JSON object"),
        ('{"id": "x", "doc": "a.txt", "text": "t"}', "needs `start` and `end` or `spans`"),
        ('{"id": "x", "doc": "a.txt", "start": 9, "end": 3}', "not ordered"),
        ('{"id": "x", "doc": "a.txt", "start": "nine", "end": 3}', "spans"),
        ('{"id": "x", "start": 0, "end": 3}', "doc"),
    ],
)
def test_bad_gold_line_names_file_and_line(tmp_path, line, message):
    good = '{"id": "ok", "doc": "a.txt", "start": 0, "end": 3}'
    path = write(tmp_path / "g.jsonl", f"{good}\n\n{line}\n")
    with pytest.raises(GoldFormatError) as err:
        load_gold_jsonl(path)
    assert f"{path}:3:" in str(err.value) and message in str(err.value)


def test_duplicate_gold_id(tmp_path):
    line = '{"id": "x", "doc": "a.txt", "start": 0, "end": 3}'
    path = write(tmp_path / "g.jsonl", f"{line}\n{line}\n")
    with pytest.raises(GoldFormatError, match=r"g\.jsonl:2: duplicate id 'x' \(first on line 1\)"):
        load_gold_jsonl(path)


def test_gold_spans_or_start_end(tmp_path):
    path = write(
        tmp_path / "g.jsonl",
        "\n".join(
            [
                '{"id": "a", "doc": "d.txt", "start": 0, "end": 3, "text": "abc", "kind": "direct"}',
                '{"id": "b", "doc": "d.txt", "spans": [[0, 2], [5, 7]], "source_spans": [[9, 10]]}',
            ]
        )
        + "\n",
    )
    a, b = load_gold_jsonl(path)
    assert a.spans == [(0, 3)] and (a.start, a.end, a.length) == (0, 3, 3)
    assert b.spans == [(0, 2), (5, 7)] and (b.start, b.end, b.length) == (0, 7, 4)
    assert b.source_spans == [(9, 10)] and not b.optional


TEXT = 'The Post reports that "taxes will rise," he said, and added: "soon." Polls show a tie.\n'


def make_brat(root: Path) -> Path:
    """A two-article PolNeAR-style folder; the first article annotated twice."""
    write(root / "text" / "art-one.txt", TEXT)
    write(root / "text" / "art-two.txt", "Nothing attributed here.\n")
    write(root / "text" / "no-gold.txt", "An article nobody annotated.\n")
    ann = (
        "\n".join(
            [
                "T1\tSource 0 8\tThe Post",
                "T2\tCue 9 16\treports",
                'T3\tContent 17 40\tthat "taxes will rise,"',
                "T4\tAttribution 9 16\treports",
                "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
                "T5\tSource 41 43\the",
                "T6\tCue 44 48;54 59\tsaid added",
                'T7\tContent 22 40;61 68\t"taxes will rise," "soon."',
                "T8\tAttribution 44 48\tsaid",
                "E2\tAttribution:T8 Cue:T6 Source:T5 Content:T7",
                "T9\tCue 75 79\tshow",
                "T10\tContent 80 85\ta tie",
                "T11\tAttribution-no-source 75 79\tshow",
                "E3\tAttribution-no-source:T11 Cue:T9 Content:T10",
                "T12\tAttribution-no-source 0 3\tThe",
                "E4\tAttribution-no-source:T12 ",
                "#1\tAnnotatorNotes T1\ta note",
            ]
        )
        + "\n"
    )
    write(root / "attributions" / "art-one_aa11.ann", ann)
    write(
        root / "attributions" / "art-one_bb22.ann",
        "T1\tSource 0 3\tThe\nT2\tContent 4 8\tPost\nE1\tAttribution:T1 Content:T2 Source:T1\n",
    )
    write(root / "attributions" / "art-two_cc33.ann", "")
    return root


def test_brat_folder(tmp_path):
    gold_set = load_brat(make_brat(tmp_path / "brat"))
    assert set(gold_set.texts) == {"art-one.txt", "art-two.txt"}
    e1, e2, e3 = gold_set.statements  # E4 has no content; the second annotator is ignored
    assert (e1.id, e1.doc, e1.spans, e1.kind, e1.speaker, e1.source_spans, e1.cue, e1.optional) == (
        "art-one:E1",
        "art-one.txt",
        [(17, 40)],
        "quoted",
        "The Post",
        [(0, 8)],
        "reports",
        False,
    )
    assert e1.text == 'that "taxes will rise,"' and e1.speaker_aliases == ["The Post"]
    assert e2.spans == [(22, 40), (61, 68)] and e2.text == '"taxes will rise," "soon."'
    assert e2.cue == "said added" and e2.speaker == "he"
    assert (e3.kind, e3.optional, e3.speaker, e3.speaker_aliases, e3.source_spans) == (
        "other",
        True,
        None,
        [],
        [],
    )
    assert load_gold(tmp_path / "brat").statements == gold_set.statements


def test_brat_files_side_by_side(tmp_path):
    write(tmp_path / "x.txt", TEXT)
    write(
        tmp_path / "x.ann",
        "T1\tSource 0 8\tThe Post\nT3\tContent 17 40\tthat\nE1\tAttribution:T1 Content:T3 Source:T1\n",
    )
    (statement,) = load_gold(tmp_path).statements
    assert (statement.doc, statement.id, statement.spans) == ("x.txt", "x:E1", [(17, 40)])


def test_brat_span_outside_text(tmp_path):
    write(tmp_path / "x.txt", "short")
    write(tmp_path / "x.ann", "T1\tContent 0 80\tshort\nE1\tAttribution:T1 Content:T1\n")
    with pytest.raises(GoldFormatError, match=r"x\.ann:1: span 0-80 outside the text"):
        load_brat(tmp_path)


def test_not_a_gold_path(tmp_path):
    with pytest.raises(GoldFormatError, match="no such gold file"):
        load_gold(tmp_path / "missing.jsonl")
    with pytest.raises(GoldFormatError, match="brat"):
        load_gold(tmp_path)


@needs_polnear
def test_brat_reader_reproduces_shared_polnear_dev_gold():
    converted = load_brat(POLNEAR_DEV)
    shared = load_gold_jsonl(POLNEAR_DEV_GOLD)
    assert len(converted.statements) == len(shared) == 2192
    assert converted.statements == shared
    assert len(converted.texts) == 84


# --------------------------------------------------------------------------- end to end


def perfect_extractor(golds):
    by_doc = {}
    for g in golds:
        by_doc.setdefault(g.doc, []).append(from_gold(g))
    return lambda document: by_doc.get(document.name, [])


def test_evaluate_brat_folder_as_gold_and_documents(tmp_path):
    root = make_brat(tmp_path / "brat")
    golds = load_brat(root).statements
    for paths in ([root], [root / "text"]):
        report = evaluate_extraction(root, paths, extract=perfect_extractor(golds))
        assert report.documents == ["art-one.txt", "art-two.txt"]
        assert report.documents_without_gold == [str(root / "text" / "no-gold.txt")]
        assert report.gold_documents_missing == [] and report.errors == [] and report.warnings == []
        s = report.score
        assert (s.gold_required, s.gold_optional, s.precision, s.recall, s.attributed_f1) == (
            2,
            1,
            1.0,
            1.0,
            1.0,
        )


def test_evaluate_jsonl_gold_against_text_folder(tmp_path):
    root = make_brat(tmp_path / "brat")
    golds = load_brat(root).statements
    gold_file = write(tmp_path / "gold.jsonl", "".join(g.model_dump_json() + "\n" for g in golds))
    report = evaluate_extraction(gold_file, [root / "text"], extract=perfect_extractor(golds))
    assert report.documents == ["art-one.txt"]  # art-two has no gold lines in JSONL
    assert report.score.attributed_f1 == 1.0 and report.warnings == []
    quoted = evaluate_extraction(
        gold_file, [root / "text"], quoted_only=True, extract=perfect_extractor(golds)
    )
    assert (quoted.score.gold_required, quoted.score.recall) == (2, 1.0)


def test_evaluate_reports_missing_documents_errors_and_bad_offsets(tmp_path):
    root = make_brat(tmp_path / "brat")
    write(
        tmp_path / "gold.jsonl",
        '{"id": "a", "doc": "art-one.txt", "start": 0, "end": 8, "text": "The Post"}\n'
        '{"id": "b", "doc": "art-one.txt", "start": 0, "end": 8, "text": "Not this"}\n'
        '{"id": "c", "doc": "elsewhere.txt", "start": 0, "end": 8}\n',
    )

    def broken(document):
        raise RuntimeError("boom")

    report = evaluate_extraction(tmp_path / "gold.jsonl", [root / "text"], extract=broken)
    assert report.gold_documents_missing == ["elsewhere.txt"]
    assert report.errors == ["art-one.txt: extraction failed: RuntimeError: boom"]
    assert report.warnings and "(first: b)" in report.warnings[0]
    assert report.score.gold_required == 2 and report.score.recall == 0.0


def test_evaluate_seed_end_to_end_with_perfect_extractor():
    golds = seed_gold()
    report = evaluate_extraction(SEED_GOLD, [SEED_TEXT], extract=perfect_extractor(golds))
    assert report.documents == ["japan-us-integration.txt"] and report.warnings == []
    assert report.score.attributed_f1 == 1.0


def test_format_report(tmp_path):
    report = evaluate_extraction(SEED_GOLD, [SEED_TEXT], extract=lambda d: [])
    table = format_report(report, "table", max_misses=3)
    for word in (
        "precision",
        "recall",
        "attribution accuracy",
        "attributed F1",
        "Missed gold (15)",
        "… and 12 more",
        "Kishida Fumio",
    ):
        assert word in table
    data = json.loads(format_report(report, "json"))
    assert data["score"]["gold_required"] == 15 and len(data["score"]["misses"]) == 15
    with pytest.raises(ValueError):
        format_report(report, "xml")


@needs_polnear
def test_polnear_dev_both_invocations_agree():
    golds = load_gold_jsonl(POLNEAR_DEV_GOLD)
    extract = perfect_extractor(golds)
    from_brat = evaluate_extraction(POLNEAR_DEV, [POLNEAR_DEV], extract=extract)
    from_jsonl = evaluate_extraction(POLNEAR_DEV_GOLD, [POLNEAR_DEV / "text"], extract=extract)
    assert from_brat.score == from_jsonl.score
    assert len(from_brat.documents) == 84 and from_brat.warnings == from_jsonl.warnings == []
    assert from_brat.score.attributed_f1 == 1.0
    assert from_brat.score_seconds < 1.0
