"""The documents view driven by Textual's Pilot: moving between statements, stances and undo,
statement edits, statements added from text, removing the document shown."""

from textual import events

from argmap.tui.dialogs import PickerScreen, PromptScreen
from argmap.tui.views.documents import find_passage
from tests.tui.helpers import SIZE, annotations_of, documents_view, press, run, type_text


def test_documents_moves_between_statements_and_sets_a_stance_that_undo_removes(workspace_file):
    async def go():
        async with documents_view(workspace_file, SIZE) as (app, pilot, view):
            rows = view.rows
            assert len(rows) == app.workspace.count_statements()
            assert view.selected_statement() == rows[0].id
            await pilot.press("n", "n")
            assert view.selected_statement() == rows[2].id
            await pilot.press("N")
            target = rows[1].id
            assert view.selected_statement() == target
            # label 2 of the codebook
            label = app.workspace.codebook.labels[1].id
            await press(pilot, "2")
            (annotation,) = annotations_of(workspace_file, target)
            assert annotation.label == label
            assert app.workspace.statement_row(target).label == label
            assert view.selected_statement() == target  # the cursor stays
            await press(pilot, "u")
            assert annotations_of(workspace_file, target) == []
            await press(pilot, "U")
            assert [a.label for a in annotations_of(workspace_file, target)] == [label]
            await press(pilot, "ctrl+z")
            assert annotations_of(workspace_file, target) == []

    run(go())


def test_documents_paints_statements_in_their_stance_colour(workspace_file):
    async def go():
        async with documents_view(workspace_file, SIZE) as (app, pilot, view):
            row = view.rows[3]
            # the line drawn on screen where the statement starts has its words in the stance's
            # colour
            article = view.article
            line = article.line_at(row.start + 1)
            article.scroll_to(y=line, animate=False, immediate=True)
            await pilot.pause()
            drawn = article.render_line(line - round(article.scroll_offset.y))
            column = row.start + 1 - article.lines[line].start
            at = 0
            for segment in drawn:
                if at <= column < at + len(segment.text):
                    break
                at += len(segment.text)
            colour = app.labels.colour(row.label).lower()
            assert segment.style.color.name.lower() == colour
            assert segment.text.strip() and segment.text.strip() in row.text

    run(go())


def test_statement_edits_kind_delete_reattribute_accept(workspace_file):
    async def go():
        async with documents_view(workspace_file, SIZE) as (app, pilot, view):
            first = view.rows[0]
            # kind cycles direct -> mixed -> indirect -> direct
            await press(pilot, "K")
            order = ("direct", "mixed", "indirect")
            assert (
                app.workspace.statement_row(first.id).kind
                == order[(order.index(first.kind) + 1) % 3]
            )
            await pilot.press("u")
            assert app.workspace.statement_row(first.id).kind == first.kind
            # re-attribute through the fuzzy picker
            other = next(
                s
                for s in app.workspace.speakers()
                if s.id != first.speaker_id and s.name == "Tanaka Hitoshi"
            )
            await press(pilot, "w")
            assert isinstance(app.screen, PickerScreen)
            await type_text(pilot, "tanaka")
            await press(pilot, "enter")
            assert app.workspace.statement_row(first.id).speaker_id == other.id
            # accept the suggestion
            await press(pilot, "a")
            (annotation,) = annotations_of(workspace_file, first.id)
            assert annotation.label == app.workspace.suggestion(first.id).label
            # delete, then undo brings it back with its annotation
            count = app.workspace.count_statements()
            await press(pilot, "x")
            assert app.workspace.count_statements() == count - 1
            assert view.selected_statement() != first.id
            await press(pilot, "u")
            assert app.workspace.count_statements() == count
            assert len(annotations_of(workspace_file, first.id)) == 1

    run(go())


def test_span_edit_and_adding_a_statement_from_text(workspace_file):
    async def go():
        async with documents_view(workspace_file, SIZE) as (app, pilot, view):
            row = view.rows[0]
            await press(pilot, "e")
            assert isinstance(app.screen, PromptScreen)
            app.screen.query_one("Input").value = f"{row.start} {row.end - 10}"
            await press(pilot, "enter")
            changed = app.workspace.statement_row(row.id)
            assert (changed.start, changed.end) == (row.start, row.end - 10)
            assert changed.text == row.text[:-10]
            # a statement from a piece of text no statement covers
            text = app.workspace.document(row.document).text
            phrase = "Japan Further Accelerates Military Integration"
            assert phrase in text
            count = app.workspace.count_statements()
            await press(pilot, "A")
            prompt = app.screen.query_one("Input")
            prompt.value = ""
            words = phrase.split()  # pasted over two lines: taken as one, matched across whitespace
            prompt.post_message(events.Paste(" ".join(words[:2]) + "\n" + " ".join(words[2:])))
            await pilot.pause()
            assert prompt.value == phrase
            await press(pilot, "enter")
            assert app.workspace.count_statements() == count + 1
            added = app.workspace.statement_row(view.selected_statement())
            assert added.text == phrase and added.origin == "manual"

    run(go())


