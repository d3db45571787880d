"""Documents' metadata in the terminal UI: the documents view shows it, the statements view's
filter line takes outlet:, author:, since: and until:, and its outlets facet filters by one."""

import pytest

from argmap.store import StatementFilter
from argmap.tui.app import ArgmapApp
from tests.helpers import news_workspace
from tests.tui.helpers import SIZE, press, run, type_text


@pytest.fixture
def news_file(tmp_path):
    """The path of a closed workspace with the seed and the four NEWS articles."""
    with news_workspace(tmp_path) as workspace:
        post = next(d for d in workspace.documents() if d.name == "post-kishida.md")
        workspace.set_document_metadata(post.id, url="https://post.example/talks")
        return workspace.path


def _panel(view) -> str:
    return "\n".join(
        f"{name}: {value if isinstance(value, str) else value.plain}"
        for name, value in view.query_one("#doc-panel").fields
    )


def test_the_documents_view_shows_a_documents_outlet_date_and_metadata(news_file):
    async def go():
        app = ArgmapApp(news_file)
        async with app.run_test(size=SIZE) as pilot:
            await press(pilot, "d")
            view = app.view("documents")
            title = view.query_one("#doc-title").render()
            assert "japan-us-integration.txt" in str(title) and "·" not in str(title)
            assert "outlet:" not in _panel(view)  # the seed has no metadata
            nyt = next(d.id for d in app.workspace.documents() if d.name == "nyt-tanaka.md")
            view.document_id = nyt
            await pilot.pause()
            title = str(view.query_one("#doc-title").render())
            assert " nyt-tanaka.md  nytimes.com · 2024-04-30 " in title
            panel = _panel(view)
            assert "title: In Tokyo, doubts" in panel and "authors: Cy Diaz" in panel
            assert "speaker: Tanaka Hitoshi" in panel
            await press(pilot, "right_square_bracket")
            panel = _panel(view)
            assert "published: 2024-06-15T23:30:00+09:00" in panel
            assert "url: https://post.example/talks (set by hand)" in panel
            # an edit from elsewhere (the command line) shows when the view is refreshed
            app.workspace.set_document_metadata(view.document_id, outlet="The Post (Tokyo)")
            view.refresh_data()
            await pilot.pause()
            assert "The Post (Tokyo) · 2024-06-15T23:30:00+09:00" in str(
                view.query_one("#doc-title").render()
            )

    run(go())


def test_the_filter_line_takes_outlet_author_since_and_until(news_file):
    async def go():
        app = ArgmapApp(news_file)
        async with app.run_test(size=SIZE) as pilot:
            await press(pilot, "s")
            view = app.view("statements")
            table = view.table
            await pilot.press("slash")
            await type_text(pilot, "outlet:example since:2024-05")
            await press(pilot, "enter")
            assert [table.row(i).doc_name for i in range(table.total)] == ["times-austin.md"]
            view.apply("author:bo speaker:kishida")
            await pilot.pause()
            assert sorted(table.row(i).doc_name for i in range(table.total)) == [
                "post-kishida.md",
                "times-kishida.md",
            ]
            view.apply("outlet:reuters")
            await pilot.pause()
            info = str(view.query_one("#statements-info").render())
            assert table.total == 0 and "no outlet like 'reuters'" in info
            view.apply("until:2024-13")
            await pilot.pause()
            assert "until: '2024-13' is not a date" in str(
                view.query_one("#statements-info").render()
            )

    run(go())


def test_the_outlets_facet_lists_outlets_with_counts_and_picking_one_filters(news_file):
    async def go():
        app = ArgmapApp(news_file)
        async with app.run_test(size=SIZE) as pilot:
            await press(pilot, "s")
            view = app.view("statements")
            table = view.table
            view.apply("speaker:tanaka")  # the facet counts what the other terms keep
            await pilot.pause()
            await press(pilot, "f")
            picker = app.screen
            assert type(picker).__name__ == "PickerScreen"
            shown = [text for _, text in picker.choices]
            tanaka = app.workspace.find_speakers("Tanaka Hitoshi")[0].id
            theirs = app.workspace.count_statements(StatementFilter(speaker=tanaka))
            seed = app.workspace.count_statements(StatementFilter(speaker=tanaka, outlet=("",)))
            assert seed and shown == [
                f"all outlets  ({theirs} statements)",  # what picking it shows (below)
                "nytimes.com  (1 statement, 1 document)",  # ties in name order
                "The Example Times  (1 statement, 1 document)",
                f"(no outlet)  ({seed} statements)",  # the seed article has no metadata
            ]
            await type_text(pilot, "nyt")
            await press(pilot, "enter")
            assert view.query_text == "outlet:=nytimes.com speaker:tanaka"
            assert view.query_one("#statements-query").value == view.query_text
            assert [table.row(i).doc_name for i in range(table.total)] == ["nyt-tanaka.md"]
            # picking again replaces the outlet; "all outlets" takes it away
            await press(pilot, "f")
            await press(pilot, "enter")  # the first choice: all outlets
            assert view.query_text == "speaker:tanaka"
            assert table.total == theirs
            await press(pilot, "f")
            await type_text(pilot, "no outlet")
            await press(pilot, "enter")
            assert view.query_text == "outlet:- speaker:tanaka" and table.total == seed
            assert {table.row(i).doc_name for i in range(table.total)} == {
                "japan-us-integration.txt"
            }

    run(go())


def test_an_outlet_with_spaces_is_picked_and_found_again(news_file):
    async def go():
        app = ArgmapApp(news_file)
        async with app.run_test(size=SIZE) as pilot:
            await press(pilot, "s")
            view = app.view("statements")
            await press(pilot, "f")
            await type_text(pilot, "example")
            await press(pilot, "enter")
            assert view.query_text == "outlet:=The_Example_Times"
            assert {view.table.row(i).doc_name for i in range(view.table.total)} == {
                "times-kishida.md",
                "times-austin.md",
            }

    run(go())


def test_the_statements_table_shows_where_and_when_a_statement_appeared(news_file):
    async def go():
        app = ArgmapApp(news_file)
        async with app.run_test(size=SIZE) as pilot:
            await press(pilot, "s")
            table = app.view("statements").table
            lines = {
                table.row(i).doc_name: table.render_line(i).text
                for i in range(table.size.height)
                if table.row(i) is not None
            }
            assert "2024-04-11 The E…" in lines["times-kishida.md"]  # day, then outlet
            assert "japan-us-integra" in lines["japan-us-integration.txt"]  # no metadata

    run(go())
