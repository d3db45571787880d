"""Paths and small helpers every area of the tests uses (fixtures are in conftest.py).

Import them as ``from tests.helpers import SEED, run_cli``: ``tests`` is a package, and pytest
puts the repository root on ``sys.path``, whatever the working directory.
"""

import io
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
# The project's shared data (gold files, PolNeAR) lives beside the repository.
SHARED = REPO.parent / "shared"


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
