"""The documents view's line-drawn widgets on the seed: the article text (wrapping, the selected
statement drawn in its stance's colour, scrolling it into view, re-wrapping on resize) and the
side panel of the selected statement's fields."""

import itertools

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from argmap.spans import paragraphs
from argmap.tui.views.article import wrap_spans
from argmap.tui.views.fields import NAME_WIDTH, two_columns
from argmap.tui.views.lines import printable
from tests.helpers import SEED
from tests.tui.helpers import documents_view, press, run

# ---------------------------------------------------------------------- pure functions


@pytest.mark.parametrize("width", [12, 40, 57, 100])
def test_wrapped_seed_paragraphs_keep_every_word_in_order_within_the_width(width):
    text = SEED.read_text(encoding="utf-8")
    for start, end in paragraphs(text):
        lines = wrap_spans(text, start, end, width)
        shown = [text[a:b] for a, b in lines]
        assert all(0 < cell_len(line) <= width and line == line.strip() for line in shown)
        assert "".join("".join(shown).split()) == "".join(
            text[start:end].split()
        )  # all but spaces, in order
        for (a, _), (c, d) in itertools.pairwise(lines):
            if text[c - 1].isspace():  # a break between words: the next word would not have fitted
                assert cell_len(text[a:c]) + cell_len(text[c:d].split()[0]) > width


def test_a_word_wider_than_the_line_is_cut_and_nothing_is_lost():
    text = "see https://thediplomat.com/2024/08/japan-further-accelerates-military-integration now"
    lines = wrap_spans(text, 0, len(text), 20)
    assert all(cell_len(text[a:b]) <= 20 for a, b in lines)
    assert "".join(text[a:b] for a, b in lines) == text.replace(" ", "")
    assert wrap_spans("   ", 0, 3, 10) == []


def test_control_characters_are_shown_as_spaces_at_the_same_offsets():
    text = (
        "Tanaka\twarned \x1b[31mthat Japan\x7f may\u0085 become\n"
        "subservient, said K\u014dno \u65e5\u672c"
    )
    shown = printable(text)
    assert len(shown) == len(text) and shown.count("\n") == 1
    assert not any(ch in shown for ch in "\t\x1b\x7f\u0085")
    assert [i for i, ch in enumerate(shown) if ch != text[i]] == [
        i for i, ch in enumerate(text) if ch in "\t\x1b\x7f\u0085"
    ]
    assert "K\u014dno \u65e5\u672c" in shown  # letters of any script are kept


def test_two_columns_wraps_values_beside_their_names():
    console = Console(width=200)
    value = Text(
        "Japan may become too subservient on the United States diplomatically, Tanaka warned."
    )
    lines = two_columns(
        [("speaker", "Tanaka Hitoshi"), ("reason", value), ("keys", "a accept\nw who")], 30, console
    )
    plain = [line.plain.rstrip() for line in lines]
    assert plain[0] == "speaker".ljust(NAME_WIDTH) + " Tanaka Hitoshi"
    assert plain[1].startswith("reason ") and all(
        line.startswith(" " * (NAME_WIDTH + 1)) for line in plain[2:-2]
    )
    assert " ".join(p[NAME_WIDTH + 1 :] for p in plain[1:-2]).split() == value.plain.split()
    assert all(cell_len(p) <= 30 + NAME_WIDTH + 1 for p in plain)
    assert plain[-2:] == ["keys".ljust(NAME_WIDTH) + " a accept", " " * (NAME_WIDTH + 1) + "w who"]
    # a narrow panel: each name above its value, the words of values never cut
    narrow = [
        line.plain.rstrip()
        for line in two_columns([("speaker", "Tanaka Hitoshi"), ("reason", value)], 16, console)
    ]
    assert narrow[:3] == ["speaker", " Tanaka Hitoshi", "reason"]
    assert " ".join(narrow[3:]).split() == value.plain.split() and all(len(p) <= 16 for p in narrow)


# ---------------------------------------------------------------------- in the app


def drawn_line(article, text_offset):
    """The strip drawn for the screen line showing ``text_offset`` and the column of that offset."""
    line = article.line_at(text_offset)
    top = round(article.scroll_offset.y)
    assert top <= line < top + article.scrollable_content_region.height, "the line is on screen"
    return article.render_line(line - top), text_offset - article.lines[line].start


def style_at(strip, column):
    at = 0
    for segment in strip:
        if at <= column < at + len(segment.text):
            return segment.style
        at += len(segment.text)
    raise AssertionError("column past the line")


def plain_offset(workspace, row):
    """A text offset inside statement ``row`` outside its speaker mention and cue (drawn in the
    statement's style)."""
    statement = workspace.statement(row.id)
    marked = [
        (statement.speaker_start, statement.speaker_end),
        (statement.cue_start, statement.cue_end),
    ]
    return next(
        i
        for i in range(row.start, row.end)
        if not workspace.document(row.document).text[i].isspace()
        and not any(lo is not None and lo <= i < hi for lo, hi in marked)
    )


