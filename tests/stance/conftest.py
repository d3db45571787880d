"""Fixtures of the stance tests: the two debates' codebooks and their codebook models."""

import pytest

from argmap.codebook import load_codebook
from argmap.stance.codebook_model import CodebookModel
from tests.helpers import ELECTION_CODEBOOK, SEED_CODEBOOK


@pytest.fixture(scope="module")
def japan_codebook():
    """The seed debate's codebook (Japan-US military integration)."""
    return load_codebook(SEED_CODEBOOK)


@pytest.fixture(scope="module")
def japan_model(japan_codebook):
    """The codebook model of the seed debate."""
    return CodebookModel(japan_codebook)


@pytest.fixture(scope="module")
def election_model():
    """The codebook model of the 2016 US election."""
    return CodebookModel(load_codebook(ELECTION_CODEBOOK))
