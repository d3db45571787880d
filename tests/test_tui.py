"""The terminal UI driven by Textual's Pilot: each view and each edit, asserting on the workspace."""

import re

import pytest
from textual import events
from tests.tui_helpers import documents_view, press, run

from argmap.store import StatementFilter, Workspace
from argmap.tui.app import ArgmapApp
from argmap.tui.dialogs import ErrorScreen, PickerScreen, PromptScreen
from argmap.tui.views.documents import find_passage

SIZE = (160, 48)


def annotations_of(path, statement_id):
    with Workspace(path) as ws:
        return ws.annotations(statement_id)


async def type_text(pilot, text):
    for char in text:
        await pilot.press("space" if char == " " else char)


# ---------------------------------------------------------------------- board


def test_board_has_a_column_per_label_with_the_stores_counts(workspace_file):
    async def go():
        app = ArgmapApp(workspace_file)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            titles = [str(label.render()) for label in app.query(".board-title")]
            counts = app.workspace.status().labels
            codebook = app.workspace.codebook
            assert len(titles) == len(codebook.labels)
            for label, title in zip(codebook.labels, titles):
                assert label.name in title
                n = counts.get(label.id, 0)
                assert f"{n} statement{'' if n == 1 else 's'}," in title
            # the first column lists the speaker with most statements on that side first, with a quote
            first = app.query_one("#board-col-0")
            heading = str(first.get_option_at_index(0).prompt)
            with Workspace(workspace_file) as ws:
                top = ws.statements(StatementFilter(label=codebook.labels[0].id), limit=1000)
            by_speaker = {}
            for row in top:
                by_speaker[row.speaker] = by_speaker.get(row.speaker, 0) + 1
            best = max(by_speaker.values())
            assert any(heading.startswith(name) for name, n in by_speaker.items() if n == best)
            quote = first.get_option_at_index(1)
            assert quote.id in {row.id for row in top}
            # enter opens the quote in its document
            await press(pilot, "enter")
            assert app.current == "documents"
            assert app.view("documents").selected_statement() == quote.id

    run(go())


# ---------------------------------------------------------------------- documents, stance, undo


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
            # the line drawn on screen where the statement starts has its words in the stance's colour
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


def test_a_workspace_whose_stored_codebook_has_short_colours_opens(workspace_file):
    import json

    with Workspace(workspace_file) as ws:  # as stored before '#rgb' was expanded when read
        stored = json.loads(ws.meta("codebook"))
        stored["labels"][0]["colour"] = "#f0a"
        ws.conn.execute("UPDATE meta SET value = ? WHERE key = 'codebook'", (json.dumps(stored),))
        ws.conn.commit()

    async def go():
        app = ArgmapApp(workspace_file)
        async with app.run_test(size=SIZE) as pilot:
            await press(pilot, "s")
            assert app.labels.colour(stored["labels"][0]["id"]).lower() == "#ff00aa"
            assert app.query_one("#board-col-0") is not None

    run(go())


def test_a_keys_file_with_a_value_that_is_no_key_or_not_utf8_is_one_error(tmp_path):
    from argmap.tui.app import binding_sections
    from argmap.tui.keymap import KeymapError, is_key, load_keymap

    for _, rows in binding_sections():  # every default key passes the check a keys file gets
        for keys, _, binding_id in rows:
            assert all(is_key(key) for key in keys.split(",")), (binding_id, keys)
    keys_file = tmp_path / "keys.toml"
    for value, shown in (
        ("not a key!!", "'notakey!!'"),
        (",", "''"),
        ("ctrl+", "'ctrl+'"),
        ("f2,foo+x", "'foo+x'"),
    ):
        keys_file.write_text(f'[keys]\nview-documents = "{value}"\n', encoding="utf-8")
        with pytest.raises(
            KeymapError,
            match="^" + re.escape(f"{keys_file}: keys.view-documents: {shown} is not a key"),
        ):
            load_keymap(keys_file)
    keys_file.write_bytes(b"\xff\xfe[keys]\n")
    with pytest.raises(KeymapError, match="^" + re.escape(f"{keys_file}: not UTF-8 text") + "$"):
        load_keymap(keys_file)


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