def test_the_selected_statement_is_drawn_in_its_stance_colour_and_stays_on_screen(workspace_file):
    async def go():
        async with documents_view(workspace_file) as (app, pilot, view):
            article = view.article
            unselected = 0
            for _ in range(
                len(view.rows)
            ):  # n through every statement: each is on screen, selected
                row = view.rows[view.index]
                offset = plain_offset(app.workspace, row)
                strip, column = drawn_line(article, offset)
                style = style_at(strip, column)
                assert (
                    style.bgcolor is not None
                    and style.bgcolor.name.lower() == app.labels.colour(row.label).lower()
                )
                await press(pilot, "n")
                top = round(article.scroll_offset.y)
                if top <= article.line_at(offset) < top + article.scrollable_content_region.height:
                    strip, column = drawn_line(
                        article, offset
                    )  # the one just left is drawn unselected
                    assert style_at(strip, column).bgcolor == article.base_style().bgcolor
                    unselected += 1
            assert view.index == 0 and unselected >= len(view.rows) // 2

    run(go())


def test_the_panel_shows_the_selected_statements_fields_and_follows_the_cursor(workspace_file):
    async def go():
        async with documents_view(workspace_file) as (app, pilot, view):
            panel = app.query_one("#doc-panel")
            for number in (1, 2, 3):
                row = view.rows[view.index]
                text = panel.text()
                assert f"statement  {number} of {len(view.rows)}" in text
                assert f"speaker    {row.speaker}" in text.replace(
                    "\n" + " " * (NAME_WIDTH + 1), " "
                )
                assert f"span       {row.start}-{row.end}" in text
                await press(pilot, "n")
            # a stance set from the keyboard shows in the panel at once
            label = app.workspace.codebook.labels[1]
            await press(pilot, "2")
            assert f"\nstance      {label.name}\n" in panel.text()

    run(go())


def test_resizing_rewraps_the_article_to_the_new_width(workspace_file):
    async def go():
        async with documents_view(workspace_file) as (_app, pilot, view):
            article = view.article
            wide = len(article.lines)
            await pilot.resize_terminal(90, 40)
            await pilot.pause()
            width = article.scrollable_content_region.width
            assert len(article.lines) > wide
            assert all(
                cell_len(article.text[line.start : line.end]) <= width for line in article.lines
            )
            words = " ".join(article.text[line.start : line.end] for line in article.lines).split()
            assert words == article.text.split()

    run(go())


# ---------------------------------------------------------------------- keeping the place,
# selection


def on_screen(article, offset):
    top = round(article.scroll_offset.y)
    return top <= article.line_at(offset) < top + article.scrollable_content_region.height


def test_the_selected_statement_stays_in_view_when_opened_from_another_view_and_on_resize(
    workspace_file,
):
    async def go():
        async with documents_view(workspace_file) as (app, pilot, view):
            article = view.article
            await press(pilot, "s")
            table = app.view("statements").table
            await press(pilot, "end")  # the last statement, far down the article
            chosen = table.selected()
            await press(pilot, "enter")
            await pilot.pause()
            assert (
                app.current == "documents"
                and app.view("documents").selected_statement() == chosen.id
            )
            assert on_screen(article, chosen.start)
            for size in ((90, 30), (200, 50), (70, 24)):
                await pilot.resize_terminal(*size)
                await pilot.pause()
                assert on_screen(article, chosen.start), size

    run(go())


