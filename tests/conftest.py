"""Shared test fixtures."""

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
