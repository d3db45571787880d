"""Fixtures every area of the tests uses: the shared data folder and the seed workspace."""

from pathlib import Path

import pytest

from tests.helpers import SHARED


@pytest.fixture
def shared() -> Path:
    """The ../shared folder; skips the test when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent")
    return SHARED


@pytest.fixture(scope="module")
def seed_template(tmp_path_factory) -> Path:
    """A workspace file holding the seed article, built once per test module (copy it to edit)."""
    from tests.tui_helpers import build_seed_workspace

    return build_seed_workspace(tmp_path_factory.mktemp("seed"))


@pytest.fixture
def workspace_file(seed_template, tmp_path) -> Path:
    """A copy of the seed workspace for one test."""
    from tests.tui_helpers import copy_workspace

    return copy_workspace(seed_template, tmp_path / "ws")
