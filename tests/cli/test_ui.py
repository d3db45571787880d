"""``argmap open``: on a folder of articles (a workspace made beside them, with the codebook
named like them), refusals before anything is created, the workspace found upward."""

from argmap.store import Workspace
from tests.helpers import SEEDS


def test_open_on_a_folder_creates_the_workspace_beside_it_with_its_codebook(tmp_path, capsys):
    import shutil

    from argmap.cli import main

    folder = tmp_path / "debate"
    folder.mkdir()
    for name in (
        "japan-us-integration.txt",
        "japan-us-integration.codebook.toml",
        "us-election-2016.codebook.toml",
    ):
        shutil.copy(SEEDS / name, folder / name)
    shot = tmp_path / "board.svg"
    assert main(["open", str(folder), "--screenshot", str(shot)]) == 0
    with Workspace(folder / "argmap.sqlite") as ws:
        assert ws.codebook.id == "japan-us-integration"  # the codebook named like the article
        assert ws.count_statements() > 0
        issue = ws.codebook.issue
    svg = shot.read_text()
    assert issue.replace(" ", "&#160;") in svg or issue in svg
    # opening again adds nothing new and keeps the workspace
    assert main(["open", str(folder / "argmap.sqlite"), "--screenshot", str(shot)]) == 0


def test_open_refuses_a_choice_between_codebooks_and_a_missing_path(tmp_path, capsys):
    import shutil

    from argmap.cli import main

    folder = tmp_path / "other"
    folder.mkdir()
    (folder / "article.txt").write_text('"We must act," the minister said.\n')
    for name in ("japan-us-integration.codebook.toml", "us-election-2016.codebook.toml"):
        shutil.copy(SEEDS / name, folder / name)
    assert main(["open", str(folder), "--screenshot", str(tmp_path / "x.svg")]) == 1
    err = capsys.readouterr().err
    assert "several codebooks" in err and "--codebook" in err
    assert not (folder / "argmap.sqlite").exists()
    assert main(["open", str(tmp_path / "missing")]) == 1
    assert "missing: no such file or folder" in capsys.readouterr().err
    bad_keys = tmp_path / "keys.toml"
    bad_keys.write_text('[keys]\nno-such-binding = "z"\n')
    codebook = folder / "japan-us-integration.codebook.toml"
    assert (
        main(
            [
                "open",
                str(folder),
                "--codebook",
                str(codebook),
                "--keys",
                str(bad_keys),
                "--screenshot",
                str(tmp_path / "x.svg"),
            ]
        )
        == 1
    )
    assert "no-such-binding" in capsys.readouterr().err
    assert not (folder / "argmap.sqlite").exists()  # refused before anything was created


def test_open_finds_the_workspace_upward(workspace_file, monkeypatch, tmp_path):
    from argmap.cli import main

    below = workspace_file.parent / "notes"
    below.mkdir()
    monkeypatch.chdir(below)
    assert main(["open", "--view", "speakers", "--screenshot", str(tmp_path / "s.svg")]) == 0
    assert "Tanaka" in (tmp_path / "s.svg").read_text()


def test_open_without_a_terminal_refuses_at_once_and_writes_nothing(workspace_file, tmp_path):
    import subprocess
    import sys

    before = workspace_file.read_bytes()
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "open", str(workspace_file)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,  # before the fix it ran until killed, writing escape codes
    )
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "needs a terminal" in done.stderr
    assert workspace_file.read_bytes() == before


def test_open_on_a_damaged_workspace_is_one_line(workspace_file, tmp_path, capsys):
    from tests.helpers import damage_table, run_cli

    damage_table(workspace_file, "statements")
    status, _, err = run_cli(capsys, "open", workspace_file, "--screenshot", tmp_path / "shot.svg")
    assert status == 1 and err.count("\n") == 1 and "the workspace file is damaged" in err
    assert not (tmp_path / "shot.svg").exists()


def test_open_on_articles_without_a_codebook_makes_the_workspace_and_says_it_has_none(
    tmp_path, capsys
):
    import shutil

    from tests.helpers import SEED, run_cli

    folder = tmp_path / "plain"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    status, out, err = run_cli(capsys, "open", folder, "--screenshot", tmp_path / "board.svg")
    assert status == 0 and "created workspace" in out
    assert "no codebook beside the articles" in err and "argmap codebook FILE" in err
    with Workspace(folder / "argmap.sqlite") as ws:
        assert ws.codebook is None and ws.count_statements() > 0
