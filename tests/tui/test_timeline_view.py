"""The timeline and sourcing views driven by Textual's Pilot on the ``DEBATE`` fixture: the
chart's point under the cursor gives the store's counts, the cursor moves between time points
and groups, enter opens the statements behind a point (or a cell) in the statements view, and
the statements filter's new terms (position:, speaker:-) select what the timeline counted."""

import pytest

from argmap.store import StatementFilter
from argmap.store.timeline import timeline
from argmap.tui.app import ArgmapApp
from argmap.tui.views.statements import parse_query
from tests.helpers import copy_workspace, debate_workspace
from tests.tui.helpers import SIZE, filter_statements, press, run, type_text


@pytest.fixture(scope="module")
def debate_template(tmp_path_factory):
    with debate_workspace(tmp_path_factory.mktemp("debate")) as workspace:
        return workspace.path


@pytest.fixture
def debate_file(debate_template, tmp_path):
    return copy_workspace(debate_template, tmp_path / "ws")


def point_line(view) -> str:
    return str(view.query_one("#timeline-point").render())


def test_the_cursor_moves_between_time_points_and_shows_their_counts(debate_file):
    async def go():
        app = ArgmapApp(debate_file, view="timeline")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            view = app.view("timeline")
            data = timeline(app.workspace, every="month")
            assert [p.key for p in view.data.periods] == [p.key for p in data.periods]
            # the cursor starts on the latest month: July (June has no statement)
            assert view.point == 4 and "2024-07 (2024-07-01 to 2024-07-31)" in point_line(view)
            await press(pilot, "left")
            assert "2024-06" in point_line(view) and "0 statements" in point_line(view)
            await press(pilot, "left", "left")
            text = point_line(view)
            assert "2024-04 (2024-04-01 to 2024-04-30) · all statements: 10 statements" in text
            counts = data.counts("2024-04")
            for label in data.labels:
                name = app.labels.name(label)
                share = data.share("2024-04", None, label)
                assert f"{name}  {counts.get(label, 0)} {share:.0%}" in text
            await press(pilot, "left", "left", "left")  # stops at the first month
            assert view.point == 0 and "2024-03" in point_line(view)
            # week by week: the cursor goes to the latest week
            await press(pilot, "w")
            assert view.every == "week" and view.data.periods[view.point].key == "2024-W28"
            assert "1 without a date (not on the chart)" in str(
                view.query_one("#timeline-head").render()
            )

    run(go())


def test_enter_opens_the_statements_behind_the_point(debate_file):
    async def go():
        app = ArgmapApp(debate_file, view="timeline")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            view = app.view("timeline")
            await press(pilot, "g")  # split by outlet
            assert view.by == "outlet"
            names = [g.name for g in view.groups]
            assert names == ["The Example Times", "The Post", "nytimes.com", "(no outlet)"]
            await press(pilot, "down")  # The Post
            await press(pilot, "left", "left", "left")  # April
            assert "2024-04" in point_line(view) and "The Post: 2 statements" in point_line(view)
            await press(pilot, "enter")
            assert app.current == "statements"
            statements = app.view("statements")
            query = statements.query_one("#statements-query").value
            assert query == "since:2024-04-01 until:2024-04-30 outlet:=The_Post"
            shown = {statements.table.row(i).text for i in range(statements.table.total)}
            assert shown == {
                "Command and control will stay in Japanese hands",
                "Nobody believes that",
            }

    run(go())


def check_every_point(app, view):
    """Each point of each group: the statements filter enter would open keeps exactly the
    statements the timeline counted there."""
    data = view.data
    for index, group in enumerate(data.groups):
        view.group_index = index
        for point, period in enumerate(data.periods):
            view.point = point
            query = view.point_query()
            filter, words, problem = parse_query(app.workspace, query)
            assert not words and problem is None
            assert app.workspace.count_statements(filter) == data.total(period.key, group.id), query


def test_every_split_opens_what_was_counted(debate_file):
    async def go():
        app = ArgmapApp(debate_file, view="timeline")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            view = app.view("timeline")
            for split in ("outlet", "speaker", "position", "label"):
                await press(pilot, "g")
                assert view.by == split
                for source in ("any", "human"):
                    if view.source != source:
                        await press(pilot, "h")
                    check_every_point(app, view)
            assert view.data.by == "label" and view.source == "human"
            assert [g.name for g in view.groups][-1] == "(no label)"
            assert "people's labels only" in str(view.query_one("#timeline-head").render())
            await press(pilot, "h", "g", "g", "g", "g")  # position again
            assert view.by == "position" and view.data.several == 1
            await press(pilot, "g", "g")  # label, then back to all statements
            assert view.by is None and len(view.groups) == 1
            assert "100%" not in app.export_screenshot()
            await press(pilot, "v")  # shares: the y axis runs to 100%
            assert view.shares and "100%" in app.export_screenshot()

    run(go())


