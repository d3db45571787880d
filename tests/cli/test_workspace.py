"""``argmap init``, ``add``, ``status``, ``undo``, ``suggest`` and ``codebook`` on the seed."""

import json
import shutil

import pytest

from tests.helpers import SEED, SEED_CODEBOOK, kishida, run_cli


def test_init_finds_the_codebook_and_add_reports_what_it_did(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "debate"
    folder.mkdir()
    shutil.copy(SEED_CODEBOOK, folder / "japan.codebook.toml")
    status, out, _ = run_cli(capsys, "init", folder)
    assert status == 0 and "with codebook" in out and (folder / "argmap.sqlite").is_file()
    status, out, err = run_cli(capsys, "add", SEED, "--workspace", folder)
    assert status == 0
    assert out.startswith("1 added, 0 replaced, 0 unchanged; 16 statements")
    assert err == "added japan-us-integration.txt: 16 statements\n"  # plain lines: not a terminal
    status, out, err = run_cli(
        capsys, "add", SEED, "-w", folder / "argmap.sqlite", "--progress", "none"
    )
    assert out.startswith("0 added, 0 replaced, 1 unchanged") and err == ""
    status, _, err = run_cli(capsys, "init", folder)
    assert (
        status == 1
        and err == f"argmap: error: {folder / 'argmap.sqlite'}: a workspace already exists here\n"
    )


def test_init_on_a_file_is_a_one_line_error_and_leaves_the_file_alone(tmp_path, capsys):
    plain = tmp_path / "notes.txt"
    plain.write_text("not a folder\n", encoding="utf-8")
    status, _, err = run_cli(capsys, "init", plain)
    assert (status, err) == (
        1,
        f"argmap: error: {plain}: is a file, not a directory; give a directory for the workspace\n",
    )
    assert plain.read_text(encoding="utf-8") == "not a folder\n"


def test_add_reports_a_document_it_cannot_store_and_adds_the_others(tmp_path, capsys, monkeypatch):
    import sqlite3

    import argmap.store.documents as documents
    from argmap.io.reading import read_document

    folder = tmp_path / "debate"
    folder.mkdir()
    assert run_cli(capsys, "init", folder, "--codebook", SEED_CODEBOOK)[0] == 0
    other = tmp_path / "other.txt"
    other.write_text('"We are ready," Lloyd Austin said in Tokyo on Monday.\n', encoding="utf-8")
    real, target = documents._statement_values, read_document(other).id

    def broken(statement, doc_seq, mapping):
        if statement.document == target:
            raise sqlite3.IntegrityError("UNIQUE constraint failed: statements.id")
        return real(statement, doc_seq, mapping)

    monkeypatch.setattr(documents, "_statement_values", broken)
    status, out, err = run_cli(capsys, "add", other, tmp_path / "missing.txt", SEED, "-w", folder)
    assert status == 1 and out.startswith("1 added, 0 replaced, 0 unchanged; 16 statements")
    assert (
        f"argmap: error: {other}: IntegrityError: UNIQUE constraint failed: statements.id\n" in err
    )
    assert f"argmap: error: {tmp_path / 'missing.txt'}: no such file or directory\n" in err
    assert "failed other.txt" in err and "added japan-us-integration.txt: 16 statements" in err


def test_add_of_polnear_files_the_extractor_finds_a_span_twice_in(tmp_path, capsys, shared):
    folder = tmp_path / "debate"
    assert run_cli(capsys, "init", folder, "--codebook", SEED_CODEBOOK)[0] == 0
    crashers = [
        shared / "data/polnear/train/text" / name
        for name in (
            "breitbart_2016-03-01_the-latest-sanders-wins-minnesot.txt",
            "breitbart_2016-05-03_glenn-beck-blasts-drudge-for-moc.txt",
        )
    ]
    status, out, err = run_cli(capsys, "add", *crashers, SEED, "-w", folder, "--progress", "none")
    assert status == 0 and "error" not in err and out.startswith("3 added")


def test_the_progress_bar_counts_files_that_fail(tmp_path, capsys):
    folder = tmp_path / "debate"
    assert run_cli(capsys, "init", folder, "--codebook", SEED_CODEBOOK)[0] == 0
    status, out, err = run_cli(
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


def test_status_counts_and_labelled_share(workspace_dir, capsys):
    _, out, _ = run_cli(capsys, "status", "--format", "json")
    data = json.loads(out)
    assert (data["documents"], data["statements"], data["labelled_share"]) == (1, 16, 0.0)
    _, out, _ = run_cli(capsys, "statements", "--text", "shoulder to shoulder")
    statement = out.split()[0]
    assert run_cli(capsys, "stance", statement[:8], "pro-integration", "--note", "with you")[0] == 0
    data = json.loads(run_cli(capsys, "status", "--format", "json")[1])
    assert data["annotators"] == {"alice": 1} and data["labelled_share"] == pytest.approx(
        1 / 16, abs=1e-4
    )
    _, out, _ = run_cli(capsys, "status")
    assert "labelled   6.2% by people" in out and "annotators: alice 1" in out


def test_commands_outside_a_workspace_say_so(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ARGMAP_WORKSPACE", raising=False)
    status, _, err = run_cli(capsys, "status")
    assert status == 1 and "no argmap workspace here or in any parent directory" in err


def test_undo_of_a_malformed_log_entry_from_the_command_line(ws, tmp_path, capsys):
    ws.set_stance(kishida(ws).id, "neutral", annotator="alice")
    ws.conn.execute(
        'UPDATE edits SET changes = \'[{"table": "statements"}]\' '
        "WHERE id = (SELECT max(id) FROM edits)"
    )
    status, _, err = run_cli(capsys, "undo", "--anyone", "-w", tmp_path)
    assert status == 1 and "has a malformed change list" in err and "Traceback" not in err


def test_suggest_refit_learns_from_the_workspaces_labels(workspace_dir, capsys):
    status, out, err = run_cli(capsys, "suggest", "--refit")
    assert status == 1 and "cannot train the stance model from 0 labelled statements" in err
    _, out, _ = run_cli(capsys, "statements")
    ids = [line.split()[0] for line in out.splitlines()]
    for n, statement in enumerate(ids[:6]):
        assert (
            run_cli(
                capsys,
                "stance",
                statement,
                ("pro-integration", "sovereignty-concern", "neutral")[n % 3],
            )[0]
            == 0
        )
    status, out, err = run_cli(capsys, "suggest", "--refit")
    assert status == 0, err
    assert out.splitlines() == [
        "trained the stance model on 6 labelled statements; "
        f"saved in {workspace_dir / 'argmap-model'}",
        f"{len(ids)} suggestions stored",
    ]
    assert (workspace_dir / "argmap-model" / "meta.json").is_file()


def test_setting_a_codebook_says_how_to_refresh_the_suggestions(workspace_dir, capsys):
    changed = workspace_dir / "changed.codebook.toml"
    text = SEED_CODEBOOK.read_text(encoding="utf-8")
    changed.write_text(text.replace('issue = "', 'issue = "Revised: ', 1), encoding="utf-8")
    status, out, _ = run_cli(capsys, "codebook", changed)
    assert status == 0
    assert out.splitlines()[1].endswith(
        "`argmap suggest` suggests stances for the 16 statements under this one"
    )


def test_adding_a_folder_with_nothing_readable_fails_and_names_the_skipped_files(
    workspace_dir, capsys, tmp_path
):
    folder = tmp_path / "scans"
    folder.mkdir()
    (folder / "interview.pdf").write_bytes(b"%PDF-1.4")
    status, out, err = run_cli(capsys, "add", folder, "--progress", "none")
    assert status == 1 and out.startswith("0 added")
    assert "skipped 1 file argmap does not read (it reads .txt, .md, .html and .htm): " in err
    assert f"{folder}: no article to read" in err


def test_adding_a_folder_with_a_link_loop_adds_its_other_files(workspace_dir, capsys, tmp_path):
    folder = tmp_path / "L"
    folder.mkdir()
    (folder / "a.txt").symlink_to("b.txt")
    (folder / "b.txt").symlink_to("a.txt")
    (folder / "real.txt").write_text('"We will act," Tanaka said.\n')
    status, out, err = run_cli(capsys, "add", folder, "--progress", "none")
    assert status == 1 and out.startswith("1 added")
    assert err.count("symbolic link loop") == 2 and "Traceback" not in err


def test_undo_takes_back_only_your_own_edit_unless_told_otherwise(
    workspace_dir, capsys, monkeypatch
):
    monkeypatch.setenv("ARGMAP_USER", "bob")
    assert run_cli(capsys, "claim", "add", "Japan should integrate", "--position")[0] == 0
    monkeypatch.setenv("ARGMAP_USER", "alice")
    status, out, err = run_cli(capsys, "undo")
    assert status == 1 and out == ""
    assert err.startswith("argmap: error: the edit to undo is bob's, not yours (alice): ")
    assert "`argmap undo --anyone` takes it anyway" in err
    assert "map        1 claim;" in run_cli(capsys, "status")[1]  # nothing was undone
    status, out, _ = run_cli(capsys, "undo", "--anyone")
    assert status == 0 and out.startswith("undone: add-claim")
    assert run_cli(capsys, "redo")[0] == 1  # still bob's edit: alice redoes it only with --anyone
    monkeypatch.setenv("ARGMAP_USER", "bob")
    status, out, _ = run_cli(capsys, "redo")
    assert status == 0 and "map        1 claim;" in run_cli(capsys, "status")[1]


def test_init_warns_of_a_codebook_whose_labels_outrun_the_number_keys(tmp_path, capsys):
    from tests.tui.test_many_labels import FORTY

    codebook = tmp_path / "forty.codebook.toml"
    codebook.write_text(FORTY)
    status, out, err = run_cli(capsys, "init", tmp_path / "ws", "--codebook", codebook)
    assert status == 0 and "created workspace" in out
    assert err == (
        f"argmap: warning: {codebook}: 40 labels: keys 1-9 set the first 9; the others are set "
        "with t (a picker of every label) in the UI, or by id with argmap stance\n"
    )


def test_setting_the_same_codebook_again_changes_nothing_and_says_so(workspace_dir, capsys):
    from tests.helpers import SEED_CODEBOOK

    status, out, _ = run_cli(capsys, "codebook", SEED_CODEBOOK)
    assert status == 0 and out == "codebook japan-us-integration: 3 labels (unchanged)\n"
    assert "set-codebook" not in run_cli(capsys, "log")[1]
