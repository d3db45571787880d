"""Fixtures every area of the tests uses: the shared data, the seed workspace, a packet.

Area fixtures are in the conftest.py of each folder; plain helpers in helpers.py.
"""

import shutil
import subprocess
from pathlib import Path

import pytest

from argmap.store import Workspace
from tests.helpers import (
    PACKET_FIXTURE,
    POLNEAR,
    POLNEAR_DEV_GOLD,
    SHARED,
    copy_workspace,
    immutable,
    seed_workspace,
)


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder; skips the test when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent")
    return SHARED


@pytest.fixture(scope="session")
def polnear_dev() -> Path:
    """PolNeAR's dev split in ../shared (text, attributions, and its gold file beside);
    skips the test when it is absent."""
    dev = POLNEAR / "dev"
    if not ((dev / "text").is_dir() and (dev / "attributions").is_dir()):
        pytest.skip(f"PolNeAR dev is absent ({dev})")
    if not POLNEAR_DEV_GOLD.is_file():
        pytest.skip(f"PolNeAR dev gold is absent ({POLNEAR_DEV_GOLD})")
    return dev


@pytest.fixture
def ws(tmp_path):
    """The seed workspace (seed codebook, seed article, the stance model's suggestions),
    open, in ``tmp_path`` itself."""
    with seed_workspace(tmp_path) as workspace:
        yield workspace


@pytest.fixture(scope="session")
def seed_template(tmp_path_factory) -> Path:
    """A workspace file holding the seed article, built once (tests get copies)."""
    with seed_workspace(tmp_path_factory.mktemp("seed")) as workspace:
        return workspace.path


@pytest.fixture
def workspace_file(seed_template, tmp_path) -> Path:
    """The path of a copy of the seed workspace (closed), in ``tmp_path / "ws"``."""
    return copy_workspace(seed_template, tmp_path / "ws")


@pytest.fixture
def packet_path(tmp_path) -> Path:
    """A fresh copy of the five-item seed packet (suggestions: pro-integration,
    sovereignty-concern, neutral, pro, anti)."""
    path = tmp_path / "alice.json"
    shutil.copy(PACKET_FIXTURE, path)
    return path


@pytest.fixture
def read_only_workspace(workspace_file):
    """The seed workspace, its file made immutable (undone after the test)."""
    with Workspace(workspace_file) as workspace:  # SQLite makes its -wal and -shm files
        workspace.statements(limit=1)
    if not immutable(workspace_file):
        pytest.skip("chattr +i is not available here (needs a Linux file system and root)")
    yield workspace_file
    subprocess.run(["chattr", "-i", str(workspace_file)], check=False)
