"""Helpers for the workspace tests: a workspace holding the seed article."""

from pathlib import Path

from tests.helpers import REPO

from argmap.codebook import load_codebook
from argmap.io.reading import load_documents
from argmap.store import Workspace

SEED = REPO / "seeds" / "japan-us-integration.txt"
CODEBOOK = REPO / "seeds" / "japan-us-integration.codebook.toml"


def seed_workspace(directory: Path) -> Workspace:
    """A new workspace in ``directory`` with the test codebook and the seed article added."""
    workspace = Workspace.init(directory, codebook=load_codebook(CODEBOOK))
    workspace.add_documents(load_documents([SEED]))
    return workspace


def by_speaker(workspace: Workspace, name: str):
    """The statements of the speaker called ``name``."""
    from argmap.store import StatementFilter

    (speaker,) = workspace.find_speakers(name)
    return workspace.statements(StatementFilter(speaker=speaker.id))