def test_the_no_outlet_group_opens_its_statements(debate_file):
    async def go():
        app = ArgmapApp(debate_file, view="timeline")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            view = app.view("timeline")
            await press(pilot, "g", "down", "down", "down")  # (no outlet)
            assert view.group.name == "(no outlet)"
            groups = view.query_one("#timeline-groups")
            assert groups.get_row_at(3)[1:] and str(groups.get_row_at(3)[2]) == "1"  # undated
            await press(pilot, "left", "left", "left", "enter")  # April: the blog's statement
            assert app.current == "statements"
            statements = app.view("statements")
            assert statements.query_one("#statements-query").value.endswith("outlet:-")
            shown = [statements.table.row(i).text for i in range(statements.table.total)]
            assert shown == ["The treaty was never meant for this"]

    run(go())


def test_n_opens_the_statements_without_a_date_the_timeline_counts_apart(debate_file):
    """Each group's 'no date' count opens as statements (``since:-``), split or not, and the
    statements view then lists exactly those the timeline counted apart."""

    async def go():
        app = ArgmapApp(debate_file, view="timeline")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            view = app.view("timeline")
            undated = view.data.undated
            assert undated and f"n: its {undated} statement" in point_line(view)
            for split in (None, "outlet", "speaker"):
                while view.by != split:
                    await press(pilot, "g")
                for index, group in enumerate(view.groups):
                    view.group_index = index
                    query = view.undated_query()
                    if not group.undated:
                        assert query is None
                        continue
                    await press(pilot, "n")
                    assert app.current == "statements"
                    statements = app.view("statements")
                    assert statements.query_text == query and "since:-" in query
                    assert statements.table.total == group.undated, (split, group.name)
                    await press(pilot, "T")
            statements = app.view("statements")
            rows = [statements.table.row(i) for i in range(statements.table.total)]
            dated = {d.id for d in app.workspace.documents() if d.published}
            assert rows and all(row.document not in dated for row in rows)

    run(go())


def test_the_timeline_filter(debate_file):
    async def go():
        app = ArgmapApp(debate_file, view="timeline")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            view = app.view("timeline")
            await press(pilot, "slash")
            await type_text(pilot, "outlet:nytimes since:2024-04-15")
            await press(pilot, "enter")
            assert view.data.statements == 2 and [p.key for p in view.data.periods] == ["2024-04"]
            # enter keeps the filter's own days where they are narrower than the point's
            assert view.point_query() == "outlet:nytimes since:2024-04-15 until:2024-04-30"

    run(go())


def test_a_workspace_without_dates_says_so(workspace_file):
    async def go():
        app = ArgmapApp(workspace_file, view="timeline")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            view = app.view("timeline")
            assert "without a date" in point_line(view)
            await press(pilot, "left", "enter")  # nothing to move to or open
            assert app.current == "timeline"
            await press(pilot, "n")  # but its statements without a date: all of them
            assert app.current == "statements"
            assert app.view("statements").table.total == app.workspace.count_statements()

    run(go())


def test_the_sourcing_view_opens_a_cells_statements(debate_file):
    async def go():
        app = ArgmapApp(debate_file, view="sourcing")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            view = app.view("sourcing")
            assert [o.name for o in view.outlets] == [
                "The Example Times",
                "The Post",
                "nytimes.com",
                "(no outlet)",
            ]
            assert view.speakers[0].name in ("Kishida Fumio", "Tanaka Hitoshi")  # 5 each
            # every cell opens the statements the view counted there
            for row in range(len(view.speakers) + 1):
                for column in range(2, len(view.outlets) + 2):
                    view.table.cursor_coordinate = (row, column)
                    query = view.point_query()
                    speaker, outlet = view.selected()
                    cell = view.data.cell(outlet.id, speaker.id) if speaker else None
                    expected = cell.statements if cell else (0 if speaker else outlet.statements)
                    filter, _, problem = parse_query(app.workspace, query)
                    assert problem is None
                    assert app.workspace.count_statements(filter) == expected, query
            view.table.cursor_coordinate = (1, 2)  # the most quoted speaker in The Example Times
            await pilot.pause()
            speaker = view.speakers[0]
            assert f"{speaker.name} in The Example Times" in str(
                view.query_one("#sourcing-cell").render()
            )
            await press(pilot, "enter")
            assert app.current == "statements"
            statements = app.view("statements")
            assert {statements.table.row(i).speaker for i in range(statements.table.total)} == {
                speaker.name
            }

    run(go())