def test_an_edit_restyles_in_place_without_laying_out_or_scrolling_the_text(workspace_file):
    async def go():
        async with documents_view(workspace_file) as (app, pilot, view):
            article = view.article
            # a statement whose next one is in another paragraph
            target = next(
                i
                for i in range(4, len(view.rows) - 1)
                if article.line_at(view.rows[i + 1].start) > article.line_at(view.rows[i].end) + 1
            )
            for _ in range(target):
                await press(pilot, "n")
            lines, top = article.lines, article.scroll_offset.y
            row = view.rows[view.index]
            await press(pilot, "K")  # another kind
            await press(pilot, "3")  # another stance: drawn in its colour at once
            assert article.lines is lines and article.scroll_offset.y == top
            strip, column = drawn_line(article, plain_offset(app.workspace, row))
            label = app.workspace.statement_row(row.id).label
            assert style_at(strip, column).bgcolor.name.lower() == app.labels.colour(label).lower()
            # delete it: the statement selected next is drawn filled, the deleted one's words plain
            await press(pilot, "x")
            after = view.rows[view.index]
            assert after.id != row.id and article.lines is lines
            strip, column = drawn_line(article, plain_offset(app.workspace, after))
            assert (
                style_at(strip, column).bgcolor.name.lower()
                == app.labels.colour(after.label).lower()
            )
            strip, column = drawn_line(article, row.start + (row.end - row.start) // 2)
            if not any(
                r.start <= row.start + (row.end - row.start) // 2 < r.end for r in view.rows
            ):
                assert style_at(strip, column).bgcolor == article.base_style().bgcolor
            await press(pilot, "u")  # the deleted statement comes back, selected
            assert view.selected_statement() == row.id and article.lines is lines

    run(go())


def test_page_keys_scroll_the_text(workspace_file):
    async def go():
        async with documents_view(workspace_file) as (_app, pilot, view):
            article = view.article
            await press(pilot, "end")
            assert article.scroll_offset.y == article.max_scroll_y > 0
            await press(pilot, "pageup")
            assert 0 < article.scroll_offset.y < article.max_scroll_y
            await press(pilot, "home")
            assert article.scroll_offset.y == 0
            await press(pilot, "pagedown")
            assert article.scroll_offset.y > 0

    run(go())


def test_a_selection_is_drawn_readable_and_added_at_its_own_offsets(workspace_file):
    async def go():
        async with documents_view(workspace_file) as (app, pilot, view):
            article = view.article
            # the first of the title lines that the article repeats further down
            title = "Japan Further Accelerates Military Integration With the US"
            first = view.text.index(title)
            assert view.text.count(title) > 1
            y = article.line_at(first) - round(article.scroll_offset.y)
            await pilot.mouse_down(article, offset=(1, y))
            await pilot.hover(article, offset=(1 + len(title), y))
            await pilot.mouse_up(article, offset=(1 + len(title), y))
            assert article.selected_span() == (first, first + len(title))
            strip, column = drawn_line(article, first + 3)
            style = style_at(strip, column)
            assert (
                style.bgcolor is not None and style.color != style.bgcolor
            )  # the words stay readable
            await press(pilot, "A")
            assert app.screen.query_one("Input").value == title
            await press(pilot, "enter")
            added = app.workspace.statement_row(view.selected_statement())
            assert (added.start, added.end) == (first, first + len(title))
            assert article.selected_span() is None  # the selection is cleared once added

    run(go())


def test_a_double_click_selects_one_paragraph_and_a_drag_into_the_panel_stops_at_the_line_end(
    workspace_file,
):
    async def go():
        async with documents_view(workspace_file) as (app, pilot, view):
            article = view.article
            top = round(article.scroll_offset.y)
            y = next(
                i
                for i in range(top, top + 30)
                if article.lines[i].paragraph >= 0
                and article.lines[i + 1].paragraph == article.lines[i].paragraph
            )  # a paragraph of 2+ lines
            paragraph = article.lines[y].paragraph
            start, end, _ = article.paragraphs[paragraph]
            await pilot.click(article, offset=(3, y - top), times=2)
            await pilot.pause()
            assert article.selected_span() == (start, end)
            app.screen.clear_selection()
            panel = app.query_one("#doc-panel")
            await pilot.mouse_down(article, offset=(1, y - top))
            await pilot.hover(panel, offset=(5, y - top - panel.region.y + article.region.y))
            await pilot.mouse_up(panel, offset=(5, y - top - panel.region.y + article.region.y))
            assert article.selected_span() == (article.lines[y].start, article.lines[y].end)
            # released: moving the pointer over the text afterwards changes nothing
            await pilot.hover(article, offset=(10, y - top + 6))
            assert article.selected_span() == (article.lines[y].start, article.lines[y].end)
            # a triple click: the paragraph under the pointer, not the screen above it
            app.screen.clear_selection()
            await pilot.click(article, offset=(3, y - top), times=3)
            await pilot.pause()
            assert article.selected_span() == (start, end)
            # the text wrapped anew (a resize): the selection, on lines that are gone, is dropped
            await pilot.resize_terminal(100, 40)
            await pilot.pause()
            assert article.selected_span() is None

    run(go())


def test_the_panel_starts_at_the_top_for_each_statement_and_a_bad_span_is_refused(workspace_file):
    async def go():
        async with documents_view(workspace_file, size=(160, 24)) as (app, pilot, view):
            panel = app.query_one("#doc-panel")
            assert panel.max_scroll_y > 0  # taller than the panel
            panel.scroll_end(animate=False, immediate=True)
            await pilot.pause()
            assert panel.scroll_offset.y > 0
            await press(pilot, "n")
            assert panel.scroll_offset.y == 0
            row = view.rows[view.index]
            await press(pilot, "e")
            app.screen.query_one("Input").value = "-5 20"
            await press(pilot, "enter")
            assert (
                app.workspace.statement_row(row.id).start,
                app.workspace.statement_row(row.id).end,
            ) == (row.start, row.end)

    run(go())
