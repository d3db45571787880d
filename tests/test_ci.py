"""Continuous integration runs the test command the README gives."""

from tests.helpers import REPO


def test_ci_runs_the_readme_test_command():
    command = (REPO / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert command in (REPO / "README.md").read_text(encoding="utf-8").splitlines()