# ---------------------------------------------------------------------- statements


def test_statements_table_filters_sorts_and_opens_a_statement(workspace_file):
    async def go():
        app = ArgmapApp(workspace_file)
        async with app.run_test(size=SIZE) as pilot:
            await press(pilot, "s")
            view = app.view("statements")
            table = view.table
            assert table.total == app.workspace.count_statements()
            # a stance filter counts what the store counts
            label = app.workspace.codebook.labels[1]
            await pilot.press("slash")
            await type_text(pilot, f"stance:{label.id}")
            await press(pilot, "enter")
            assert (
                table.total == app.workspace.count_statements(StatementFilter(label=label.id)) > 0
            )
            assert all(table.row(i).label == label.id for i in range(table.total))
            # fuzzy text: a misspelt word still finds Tanaka's statement
            view.query_one("#statements-query").value = ""
            view.apply("subservent")
            await pilot.pause()
            assert table.total >= 1
            assert "subservient" in table.row(0).text
            # the speaker field
            view.apply("speaker:tanaka")
            assert {table.row(i).speaker for i in range(table.total)} == {"Tanaka Hitoshi"}
            # sorting by another key keeps the same statements
            view.apply("")
            before = [table.row(i).id for i in range(table.total)]
            await press(pilot, "o")
            assert view.sort != "document"
            assert sorted(table.row(i).id for i in range(table.total)) == sorted(before)
            # move down and open in the document
            table.focus()
            await pilot.press("down", "down")
            chosen = table.selected().id
            await press(pilot, "enter")
            assert app.current == "documents"
            assert app.view("documents").selected_statement() == chosen

    run(go())


def test_statements_table_renders_only_visible_pages(workspace_file):
    async def go():
        app = ArgmapApp(workspace_file)
        async with app.run_test(size=SIZE) as pilot:
            await press(pilot, "s")
            table = app.view("statements").table
            assert set(table.pages) == {0}  # one page fetched for 16 rows
            line = "".join(segment.text for segment in table.render_line(0))
            assert table.row(0).text[:20] in line

    run(go())


# ---------------------------------------------------------------------- review


def test_review_queue_labels_with_a_note_and_moves_on(workspace_file):
    async def go():
        app = ArgmapApp(workspace_file)
        async with app.run_test(size=SIZE) as pilot:
            await press(pilot, "r")
            view = app.view("review")
            first = view.current
            remaining = view.remaining
            assert remaining == app.workspace.count_statements()  # nobody has labelled the seed yet
            # the most uncertain suggestion comes first
            uncertainties = [r.uncertainty for r in app.workspace.statements(limit=100)]
            assert first.uncertainty == max(uncertainties)
            await pilot.press("n")
            await type_text(pilot, "too vague")
            await pilot.press("enter")
            await press(pilot, "3")
            (annotation,) = annotations_of(workspace_file, first.id)
            assert annotation.label == app.workspace.codebook.labels[2].id
            assert annotation.note == "too vague"
            assert view.remaining == remaining - 1
            assert view.current.id != first.id
            second = view.current
            await press(pilot, "a")
            (annotation,) = annotations_of(workspace_file, second.id)
            assert annotation.label == app.workspace.suggestion(second.id).label
            await pilot.press("space")
            assert view.position == 1
            await press(pilot, "u", "u")
            assert annotations_of(workspace_file, first.id) == []
            assert view.remaining == remaining

    run(go())


# ---------------------------------------------------------------------- speakers