def test_position_and_no_speaker_terms_in_the_statements_filter(debate_file):
    from argmap.store import Workspace

    with Workspace(debate_file) as ws:
        deterrence = next(c for c in ws.claims() if c.text.startswith("Integration strengthens"))
        filter, _, problem = parse_query(ws, "position:strengthens")
        assert problem is None and filter == StatementFilter(position=deterrence.id)
        assert ws.count_statements(filter) == 5  # four dated, one undated
        assert parse_query(ws, f"position:{deterrence.id[:8]}")[0].position == deterrence.id
        assert parse_query(ws, "position:-")[0] == StatementFilter(position="")
        assert parse_query(ws, "speaker:none")[0] == StatementFilter(speaker="")
        assert ws.count_statements(StatementFilter(speaker="")) == 0
        # outlet:- : documents without an outlet, with metadata (the blog) or none (notes.md)
        assert parse_query(ws, "outlet:-")[0] == StatementFilter(outlet=("",))
        without = {r.text for r in ws.statements(StatementFilter(outlet=("",)), limit=100)}
        assert without == {
            "The treaty was never meant for this",
            "Deterrence begins with a credible alliance",
        }
        _, _, problem = parse_query(ws, "position:nowhere")
        assert problem == "no position like 'nowhere'"


def test_a_position_term_matching_several_positions_is_refused_as_in_the_cli(debate_file):
    """``position:integration`` holds in both positions' texts: the UI names them and shows
    nothing, as ``argmap statements --position integration`` refuses it (it used to take the
    first one silently)."""

    async def go():
        app = ArgmapApp(debate_file)
        async with app.run_test(size=SIZE) as pilot:
            await filter_statements(pilot, "position:integration")
            view = app.view("statements")
            info = str(view.query_one("#statements-info").render())
            assert view.table.total == 0 and "several positions match 'integration': " in info
            assert "(Integration strengthens deterrence)" in info
            assert "(Integration erodes sovereignty)" in info
            await press(pilot, "slash", "end", "ctrl+u")
            await type_text(pilot, "position:integration_strengthens")
            await press(pilot, "enter")  # one position: its statements
            assert view.query_text == "position:integration_strengthens"
            assert view.table.total == 5  # four dated, one undated

    run(go())


def _scaled(found, times: int):
    """``found`` (a ``Sourcing``) with every count multiplied by ``times``."""
    from dataclasses import replace

    def scale(item):
        return replace(item, counts={label: n * times for label, n in item.counts.items()})

    return replace(
        found,
        cells=tuple(scale(c) for c in found.cells),
        outlets=tuple(scale(o) for o in found.outlets),
        speakers=tuple(scale(s) for s in found.speakers),
    )


def test_the_sourcing_views_cells_hold_counts_of_five_and_six_digits(debate_file, monkeypatch):
    """The debate's counts times 1,000 and 10,000 (as a big workspace's): every cell's count
    and its whole stance bar fit its column."""
    import argmap.tui.views.sourcing as module

    counted = module.sourcing
    for times in (1_000, 10_000):
        monkeypatch.setattr(
            module, "sourcing", lambda *a, times=times, **k: _scaled(counted(*a, **k), times)
        )

        async def go(times=times):
            app = ArgmapApp(debate_file, view="sourcing")
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                view = app.view("sourcing")
                assert view.data.statements >= 10 * times  # 5 or 6 digits in the "all" cell
                columns = view.table.ordered_columns
                for row in range(view.table.row_count):
                    for column, cell in enumerate(view.table.get_row_at(row)[1:], start=1):
                        if not cell.plain:
                            continue
                        count, bar = cell.plain.split()
                        assert int(count) % times == 0
                        assert bar == "█" * module.BAR
                        assert cell.cell_len <= columns[column].width, (row, column, cell.plain)

        run(go())
