"""A workspace file that is damaged, truncated, read-only or not a workspace: every command
says so in one line, and nothing is written to the file."""

import sqlite3
from pathlib import Path

import pytest

from argmap.store import (
    SchemaError,
    Workspace,
    WorkspaceDamaged,
    WorkspaceError,
    WorkspaceReadOnly,
    open_workspace,
)
from tests.helpers import damage_table, digest, run_cli

#: Damaged, truncated, read-only and foreign files: the SQLite file itself.
pytestmark = pytest.mark.sqlite_only

COMMANDS = (
    ["status"],
    ["statements"],
    ["speakers"],
    ["stance", "STATEMENT", "neutral"],
    ["undo"],
    ["export", "--format", "json"],
    ["claim", "add", "Japan should integrate", "--position"],
)


def first_statement(path: Path) -> str:
    with Workspace(path) as workspace:
        return workspace.statements(limit=1)[0].id


def command_line(argv, statement):
    return [statement if arg == "STATEMENT" else arg for arg in argv]


@pytest.mark.parametrize("table", ["statements", "speakers", "edits"])
def test_every_command_says_a_damaged_workspace_is_damaged_and_writes_nothing(
    workspace_file, capsys, table
):
    statement = first_statement(workspace_file)
    damage_table(workspace_file, table)
    before = digest(workspace_file)
    for argv in COMMANDS:
        status, out, err = run_cli(capsys, *command_line(argv, statement), "-w", workspace_file)
        assert status == 1, (argv, out)
        assert err.count("\n") == 1 and "the workspace file is damaged" in err, (argv, err)
        assert str(workspace_file) in err and "integrity_check" in err
    assert digest(workspace_file) == before
    with pytest.raises(WorkspaceDamaged):
        open_workspace(workspace_file)


def test_an_edit_through_an_unchecked_connection_is_refused_before_it_writes(workspace_file):
    statement = first_statement(workspace_file)
    damage_table(workspace_file, "speakers")  # the stance edit itself never reads speakers
    before = digest(workspace_file)
    with Workspace(workspace_file) as workspace, pytest.raises(WorkspaceDamaged):
        workspace.set_stance(statement, "neutral", annotator="alice")
    assert digest(workspace_file) == before


def test_a_truncated_workspace_is_reported_as_damaged(workspace_file, capsys):
    with sqlite3.connect(workspace_file) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = workspace_file.read_bytes()
    workspace_file.write_bytes(data[: len(data) // 2])
    status, _, err = run_cli(capsys, "statements", "-w", workspace_file)
    assert status == 1 and err.count("\n") == 1 and "damaged" in err


def test_a_read_only_workspace_refuses_edits_in_one_line(read_only_workspace, capsys):
    statement = first_statement(read_only_workspace)
    before = digest(read_only_workspace)
    status, out, _ = run_cli(capsys, "statements", "-w", read_only_workspace)
    assert status == 0 and statement in out  # reading goes on
    for argv in (["stance", statement, "neutral"], ["claim", "add", "A claim", "--position"]):
        status, _, err = run_cli(capsys, *argv, "-w", read_only_workspace)
        assert status == 1 and err.count("\n") == 1 and "read-only" in err, err
    with Workspace(read_only_workspace) as workspace, pytest.raises(WorkspaceReadOnly):
        workspace.set_stance(statement, "neutral", annotator="alice")
    assert digest(read_only_workspace) == before


def test_an_sqlite_file_of_another_program_is_not_touched(tmp_path, capsys):
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    before = digest(other)
    for argv in (["status", "-w", other], ["init", other]):
        status, _, err = run_cli(capsys, *argv)
        assert status == 1 and err.count("\n") == 1 and "not an argmap workspace" in err, err
    assert digest(other) == before and not Path(f"{other}-wal").exists()
    with pytest.raises(SchemaError):
        Workspace(other)
    with pytest.raises(WorkspaceError, match="refusing to touch it"):
        Workspace.init(other)


def test_a_file_that_is_not_sqlite_is_not_a_workspace(tmp_path, capsys):
    notes = tmp_path / "notes.sqlite"
    notes.write_text("Tanaka said so.\n" * 100)
    status, _, err = run_cli(capsys, "status", "-w", notes)
    assert (
        status == 1
        and err
        == f"argmap: error: {notes}: not an argmap workspace (not an SQLite database file)\n"
    )
    assert notes.read_text() == "Tanaka said so.\n" * 100