def test_speakers_rename_alias_merge_split(workspace_file):
    async def go():
        app = ArgmapApp(workspace_file)
        async with app.run_test(size=SIZE) as pilot:
            await press(pilot, "p")
            view = app.view("speakers")
            rows = view.rows
            assert [r.statements for r in rows] == sorted(
                (r.statements for r in rows), reverse=True
            )
            first = rows[0]
            await press(pilot, "R")
            app.screen.query_one("Input").value = "The ministers"
            await press(pilot, "enter")
            renamed = app.workspace.speaker(first.id)
            assert renamed.name == "The ministers" and first.name in renamed.aliases
            await pilot.press("equals_sign")
            app.screen.query_one("Input").value = "the two governments"
            await press(pilot, "enter")
            assert "the two governments" in app.workspace.speaker(first.id).aliases
            # merge: mark the second speaker, go back up, merge into the first
            second = view.rows[1]
            await pilot.press("down", "space", "up", "up")  # space marks and moves down
            assert view.selected() == first.id
            await press(pilot, "M")
            assert app.workspace.find_speakers(second.name)[0].id == first.id
            assert app.workspace.speaker(first.id).aliases.count(second.name) == 1
            merged = app.workspace.count_statements(StatementFilter(speaker=first.id))
            assert merged == first.statements + second.statements
            await press(pilot, "u")
            assert (
                app.workspace.count_statements(StatementFilter(speaker=first.id))
                == first.statements
            )
            # split off the statements of one mention
            await press(pilot, "S")
            assert isinstance(app.screen, PickerScreen)
            await pilot.press("enter")  # the most frequent mention
            await pilot.pause()
            app.screen.query_one("Input").value = "Split speaker"
            await press(pilot, "enter")
            (new,) = app.workspace.find_speakers("Split speaker")
            moved = app.workspace.count_statements(StatementFilter(speaker=new.id))
            assert moved > 0
            assert (
                app.workspace.count_statements(StatementFilter(speaker=first.id))
                == first.statements - moved
            )

    run(go())


# ---------------------------------------------------------------------- map


def test_map_claims_links_and_promotion(workspace_file):
    async def go():
        app = ArgmapApp(workspace_file)
        async with app.run_test(size=SIZE) as pilot:
            await press(pilot, "m")
            view = app.view("map")
            await pilot.press("P")
            app.screen.query_one("Input").value = "Integration makes Japan safer"
            await press(pilot, "enter")
            (position,) = app.workspace.claims(None)
            assert position.kind == "position"
            # the new position is in the tree; select it and add a claim under it
            node = next(n for n in view.tree.root.children if n.data.id == position.id)
            view.tree.move_cursor(node)
            await pilot.press("c")
            app.screen.query_one("Input").value = "Joint command deters China"
            await press(pilot, "enter")
            (claim,) = app.workspace.claims(position.id)
            # link a statement to the claim as an attack, from the statements view
            await press(pilot, "s")
            statement = app.view("statements").table.selected()
            await press(pilot, "L")
            await type_text(pilot, "deters")
            await press(pilot, "enter")
            (relation,) = app.workspace.relations(claim.id)
            assert (relation.kind, relation.source_id) == ("attacks", statement.id)
            # promote a statement to a claim
            await press(pilot, "down", "plus")
            promoted = [c for c in app.workspace.claims() if c.statement_id]
            assert (
                len(promoted) == 1
                and promoted[0].text == app.workspace.statement_row(promoted[0].statement_id).text
            )
            # the map grows lazily: the claim's statements appear when it is expanded
            await press(pilot, "m")
            node = next(n for n in view.tree.root.children if n.data.id == position.id)
            node.expand()
            await pilot.pause()
            claim_node = next(n for n in node.children if n.data.id == claim.id)
            assert list(claim_node.children) == []  # not loaded before it is expanded
            claim_node.expand()
            await pilot.pause()
            assert [c.data.id for c in claim_node.children] == [statement.id]
            # unlink the statement, then delete the claim; undo brings the claim back
            view.tree.move_cursor(claim_node.children[0])
            await press(pilot, "x")
            assert app.workspace.relations(claim.id) == []
            node = next(n for n in view.tree.root.children if n.data.id == position.id)
            claim_node = next(n for n in node.children if n.data.id == claim.id)
            view.tree.move_cursor(claim_node)
            await press(pilot, "x")
            assert claim.id not in {c.id for c in app.workspace.claims()}
            await press(pilot, "u")
            assert claim.id in {c.id for c in app.workspace.claims()}

    run(go())


# ---------------------------------------------------------------------- workers, help, keys


