"""The status line counts statements the reviewers disagree on and shows how far they agree
(Krippendorff's alpha, as `argmap agreement` gives it), as their answers come in."""

import contextlib
import io
import json
import time

import pytest

from argmap.cli import main
from argmap.review.agreement import agreement
from argmap.review.ratings import workspace_ratings
from argmap.store import Workspace
from argmap.tui.app import ArgmapApp
from tests.helpers import seed_workspace
from tests.tui.helpers import SIZE, run


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request, workspace_file):
    """A seed workspace on each backend: its file, or its database's connection string."""
    if request.param == "sqlite":
        return str(workspace_file)
    url = request.getfixturevalue("postgres_url")
    seed_workspace(url).close()
    return url


def status(app) -> str:
    return str(app.query_one("#status").render())


async def until(pilot, app, shown: str, seconds: float = 10) -> str:
    """The status line once it holds ``shown``: the app looks every second for others' edits and
    measures agreement in a thread after that (fails after ``seconds``)."""
    started = time.monotonic()
    while shown not in status(app):
        assert time.monotonic() - started < seconds, f"never {shown!r}: {status(app)!r}"
        await pilot.pause(0.1)
    return status(app)


def cli_alpha(target) -> tuple[str, int]:
    """Alpha as ``argmap agreement`` gives it for ``target`` (the library call the CLI makes,
    and the CLI's own JSON agreeing with it): ('0.412' or 'undefined', the items it rests on)."""
    with Workspace(target) as ws:
        report = agreement(workspace_ratings(ws), ws.codebook.label_ids)
    out = io.StringIO()  # the app under test holds sys.stdout: the CLI writes here instead
    with contextlib.redirect_stdout(out):
        code = main(["agreement", "--format", "json", "--workspace", target])
    assert code == 0
    assert json.loads(out.getvalue())["alpha"] == report.alpha.model_dump(mode="json")
    return str(report.alpha), report.alpha.items


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


def test_the_status_line_shows_alpha_once_a_second_reviewer_answers(target):
    async def go():
        app = ArgmapApp(target)
        async with app.run_test(size=SIZE) as pilot:
            with Workspace(target) as other:
                ids = [row.id for row in other.statements(limit=4)]
                labels = other.codebook_outline.label_ids
                names = [label.name for label in other.codebook.labels]
                before = status(app)
                # one reviewer: labels, and no agreement to speak of
                for statement, label in zip(ids, (0, 1, 0, 2), strict=True):
                    other.set_stance(statement, labels[label], annotator="alice")
                started = time.monotonic()
                while status(app) == before:  # the app saw alice's labels ...
                    assert time.monotonic() - started < 10, "the app never saw alice's labels"
                    await pilot.pause(0.1)
                await app.workers.wait_for_complete()  # ... and measured after seeing them
                await pilot.pause()
                assert "α" not in status(app) and app.agreement is None
                assert "disputed" not in status(app)

                # bob agrees on the two alice gave the first label: alpha is undefined (every
                # paired label the same: no variation), shown as "α –"
                for statement in (ids[0], ids[2]):
                    other.set_stance(statement, labels[0], annotator="bob")
                assert cli_alpha(target) == ("undefined", 2)
                shown = await until(pilot, app, "α – over 2 items")
                assert "disputed" not in shown

                # bob's next answers differ from alice's: the figure `argmap agreement` gives
                other.set_stance(ids[1], labels[2], annotator="bob")
                other.set_stance(ids[3], labels[1], annotator="bob")
                other.set_stance(ids[3], labels[0], annotator="carol")
            alpha, items = cli_alpha(target)
            assert alpha not in ("undefined", "0.000") and items == 4
            shown = await until(pilot, app, f"· α {alpha} over 4 items · 2 disputed ·")

            # narrower, the counts go first, then the items alpha rests on, then alpha and the
            # disputed count; the stance counts stay
            forms = []
            for width in range(160, 79, -10):
                await pilot.resize_terminal(width, 24)
                await pilot.pause()
                line = status(app)
                assert len(line.rstrip()) <= width and all(n in line for n in names), line
                assert "document" not in line or "over 4 items" in line, line
                assert "over 4 items" not in line or f"α {alpha} " in line, line
                assert f"α {alpha}" not in line or "2 disputed" in line, line
                forms.append("full" if "over 4 items" in line else "short" if "α" in line else "")
            assert forms[0] == "full" and "short" in forms, forms

    run(go())
