"""The checks CI runs with the tests: lint, format, types, layers and the documentation site.

Each runs the tool the `dev` extra installs (`python -m pip install -e '.[dev]'`), with the
configuration in pyproject.toml and mkdocs.yml, on the whole repository; a failure prints
the tool's own report.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import REPO

BIN = Path(sys.executable).parent


def run(*command: str) -> subprocess.CompletedProcess:
    """``command`` run from the repository root; its output kept for the failure message."""
    tool = command[0]
    if tool != sys.executable and not (BIN / tool).exists() and shutil.which(tool) is None:
        pytest.fail(f"{tool} is not installed: python -m pip install -e '.[dev]'")
    executable = str(BIN / tool) if (BIN / tool).exists() else tool
    return subprocess.run(
        [executable, *command[1:]], cwd=REPO, capture_output=True, text=True, timeout=600
    )


def check(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 0, f"{result.args}\n{result.stdout}\n{result.stderr}"


def test_ruff_finds_no_lint():
    check(run("ruff", "check", "."))


def test_ruff_format_would_change_nothing():
    check(run("ruff", "format", "--check", "."))


def test_mypy_finds_no_type_error_in_the_core_packages():
    check(run(sys.executable, "-m", "mypy"))  # files and settings: [tool.mypy]


def test_the_import_layers_hold():
    check(run("lint-imports"))  # contracts: [tool.importlinter]


def test_the_documentation_site_builds_without_a_warning(tmp_path):
    result = run("mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site"))
    check(result)
    assert (tmp_path / "site" / "reference" / "api" / "index.html").is_file()
