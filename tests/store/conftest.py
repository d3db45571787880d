"""Fixtures of the workspace-store tests."""

import pytest

from tests.helpers import seed_workspace


@pytest.fixture
def unsuggested_ws(tmp_path, monkeypatch):
    """The seed workspace without model suggestions, for tests that follow people's edits
    alone (suggestions, even when argmap.stance is installed, would give unlabelled statements
    a label)."""
    monkeypatch.setattr("argmap.store.documents.stance_suggestions", lambda *args, **kwargs: None)
    with seed_workspace(tmp_path) as workspace:
        yield workspace
