"""The workspace file: found from a folder below it, refused when it is newer or no workspace,
migrated from older schema versions."""

import sqlite3

import pytest

from argmap.store import (
    SCHEMA_VERSION,
    SchemaError,
    Workspace,
    WorkspaceError,
    WorkspaceNotFound,
    find_workspace,
    open_workspace,
)
from tests.store.helpers import counted, tallied


@pytest.mark.sqlite_only
def test_workspace_is_found_in_parent_directories(ws, tmp_path, monkeypatch):
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    assert find_workspace() == ws.path.resolve()
    with open_workspace() as found:
        assert found.workspace_id == ws.workspace_id


@pytest.mark.sqlite_only
def test_no_workspace_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(WorkspaceNotFound, match="no argmap workspace here or in any parent"):
        find_workspace()
    with pytest.raises(WorkspaceError, match="a workspace already exists"):
        Workspace.init(tmp_path).close()
        Workspace.init(tmp_path)


def test_meta_records_versions_and_newer_schemas_are_refused(ws):
    assert ws.meta("schema_version") == str(SCHEMA_VERSION)
    assert len(ws.workspace_id) == 32
    with ws.transaction() as conn:
        ws.backend.set_schema_version(conn, SCHEMA_VERSION + 1)  # as a newer argmap leaves it
    path = ws.path
    ws.close()
    with pytest.raises(SchemaError, match="newer than this argmap"):
        Workspace(path)


@pytest.mark.sqlite_only  # the file's journal, and the version in its header
def test_a_workspace_file_is_in_wal_mode_and_its_header_holds_the_version(ws):
    assert ws.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    path = ws.path
    ws.close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(SchemaError, match="newer than this argmap"):
        Workspace(path)


@pytest.mark.sqlite_only
def test_a_file_that_is_not_a_workspace_is_refused(tmp_path):
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(SchemaError, match="not an argmap workspace"):
        Workspace(other)
    text = tmp_path / "notes.sqlite"
    text.write_text("hello " * 200)
    with pytest.raises(SchemaError, match="not an SQLite database file"):
        Workspace(text)


# ---------------------------------------------------------------------- migrations


#: Turns a version 4 workspace back into the version 3 layout (its indexes go with it).
V4_TO_V3 = ("DROP TABLE document_metadata",)
#: Turns a version 3 workspace back into the version 2 layout.
V3_TO_V2 = (
    *V4_TO_V3,
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


@pytest.mark.sqlite_only
def test_a_version_2_workspace_is_migrated_and_its_counts_are_kept_from_then_on(ws):
    from argmap.store.views import board

    path = ws.path
    before_status, before_board = ws.status(), board(ws)
    some = ws.statements(limit=3)
    ws.close()
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
        assert migrated.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert migrated.meta("schema_version") == str(SCHEMA_VERSION)
        assert migrated.status() == before_status and board(migrated) == before_board
        assert (
            tallied(migrated) == counted(migrated)
            and sum(tallied(migrated).values()) == migrated.count_statements() > 10
        )
        # the triggers were created too: edits after the migration keep the tally
        migrated.set_stance(some[0].id, "pro-integration")
        migrated.reattribute(some[1].id, some[0].speaker_id)
        migrated.delete_statement(some[2].id)
        assert tallied(migrated) == counted(migrated)
        migrated.undo()
        assert tallied(migrated) == counted(migrated)
        # what the first screen reads comes from indexes, not from every statement
        sql = (
            "SELECT s.id FROM statements s WHERE s.speaker_id = ? AND s.label = ? "
            "ORDER BY (s.label_source IN ('human', 'adjudicated')) DESC, s.uncertainty, s.seq "
            "LIMIT 3"
        )
        plan = _plan(migrated, sql, (some[0].speaker_id, "pro-integration"))
        assert "statements_board" in plan and "TEMP B-TREE" not in plan
        assert "edits_state" in _plan(
            migrated, "SELECT count(*) FROM edits WHERE undoable = 1 AND state = 'done'"
        )


@pytest.mark.sqlite_only
def test_a_version_1_workspace_is_migrated(ws):
    from argmap.stance import uncertainty

    path = ws.path
    expected = {r.id: r.uncertainty for r in ws.statements(limit=1000)}
    ws.close()
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
        assert migrated.meta("schema_version") == str(SCHEMA_VERSION)
        assert migrated.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert tallied(migrated) == counted(migrated)
        rows = migrated.statements(limit=1000)
        assert {r.id: r.uncertainty for r in rows} == pytest.approx(expected)
        assert all(
            r.uncertainty == pytest.approx(uncertainty(migrated.suggestion(r.id))) for r in rows
        )
        plan = " ".join(
            str(x)
            for x in migrated.conn.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM statements WHERE review = 'suggested' "
                "ORDER BY uncertainty"
            ).fetchall()
        )
        assert "statements_review" in plan


@pytest.mark.sqlite_only
def test_a_version_3_workspace_is_migrated_and_takes_documents_metadata(ws, tmp_path):
    from argmap.io.reading import load_documents
    from argmap.store import StatementFilter
    from tests.helpers import write_news

    path = ws.path
    before_status, before_documents = ws.status(), ws.documents()
    some = ws.statements(limit=2)
    ws.set_stance(some[0].id, "pro-integration")
    ws.close()
    conn = sqlite3.connect(path)
    for statement in (
        *V4_TO_V3,
        "PRAGMA user_version = 3",
        "UPDATE meta SET value = '3' WHERE key = 'schema_version'",
    ):
        conn.execute(statement)
    conn.commit()
    conn.close()
    with Workspace(path) as migrated:
        assert migrated.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert migrated.meta("schema_version") == str(SCHEMA_VERSION)
        assert migrated.documents() == before_documents  # the same, with no metadata
        assert migrated.status().documents == before_status.documents
        assert migrated.status().statements == before_status.statements
        assert migrated.annotations(some[0].id)[0].label == "pro-integration"
        assert tallied(migrated) == counted(migrated)
        indexes = {
            row[0]
            for row in migrated.conn.execute(
                "SELECT name FROM sqlite_master WHERE tbl_name = 'document_metadata'"
            )
        }
        assert {"document_metadata_outlet", "document_metadata_published"} <= indexes
        # old documents get metadata by hand, new ones from their files; filters work
        seed = before_documents[0].id
        migrated.set_document_metadata(seed, outlet="Kyodo", published="2024-07-29")
        report = migrated.add_documents(load_documents(write_news(tmp_path / "news")))
        assert len(report.added) == 4
        kyodo = migrated.metadata_filter(outlet="kyodo")
        assert migrated.count_statements(StatementFilter(**kyodo)) == before_status.statements
        migrated.undo()  # the add cannot be undone: the undo takes back the hand edit
        assert migrated.document_row(seed).outlet is None


@pytest.mark.sqlite_only
def test_no_workspace_here_names_one_a_folder_down(tmp_path, monkeypatch):
    Workspace.init(tmp_path / "seeds").close()
    monkeypatch.chdir(tmp_path)
    with pytest.raises(WorkspaceNotFound, match=r"; give one with -w: seeds$"):
        find_workspace()
