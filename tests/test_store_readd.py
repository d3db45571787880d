"""Adding documents robustly: duplicate extractions, one failing document among others, new versions."""

import sqlite3

import pytest

from argmap.codebook import load_codebook
from argmap.reading import load_documents, read_document
from argmap.store import Workspace
from store_helpers import CODEBOOK, SEED

CRASHER = "data/polnear/train/text/breitbart_2016-03-01_the-latest-sanders-wins-minnesot.txt"


@pytest.fixture
def empty(tmp_path):
    with Workspace.init(tmp_path / "ws", codebook=load_codebook(CODEBOOK)) as workspace:
        yield workspace


def _with_copies(monkeypatch, copy):
    """Make the extractor report a second copy (``copy(statement)``) of each document's first statement."""
    import argmap.pipeline

    real = argmap.pipeline.extract_corpus

    def doubled(documents, registry=None, speakers=None, **options):
        for document, statements in real(documents, registry, speakers, **options):
            statements = list(statements)
            yield document, [copy(statements[0]), *statements] if statements else statements

    monkeypatch.setattr(argmap.pipeline, "extract_corpus", doubled)


def test_a_span_extracted_twice_is_stored_once_with_the_better_attribution(empty, monkeypatch):
    _with_copies(monkeypatch, lambda s: s.model_copy(update={"speaker_id": None, "speaker": None, "confidence": 0.1}))
    report = empty.add_documents(load_documents([SEED]))
    assert report.failed == [] and report.duplicates == 1 and report.added == [SEED.name]
    rows = empty.statements_in_document(read_document(SEED).id)
    assert len(rows) == report.statements == 16 and len({r.id for r in rows}) == 16
    assert rows[0].speaker_id is not None  # the copy without a speaker was the one dropped


def test_a_document_that_fails_is_reported_and_the_others_are_added(empty, monkeypatch, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text('"We are ready," Lloyd Austin said in Tokyo on Monday.\n', encoding="utf-8")
    import argmap.store.documents as documents

    real = documents._statement_values

    def broken(statement, doc_seq, mapping):
        if statement.document == read_document(other).id:
            raise sqlite3.IntegrityError("UNIQUE constraint failed: statements.id")
        return real(statement, doc_seq, mapping)

    monkeypatch.setattr(documents, "_statement_values", broken)
    seen = []
    report = empty.add_documents(load_documents([other, SEED]), progress=lambda d, n, outcome: seen.append(outcome))
    assert seen == ["failed", "added"]
    ((path, problem),) = report.failed
    assert path == str(other.resolve()) and problem == "IntegrityError: UNIQUE constraint failed: statements.id"
    assert report.added == [SEED.name] and report.statements == 16
    assert [d.name for d in empty.documents()] == [SEED.name]
    assert not empty.find_speakers("Lloyd Austin") or all(s.statements for s in empty.speakers())
    monkeypatch.setattr(documents, "_statement_values", real)
    assert empty.add_documents(load_documents([other])).added == ["other.txt"]  # nothing was half stored


def test_polnear_files_with_a_span_found_twice_are_added(empty, shared):
    # (the extractor now reports each span once; the store still keeps one copy if it did not)
    crasher = shared / CRASHER
    report = empty.add_documents(load_documents([crasher, SEED]))
    assert report.failed == [] and report.added == [crasher.name, SEED.name]
    rows = empty.statements_in_document(read_document(crasher).id)
    assert len(rows) == len({r.id for r in rows}) > 0
    assert all(s.statements for s in empty.speakers())  # no speaker left over from a dropped copy
