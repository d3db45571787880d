"""Adding documents robustly: duplicate extractions, one failing document among others, new versions."""

import json
import sqlite3

import pytest
from tests.store_helpers import CODEBOOK, SEED

from argmap.codebook import load_codebook
from argmap.io.reading import load_documents, read_document
from argmap.store import Workspace

CRASHER = "data/polnear/train/text/breitbart_2016-03-01_the-latest-sanders-wins-minnesot.txt"


@pytest.fixture
def empty(tmp_path):
    with Workspace.init(tmp_path / "ws", codebook=load_codebook(CODEBOOK)) as workspace:
        yield workspace


def _with_copies(monkeypatch, copy):
    """Make the extractor report a second copy (``copy(statement)``) of each document's first statement."""
    import argmap.extraction.corpus

    real = argmap.extraction.corpus.extract_corpus

    def doubled(documents, registry=None, speakers=None, **options):
        for document, statements in real(documents, registry, speakers, **options):
            statements = list(statements)
            yield document, [copy(statements[0]), *statements] if statements else statements

    monkeypatch.setattr(argmap.extraction.corpus, "extract_corpus", doubled)


def test_a_span_extracted_twice_is_stored_once_with_the_better_attribution(empty, monkeypatch):
    _with_copies(
        monkeypatch,
        lambda s: s.model_copy(update={"speaker_id": None, "speaker": None, "confidence": 0.1}),
    )
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
    report = empty.add_documents(
        load_documents([other, SEED]), progress=lambda d, n, outcome: seen.append(outcome)
    )
    assert seen == ["failed", "added"]
    ((path, problem),) = report.failed
    assert (
        path == str(other.resolve())
        and problem == "IntegrityError: UNIQUE constraint failed: statements.id"
    )
    assert report.added == [SEED.name] and report.statements == 16
    assert [d.name for d in empty.documents()] == [SEED.name]
    assert not empty.find_speakers("Lloyd Austin") or all(s.statements for s in empty.speakers())
    monkeypatch.setattr(documents, "_statement_values", real)
    assert empty.add_documents(load_documents([other])).added == [
        "other.txt"
    ]  # nothing was half stored


def test_polnear_files_with_a_span_found_twice_are_added(empty, shared):
    # (the extractor now reports each span once; the store still keeps one copy if it did not)
    crasher = shared / CRASHER
    report = empty.add_documents(load_documents([crasher, SEED]))
    assert report.failed == [] and report.added == [crasher.name, SEED.name]
    rows = empty.statements_in_document(read_document(crasher).id)
    assert len(rows) == len({r.id for r in rows}) > 0
    assert all(s.statements for s in empty.speakers())  # no speaker left over from a dropped copy


def _by_text(workspace, document_id, words):
    (row,) = [r for r in workspace.statements_in_document(document_id) if words in r.text]
    return row


