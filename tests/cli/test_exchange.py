"""``argmap export``, ``import`` and ``schema``: the map to a file and into a new workspace;
export never overwrites a database, and its files get the usual permissions."""

import json
import shutil

import pytest

from tests.helpers import run_cli


def test_export_to_a_file_then_import_into_a_new_workspace(workspace_dir, capsys, tmp_path):
    target = tmp_path / "map.json"
    status, _, err = run_cli(capsys, "export", "-o", target)
    assert status == 0 and err == f"wrote {target} (json)\n"
    first = json.loads(target.read_text(encoding="utf-8"))
    other = tmp_path / "other"
    assert run_cli(capsys, "init", other)[0] == 0
    status, out, _ = run_cli(capsys, "import", target, "-w", other)
    assert status == 0 and out.startswith("imported 1 document, 16 statements")
    again = json.loads(run_cli(capsys, "export", "-w", other)[1])
    for data in (first, again):
        del data["exported_at"], data["workspace_id"]
    assert again == first
    status, _, err = run_cli(capsys, "import", target, "-w", other)
    assert status == 1 and "the workspace is not empty" in err
    (tmp_path / "cut.json").write_text(target.read_text(encoding="utf-8")[:500], encoding="utf-8")
    status, _, err = run_cli(capsys, "import", tmp_path / "cut.json", "-w", tmp_path / "other")
    assert status == 1 and err.startswith(
        f"argmap: error: {tmp_path / 'cut.json'}: not complete JSON"
    )
    for fmt, start in (
        ("aif", "{"),
        ("argdown", "==="),
        ("csv", "id,document"),
        ("dot", "digraph"),
    ):
        assert run_cli(capsys, "export", "--format", fmt)[1].startswith(start)


def test_schema_prints_the_json_schema(capsys):
    status, out, _ = run_cli(capsys, "schema")
    schema = json.loads(out)
    assert status == 0 and schema["title"] == "MapExport" and "statements" in schema["properties"]


@pytest.mark.parametrize(
    "name", ["argmap.sqlite", "argmap.sqlite-wal", "argmap.sqlite-shm", "sub/../argmap.sqlite"]
)
def test_export_refuses_to_overwrite_the_workspace_or_its_journal(workspace_dir, capsys, name):
    (workspace_dir / "sub").mkdir()
    before = (workspace_dir / "argmap.sqlite").read_bytes()
    status, _, err = run_cli(capsys, "export", "-f", "csv", "-o", name)
    assert status == 1 and err.startswith(
        f"argmap: error: {name}: refusing to overwrite the workspace"
    )
    assert (workspace_dir / "argmap.sqlite").read_bytes() == before
    assert run_cli(capsys, "status", "--format", "json")[0] == 0


def test_export_refuses_to_overwrite_another_sqlite_database(workspace_dir, capsys):
    shutil.copy(workspace_dir / "argmap.sqlite", workspace_dir / "copy.db")
    status, _, err = run_cli(capsys, "export", "-o", "copy.db")
    assert (status, err) == (
        1,
        "argmap: error: copy.db: refusing to overwrite an SQLite database; choose another file\n",
    )
    assert (workspace_dir / "copy.db").read_bytes()[:16] == b"SQLite format 3\x00"


def test_export_files_get_the_usual_permissions(workspace_dir, capsys):
    import os

    old = os.umask(0o027)
    try:
        assert run_cli(capsys, "export", "-f", "csv", "-o", "map.csv")[0] == 0
    finally:
        os.umask(old)
    assert (
        workspace_dir / "map.csv"
    ).stat().st_mode & 0o777 == 0o640  # 0666 minus the umask, not mkstemp's 0600
    (workspace_dir / "map.csv").chmod(0o600)
    assert run_cli(capsys, "export", "-f", "csv", "-o", "map.csv")[0] == 0
    assert (
        workspace_dir / "map.csv"
    ).stat().st_mode & 0o777 == 0o600  # an existing file keeps its mode
