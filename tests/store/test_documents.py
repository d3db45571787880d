"""Documents in the workspace: added as extracted, once, across runs and speakers; one
failing document among others; listed; removed (and undone)."""

import json

import pytest

from argmap.codebook import load_codebook
from argmap.extraction.corpus import extract_corpus
from argmap.io.reading import load_documents, read_document
from argmap.models import Document
from argmap.speakers.aliases import AliasTable
from argmap.store import EditError, Workspace, open_workspace
from tests.helpers import SEED, SEED_CODEBOOK, by_speaker, kishida, seed_workspace
from tests.store.helpers import snapshot


def test_seed_statements_and_speakers_are_stored_as_extracted(ws):
    speakers = {}
    ((document, expected),) = list(extract_corpus(load_documents([SEED]), speakers=speakers))
    rows = ws.statements(limit=1000)
    assert [(r.id, r.start, r.end, r.text, r.kind) for r in rows] == [
        (s.id, s.start, s.end, s.text, s.kind.value) for s in expected
    ]
    assert [r.speaker_id for r in rows] == [s.speaker_id for s in expected]
    assert [r.speaker for r in rows] == [s.speaker for s in expected]
    text = ws.document(document.id).text
    assert all(text[r.start : r.end] == r.text for r in rows)
    stored = {s.id: s for s in (ws.speaker(sid) for sid in speakers)}
    assert {s.name for s in stored.values()} == {s.name for s in speakers.values()}
    assert "Kishida Fumio" in {s.name for s in stored.values()}
    # a full Statement comes back with every field
    first = ws.statement(rows[1].id)
    assert first.model_dump() == expected[1].model_dump()


def test_adding_the_same_content_again_changes_nothing(ws, tmp_path):
    before = ws.conn.execute("SELECT count(*) FROM statements").fetchone()[0]
    copy = tmp_path / "copy.txt"
    copy.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    report = ws.add_documents(load_documents([SEED, copy]))
    assert report.added == [] and sorted(report.unchanged) == [
        "copy.txt",
        "japan-us-integration.txt",
    ]
    assert ws.conn.execute("SELECT count(*) FROM statements").fetchone()[0] == before
    assert len(ws.documents()) == 1


def test_speakers_resolve_across_documents_added_in_later_runs(workspace_target, tmp_path):
    seed_workspace(workspace_target).close()
    article = tmp_path / "later.txt"
    article.write_text(
        "Prime Minister Fumio Kishida said on Monday that "
        '"the alliance has never been stronger."\n\n'
        '"We will keep working with Washington," Lloyd Austin told reporters.\n',
        encoding="utf-8",
    )
    with open_workspace(workspace_target) as ws:  # a new process would open it the same way
        kishida = ws.find_speakers("Kishida Fumio")[0].id
        austin = ws.find_speakers("Lloyd Austin")[0].id
        report = ws.add_documents(load_documents([article]))
        assert report.added == ["later.txt"] and report.statements == 2
        later = ws.statements_in_document(read_document(article).id)
        assert [r.speaker_id for r in later] == [kishida, austin]
        assert report.new_speakers == 0


def test_a_merged_speaker_stays_merged_for_later_documents(ws, tmp_path):
    tanaka = ws.find_speakers("Tanaka Hitoshi")[0]
    austin = ws.find_speakers("Lloyd Austin")[0]
    ws.merge_speakers(tanaka.id, [austin.id])  # a wrong merge, but the user's call
    article = tmp_path / "later.txt"
    article.write_text('"We are ready," Lloyd Austin said in Tokyo.\n', encoding="utf-8")
    ws.add_documents(load_documents([article]))
    (row,) = ws.statements_in_document(read_document(article).id)
    assert row.speaker_id == tanaka.id
    assert "Lloyd Austin" in ws.speaker(tanaka.id).aliases


def test_add_leaves_speakers_people_edited_alone_so_undo_still_works(workspace_target, tmp_path):
    ws = seed_workspace(workspace_target)
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


def test_the_alias_table_is_kept_for_later_adds(ws, tmp_path):
    table = AliasTable.model_validate(
        {"speaker": [{"name": "Kishida Fumio", "aliases": ["the Japanese leader"]}]}
    )
    ws.set_alias_table(table)
    article = tmp_path / "later.txt"
    article.write_text(
        '"We are with you," the Japanese leader said in Washington.\n', encoding="utf-8"
    )
    ws.add_documents(load_documents([article]))  # no table given: the kept one applies
    (row,) = ws.statements_in_document(read_document(article).id)
    assert row.speaker == "Kishida Fumio"
    assert ws.alias_table.entry_for("the Japanese leader").name == "Kishida Fumio"
    assert len(ws.documents()) == 2 and SEED.name in {d.name for d in ws.documents()}


def test_restatements_across_outlets_are_offered(ws, tmp_path):
    austin = next(r for r in by_speaker(ws, "Lloyd Austin") if "significant" in r.text)
    other = tmp_path / "wire.txt"
    other.write_text(
        "U.S. Defense Secretary Lloyd Austin said: "
        f'"{austin.text.replace("ties", "relationship")}"\n',
        encoding="utf-8",
    )
    report = ws.add_documents(load_documents([other]))
    assert report.restatements == 1
    (relation,) = ws.relations(kind="restates")
    assert (
        relation.target_id == austin.id
        and relation.status == "suggested"
        and relation.score >= 0.85
    )
    assert ws.statement_row(relation.source_id).doc_name == "wire.txt"


# ---------------------------------------------------------------------- failures and duplicates


CRASHER = "data/polnear/train/text/breitbart_2016-03-01_the-latest-sanders-wins-minnesot.txt"


