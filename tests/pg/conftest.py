"""Fixtures of the tests of several people on one workspace, on both backends."""

import pytest

from tests.helpers import seed_workspace


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request, tmp_path):
    """A seed workspace on each backend: its file, or its database's connection string."""
    if request.param == "sqlite":
        with seed_workspace(tmp_path) as workspace:
            return str(workspace.path)
    url = request.getfixturevalue("postgres_url")
    seed_workspace(url).close()
    return url