def test_a_crash_in_the_add_worker_shows_an_error_and_the_app_keeps_running(
    workspace_file, monkeypatch
):
    def broken(self, *args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Workspace, "add_documents", broken)

    async def go():
        app = ArgmapApp(workspace_file, add_paths=[str(workspace_file.parent)])
        async with app.run_test(size=SIZE) as pilot:
            for _ in range(200):  # the worker fails in its thread; its error comes back by message
                await pilot.pause(0.05)
                if isinstance(app.screen, ErrorScreen):
                    break
            assert isinstance(app.screen, ErrorScreen)
            assert "disk on fire" in app.last_error
            await pilot.press("escape")
            await press(pilot, "s")
            assert app.is_running and app.current == "statements"

    run(go())


def test_adding_articles_in_the_worker_shows_them(tmp_path):
    from tests.tui_helpers import SEED, SEED_CODEBOOK

    from argmap.codebook import load_codebook

    with Workspace.init(tmp_path, codebook=load_codebook(SEED_CODEBOOK)) as ws:
        path = ws.path

    async def go():
        app = ArgmapApp(path, add_paths=[str(SEED)])
        async with app.run_test(size=SIZE) as pilot:
            assert (
                app.workspace.count_statements() == 0
            )  # the screen is up before the adding is done
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.workspace.count_statements() > 0
            total = sum(
                int(str(t.render()).split("  ")[1].split()[0]) for t in app.query(".board-title")
            )
            assert total == app.workspace.count_statements()

    run(go())


def test_help_lists_every_binding_and_keys_can_be_remapped(workspace_file, tmp_path):
    from argmap.tui.keymap import KeymapError, load_keymap

    keys = tmp_path / "keys.toml"
    keys.write_text('[keys]\nundo = "z"\nview-statements = "f5"\nlabel-1 = "2"\nlabel-2 = "1"\n')
    keymap = load_keymap(keys)
    assert keymap == {"undo": "z", "view-statements": "f5", "label-1": "2", "label-2": "1"}
    bad = tmp_path / "bad.toml"
    bad.write_text("[keys]\nundo = 3\n")
    with pytest.raises(KeymapError, match="bad.toml: keys.undo"):
        load_keymap(bad)

    async def go():
        app = ArgmapApp(workspace_file, keymap=keymap)
        async with app.run_test(size=SIZE) as pilot:
            ids = app.binding_ids()
            assert {
                "undo",
                "redo",
                "view-board",
                "label-1",
                "accept-suggestion",
                "map-add-claim",
                "speaker-merge",
                "review-note",
                "statements-filter",
            } <= ids
            tabs = str(app.query_one("#tabs").render())
            assert (
                "f5 Statements" in tabs and " s Statements" not in tabs
            )  # the header shows the keys as remapped
            first, second = app.workspace.codebook.labels[:2]
            legend = app.legend().plain
            assert f" 2  {first.name} " in legend and f" 1  {second.name} " in legend
            await press(pilot, "f5")
            assert app.current == "statements"
            await press(pilot, "1")
            assert app.workspace.status().annotators
            assert app.workspace.status().labels.get(
                second.id
            )  # key 1 now gives label 2, as the legend says
            await pilot.press("z")  # undo, remapped
            await pilot.pause()
            assert not app.workspace.status().annotators
            await press(pilot, "question_mark")
            assert type(app.screen).__name__ == "HelpScreen"

    run(go())


def test_palette_offers_actions_speakers_and_documents(workspace_file):
    from argmap.tui.commands import ArgmapCommands

    async def go():
        app = ArgmapApp(workspace_file)
        async with app.run_test(size=SIZE) as pilot:
            provider = ArgmapCommands(app.screen)
            hits = [hit async for hit in provider.search("tanaka")]
            assert any("Tanaka Hitoshi" in str(hit.match_display) for hit in hits)
            best = max(hits, key=lambda hit: hit.score)
            await best.command()
            await pilot.pause()
            view = app.view("statements")
            assert app.current == "statements"
            assert {view.table.row(i).speaker for i in range(view.table.total)} == {
                "Tanaka Hitoshi"
            }
            names = [hit.text async for hit in provider.search("document japan")]
            assert any("japan-us-integration.txt" in str(name) for name in names)

    run(go())


