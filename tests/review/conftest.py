"""Fixtures of the reviewer-work tests."""

import pytest

from argmap.codebook import load_codebook
from argmap.io.reading import load_documents
from argmap.store import Workspace
from tests.helpers import REVIEW_CODEBOOK, SEED


@pytest.fixture
def review_ws(tmp_path):
    """A workspace holding the seed article, under the reviewer-work test codebook."""
    workspace = Workspace.init(tmp_path / "ws", codebook=load_codebook(REVIEW_CODEBOOK))
    workspace.add_documents(load_documents([str(SEED)]))
    with workspace:
        yield workspace
