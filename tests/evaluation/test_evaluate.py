"""Evaluating extraction end to end (``evaluate_extraction``): brat folders and JSONL gold
against text folders, missing documents and errors reported, the report's formats."""

from __future__ import annotations

import json

import pytest

from argmap.evaluation.extraction import evaluate_extraction, format_report
from argmap.evaluation.gold import load_brat, load_gold_jsonl
from tests.evaluation.helpers import make_brat, perfect_extractor, seed_gold, write
from tests.helpers import POLNEAR_DEV_GOLD, SEED, SEED_GOLD


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
    report = evaluate_extraction(SEED_GOLD, [SEED], extract=perfect_extractor(golds))
    assert report.documents == ["japan-us-integration.txt"] and report.warnings == []
    assert report.score.attributed_f1 == 1.0


def test_format_report(tmp_path):
    report = evaluate_extraction(SEED_GOLD, [SEED], extract=lambda d: [])
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


def test_polnear_dev_both_invocations_agree(polnear_dev):
    golds = load_gold_jsonl(POLNEAR_DEV_GOLD)
    extract = perfect_extractor(golds)
    from_brat = evaluate_extraction(polnear_dev, [polnear_dev], extract=extract)
    from_jsonl = evaluate_extraction(POLNEAR_DEV_GOLD, [polnear_dev / "text"], extract=extract)
    assert from_brat.score == from_jsonl.score
    assert len(from_brat.documents) == 84 and from_brat.warnings == from_jsonl.warnings == []
    assert from_brat.score.attributed_f1 == 1.0
