"""The wheel holds every file the installed package needs (CI also installs it and opens the
UI from it: .ci/wheel-smoke)."""

import subprocess
import sys
import zipfile

import pytest

from tests.helpers import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", str(out), str(REPO)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0 and "Could not find a version" in done.stderr:
        pytest.skip("no package index to fetch the build backend from")
    assert done.returncode == 0, done.stderr
    [built] = out.glob("argmap-*.whl")
    return built


def test_the_wheel_holds_every_package_file_that_is_not_python(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    needed = {
        path.relative_to(REPO).as_posix()
        for path in (REPO / "argmap").rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
    }
    assert needed and {"argmap/tui/argmap.tcss", "argmap/py.typed"} <= needed
    assert needed <= names, f"left out of the wheel: {sorted(needed - names)}"


def test_the_wheel_holds_every_module(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = {p.relative_to(REPO).as_posix() for p in (REPO / "argmap").rglob("*.py")}
    assert modules <= names, f"left out of the wheel: {sorted(modules - names)}"
