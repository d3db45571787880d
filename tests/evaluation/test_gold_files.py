"""Reading gold (argmap.evaluation.gold): JSONL lines, each bad line named by file and line, and
brat folders (PolNeAR's layout)."""

from __future__ import annotations

import pytest

from argmap.evaluation.gold import GoldFormatError, load_brat, load_gold, load_gold_jsonl
from tests.evaluation.helpers import TEXT, make_brat, write
from tests.helpers import POLNEAR_DEV_GOLD


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
                '{"id": "a", "doc": "d.txt", "start": 0, "end": 3, "text": "abc", '
                '"kind": "direct"}',
                '{"id": "b", "doc": "d.txt", "spans": [[0, 2], [5, 7]], "source_spans": [[9, 10]]}',
            ]
        )
        + "\n",
    )
    a, b = load_gold_jsonl(path)
    assert a.spans == [(0, 3)] and (a.start, a.end, a.length) == (0, 3, 3)
    assert b.spans == [(0, 2), (5, 7)] and (b.start, b.end, b.length) == (0, 7, 4)
    assert b.source_spans == [(9, 10)] and not b.optional


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
        "T1\tSource 0 8\tThe Post\nT3\tContent 17 40\tthat\n"
        "E1\tAttribution:T1 Content:T3 Source:T1\n",
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


def test_brat_reader_reproduces_shared_polnear_dev_gold(polnear_dev):
    converted = load_brat(polnear_dev)
    shared = load_gold_jsonl(POLNEAR_DEV_GOLD)
    assert len(converted.statements) == len(shared) == 2192
    assert converted.statements == shared
    assert len(converted.texts) == 84
