"""A workspace on PostgreSQL through the command line, the same as on SQLite: made with
`argmap init URL`, filled with `argmap add -w URL`, edited, exported; the UI opens on it."""

import json
import sqlite3

import pytest

from tests.helpers import SEED, SEED_CODEBOOK, run_cli

pytest.importorskip("psycopg", reason="the 'postgresql' extra is not installed")

#: Export fields that differ between any two workspaces: ids and times of making.
VOLATILE = {"workspace_id", "exported_at", "added_at", "created_at", "time"}


def _comparable(value):
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    return value


def _edit_and_export(capsys, workspace, out):
    """The same edits on ``workspace`` (a folder or a URL), then its JSON export."""
    assert run_cli(capsys, "init", workspace, "--codebook", SEED_CODEBOOK)[0] == 0
    assert run_cli(capsys, "add", SEED, "-w", workspace, "--progress", "none")[0] == 0
    first, second = (
        line.split()[0]
        for line in run_cli(capsys, "statements", "-w", workspace, "--limit", "2")[1].splitlines()[
            :2
        ]
    )
    assert run_cli(capsys, "stance", first, "sovereignty-concern", "-w", workspace)[0] == 0
    assert (
        run_cli(capsys, "stance", second, "neutral", "-w", workspace, "--note", "50% sure")[0] == 0
    )
    assert run_cli(capsys, "undo", "-w", workspace)[0] == 0
    status, made, _ = run_cli(
        capsys, "claim", "add", "Integration deters China", "--position", "-w", workspace
    )
    assert status == 0, made
    assert run_cli(capsys, "export", "-w", workspace, "--format", "json", "-o", out)[0] == 0
    return json.loads(out.read_text(encoding="utf-8"))


def test_a_postgresql_workspace_exports_what_an_sqlite_one_does_after_the_same_commands(
    capsys, tmp_path, postgres_url
):
    on_file = _edit_and_export(capsys, tmp_path / "lite", tmp_path / "lite.json")
    on_server = _edit_and_export(capsys, postgres_url, tmp_path / "server.json")
    assert on_server["statements"] and on_server["annotations"] and on_server["claims"]
    claims = lambda export: [(c["kind"], c["text"]) for c in export["claims"]]  # noqa: E731
    assert claims(on_server) == claims(on_file) == [("position", "Integration deters China")]
    # claim ids are random: compare the rest of the map, and the claims by their content
    for export in (on_file, on_server):
        for key in ("claims", "edits"):
            export.pop(key)
    assert _comparable(on_server) == _comparable(on_file)


def test_init_refuses_a_used_database_and_a_password_in_the_url(capsys, postgres_url):
    status, out, _ = run_cli(capsys, "init", postgres_url)
    assert status == 0 and out.startswith("created workspace postgresql://argmap@[")
    status, _, err = run_cli(capsys, "init", postgres_url)
    assert status == 1 and err.endswith(": a workspace already exists here\n")
    assert err.count("\n") == 1
    status, _, err = run_cli(capsys, "init", "postgresql://ann:s3cret@db.example.org/debate")
    assert status == 1 and "s3cret" not in err and "~/.pgpass" in err
    status, out, _ = run_cli(capsys, "status", "-w", postgres_url)
    assert status == 0 and "documents  0" in out


def test_a_database_holding_other_tables_is_not_touched(capsys, postgres_url):
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE payroll (n integer)")
    status, _, err = run_cli(capsys, "init", postgres_url)
    assert status == 1 and "holds tables that are not an argmap workspace" in err
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        tables = [
            r[0]
            for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        ]
    assert tables == ["payroll"]


def test_the_ui_opens_on_a_postgresql_workspace(capsys, tmp_path, postgres_url):
    assert run_cli(capsys, "init", postgres_url, "--codebook", SEED_CODEBOOK)[0] == 0
    assert run_cli(capsys, "add", SEED, "-w", postgres_url, "--progress", "none")[0] == 0
    shot = tmp_path / "board.svg"
    status, _, err = run_cli(capsys, "open", "-w", postgres_url, "--screenshot", shot)
    assert status == 0, err
    picture = shot.read_text(encoding="utf-8")
    assert "Tanaka" in picture and "Sovereignty" in picture


def test_dates_are_read_as_sqlite_reads_them(postgres_url):
    """The timeline's day and period arithmetic (SQLite's date() with modifiers), defined for
    PostgreSQL, gives SQLite's answers."""
    from argmap.store.pg.backend import POSTGRES

    conn = POSTGRES.connect(postgres_url, 1.0)
    try:
        POSTGRES.begin_write(conn)
        POSTGRES.create_schema(conn)
        conn.execute("COMMIT")
        lite = sqlite3.connect(":memory:")
        days = ["2024-07-28", "2024-07-29", "2024-03-03", "2023-12-31", "2024-02-29", "2024-1-5"]
        days += ["2024-13-01", "not a day", "", "2024-07-28T10:00:00-04:00"]
        queries = [
            "SELECT date(substr(?, 1, 10))",
            "SELECT date(date(substr(?, 1, 10)), 'start of month')",
            "SELECT date(date(substr(?, 1, 10)), '-6 days', 'weekday 1')",
        ]
        for query in queries:
            for day in days:
                ours = conn.execute(query, (day,)).fetchone()[0]
                assert ours == lite.execute(query, (day,)).fetchone()[0], (query, day)
    finally:
        conn.close()