# ---------------------------------------------------------------------- argmap open


def test_open_on_a_folder_creates_the_workspace_beside_it_with_its_codebook(tmp_path, capsys):
    import shutil

    from tests.helpers import REPO

    from argmap.cli import main

    folder = tmp_path / "debate"
    folder.mkdir()
    for name in (
        "japan-us-integration.txt",
        "japan-us-integration.codebook.toml",
        "us-election-2016.codebook.toml",
    ):
        shutil.copy(REPO / "seeds" / name, folder / name)
    shot = tmp_path / "board.svg"
    assert main(["open", str(folder), "--screenshot", str(shot)]) == 0
    with Workspace(folder / "argmap.sqlite") as ws:
        assert ws.codebook.id == "japan-us-integration"  # the codebook named like the article
        assert ws.count_statements() > 0
        issue = ws.codebook.issue
    svg = shot.read_text()
    assert issue.replace(" ", "&#160;") in svg or issue in svg
    # opening again adds nothing new and keeps the workspace
    assert main(["open", str(folder / "argmap.sqlite"), "--screenshot", str(shot)]) == 0


def test_open_refuses_a_choice_between_codebooks_and_a_missing_path(tmp_path, capsys):
    import shutil

    from tests.helpers import REPO

    from argmap.cli import main

    folder = tmp_path / "other"
    folder.mkdir()
    (folder / "article.txt").write_text('"We must act," the minister said.\n')
    for name in ("japan-us-integration.codebook.toml", "us-election-2016.codebook.toml"):
        shutil.copy(REPO / "seeds" / name, folder / name)
    assert main(["open", str(folder), "--screenshot", str(tmp_path / "x.svg")]) == 1
    err = capsys.readouterr().err
    assert "several codebooks" in err and "--codebook" in err
    assert not (folder / "argmap.sqlite").exists()
    assert main(["open", str(tmp_path / "missing")]) == 1
    assert "missing: no such file or folder" in capsys.readouterr().err
    bad_keys = tmp_path / "keys.toml"
    bad_keys.write_text('[keys]\nno-such-binding = "z"\n')
    codebook = folder / "japan-us-integration.codebook.toml"
    assert (
        main(
            [
                "open",
                str(folder),
                "--codebook",
                str(codebook),
                "--keys",
                str(bad_keys),
                "--screenshot",
                str(tmp_path / "x.svg"),
            ]
        )
        == 1
    )
    assert "no-such-binding" in capsys.readouterr().err
    assert not (folder / "argmap.sqlite").exists()  # refused before anything was created


def test_slash_searches_from_any_view_and_open_finds_the_workspace_upward(
    workspace_file, monkeypatch, tmp_path
):
    from argmap.cli import main

    async def go():
        app = ArgmapApp(workspace_file)
        async with app.run_test(size=SIZE) as pilot:
            await press(pilot, "slash")
            assert app.current == "statements"
            assert app.focused is app.view("statements").query_one("#statements-query")
            await type_text(pilot, "tanaka")
            await press(pilot, "enter")
            table = app.view("statements").table
            assert table.total == 3 and all(
                table.row(i).speaker == "Tanaka Hitoshi" for i in range(3)
            )

    run(go())
    below = workspace_file.parent / "notes"
    below.mkdir()
    monkeypatch.chdir(below)
    assert main(["open", "--view", "speakers", "--screenshot", str(tmp_path / "s.svg")]) == 0
    assert "Tanaka" in (tmp_path / "s.svg").read_text()


def test_footer_shows_each_views_keys_and_is_not_rebuilt_when_they_stay_the_same(workspace_file):
    async def go():
        app = ArgmapApp(workspace_file)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            footer = app.query_one("KeysFooter")
            keys = list(footer.query("FooterKey"))
            descriptions = {key.description for key in keys}
            assert "Next" not in descriptions and "Quit" in descriptions
            footer.bindings_changed(app.screen)  # the same keys: the same widgets stay
            await pilot.pause()
            assert list(footer.query("FooterKey")) == keys
            await press(pilot, "d")
            assert "Next" in {key.description for key in footer.query("FooterKey")}

    run(go())