def test_a_statement_from_text_selected_with_the_mouse_across_wrapped_lines(workspace_file):
    async def go():
        async with documents_view(workspace_file, SIZE) as (app, pilot, view):
            # the first line of a paragraph that wraps onto a second line, both on screen
            article = view.article
            top, height = round(article.scroll_offset.y), article.scrollable_content_region.height
            first = next(
                y
                for y in range(top, top + height - 1)
                if article.lines[y].paragraph >= 0
                and article.lines[y + 1].paragraph == article.lines[y].paragraph
                and (y == 0 or article.lines[y - 1].paragraph < 0)
            )
            paragraph_start = article.lines[first].start
            y = first - top
            await pilot.mouse_down(article, offset=(1, y))  # column 1: after the padding
            await pilot.hover(article, offset=(31, y + 1))
            await pilot.mouse_up(article, offset=(31, y + 1))
            selected = app.screen.get_selected_text()
            assert selected and len(selected) > 30
            count = app.workspace.count_statements()
            await press(pilot, "A")
            assert isinstance(app.screen, PromptScreen)
            assert app.screen.query_one("Input").value == selected.strip()
            await press(pilot, "enter")
            assert app.workspace.count_statements() == count + 1
            added = app.workspace.statement_row(view.selected_statement())
            assert added.origin == "manual" and added.start == paragraph_start
            assert added.text.split() == selected.split()
            await press(pilot, "u")
            assert app.workspace.count_statements() == count

    run(go())


def test_removing_the_document_shown_after_confirming_and_undo(workspace_file):
    async def go():
        async with documents_view(workspace_file, SIZE) as (app, pilot, view):
            (document,) = app.workspace.documents()
            await press(pilot, "D")
            assert isinstance(app.screen, PickerScreen)
            await press(pilot, "enter")  # the first choice keeps it
            assert app.workspace.documents() == [document]
            await press(pilot, "D")
            await type_text(pilot, "remove")
            await press(pilot, "enter")
            assert app.workspace.documents() == [] and app.workspace.count_statements() == 0
            assert view.document_id is None and not view.article.lines
            assert (
                app.query_one("#doc-panel").text().strip() == "no documents"
            )  # and no keys that would do nothing
            await press(pilot, "u")
            assert app.workspace.count_statements() == document.statements
            assert view.document_id == document.id and len(view.rows) == document.statements

    run(go())


def test_find_passage_matches_across_other_whitespace_and_prefers_the_nearest():
    text = "The minister said the plan\nwas sound.\n\nLater the plan  was sound again."
    assert find_passage(text, "the plan was sound", 0) == (18, 36)
    later = text.index("plan  was")
    assert find_passage(text, "plan was sound", len(text)) == (
        later,
        later + len("plan  was sound"),
    )
    assert find_passage(text, "the plan was wrong") is None
    assert find_passage(text, "   ") is None


def test_enter_on_the_board_shows_a_statement_far_down_a_long_article_selected_and_in_view(
    tmp_path,
):
    from argmap.codebook import load_codebook
    from argmap.models import Document
    from argmap.store import Workspace
    from argmap.tui.app import ArgmapApp
    from tests.helpers import SEED_CODEBOOK

    filler = "".join(
        f"The weather on day {n} was mild, and the roads were quiet.\n\n" for n in range(300)
    )
    text = filler + "“We will never give up our say over our own forces,” Tanaka Hitoshi said.\n"
    with Workspace.init(tmp_path, codebook=load_codebook(SEED_CODEBOOK)) as workspace:
        workspace.add_documents([Document.from_text("long.txt", text)])
        [statement] = workspace.statements()

    async def go():
        app = ArgmapApp(tmp_path / "argmap.sqlite")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            column = next(
                options
                for options in app.query("OptionList")
                if any(
                    options.get_option_at_index(i).id == statement.id
                    for i in range(options.option_count)
                )
            )
            column.focus()
            column.highlighted = next(
                i
                for i in range(column.option_count)
                if column.get_option_at_index(i).id == statement.id
            )
            await press(pilot, "enter")
            await pilot.pause(0.2)
            view = app.view("documents")
            assert app.current == "documents" and view.selected_statement() == statement.id
            article = view.article
            line = article.line_at(statement.start)
            assert line > article.size.height  # far below the first screen
            assert article.scroll_y <= line < article.scroll_y + article.size.height

    run(go())
