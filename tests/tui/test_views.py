"""The board, statements, review, speakers and map views driven by Textual's Pilot, each
asserting on the workspace."""

from argmap.store import StatementFilter, Workspace
from argmap.tui.app import ArgmapApp
from argmap.tui.dialogs import PickerScreen
from tests.tui.helpers import SIZE, annotations_of, filter_statements, press, run, type_text

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
            for label, title in zip(codebook.labels, titles, strict=True):
                assert label.name in title
                n = counts.get(label.id, 0)
                assert f"{n} statement{'' if n == 1 else 's'}," in title
            # the first column lists the speaker with most statements on that side first, with a
            # quote
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


def test_the_filters_speaker_term_finds_a_person_by_family_name_first(workspace_file):
    """``speaker:Kishida`` is Kishida Fumio (the seed writes his name family name first), not
    an organisation with more statements whose name also holds the word."""
    with Workspace(workspace_file) as ws:
        kishida = ws.find_speakers("Kishida Fumio")[0].id
        council = ws.add_speaker("Kishida Memorial Council", kind="organisation").id
        tanaka = ws.find_speakers("Tanaka Hitoshi")[0].id
        for row in ws.statements(StatementFilter(speaker=tanaka)):
            ws.reattribute(row.id, council)
        theirs = ws.count_statements(StatementFilter(speaker=kishida))

    async def go():
        app = ArgmapApp(workspace_file)
        async with app.run_test(size=SIZE) as pilot:
            await filter_statements(pilot, "speaker:kishida")
            table = app.view("statements").table
            assert table.total == theirs
            assert {table.row(i).speaker for i in range(table.total)} == {"Kishida Fumio"}

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


def test_slash_searches_from_any_view(workspace_file):
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
