"""Two people on one PostgreSQL workspace: an open UI sees the other's edits by itself within
a second or two (it looks every second), says whose they are, and asks before undoing them."""

import time

import pytest

from tests.helpers import seed_workspace
from tests.tui.helpers import SIZE, press, run

pytest.importorskip("psycopg", reason="the 'postgresql' extra is not installed")


def test_an_open_ui_shows_another_analysts_edit_within_two_seconds(postgres_url):
    from argmap.store import Workspace
    from argmap.tui.app import ArgmapApp
    from argmap.tui.dialogs import PickerScreen

    seed_workspace(postgres_url).close()

    async def go():
        app = ArgmapApp(postgres_url)
        async with app.run_test(size=SIZE) as pilot:
            await press(pilot, "m")  # the map: no claims yet
            assert app.workspace.status().claims == 0
            with Workspace(postgres_url) as other:  # bob, at another machine
                other.add_claim("Japan should integrate", kind="position", actor="bob")
            started = time.monotonic()
            while "bob" not in (app.last_outside_note or ""):
                assert time.monotonic() - started < 2.5, "the UI did not see bob's edit"
                await pilot.pause(0.1)
            await pilot.pause(0.3)  # the status line is redrawn 0.15 s after a change
            assert "1 claim" in str(app.query_one("#status").render())
            await press(pilot, "u")  # bob's edit: the app asks first
            assert isinstance(app.screen, PickerScreen) and "bob" in app.screen.title_text
            await press(pilot, "escape")
            assert app.workspace.status().claims == 1
            with Workspace(postgres_url) as other:  # bob takes his claim back
                other.undo(actor="bob", by="bob")
            started = time.monotonic()
            while "undo" not in (app.last_outside_note or ""):
                assert time.monotonic() - started < 2.5, "the UI did not see bob's undo"
                await pilot.pause(0.1)
            assert "the latest: undo edit" in app.last_outside_note
            assert "Japan should integrate" in app.last_outside_note
            # this window's own edit and its undo are never news from outside
            await press(pilot, "s")
            await press(pilot, "1")  # a label on the first statement
            assert [a.annotator for a in app.workspace.annotations()] == [app.actor]
            await press(pilot, "u")
            assert app.workspace.annotations() == []
            assert app.last_error is None and not isinstance(app.screen, PickerScreen)
            app.last_outside_note = None
            app._data_version = -1  # look now
            app.check_outside_changes()
            assert app.last_outside_note is None

    run(go())
