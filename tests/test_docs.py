"""The documentation matches the code: README, architecture, CLI reference, changelog."""

import argparse
import re
import subprocess
import sys

import pytest

import argmap
from argmap.cli import build_parser
from tests.helpers import REPO

DOCS = REPO / "docs"


def readme() -> list[str]:
    return (REPO / "README.md").read_text(encoding="utf-8").splitlines()


def test_the_readme_is_short_and_gives_both_commands():
    lines = readme()
    assert len(lines) <= 200
    assert "python -m pip install -e . && argmap open seeds/" in lines
    assert "python -m pip install -e '.[dev]' && python -m pytest -q" in lines


def test_ci_runs_the_readme_test_command():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    command = "python -m pip install -e '.[dev]' && python -m pytest -q"
    assert command in ci and command in readme()


# ---------------------------------------------------------------------------- architecture


def test_every_module_the_architecture_names_exists():
    text = (DOCS / "architecture.md").read_text(encoding="utf-8")
    paths = set(re.findall(r"`((?:argmap|tests)/[\w/.]+)`", text))
    names = set(re.findall(r"`([\w/]+\.(?:py|tcss))`", text)) - paths
    assert len(paths) > 15 and len(names) > 40
    missing = [path for path in paths if not (REPO / path.rstrip("/")).exists()]
    # a module named inside its package's row or paragraph: `reading.py`, `views/board.py`
    files = {f.as_posix() for f in (REPO / "argmap").rglob("*") if f.is_file()}
    missing += [name for name in names if not any(f.endswith("/" + name) for f in files)]
    assert not missing, f"docs/architecture.md names what does not exist: {sorted(missing)}"


def test_the_architecture_describes_every_package():
    text = (DOCS / "architecture.md").read_text(encoding="utf-8")
    packages = [
        init.parent.relative_to(REPO).as_posix() + "/"
        for init in (REPO / "argmap").rglob("__init__.py")
        if init.parent != REPO / "argmap"
    ]
    absent = [
        package
        for package in packages
        if f"`{package}`" not in text and f"`{package.split('/')[-2]}/`" not in text
    ]
    assert not absent, f"docs/architecture.md does not describe {absent}"


# ---------------------------------------------------------------------------- CLI reference


def commands(parser: argparse.ArgumentParser, path=("argmap",)):
    """(command path, parser) for every command and sub-command."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, command in action.choices.items():
                yield (*path, name), command
                yield from commands(command, (*path, name))


def test_every_command_and_option_is_in_the_cli_reference():
    page = (DOCS / "reference" / "cli.md").read_text(encoding="utf-8")
    undocumented = []
    for path, command in commands(build_parser()):
        if f"## {' '.join(path)}\n" not in page:
            undocumented.append(" ".join(path))
            continue
        section = page.split(f"## {' '.join(path)}\n", 1)[1].split("\n## ", 1)[0]
        for action in command._actions:
            for option in action.option_strings:
                if option not in section:
                    undocumented.append(f"{' '.join(path)} {option}")
    assert not undocumented, (
        f"not in docs/reference/cli.md: {undocumented}; run `cog -r docs/reference/cli.md`"
    )


@pytest.mark.skipif(
    sys.version_info[:2] != (3, 11), reason="the page holds Python 3.11's argparse layout"
)
def test_the_cli_reference_is_what_the_parser_prints_now():
    result = subprocess.run(
        [sys.executable, "-m", "cogapp", "--check", "docs/reference/cli.md"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"run `cog -r docs/reference/cli.md`\n{result.stderr}"


# ---------------------------------------------------------------------------- changelog


def test_the_changelog_names_this_version_as_the_latest_release():
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    released = re.findall(r"^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$", changelog, re.M)
    assert released and released[0] == argmap.__version__
