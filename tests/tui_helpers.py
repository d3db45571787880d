"""Helpers for the terminal UI tests: a workspace holding the seed article with the seed codebook,
running a Pilot test, pressing keys."""

import asyncio
import shutil
from contextlib import asynccontextmanager
from pathlib import Path

from tests.helpers import REPO

from argmap.codebook import load_codebook
from argmap.io.reading import load_documents
from argmap.store import Workspace

SEED = REPO / "seeds" / "japan-us-integration.txt"
SEED_CODEBOOK = REPO / "seeds" / "japan-us-integration.codebook.toml"


def build_seed_workspace(directory: Path, *, fixed_suggestions: bool = False) -> Path:
    """A workspace file in ``directory`` with the seed codebook and the seed article added.

    ``fixed_suggestions``: suggestions cycle through the labels instead of coming from the
    stance model, so snapshots show the UI and do not change when the model does.
    """
    from unittest import mock

    with Workspace.init(directory, codebook=load_codebook(SEED_CODEBOOK)) as workspace:
        if fixed_suggestions:
            with mock.patch("argmap.store.documents.stance_suggestions", fixed_stance_suggestions):
                workspace.add_documents(load_documents([SEED]))
        else:
            workspace.add_documents(load_documents([SEED]))
        return workspace.path


def fixed_stance_suggestions(codebook, texts, contexts, model=None):
    """Suggestions that cycle through the codebook's labels with fixed scores."""
    from argmap.models import Suggestion

    ids = codebook.label_ids
    out = []
    for i, _ in enumerate(texts):
        label, score = ids[i % len(ids)], 0.4 + 0.1 * (i % 5)
        rest = (1 - score) / (len(ids) - 1)
        out.append(
            Suggestion(
                label=label,
                score=score,
                scores={x: score if x == label else rest for x in ids},
                model="fixed",
                model_version="test",
                explanation=f"fixed suggestion {i}",
            )
        )
    return out


def copy_workspace(template: Path, directory: Path) -> Path:
    """A copy of the workspace file ``template`` in ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / template.name
    shutil.copyfile(template, target)
    return target


def run(coro):
    """Run a Pilot test's coroutine."""
    return asyncio.run(coro)


async def press(pilot, *keys):
    """Press ``keys`` and wait until the app has handled them and redrawn."""
    await pilot.press(*keys)
    await pilot.pause()


@asynccontextmanager
async def documents_view(workspace_file, size=(160, 48)):
    """The app on ``workspace_file`` in a terminal of ``size``, in the documents view: (app, pilot, view)."""
    from argmap.tui.app import ArgmapApp

    app = ArgmapApp(workspace_file)
    async with app.run_test(size=size) as pilot:
        await press(pilot, "d")
        yield app, pilot, app.view("documents")
