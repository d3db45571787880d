"""PolNeAR dev: the issue's quality targets, measured with ``argmap.evaluation.extraction``.

Skips when the shared data (``../shared/data/polnear/dev`` beside the repository) is absent.
Targets (issue 2): attributed F1 >= 0.70 on every attribution with a source, and >= 0.90 on the
attributions that contain quotation marks (``quoted_only``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.evaluation.extraction import evaluate_extraction
from argmap.extraction import extract_statements
from argmap.io.reading import load_documents

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV = SHARED / "data" / "polnear" / "dev"
OVERALL_TARGET = 0.70
QUOTED_TARGET = 0.90


@pytest.fixture(scope="module")
def dev() -> Path:
    if not (DEV / "attributions").is_dir() or not (DEV / "text").is_dir():
        pytest.skip(f"PolNeAR dev is absent ({DEV})")
    return DEV


def _summary(report) -> str:
    s = report.score
    return (
        f"{s.documents} documents, {s.predicted} predicted, {s.gold_required} required gold: "
        f"P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}; attribution accuracy "
        f"{s.attribution_accuracy:.3f}; attributed P {s.attributed_precision:.3f} "
        f"R {s.attributed_recall:.3f} F1 {s.attributed_f1:.3f}"
    )


@pytest.fixture(scope="module")
def overall(dev):
    return evaluate_extraction(dev, [dev])


@pytest.fixture(scope="module")
def quoted(dev):
    return evaluate_extraction(dev, [dev], quoted_only=True)


def test_every_dev_document_is_read_and_scored(overall):
    assert overall.errors == []
    assert overall.gold_documents_missing == []
    assert overall.score.documents > 0
    assert overall.score.gold_required > 0


def test_polnear_dev_attributed_f1(overall):
    assert overall.score.attributed_f1 >= OVERALL_TARGET, _summary(overall)


def test_polnear_dev_quoted_only_attributed_f1(quoted):
    assert quoted.score.attributed_f1 >= QUOTED_TARGET, _summary(quoted)


def test_statement_ids_are_unique_in_every_dev_document(dev):
    # Two cues claiming the same words once gave two statements with one id,
    # which a workspace cannot store.
    for document in load_documents([dev / "text"]):
        ids = [statement.id for statement in extract_statements(document)]
        assert len(ids) == len(set(ids)), document.name
