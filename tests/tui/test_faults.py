"""The UI when the workspace cannot take an edit: a message, and the app stays open."""

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
