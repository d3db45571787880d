"""The workspace store on the seed article: adding documents, speakers across runs, versions."""

import json
import sqlite3

import pytest
from tests.store_helpers import SEED, by_speaker, seed_workspace

from argmap.extraction.corpus import extract_corpus
from argmap.io.reading import load_documents, read_document
from argmap.models import Document
from argmap.store import (
    SCHEMA_VERSION,
    SchemaError,
    Workspace,
    WorkspaceError,
    WorkspaceNotFound,
    find_workspace,
    open_workspace,
)


@pytest.fixture
def workspace(tmp_path):
    with seed_workspace(tmp_path) as ws:
        yield ws


def test_seed_statements_and_speakers_are_stored_as_extracted(workspace):
    speakers = {}
    ((document, expected),) = list(extract_corpus(load_documents([SEED]), speakers=speakers))
    rows = workspace.statements(limit=1000)
    assert [(r.id, r.start, r.end, r.text, r.kind) for r in rows] == [
        (s.id, s.start, s.end, s.text, s.kind.value) for s in expected
    ]
    assert [r.speaker_id for r in rows] == [s.speaker_id for s in expected]
    assert [r.speaker for r in rows] == [s.speaker for s in expected]
    text = workspace.document(document.id).text
    assert all(text[r.start : r.end] == r.text for r in rows)
    stored = {s.id: s for s in (workspace.speaker(sid) for sid in speakers)}
    assert {s.name for s in stored.values()} == {s.name for s in speakers.values()}
    assert "Kishida Fumio" in {s.name for s in stored.values()}
    # a full Statement comes back with every field
    first = workspace.statement(rows[1].id)
    assert first.model_dump() == expected[1].model_dump()


def test_every_statement_gets_the_stance_models_suggestion(workspace):
    from argmap.stance import suggest_stances, uncertainty

    rows = workspace.statements(limit=1000)
    contexts = [workspace.context(r.id)[0] for r in rows]
    expected = suggest_stances(workspace.codebook, [r.text for r in rows], contexts=contexts)
    for row, suggestion in zip(rows, expected):
        assert workspace.suggestion(row.id) == suggestion
        assert (row.label, row.label_source, row.review) == (
            suggestion.label,
            "suggestion",
            "suggested",
        )
        assert row.uncertainty == pytest.approx(uncertainty(suggestion))
    assert workspace.status().suggestions_available
    doubts = [
        r.uncertainty for r in workspace.statements(sort="uncertainty", descending=True, limit=1000)
    ]
    assert doubts == sorted(doubts, reverse=True)


def test_adding_the_same_content_again_changes_nothing(workspace, tmp_path):
    before = workspace.conn.execute("SELECT count(*) FROM statements").fetchone()[0]
    copy = tmp_path / "copy.txt"
    copy.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    report = workspace.add_documents(load_documents([SEED, copy]))
    assert report.added == [] and sorted(report.unchanged) == [
        "copy.txt",
        "japan-us-integration.txt",
    ]
    assert workspace.conn.execute("SELECT count(*) FROM statements").fetchone()[0] == before
    assert len(workspace.documents()) == 1


def test_speakers_resolve_across_documents_added_in_later_runs(tmp_path):
    seed_workspace(tmp_path).close()
    article = tmp_path / "later.txt"
    article.write_text(
        'Prime Minister Fumio Kishida said on Monday that "the alliance has never been stronger."\n\n'
        '"We will keep working with Washington," Lloyd Austin told reporters.\n',
        encoding="utf-8",
    )
    with open_workspace(tmp_path) as ws:  # a new process would open it the same way
        kishida = ws.find_speakers("Kishida Fumio")[0].id
        austin = ws.find_speakers("Lloyd Austin")[0].id
        report = ws.add_documents(load_documents([article]))
        assert report.added == ["later.txt"] and report.statements == 2
        later = ws.statements_in_document(read_document(article).id)
        assert [r.speaker_id for r in later] == [kishida, austin]
        assert report.new_speakers == 0


def test_a_merged_speaker_stays_merged_for_later_documents(workspace, tmp_path):
    tanaka = workspace.find_speakers("Tanaka Hitoshi")[0]
    austin = workspace.find_speakers("Lloyd Austin")[0]
    workspace.merge_speakers(tanaka.id, [austin.id])  # a wrong merge, but the user's call
    article = tmp_path / "later.txt"
    article.write_text('"We are ready," Lloyd Austin said in Tokyo.\n', encoding="utf-8")
    workspace.add_documents(load_documents([article]))
    (row,) = workspace.statements_in_document(read_document(article).id)
    assert row.speaker_id == tanaka.id
    assert "Lloyd Austin" in workspace.speaker(tanaka.id).aliases


