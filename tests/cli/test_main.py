"""The command line as a whole: help, version, ``python -m argmap``, usage errors."""

import subprocess
import sys

import pytest

from argmap import __version__
from tests.helpers import run_cli


def test_help_lists_every_command_with_a_description(capsys):
    status, out, _ = run_cli(capsys, "--help")
    assert status == 0
    assert "extract   find quotes and reported speech" in out
    assert "eval      score argmap against gold annotations" in out


def test_version(capsys):
    assert run_cli(capsys, "--version")[:2] == (0, f"argmap {__version__}\n")


def test_python_dash_m_argmap_works():
    result = subprocess.run(
        [sys.executable, "-m", "argmap", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert "extract" in result.stdout and "eval" in result.stdout


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["extract"],
        ["extract", "x.txt", "--format", "xml"],
        ["eval"],
        ["eval", "extraction", "gold.jsonl"],
    ],
)
def test_usage_errors_exit_2(capsys, argv):
    status, _, err = run_cli(capsys, *argv)
    assert status == 2
    assert "argmap" in err and "error:" in err
