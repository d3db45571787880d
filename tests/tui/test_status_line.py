"""The status line counts statements the reviewers disagree on, as they come in."""

import time

from argmap.store import Workspace
from argmap.tui.app import ArgmapApp
from tests.tui.helpers import SIZE, run


def test_the_status_line_counts_disputed_statements(workspace_file):
    async def go():
        app = ArgmapApp(workspace_file)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause(0.3)
            assert "disputed" not in str(app.query_one("#status").render())
            with Workspace(workspace_file) as other:  # two reviewers' answers come in
                first, second = (row.id for row in other.statements(limit=2))
                labels = other.codebook_outline.label_ids
                for statement in (first, second):
                    other.set_stance(statement, labels[0], annotator="alice")
                other.set_stance(first, labels[1], annotator="bob")
                other.set_stance(second, labels[0], annotator="bob")
            # the app looks every second and redraws its status line soon after
            started = time.monotonic()
            while "disputed" not in str(app.query_one("#status").render()):
                assert time.monotonic() - started < 5, "the status line never counted it"
                await pilot.pause(0.1)
            assert "· 1 disputed ·" in str(app.query_one("#status").render())

    run(go())
