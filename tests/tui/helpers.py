"""Helpers for the terminal UI tests: running a Pilot test, pressing keys and typing, the
documents view, a seed workspace with fixed suggestions."""

import asyncio
from contextlib import asynccontextmanager
from pathlib import Path

from argmap.store import Workspace
from tests.helpers import seed_workspace

#: The terminal size of the UI tests (the snapshots' too).
SIZE = (160, 48)


def run(coro):
    """Run a Pilot test's coroutine."""
    return asyncio.run(coro)


async def press(pilot, *keys):
    """Press ``keys`` and wait until the app has handled them and redrawn."""
    await pilot.press(*keys)
    await pilot.pause()


async def type_text(pilot, text):
    """Type ``text`` key by key."""
    for char in text:
        await pilot.press("space" if char == " " else char)


async def filter_statements(pilot, query):
    """In the statements view, type ``query`` in the filter line and apply it."""
    await press(pilot, "s", "slash")
    await type_text(pilot, query)
    await press(pilot, "enter")


@asynccontextmanager
async def documents_view(workspace_file, size=(160, 48)):
    """The app on ``workspace_file`` in a terminal of ``size``, in the documents view: (app,
    pilot, view)."""
    from argmap.tui.app import ArgmapApp

    app = ArgmapApp(workspace_file)
    async with app.run_test(size=size) as pilot:
        await press(pilot, "d")
        yield app, pilot, app.view("documents")


def annotations_of(path, statement_id):
    """The annotations of a statement, read from the workspace file (not the app's connection)."""
    with Workspace(path) as ws:
        return ws.annotations(statement_id)


def fixed_seed_workspace(directory: Path) -> Path:
    """The path of a seed workspace in ``directory`` whose suggestions cycle through the labels
    instead of coming from the stance model, so snapshots show the UI and do not change when the
    model does."""
    from unittest import mock

    with (
        mock.patch("argmap.store.documents.stance_suggestions", fixed_stance_suggestions),
        seed_workspace(directory) as workspace,
    ):
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
