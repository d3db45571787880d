"""The top line (the issue and the views' tabs) and the status line at narrow terminal
widths, driven by Textual's Pilot: the issue stays readable and every view's key shown."""

from argmap.store import Workspace
from argmap.tui.app import VIEWS, ArgmapApp
from tests.tui.helpers import SIZE, press, run


def _top(app) -> tuple[str, str, int]:
    """(the issue as shown, the tab line, the columns the issue has)."""
    issue = app.query_one("#issue")
    return str(issue.render()), str(app.query_one("#tabs").render()), issue.region.width


def test_the_top_line_keeps_the_issue_and_every_views_key_as_the_terminal_narrows(
    workspace_file,
):
    with Workspace(workspace_file) as ws:
        issue = ws.codebook.issue
        labels = [label.name for label in ws.codebook.labels]
        statements = ws.status().statements

    async def go():
        app = ArgmapApp(workspace_file)
        async with app.run_test(size=SIZE) as pilot:
            _, tabs, _ = _top(app)
            assert all(f" {key} {title} " in tabs for _, title, key, _ in VIEWS.values())
            for width, height in ((100, 30), (80, 24)):
                await pilot.resize_terminal(width, height)
                await press(pilot, "T")
                shown, tabs, columns = _top(app)
                # the whole issue at 100 columns, its start and an ellipsis at 80
                assert columns >= min(len(issue) + 2, 40), (width, shown)
                assert issue.startswith(shown.strip().rstrip("…")) and len(shown.strip()) > 30
                assert " T Timeline " in tabs and "Sourcing" not in tabs
                assert all(f" {key} " in tabs for _, _, key, _ in VIEWS.values())
                assert app.query_one("#tabs").region.right <= width
                status = str(app.query_one("#status").render())
                assert f"{statements} statements" in status, (width, status)
                assert all(name in status for name in labels), (width, status)
            await press(pilot, "W")
            assert " W Sourcing " in _top(app)[1] and "Timeline" not in _top(app)[1]
            await pilot.resize_terminal(*SIZE)
            await pilot.pause()
            _, tabs, _ = _top(app)
            assert all(f" {key} {title} " in tabs for _, title, key, _ in VIEWS.values())
            assert "edits" in str(app.query_one("#status").render())

    run(go())
