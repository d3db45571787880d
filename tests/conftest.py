"""Shared test fixtures."""

import io
from pathlib import Path

import pytest

REPO = Path(__file__).parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
# The project's shared data (gold files, PolNeAR) lives beside the repository.
SHARED = Path(__file__).parents[2] / "shared"


@pytest.fixture
def shared() -> Path:
    """The ../shared folder; skips the test when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent")
    return SHARED


def run_cli(capsys, *argv, stdin=None, monkeypatch=None):
    """Run argmap in-process on ``argv`` (any objects, made strings): (exit status, stdout, stderr).

    ``stdin`` (with ``monkeypatch``) is text the command reads as standard input.
    """
    from argmap.cli import main

    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    try:
        status = main([str(arg) for arg in argv])
    except SystemExit as exit_:
        status = exit_.code
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture(scope="module")
def seed_template(tmp_path_factory) -> Path:
    """A workspace file holding the seed article, built once per test module (copy it to edit)."""
    from tui_helpers import build_seed_workspace

    return build_seed_workspace(tmp_path_factory.mktemp("seed"))


@pytest.fixture
def workspace_file(seed_template, tmp_path) -> Path:
    """A copy of the seed workspace for one test."""
    from tui_helpers import copy_workspace

    return copy_workspace(seed_template, tmp_path / "ws")
