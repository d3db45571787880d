"""The extractor's quality targets (issue 2), measured with ``argmap.evaluation.extraction``:
attributed F1 >= 0.93 on the seed article (through the API and the CLI); on PolNeAR dev
(skipped when ../shared is absent) >= 0.70 on every attribution with a source and >= 0.90 on
the attributions that contain quotation marks (``quoted_only``)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from argmap.evaluation.extraction import evaluate_extraction
from argmap.extraction import extract_statements
from argmap.io.reading import load_documents
from tests.helpers import REPO, SEED, SEED_GOLD

SEED_TARGET = 0.93


OVERALL_TARGET = 0.70


QUOTED_TARGET = 0.90


# --------------------------------------------------------------------------- the seed


def _seed_summary(score) -> str:
    """The errors, so a failing run says what went wrong."""
    lines = [
        f"attributed F1 {score.attributed_f1:.3f} (P {score.attributed_precision:.3f}, "
        f"R {score.attributed_recall:.3f})"
    ]
    lines += [f"missed {m.gold_id}: {m.text}" for m in score.misses]
    lines += [
        f"wrong speaker {w.gold_id}: {w.predicted_speakers} for {w.gold_speaker}"
        for w in score.wrong_attributions
    ]
    lines += [f"false positive: {f.text}" for f in score.false_positives]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def seed_report():
    return evaluate_extraction(SEED_GOLD, [SEED])


def test_the_seed_is_read_and_scored(seed_report):
    assert seed_report.errors == []
    assert seed_report.documents == [SEED.name]
    assert seed_report.gold_documents_missing == []
    assert seed_report.score.gold_required > 0
    assert seed_report.score.predicted > 0


def test_seed_attributed_f1_reaches_the_target(seed_report):
    assert seed_report.score.attributed_f1 >= SEED_TARGET, _seed_summary(seed_report.score)


def test_seed_recall_and_precision_each_reach_the_target(seed_report):
    # attributed F1 could hide a lopsided result; the issue wants both sides good
    assert seed_report.score.attributed_recall >= SEED_TARGET, _seed_summary(seed_report.score)
    assert seed_report.score.attributed_precision >= SEED_TARGET, _seed_summary(seed_report.score)


def test_seed_through_the_command_line():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "argmap",
            "eval",
            "extraction",
            str(SEED_GOLD),
            str(SEED),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["documents"] == [SEED.name]
    assert data["errors"] == []
    assert data["score"]["attributed_f1"] >= SEED_TARGET, json.dumps(data["score"], indent=1)[:3000]


# --------------------------------------------------------------------------- PolNeAR dev


def _polnear_summary(report) -> str:
    s = report.score
    return (
        f"{s.documents} documents, {s.predicted} predicted, {s.gold_required} required gold: "
        f"P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}; attribution accuracy "
        f"{s.attribution_accuracy:.3f}; attributed P {s.attributed_precision:.3f} "
        f"R {s.attributed_recall:.3f} F1 {s.attributed_f1:.3f}"
    )


@pytest.fixture(scope="module")
def overall(polnear_dev):
    return evaluate_extraction(polnear_dev, [polnear_dev])


@pytest.fixture(scope="module")
def quoted(polnear_dev):
    return evaluate_extraction(polnear_dev, [polnear_dev], quoted_only=True)


def test_every_dev_document_is_read_and_scored(overall):
    assert overall.errors == []
    assert overall.gold_documents_missing == []
    assert overall.score.documents > 0
    assert overall.score.gold_required > 0


def test_polnear_dev_attributed_f1(overall):
    assert overall.score.attributed_f1 >= OVERALL_TARGET, _polnear_summary(overall)


def test_polnear_dev_quoted_only_attributed_f1(quoted):
    assert quoted.score.attributed_f1 >= QUOTED_TARGET, _polnear_summary(quoted)


def test_statement_ids_are_unique_in_every_dev_document(polnear_dev):
    # Two cues claiming the same words once gave two statements with one id,
    # which a workspace cannot store.
    for document in load_documents([polnear_dev / "text"]):
        ids = [statement.id for statement in extract_statements(document)]
        assert len(ids) == len(set(ids)), document.name
