"""Schema 5: reviewers' web assignments and link tokens, in new workspaces and migrated from
schema 4, on SQLite and on PostgreSQL."""

import sqlite3

import pytest

from argmap.store import SCHEMA_VERSION, Workspace
from tests.helpers import seed_workspace

WEB_TABLES = ("web_reviewers", "assignments", "web_tokens")
#: Turns a version 5 workspace back into the version 4 layout.
V5_TO_V4 = tuple(f"DROP TABLE {table}" for table in reversed(WEB_TABLES))


def _use_web_tables(workspace) -> None:
    """Hand two statements to a reviewer and store a link: the tables take rows."""
    ids = [row.id for row in workspace.statements(limit=2)]
    assert workspace.assign_web({"alice": ids}, blind=True) == 2
    workspace.add_web_token("t1", "ab" * 32, "alice", "2099-01-01T00:00:00+00:00")
    assert [i.statement_id for i in workspace.web_assignment("alice")] == ids
    assert all(i.blind for i in workspace.web_assignment("alice"))
    assert workspace.web_token("t1").reviewer == "alice"


def test_a_version_4_workspace_file_is_migrated_to_take_web_assignments(tmp_path):
    workspace = seed_workspace(tmp_path)
    path, before = workspace.path, workspace.status()
    some = workspace.statements(limit=1)[0]
    workspace.set_stance(some.id, "neutral", annotator="dan")
    workspace.close()
    conn = sqlite3.connect(path)
    for statement in (
        *V5_TO_V4,
        "PRAGMA user_version = 4",
        "UPDATE meta SET value = '4' WHERE key = 'schema_version'",
    ):
        conn.execute(statement)
    conn.commit()
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert not tables & set(WEB_TABLES)
    conn.close()
    with Workspace(path) as migrated:
        assert SCHEMA_VERSION == 5
        assert migrated.conn.execute("PRAGMA user_version").fetchone()[0] == 5
        assert migrated.meta("schema_version") == "5"
        assert migrated.status().statements == before.statements
        assert migrated.annotations(some.id)[0].annotator == "dan"
        _use_web_tables(migrated)
        indexes = {
            r[0] for r in migrated.conn.execute("SELECT name FROM sqlite_master WHERE type='index'")
        }
        assert {"assignments_statement", "web_tokens_reviewer"} <= indexes


def test_a_version_4_workspace_on_postgresql_is_migrated_with_text_in_byte_order(postgres_url):
    from argmap.store.pg.backend import POSTGRES

    seed_workspace(postgres_url).close()
    conn = POSTGRES.connect(postgres_url, 5.0)
    POSTGRES.begin_write(conn)
    for statement in V5_TO_V4:
        conn.execute(statement)
    POSTGRES.set_schema_version(conn, 4)
    conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    conn.execute("COMMIT")
    conn.close()
    with Workspace(postgres_url) as migrated:
        assert migrated.backend.schema_version(migrated.conn) == 5
        assert migrated.meta("schema_version") == "5"
        _use_web_tables(migrated)
        collations = migrated.conn.execute(
            "SELECT table_name, column_name, collation_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND data_type = 'text' "
            "AND table_name IN ('web_reviewers', 'assignments', 'web_tokens')"
        ).fetchall()
        assert len(collations) == 11 and {c for _, _, c in collations} == {"C"}


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_new_workspace_has_the_web_tables_and_a_statement_deleted_leaves_its_assignment(
    backend, request, tmp_path
):
    where = tmp_path if backend == "sqlite" else request.getfixturevalue("postgres_url")
    with seed_workspace(where) as workspace:
        assert workspace.meta("schema_version") == "5"
        _use_web_tables(workspace)
        first = workspace.web_assignment("alice")[0].statement_id
        workspace.delete_statement(first)  # never refused for being assigned
        assert [i.statement_id for i in workspace.web_assignment("alice")] != []
        assert first not in [i.statement_id for i in workspace.web_assignment("alice")]
        assert workspace.assigned_item("alice", first) is None
        workspace.undo()
        assert workspace.assigned_item("alice", first) is not None
