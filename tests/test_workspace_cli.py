"""The workspace commands end to end on the seed: init, add, status, edits, undo, export, import."""

import json
import shutil

import pytest
from tests.helpers import run_cli as run
from tests.store_helpers import CODEBOOK, SEED


@pytest.fixture
def workspace(tmp_path, capsys, monkeypatch):
    """A directory with the seed and its codebook, initialised and added, as the current directory."""
    folder = tmp_path / "debate"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    shutil.copy(CODEBOOK, folder / "japan.codebook.toml")
    monkeypatch.chdir(folder)
    monkeypatch.setenv("ARGMAP_USER", "alice")
    assert run(capsys, "init")[0] == 0
    status, out, err = run(capsys, "add", ".")
    assert status == 0, err
    return folder


def test_init_finds_the_codebook_and_add_reports_what_it_did(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "debate"
    folder.mkdir()
    shutil.copy(CODEBOOK, folder / "japan.codebook.toml")
    status, out, _ = run(capsys, "init", folder)
    assert status == 0 and "with codebook" in out and (folder / "argmap.sqlite").is_file()
    status, out, err = run(capsys, "add", SEED, "--workspace", folder)
    assert status == 0
    assert out.startswith("1 added, 0 replaced, 0 unchanged; 16 statements")
    assert err == "added japan-us-integration.txt: 16 statements\n"  # plain lines: not a terminal
    status, out, err = run(
        capsys, "add", SEED, "-w", folder / "argmap.sqlite", "--progress", "none"
    )
    assert out.startswith("0 added, 0 replaced, 1 unchanged") and err == ""
    status, _, err = run(capsys, "init", folder)
    assert (
        status == 1
        and err == f"argmap: error: {folder / 'argmap.sqlite'}: a workspace already exists here\n"
    )


def test_status_counts_and_labelled_share(workspace, capsys):
    status, out, _ = run(capsys, "status", "--format", "json")
    data = json.loads(out)
    assert (data["documents"], data["statements"], data["labelled_share"]) == (1, 16, 0.0)
    _, out, _ = run(capsys, "statements", "--text", "shoulder to shoulder")
    statement = out.split()[0]
    assert run(capsys, "stance", statement[:8], "pro-integration", "--note", "with you")[0] == 0
    data = json.loads(run(capsys, "status", "--format", "json")[1])
    assert data["annotators"] == {"alice": 1} and data["labelled_share"] == pytest.approx(
        1 / 16, abs=1e-4
    )
    _, out, _ = run(capsys, "status")
    assert "labelled   6.2% by people" in out and "annotators: alice 1" in out


def test_edits_from_the_command_line_and_undo(workspace, capsys):
    _, out, _ = run(capsys, "statements", "--speaker", "Kishida Fumio")
    statement = out.split()[0]
    assert run(capsys, "stance", statement, "pro-integration")[0] == 0
    assert run(capsys, "attribute", statement, "Lloyd Austin")[0] == 0
    _, out, _ = run(capsys, "statements", "--speaker", "Lloyd Austin", "--label", "pro-integration")
    assert out.split()[0] == statement
    status, out, _ = run(capsys, "claim", "add", "Japan should integrate", "--position")
    claim = out.split()[0]
    assert run(capsys, "link", statement, "supports", claim)[0] == 0
    _, out, _ = run(capsys, "claim", "list")
    assert f"{claim} [position] Japan should integrate" in out and f"{statement} supports" in out
    status, out, _ = run(
        capsys, "claim", "add", "--position", "Japan should keep its autonomy"
    )  # flag first
    assert (
        status == 0
        and "[position] Japan should keep its autonomy" in run(capsys, "claim", "list")[1]
    )
    _, out, _ = run(capsys, "log")
    assert [line.split()[3] for line in out.splitlines()[:5]] == [
        "add-claim",
        "link",
        "add-claim",
        "reattribute",
        "set-stance",
    ]
    for expected in ("add-claim", "link", "add-claim", "reattribute"):
        status, out, _ = run(capsys, "undo")
        assert status == 0 and out.startswith(f"undone: {expected}")
    _, out, _ = run(
        capsys, "statements", "--speaker", "Kishida Fumio", "--label", "pro-integration"
    )
    assert out.split()[0] == statement
    assert run(capsys, "redo")[1].startswith("redone: reattribute")


def test_bad_edits_are_one_line_errors(workspace, capsys):
    _, out, _ = run(capsys, "statements")
    statement = out.split()[0]
    status, _, err = run(capsys, "stance", statement, "maybe")
    assert status == 1 and err.startswith(
        "argmap: error: unknown label 'maybe' (expected one of pro-integration"
    )
    status, _, err = run(capsys, "stance", "zzzz", "neutral")
    assert (status, err) == (1, "argmap: error: no statements match 'zzzz'\n")
    status, _, err = run(capsys, "link", statement, "rebuts", statement)
    assert status == 1 and "cannot rebut" in err


def test_speaker_commands(workspace, capsys):
    _, out, _ = run(capsys, "speaker", "rename", "Lloyd Austin", "Lloyd J. Austin")
    assert "Lloyd J. Austin; aliases:" in out and "Lloyd Austin" in out
    _, out, _ = run(capsys, "speaker", "merge", "Lloyd J. Austin", "Tanaka Hitoshi")
    assert "Tanaka Hitoshi" in out
    _, out, _ = run(capsys, "speakers", "--text", "Austin")
    assert "Lloyd J. Austin [person] 5 statements" in out


def test_export_to_a_file_then_import_into_a_new_workspace(workspace, capsys, tmp_path):
    target = tmp_path / "map.json"
    status, _, err = run(capsys, "export", "-o", target)
    assert status == 0 and err == f"wrote {target} (json)\n"
    first = json.loads(target.read_text(encoding="utf-8"))
    other = tmp_path / "other"
    assert run(capsys, "init", other)[0] == 0
    status, out, _ = run(capsys, "import", target, "-w", other)
    assert status == 0 and out.startswith("imported 1 documents, 16 statements")
    again = json.loads(run(capsys, "export", "-w", other)[1])
    for data in (first, again):
        del data["exported_at"], data["workspace_id"]
    assert again == first
    status, _, err = run(capsys, "import", target, "-w", other)
    assert status == 1 and "the workspace is not empty" in err
    (tmp_path / "cut.json").write_text(target.read_text(encoding="utf-8")[:500], encoding="utf-8")
    status, _, err = run(capsys, "import", tmp_path / "cut.json", "-w", tmp_path / "other")
    assert status == 1 and err.startswith(
        f"argmap: error: {tmp_path / 'cut.json'}: not complete JSON"
    )
    for fmt, start in (
        ("aif", "{"),
        ("argdown", "==="),
        ("csv", "id,document"),
        ("dot", "digraph"),
    ):
        assert run(capsys, "export", "--format", fmt)[1].startswith(start)


def test_schema_prints_the_json_schema(capsys):
    status, out, _ = run(capsys, "schema")
    schema = json.loads(out)
    assert status == 0 and schema["title"] == "MapExport" and "statements" in schema["properties"]


def test_commands_outside_a_workspace_say_so(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ARGMAP_WORKSPACE", raising=False)
    status, _, err = run(capsys, "status")
    assert status == 1 and "no argmap workspace here or in any parent directory" in err


def test_suggest_refit_learns_from_the_workspaces_labels(workspace, capsys):
    status, out, err = run(capsys, "suggest", "--refit")
    assert status == 1 and "cannot train the stance model from 0 labelled statements" in err
    _, out, _ = run(capsys, "statements")
    ids = [line.split()[0] for line in out.splitlines()]
    for n, statement in enumerate(ids[:6]):
        assert (
            run(
                capsys,
                "stance",
                statement,
                ("pro-integration", "sovereignty-concern", "neutral")[n % 3],
            )[0]
            == 0
        )
    status, out, err = run(capsys, "suggest", "--refit")
    assert status == 0, err
    assert out.splitlines() == [
        f"trained the stance model on 6 labelled statements; saved in {workspace / 'argmap-model'}",
        f"{len(ids)} suggestions stored",
    ]
    assert (workspace / "argmap-model" / "meta.json").is_file()


def test_add_reports_a_document_it_cannot_store_and_adds_the_others(tmp_path, capsys, monkeypatch):
    import sqlite3

    import argmap.store.documents as documents
    from argmap.io.reading import read_document

    folder = tmp_path / "debate"
    folder.mkdir()
    assert run(capsys, "init", folder, "--codebook", CODEBOOK)[0] == 0
    other = tmp_path / "other.txt"
    other.write_text('"We are ready," Lloyd Austin said in Tokyo on Monday.\n', encoding="utf-8")
    real, target = documents._statement_values, read_document(other).id

    def broken(statement, doc_seq, mapping):
        if statement.document == target:
            raise sqlite3.IntegrityError("UNIQUE constraint failed: statements.id")
        return real(statement, doc_seq, mapping)

    monkeypatch.setattr(documents, "_statement_values", broken)
    status, out, err = run(capsys, "add", other, tmp_path / "missing.txt", SEED, "-w", folder)
    assert status == 1 and out.startswith("1 added, 0 replaced, 0 unchanged; 16 statements")
    assert (
        f"argmap: error: {other}: IntegrityError: UNIQUE constraint failed: statements.id\n" in err
    )
    assert f"argmap: error: {tmp_path / 'missing.txt'}: no such file or directory\n" in err
    assert "failed other.txt" in err and "added japan-us-integration.txt: 16 statements" in err


def test_add_of_polnear_files_the_extractor_finds_a_span_twice_in(tmp_path, capsys, shared):
    folder = tmp_path / "debate"
    assert run(capsys, "init", folder, "--codebook", CODEBOOK)[0] == 0
    crashers = [
        shared / "data/polnear/train/text" / name
        for name in (
            "breitbart_2016-03-01_the-latest-sanders-wins-minnesot.txt",
            "breitbart_2016-05-03_glenn-beck-blasts-drudge-for-moc.txt",
        )
    ]
    status, out, err = run(capsys, "add", *crashers, SEED, "-w", folder, "--progress", "none")
    assert status == 0 and "error" not in err and out.startswith("3 added")


@pytest.mark.parametrize(
    "name", ["argmap.sqlite", "argmap.sqlite-wal", "argmap.sqlite-shm", "sub/../argmap.sqlite"]
)
def test_export_refuses_to_overwrite_the_workspace_or_its_journal(workspace, capsys, name):
    (workspace / "sub").mkdir()
    before = (workspace / "argmap.sqlite").read_bytes()
    status, _, err = run(capsys, "export", "-f", "csv", "-o", name)
    assert status == 1 and err.startswith(
        f"argmap: error: {name}: refusing to overwrite the workspace"
    )
    assert (workspace / "argmap.sqlite").read_bytes() == before
    assert run(capsys, "status", "--format", "json")[0] == 0


def test_export_refuses_to_overwrite_another_sqlite_database(workspace, capsys):
    shutil.copy(workspace / "argmap.sqlite", workspace / "copy.db")
    status, _, err = run(capsys, "export", "-o", "copy.db")
    assert (status, err) == (
        1,
        "argmap: error: copy.db: refusing to overwrite an SQLite database; choose another file\n",
    )
    assert (workspace / "copy.db").read_bytes()[:16] == b"SQLite format 3\x00"


def test_export_files_get_the_usual_permissions(workspace, capsys):
    import os

    old = os.umask(0o027)
    try:
        assert run(capsys, "export", "-f", "csv", "-o", "map.csv")[0] == 0
    finally:
        os.umask(old)
    assert (
        workspace / "map.csv"
    ).stat().st_mode & 0o777 == 0o640  # 0666 minus the umask, not mkstemp's 0600
    (workspace / "map.csv").chmod(0o600)
    assert run(capsys, "export", "-f", "csv", "-o", "map.csv")[0] == 0
    assert (
        workspace / "map.csv"
    ).stat().st_mode & 0o777 == 0o600  # an existing file keeps its mode


def test_the_progress_bar_counts_files_that_fail(tmp_path, capsys):
    folder = tmp_path / "debate"
    assert run(capsys, "init", folder, "--codebook", CODEBOOK)[0] == 0
    status, out, err = run(
        capsys,
        "add",
        tmp_path / "gone-1.txt",
        SEED,
        tmp_path / "gone-2.txt",
        "-w",
        folder,
        "--progress",
        "bar",
    )
    assert status == 1 and out.startswith("1 added") and err.count("no such file or directory") == 2
    assert "3/3 files" in err


def test_init_on_a_file_is_an_error_not_a_traceback(tmp_path, capsys):
    plain = tmp_path / "plain.txt"
    plain.write_text("not a folder\n", encoding="utf-8")
    status, _, err = run(capsys, "init", plain)
    assert status == 1 and err.startswith(f"argmap: error: {plain}: ") and err.count("\n") == 1
    assert plain.read_text(encoding="utf-8") == "not a folder\n"


def test_setting_a_codebook_says_how_to_refresh_the_suggestions(workspace, capsys):
    status, out, _ = run(capsys, "codebook", CODEBOOK)
    assert status == 0
    assert out.splitlines()[1].endswith(
        "`argmap suggest` suggests stances for the 16 statements under this one"
    )


def test_documents_lists_them_and_document_remove_takes_one_out_until_undo(workspace, capsys):
    status, out, _ = run(capsys, "documents")
    (line,) = out.splitlines()
    document_id, name = line.split()[:2]
    assert status == 0 and name == SEED.name and "16 statements" in line
    status, out, _ = run(capsys, "document", "remove", name)
    assert status == 0 and out.startswith(f"{document_id}: {name} removed with 16 statements")
    assert run(capsys, "documents")[1] == ""
    assert json.loads(run(capsys, "status", "--format", "json")[1])["statements"] == 0
    status, _, err = run(capsys, "document", "remove", name)
    assert status == 1 and err == f"argmap: error: no documents match {name!r}\n"
    assert run(capsys, "undo")[0] == 0
    assert run(capsys, "documents")[1] == line + "\n"
    status, out, _ = run(capsys, "add", ".", "--progress", "none")
    assert out.startswith("0 added, 0 replaced, 1 unchanged")  # the same document again, as before


def test_statements_limit_zero_lists_every_statement_like_speakers(workspace, capsys):
    status, out, err = run(capsys, "statements", "--limit", "0")
    assert status == 0 and len(out.splitlines()) == 16 and err == "(16 statements match)\n"
    assert len(run(capsys, "statements", "--limit", "0", "--offset", "10")[1].splitlines()) == 6
    assert len(run(capsys, "statements", "--limit", "3")[1].splitlines()) == 3
