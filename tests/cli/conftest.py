"""Fixtures of the command-line tests."""

import shutil

import pytest

from tests.helpers import SEED, SEED_CODEBOOK, run_cli


@pytest.fixture
def workspace_dir(tmp_path, capsys, monkeypatch):
    """A folder with the seed and its codebook, initialised and added: the current directory."""
    folder = tmp_path / "debate"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    shutil.copy(SEED_CODEBOOK, folder / "japan.codebook.toml")
    monkeypatch.chdir(folder)
    monkeypatch.setenv("ARGMAP_USER", "alice")
    assert run_cli(capsys, "init")[0] == 0
    status, _, err = run_cli(capsys, "add", ".")
    assert status == 0, err
    return folder
