"""The speaker tools in the speakers view, driven by Textual's Pilot: likely duplicates (D),
details (I), not a speaker (N) and merge dropping the others' names (X), each undone with u."""

from argmap.store import StatementFilter, Workspace
from argmap.tui.app import ArgmapApp
from argmap.tui.dialogs import PickerScreen
from tests.tui.helpers import SIZE, press, run


def _split_off_kishida(path) -> tuple[str, str]:
    """Split one statement of Kishida Fumio off to a speaker called 'Kishida': (his id, its)."""
    with Workspace(path) as ws:
        kishida = ws.find_speakers("Kishida Fumio")[0]
        (first, *_) = ws.statements(StatementFilter(speaker=kishida.id))
        return kishida.id, ws.split_speaker(kishida.id, [first.id], "Kishida").id


def test_likely_duplicates_are_listed_and_one_is_merged_by_picking_it(workspace_file):
    kishida, split = _split_off_kishida(workspace_file)

    async def go():
        app = ArgmapApp(workspace_file)
        async with app.run_test(size=SIZE) as pilot:
            await press(pilot, "p")
            await press(pilot, "D")
            assert isinstance(app.screen, PickerScreen)
            first = app.screen.choices[0][1]
            assert "Kishida Fumio <- Kishida" in first and "'Kishida'" in first
            await press(pilot, "enter")
            assert [s.id for s in app.workspace.find_speakers("Kishida")] == [kishida]
            await press(pilot, "u")
            assert app.workspace.speaker(split).name == "Kishida"

    run(go())


def test_details_list_the_documents_and_mentions_of_a_speaker(workspace_file):
    async def go():
        app = ArgmapApp(workspace_file)
        async with app.run_test(size=SIZE) as pilot:
            await press(pilot, "p")
            view = app.view("speakers")
            row = view.rows[0]
            await press(pilot, "I")
            assert isinstance(app.screen, PickerScreen)
            assert row.statements > 1  # "1 document", "N statements"
            assert f"{row.statements} statements in 1 document;" in app.screen.title_text
            texts = [text for _, text in app.screen.choices]
            assert texts[0].split()[0] == str(row.statements)
            assert any(text.startswith("named ") for text in texts)
            await press(pilot, "enter")  # the document: its statements by this speaker
            assert app.current == "statements"

    run(go())


def test_not_a_speaker_asks_then_unattributes_and_undo_takes_it_back(workspace_file):
    async def go():
        app = ArgmapApp(workspace_file)
        async with app.run_test(size=SIZE) as pilot:
            await press(pilot, "p")
            view = app.view("speakers")
            row = view.rows[0]
            await press(pilot, "N")
            assert isinstance(app.screen, PickerScreen)
            await press(pilot, "enter")  # yes
            assert app.workspace.find_speakers(row.name) == []
            assert row.name in app.workspace.non_speakers()
            assert row.id not in [r.id for r in view.rows]
            await press(pilot, "u")
            assert app.workspace.speaker(row.id).name == row.name
            assert app.workspace.count_statements(StatementFilter(speaker=row.id)) == row.statements

    run(go())


def test_merge_dropping_names_keeps_none_of_the_others_names(workspace_file):
    async def go():
        app = ArgmapApp(workspace_file)
        async with app.run_test(size=SIZE) as pilot:
            await press(pilot, "p")
            view = app.view("speakers")
            first, second = view.rows[0], view.rows[1]
            await pilot.press("down", "space", "up", "up")
            assert view.selected() == first.id
            await press(pilot, "X")
            merged = app.workspace.speaker(first.id)
            assert second.name not in merged.aliases
            assert app.workspace.count_statements(StatementFilter(speaker=first.id)) == (
                first.statements + second.statements
            )

    run(go())