@pytest.fixture
def empty_ws(workspace_target):
    """A workspace with the seed codebook and no document."""
    with Workspace.init(workspace_target, codebook=load_codebook(SEED_CODEBOOK)) as workspace:
        yield workspace


def _with_copies(monkeypatch, copy):
    """Make the extractor report a second copy (``copy(statement)``) of each document's first
    statement."""
    import argmap.extraction.corpus

    real = argmap.extraction.corpus.extract_corpus

    def doubled(documents, registry=None, speakers=None, **options):
        for document, statements in real(documents, registry, speakers, **options):
            statements = list(statements)
            yield document, [copy(statements[0]), *statements] if statements else statements

    monkeypatch.setattr(argmap.extraction.corpus, "extract_corpus", doubled)


def test_a_span_extracted_twice_is_stored_once_with_the_better_attribution(empty_ws, monkeypatch):
    _with_copies(
        monkeypatch,
        lambda s: s.model_copy(update={"speaker_id": None, "speaker": None, "confidence": 0.1}),
    )
    report = empty_ws.add_documents(load_documents([SEED]))
    assert report.failed == [] and report.duplicates == 1 and report.added == [SEED.name]
    rows = empty_ws.statements_in_document(read_document(SEED).id)
    assert len(rows) == report.statements == 16 and len({r.id for r in rows}) == 16
    assert rows[0].speaker_id is not None  # the copy without a speaker was the one dropped


def test_a_document_that_fails_is_reported_and_the_others_are_added(
    empty_ws, monkeypatch, tmp_path
):
    other = tmp_path / "other.txt"
    other.write_text('"We are ready," Lloyd Austin said in Tokyo on Monday.\n', encoding="utf-8")
    import argmap.store.documents as documents

    real = documents._statement_values
    integrity_error = empty_ws.backend.integrity_errors[0]  # as the database would raise it

    def broken(statement, doc_seq, mapping):
        if statement.document == read_document(other).id:
            raise integrity_error("UNIQUE constraint failed: statements.id")
        return real(statement, doc_seq, mapping)

    monkeypatch.setattr(documents, "_statement_values", broken)
    seen = []
    report = empty_ws.add_documents(
        load_documents([other, SEED]), progress=lambda d, n, outcome: seen.append(outcome)
    )
    assert seen == ["failed", "added"]
    ((path, problem),) = report.failed
    assert (
        path == str(other.resolve())
        and problem == "IntegrityError: UNIQUE constraint failed: statements.id"
    )
    assert report.added == [SEED.name] and report.statements == 16
    assert [d.name for d in empty_ws.documents()] == [SEED.name]
    assert not empty_ws.find_speakers("Lloyd Austin") or all(
        s.statements for s in empty_ws.speakers()
    )
    monkeypatch.setattr(documents, "_statement_values", real)
    assert empty_ws.add_documents(load_documents([other])).added == [
        "other.txt"
    ]  # nothing was half stored


def test_polnear_files_with_a_span_found_twice_are_added(empty_ws, shared):
    # (the extractor now reports each span once; the store still keeps one copy if it did not)
    crasher = shared / CRASHER
    report = empty_ws.add_documents(load_documents([crasher, SEED]))
    assert report.failed == [] and report.added == [crasher.name, SEED.name]
    rows = empty_ws.statements_in_document(read_document(crasher).id)
    assert len(rows) == len({r.id for r in rows}) > 0
    assert all(
        s.statements for s in empty_ws.speakers()
    )  # no speaker left over from a dropped copy


# ---------------------------------------------------------------------- listing and removing


def test_documents_list_counts_statements(ws):
    (doc,) = ws.documents()
    assert doc.name == "japan-us-integration.txt" and doc.statements == ws.count_statements() > 10
    assert isinstance(ws.document(doc.id), Document)


def test_removing_a_document_takes_its_statements_and_their_links_and_undo_restores_all(
    unsuggested_ws,
):
    from argmap.models import Document

    other = Document(
        id="other-doc",
        name="other.txt",
        text='"Integration will make Japan safer," Sasae Kenichiro said on Monday.',
    )
    unsuggested_ws.add_documents([other])
    kept = unsuggested_ws.statements_in_document("other-doc")
    assert kept
    seed = unsuggested_ws.documents()[0]
    statement = kishida(unsuggested_ws)
    unsuggested_ws.set_stance(statement.id, "pro-integration", annotator="ann")
    claim = unsuggested_ws.add_claim("Integration deters China")
    unsuggested_ws.link(statement.id, claim.id, "supports")
    unsuggested_ws.link(kept[0].id, claim.id, "supports")
    before = snapshot(unsuggested_ws, statement_order=False)
    removed = unsuggested_ws.remove_document(seed.id)
    assert removed == seed.statements
    assert [d.id for d in unsuggested_ws.documents()] == ["other-doc"]
    assert unsuggested_ws.count_statements() == len(kept)
    assert (
        unsuggested_ws.annotations(statement.id) == []
        and unsuggested_ws.relations(statement.id) == []
    )
    assert [r.source_id for r in unsuggested_ws.relations(claim.id)] == [
        kept[0].id
    ]  # the other document's link stays
    assert unsuggested_ws.claim(claim.id).text == "Integration deters China"  # claims stay
    assert unsuggested_ws.status().documents == 1 and unsuggested_ws.status().statements == len(
        kept
    )
    unsuggested_ws.undo()
    assert snapshot(unsuggested_ws, statement_order=False) == before
    assert [r.id for r in unsuggested_ws.statements()][: seed.statements] == [
        r.id for r in unsuggested_ws.statements_in_document(seed.id)
    ]
    unsuggested_ws.redo()
    assert unsuggested_ws.count_statements() == len(kept)
    with pytest.raises(EditError, match="no document"):
        unsuggested_ws.remove_document(seed.id)
