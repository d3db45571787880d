"""Helpers for the terminal UI tests: a workspace holding the seed article with the seed codebook."""

import shutil
from pathlib import Path

from argmap.codebook import load_codebook
from argmap.reading import load_documents
from argmap.store import Workspace
from conftest import REPO

SEED = REPO / "seeds" / "japan-us-integration.txt"
SEED_CODEBOOK = REPO / "seeds" / "japan-us-integration.codebook.toml"


def build_seed_workspace(directory: Path) -> Path:
    """A workspace file in ``directory`` with the seed codebook and the seed article added."""
    with Workspace.init(directory, codebook=load_codebook(SEED_CODEBOOK)) as workspace:
        workspace.add_documents(load_documents([SEED]))
        return workspace.path


def copy_workspace(template: Path, directory: Path) -> Path:
    """A copy of the workspace file ``template`` in ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / template.name
    shutil.copyfile(template, target)
    return target
