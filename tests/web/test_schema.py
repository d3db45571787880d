"""Schema 5: reviewers' web assignments and link tokens; schema 6: the web server's sessions,
the analysts' links and the learned model's table; in new workspaces and migrated from the
version before, on SQLite and on PostgreSQL."""

import sqlite3

import pytest

from argmap.store import SCHEMA_VERSION, Workspace
from tests.helpers import seed_workspace

WEB_TABLES = ("web_reviewers", "assignments", "web_tokens")
TEAM_TABLES = ("web_sessions", "web_analyst_links", "learned_model")
#: Turns a version 6 workspace back into the version 5 layout.
V6_TO_V5 = tuple(f"DROP TABLE {table}" for table in TEAM_TABLES)
#: Turns a version 6 workspace back into the version 4 layout.
V6_TO_V4 = V6_TO_V5 + tuple(f"DROP TABLE {table}" for table in reversed(WEB_TABLES))


def _use_web_tables(workspace) -> None:
    """Hand two statements to a reviewer and store a link: the tables take rows."""
    ids = [row.id for row in workspace.statements(limit=2)]
    assert workspace.assign_web({"alice": ids}, blind=True) == 2
    workspace.add_web_token("t1", "ab" * 32, "alice", "2099-01-01T00:00:00+00:00")
    assert [i.statement_id for i in workspace.web_assignment("alice")] == ids
    assert all(i.blind for i in workspace.web_assignment("alice"))
    assert workspace.web_token("t1").reviewer == "alice"


def _use_team_tables(workspace) -> None:
    """Store a session and an analyst's link and read them back; the model's table takes
    its one row and no second."""
    workspace.add_web_session(
        "s1", "cd" * 32, "reviewer", "alice", "t1", "2099-01-01T00:00:00+00:00"
    )
    assert workspace.web_session("s1").standing
    workspace.set_analyst_link("a1", "ef" * 32, "erin")
    assert workspace.analyst_link(analyst="erin").id == "a1"
    workspace.revoke_web_tokens("alice")
    assert not workspace.web_session("s1").standing
    with workspace.transaction() as conn:
        conn.execute(
            "INSERT INTO learned_model (one, meta, labels, trained_by, trained_at) "
            "VALUES (1, '{}', '', 'ann', '2026-01-01')"
        )
    with (
        pytest.raises(Exception, match=r"(?i)check|constraint"),
        workspace.transaction() as conn,
    ):
        conn.execute(
            "INSERT INTO learned_model (one, meta, labels, trained_by, trained_at) "
            "VALUES (2, '{}', '', 'ann', '2026-01-01')"
        )


def _to_version_5(conn, backend) -> None:
    for statement in V6_TO_V5:
        conn.execute(statement)
    backend.set_schema_version(conn, 5)
    conn.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")


def test_a_version_5_workspace_file_is_migrated_to_keep_sessions(tmp_path):
    from argmap.store.backend import SQLITE

    workspace = seed_workspace(tmp_path)
    path = workspace.path
    _use_web_tables(workspace)
    token = workspace.web_token("t1")
    workspace.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    _to_version_5(conn, SQLITE)
    conn.execute("COMMIT")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert not tables & set(TEAM_TABLES) and conn.execute("PRAGMA user_version").fetchone()[0] == 5
    conn.close()
    with Workspace(path) as migrated:
        assert migrated.conn.execute("PRAGMA user_version").fetchone()[0] == 6
        assert migrated.meta("schema_version") == "6"
        assert migrated.web_token("t1") == token  # schema 5's rows stay
        _use_team_tables(migrated)


def test_a_version_5_workspace_on_postgresql_is_migrated_to_keep_sessions(postgres_url):
    from argmap.store.pg.backend import POSTGRES

    with seed_workspace(postgres_url) as workspace:
        _use_web_tables(workspace)
    conn = POSTGRES.connect(postgres_url, 5.0)
    POSTGRES.begin_write(conn)
    _to_version_5(conn, POSTGRES)
    conn.execute("COMMIT")
    conn.close()
    with Workspace(postgres_url) as migrated:
        assert migrated.backend.schema_version(migrated.conn) == 6
        assert migrated.meta("schema_version") == "6"
        assert migrated.web_token("t1").reviewer == "alice"
        _use_team_tables(migrated)
        collations = migrated.conn.execute(
            "SELECT collation_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND data_type = 'text' "
            "AND table_name IN ('web_sessions', 'web_analyst_links', 'learned_model')"
        ).fetchall()
        assert len(collations) == 15 and {c for (c,) in collations} == {"C"}


def test_a_version_4_workspace_file_is_migrated_to_take_web_assignments(tmp_path):
    workspace = seed_workspace(tmp_path)
    path, before = workspace.path, workspace.status()
    some = workspace.statements(limit=1)[0]
    workspace.set_stance(some.id, "neutral", annotator="dan")
    workspace.close()
    conn = sqlite3.connect(path)
    for statement in (
        *V6_TO_V4,
        "PRAGMA user_version = 4",
        "UPDATE meta SET value = '4' WHERE key = 'schema_version'",
    ):
        conn.execute(statement)
    conn.commit()
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert not tables & set(WEB_TABLES)
    conn.close()
    with Workspace(path) as migrated:
        assert SCHEMA_VERSION == 6
        assert migrated.conn.execute("PRAGMA user_version").fetchone()[0] == 6
        assert migrated.meta("schema_version") == "6"
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
    for statement in V6_TO_V4:
        conn.execute(statement)
    POSTGRES.set_schema_version(conn, 4)
    conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    conn.execute("COMMIT")
    conn.close()
    with Workspace(postgres_url) as migrated:
        assert migrated.backend.schema_version(migrated.conn) == 6
        assert migrated.meta("schema_version") == "6"
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
        assert workspace.meta("schema_version") == "6"
        _use_web_tables(workspace)
        _use_team_tables(workspace)
        first = workspace.web_assignment("alice")[0].statement_id
        workspace.delete_statement(first)  # never refused for being assigned
        assert [i.statement_id for i in workspace.web_assignment("alice")] != []
        assert first not in [i.statement_id for i in workspace.web_assignment("alice")]
        assert workspace.assigned_item("alice", first) is None
        workspace.undo()
        assert workspace.assigned_item("alice", first) is not None