def test_a_changed_version_keeps_annotations_whose_text_still_matches(tmp_path):
    article = tmp_path / "article.txt"
    text = SEED.read_text(encoding="utf-8")
    article.write_text(text, encoding="utf-8")
    ws = Workspace.init(tmp_path / "ws", codebook=seed_workspace(tmp_path / "other").codebook)
    ws.add_documents(load_documents([article]))
    kishida = by_speaker(ws, "Kishida Fumio")[0]
    austin = next(r for r in by_speaker(ws, "Lloyd Austin") if "significant" in r.text)
    ws.set_stance(kishida.id, "pro-integration", annotator="alice", note="kept")
    ws.set_stance(austin.id, "pro-integration", annotator="alice", note="dropped")
    # the new version rewords Austin's quotation and adds a paragraph at the top
    changed = "Updated on July 30.\n\n" + text.replace(
        austin.text, austin.text.replace("significant", "important")
    )
    article.write_text(changed, encoding="utf-8")
    report = ws.add_documents(load_documents([article]))
    assert (
        report.replaced == ["article.txt"]
        and report.kept_annotations == 1
        and report.new_speakers == 0
    )
    assert [(d["label"], d["note"], d["text"]) for d in report.dropped_annotations] == [
        ("pro-integration", "dropped", austin.text)
    ]
    assert len(ws.documents()) == 1
    assert ws.relations(kind="restates") == []  # a new version does not restate its old self
    new_kishida = next(r for r in by_speaker(ws, "Kishida Fumio") if r.text == kishida.text)
    assert new_kishida.id != kishida.id and new_kishida.start == kishida.start + len(
        "Updated on July 30.\n\n"
    )
    (annotation,) = ws.annotations(new_kishida.id)
    assert (annotation.label, annotation.annotator, annotation.note) == (
        "pro-integration",
        "alice",
        "kept",
    )
    assert new_kishida.review == "labelled"
    assert ws.count_statements() == len(list(extract_corpus([read_document(article)]))[0][1])
    # nothing is silently lost: the dropped annotation is in the edit log
    details = json.loads(
        ws.conn.execute(
            "SELECT changes FROM edits WHERE action = 'add-document' ORDER BY id DESC"
        ).fetchone()[0]
    )
    assert details["dropped_annotations"][0]["note"] == "dropped"


def test_restatements_across_outlets_are_offered(workspace, tmp_path):
    austin = next(r for r in by_speaker(workspace, "Lloyd Austin") if "significant" in r.text)
    other = tmp_path / "wire.txt"
    other.write_text(
        f'U.S. Defense Secretary Lloyd Austin said: "{austin.text.replace("ties", "relationship")}"\n',
        encoding="utf-8",
    )
    report = workspace.add_documents(load_documents([other]))
    assert report.restatements == 1
    (relation,) = workspace.relations(kind="restates")
    assert (
        relation.target_id == austin.id
        and relation.status == "suggested"
        and relation.score >= 0.85
    )
    assert workspace.statement_row(relation.source_id).doc_name == "wire.txt"


def test_workspace_is_found_in_parent_directories(workspace, tmp_path, monkeypatch):
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    assert find_workspace() == workspace.path.resolve()
    with open_workspace() as found:
        assert found.workspace_id == workspace.workspace_id


def test_no_workspace_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(WorkspaceNotFound, match="no argmap workspace here or in any parent"):
        find_workspace()
    with pytest.raises(WorkspaceError, match="a workspace already exists"):
        Workspace.init(tmp_path).close()
        Workspace.init(tmp_path)


def test_meta_records_versions_and_newer_schemas_are_refused(workspace):
    assert workspace.meta("schema_version") == str(SCHEMA_VERSION)
    assert len(workspace.workspace_id) == 32
    assert workspace.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    path = workspace.path
    workspace.close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(SchemaError, match="newer than this argmap"):
        Workspace(path)


def test_a_file_that_is_not_a_workspace_is_refused(tmp_path):
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(SchemaError, match="not an argmap workspace"):
        Workspace(other)
    text = tmp_path / "notes.sqlite"
    text.write_text("hello " * 200)
    with pytest.raises(WorkspaceError, match="cannot open the workspace"):
        Workspace(text)


def test_documents_list_counts_statements(workspace):
    (doc,) = workspace.documents()
    assert (
        doc.name == "japan-us-integration.txt"
        and doc.statements == workspace.count_statements() > 10
    )
    assert isinstance(workspace.document(doc.id), Document)