def test_a_new_version_keeps_hand_edits_and_reports_what_it_cannot_carry_over(tmp_path):
    article = tmp_path / "article.txt"
    text = SEED.read_text(encoding="utf-8")
    article.write_text(text, encoding="utf-8")
    ws = Workspace.init(tmp_path / "ws", codebook=load_codebook(CODEBOOK))
    ws.add_documents(load_documents([article]))
    first = read_document(article).id
    kishida = ws.find_speakers("Kishida Fumio")[0].id
    deleted = _by_text(ws, first, "signed a contract")
    given = _by_text(ws, first, "most significant change")
    kinded = _by_text(ws, first, "tyranny of distance")
    narrowed = _by_text(ws, first, "San Francisco Peace Treaty")
    gone = _by_text(ws, first, "front line")
    ws.delete_statement(deleted.id)
    ws.reattribute(given.id, kishida)
    ws.adjust_statement(kinded.id, kind="direct")
    ws.adjust_statement(narrowed.id, start=narrowed.start + 6)
    claim = ws.add_claim("Integration is a risk")
    ws.link(gone.id, claim.id, "supports")
    ws.link(narrowed.id, claim.id, "supports")
    promoted = ws.promote_statement(gone.id)
    line = next(p for p in text.split("\n") if gone.text in p)
    article.write_text(text.replace(line, "").replace("Tokyo", "Tokyo, Japan", 1), encoding="utf-8")

    report = ws.add_documents(load_documents([article]))
    second = read_document(article).id
    rows = ws.statements_in_document(second)
    assert (
        report.replaced == ["article.txt"] and len(rows) == 14 == report.statements
    )  # 16 - deleted - gone
    assert not [r for r in rows if r.text == deleted.text]  # deleted stays deleted
    assert _by_text(ws, second, "most significant change").speaker_id == kishida
    assert _by_text(ws, second, "tyranny of distance").kind == "direct"
    assert _by_text(ws, second, "San Francisco Peace Treaty").text == narrowed.text[6:]
    assert report.kept_edits == 4
    kept = [(r.source_id, r.kind, r.target_id) for r in ws.relations(claim.id)]
    assert kept == [(_by_text(ws, second, "San Francisco Peace Treaty").id, "supports", claim.id)]
    lost = {entry.get("relation") or entry.get("claim"): entry for entry in report.dropped_edits}
    assert set(lost) >= {promoted.id} and any(
        e.get("source") == gone.id and e.get("target") == claim.id for e in report.dropped_edits
    )
    assert ws.claim(promoted.id).statement_id is None  # the claim stays, its statement is gone
    details = json.loads(
        ws.conn.execute(
            "SELECT changes FROM edits WHERE action = 'add-document' ORDER BY id DESC LIMIT 1"
        ).fetchone()[0]
    )
    assert details["dropped_edits"] == report.dropped_edits and len(details["hand_edited"]) == 4

    article.write_text(
        text.replace(line, ""), encoding="utf-8"
    )  # a third version: the edits still hold
    report = ws.add_documents(load_documents([article]))
    third = read_document(article).id
    assert report.kept_edits == 4 and report.dropped_edits == []
    assert len(ws.statements_in_document(third)) == 14
    assert _by_text(ws, third, "most significant change").speaker_id == kishida
    assert _by_text(ws, third, "tyranny of distance").kind == "direct"


def test_add_leaves_speakers_people_edited_alone_so_undo_still_works(tmp_path):
    from tests.store_helpers import seed_workspace

    ws = seed_workspace(tmp_path / "ws")
    kishida = ws.find_speakers("Kishida Fumio")[0]
    austin = ws.find_speakers("Lloyd Austin")[0]
    ws.add_alias(kishida.id, "Mr. K")
    article = tmp_path / "later.txt"
    article.write_text(
        '"We stand with you," Prime Minister Fumio Kishida said on Tuesday.\n\n'
        '"We are ready," U.S. Defense Secretary Lloyd J. Austin III said in Tokyo.\n',
        encoding="utf-8",
    )
    report = ws.add_documents(load_documents([article]))
    rows = ws.statements_in_document(read_document(article).id)
    assert report.new_speakers == 0 and {r.speaker_id for r in rows} == {kishida.id, austin.id}
    assert ws.speaker(kishida.id).aliases == [
        *kishida.aliases,
        "Mr. K",
    ]  # no spelling appended by add
    learned = ws.speaker(austin.id).aliases[len(austin.aliases) :]
    assert (
        learned
    )  # an unedited speaker still learns the new spelling, and the add's log entry says so
    details = json.loads(
        ws.conn.execute(
            "SELECT changes FROM edits WHERE action = 'add-document' ORDER BY id DESC LIMIT 1"
        ).fetchone()[0]
    )
    assert {"speaker": austin.id, "aliases": learned} in [
        {k: v for k, v in entry.items() if k in ("speaker", "aliases")}
        for entry in details["speakers"]
    ]
    assert ws.undo().action == "add-alias"  # not blocked by the add
    assert ws.speaker(kishida.id).aliases == kishida.aliases
