"""The UI when the workspace cannot take an edit: a message, and the app stays open."""

import time

from argmap.store import Workspace
from argmap.tui.app import ArgmapApp
from tests.helpers import digest
from tests.tui.helpers import SIZE, press, run


def test_an_edit_on_a_read_only_workspace_is_a_message_and_the_app_stays_open(
    read_only_workspace,
):
    before = digest(read_only_workspace)

    async def go():
        app = ArgmapApp(read_only_workspace)
        async with app.run_test(size=SIZE) as pilot:
            await press(pilot, "r")  # the review queue: 1 labels the statement in focus
            await press(pilot, "1")
            assert app.is_running and app.last_error is not None
            assert "read-only" in app.last_error
            await press(pilot, "u")  # undo has nothing of this app's to take back either
            assert app.is_running

    run(go())
    assert digest(read_only_workspace) == before


# ---------------------------------------------------------------------- edits from elsewhere


def test_an_edit_from_another_process_shows_up_and_is_not_undone_without_asking(
    workspace_file,
):
    from argmap.tui.dialogs import PickerScreen

    async def go():
        app = ArgmapApp(workspace_file)
        async with app.run_test(size=SIZE) as pilot:
            await press(pilot, "m")  # the map: no claims yet
            assert app.workspace.status().claims == 0
            with Workspace(workspace_file) as other:  # another shell's `argmap claim add`
                other.add_claim("Japan should integrate", kind="position", actor="bob")
            app.check_outside_changes()  # what the app does every second
            await pilot.pause(0.3)  # the status line is redrawn 0.15 s after a change
            status = str(app.query_one("#status").render())
            assert "1 claim" in status
            assert "bob" in (app.last_outside_note or "")
            await press(pilot, "u")  # bob's edit: the app asks first
            assert isinstance(app.screen, PickerScreen)
            assert (
                "bob" in app.screen.title_text
                and "not made in this window" in app.screen.title_text
            )
            await press(pilot, "escape")  # keep it
            assert app.workspace.status().claims == 1
            await press(pilot, "u", "down", "enter")  # now take it back after all
            assert app.workspace.status().claims == 0

    run(go())


def test_undo_takes_back_this_windows_own_edit_without_asking(workspace_file):
    from argmap.tui.dialogs import PickerScreen

    async def go():
        app = ArgmapApp(workspace_file)
        async with app.run_test(size=SIZE) as pilot:
            await press(pilot, "r", "1")  # label the first statement of the review queue
            [labelled] = [a for a in annotations_of_all(app) if a.annotator]
            await press(pilot, "u")
            assert not isinstance(app.screen, PickerScreen)
            assert labelled.statement_id not in {a.statement_id for a in annotations_of_all(app)}

    run(go())


def test_undo_takes_back_this_windows_own_edit_even_after_an_outside_edit(workspace_file):
    async def go():
        app = ArgmapApp(workspace_file)
        async with app.run_test(size=SIZE) as pilot:
            await press(pilot, "r")  # the review queue, shown before its first key
            await press(pilot, "1")
            own = app.workspace.next_edit("undo")
            with Workspace(workspace_file) as other:
                other.add_claim("Japan should integrate", kind="position", actor="bob")
            # the app has not looked yet: its undo takes back its own label, not bob's claim
            await press(pilot, "u")
            assert own.id in app.own_edits and app.workspace.status().claims == 1
            assert not any(a.annotator == app.actor for a in annotations_of_all(app))
            assert app.workspace.next_edit("undo").actor == "bob"
            await press(pilot, "U")  # and redo makes it again, without asking
            assert [a.annotator for a in annotations_of_all(app)] == [app.actor]

    run(go())


def annotations_of_all(app):
    return app.workspace.annotations()


def test_a_damaged_workspace_is_reported_by_the_background_check_and_the_app_stays_open(
    workspace_file,
):
    from argmap.tui.dialogs import ErrorScreen
    from tests.helpers import damage_table

    damage_table(workspace_file, "annotations")  # the first screen reads none: it opens
    before = digest(workspace_file)

    async def go():
        app = ArgmapApp(workspace_file)
        async with app.run_test(size=SIZE) as pilot:
            # the check starts half a second after the first screen and reports by itself;
            # waiting on its worker would re-raise the error it reports
            started = time.monotonic()
            while not isinstance(app.screen, ErrorScreen) and time.monotonic() - started < 10:
                await pilot.pause(0.1)
            assert isinstance(app.screen, ErrorScreen)
            assert "the workspace file is damaged" in (app.last_error or "")
            await press(pilot, "escape", "r", "1")  # an edit is refused, not written
            assert app.is_running

    run(go())
    assert digest(workspace_file) == before