#: Turns a version 3 workspace back into the version 2 layout.
V3_TO_V2 = (
    "DROP TRIGGER statement_tally_insert",
    "DROP TRIGGER statement_tally_delete",
    "DROP TRIGGER statement_tally_update",
    "DROP TABLE statement_tally",
    "DROP INDEX statements_board",
    "DROP INDEX edits_state",
    "CREATE INDEX statements_speaker ON statements(speaker_id, label)",
)


def _plan(workspace, sql: str, params=()) -> str:
    return " ".join(
        str(row) for row in workspace.conn.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall()
    )


def test_a_version_2_workspace_is_migrated_and_its_counts_are_kept_from_then_on(workspace):
    from argmap.store.views import board

    path = workspace.path
    before_status, before_board = workspace.status(), board(workspace)
    some = workspace.statements(limit=3)
    workspace.close()
    conn = sqlite3.connect(path)
    for statement in (
        *V3_TO_V2,
        "PRAGMA user_version = 2",
        "UPDATE meta SET value = '2' WHERE key = 'schema_version'",
    ):
        conn.execute(statement)
    conn.commit()
    conn.close()
    with Workspace(path) as migrated:
        assert migrated.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3
        assert migrated.meta("schema_version") == "3"
        assert migrated.status() == before_status and board(migrated) == before_board
        assert (
            _tally(migrated) == _counted(migrated)
            and sum(_tally(migrated).values()) == migrated.count_statements() > 10
        )
        # the triggers were created too: edits after the migration keep the tally
        migrated.set_stance(some[0].id, "pro-integration")
        migrated.reattribute(some[1].id, some[0].speaker_id)
        migrated.delete_statement(some[2].id)
        assert _tally(migrated) == _counted(migrated)
        migrated.undo()
        assert _tally(migrated) == _counted(migrated)
        # what the first screen reads comes from indexes, not from every statement
        sql = (
            "SELECT s.id FROM statements s WHERE s.speaker_id = ? AND s.label = ? "
            "ORDER BY (s.label_source IN ('human', 'adjudicated')) DESC, s.uncertainty, s.seq LIMIT 3"
        )
        plan = _plan(migrated, sql, (some[0].speaker_id, "pro-integration"))
        assert "statements_board" in plan and "TEMP B-TREE" not in plan
        assert "edits_state" in _plan(
            migrated, "SELECT count(*) FROM edits WHERE undoable = 1 AND state = 'done'"
        )


def _tally(workspace) -> dict:
    return {(s, l, r): n for s, l, r, n in workspace.tally("speaker_id", "label", "review")}


def _counted(workspace) -> dict:
    return {
        (s, l, r): n
        for s, l, r, n in workspace.conn.execute(
            "SELECT speaker_id, label, review, count(*) FROM statements GROUP BY 1, 2, 3"
        )
    }


def test_a_version_1_workspace_is_migrated(workspace):
    from argmap.stance import uncertainty

    path = workspace.path
    expected = {r.id: r.uncertainty for r in workspace.statements(limit=1000)}
    workspace.close()
    conn = sqlite3.connect(path)  # turn it back into the version 1 layout
    for statement in (
        *V3_TO_V2,
        "DROP INDEX statements_review",
        "DROP INDEX statements_by_speaker",
        "DROP INDEX speakers_name",
        "CREATE INDEX speakers_name ON speakers(name COLLATE NOCASE)",
        "ALTER TABLE statements DROP COLUMN uncertainty",
        "ALTER TABLE suggestions DROP COLUMN uncertainty",
        "CREATE INDEX statements_review ON statements(review)",
        "PRAGMA user_version = 1",
        "UPDATE meta SET value = '1' WHERE key = 'schema_version'",
    ):
        conn.execute(statement)
    conn.commit()
    conn.close()
    with Workspace(path) as migrated:
        assert migrated.meta("schema_version") == str(SCHEMA_VERSION) == "3"
        assert migrated.conn.execute("PRAGMA user_version").fetchone()[0] == 3
        assert _tally(migrated) == _counted(migrated)
        rows = migrated.statements(limit=1000)
        assert {r.id: r.uncertainty for r in rows} == pytest.approx(expected)
        assert all(
            r.uncertainty == pytest.approx(uncertainty(migrated.suggestion(r.id))) for r in rows
        )
        plan = " ".join(
            str(x)
            for x in migrated.conn.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM statements WHERE review = 'suggested' ORDER BY uncertainty"
            ).fetchall()
        )
        assert "statements_review" in plan
