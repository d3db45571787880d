"""A codebook with more labels than number keys: every label can be set, the board stays
readable."""

import pytest

from argmap.codebook import parse_codebook
from argmap.io.reading import load_documents
from argmap.store import Workspace
from argmap.tui.app import ArgmapApp
from argmap.tui.dialogs import PickerScreen
from tests.helpers import SEED
from tests.tui.helpers import SIZE, press, run, type_text

FORTY = '[debate]\nid = "forty"\nissue = "Which of forty positions?"\n' + "".join(
    f'\n[[label]]\nid = "p{n}"\nname = "Position {n}"\ndescription = "Position {n} of forty."\n'
    for n in range(1, 41)
)


@pytest.fixture
def forty_labels(tmp_path):
    """A workspace of the seed article under a codebook of forty labels."""
    with Workspace.init(tmp_path, codebook=parse_codebook(FORTY)) as workspace:
        workspace.add_documents(load_documents([SEED]))
        return workspace.path


def test_a_label_past_the_ninth_is_set_from_the_picker(forty_labels):
    async def go():
        app = ArgmapApp(forty_labels)
        async with app.run_test(size=SIZE) as pilot:
            await press(pilot, "r")
            statement = app.current_view.selected_statement()
            await press(pilot, "t")
            assert isinstance(app.screen, PickerScreen)
            await type_text(pilot, "Position 37")
            await press(pilot, "enter")
            [annotation] = app.workspace.annotations(statement)
            assert annotation.label == "p37"

    run(go())


def test_the_board_scrolls_sideways_instead_of_squeezing_forty_columns(forty_labels):
    async def go():
        app = ArgmapApp(forty_labels)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            holder = app.query_one("#board-columns")
            columns = list(holder.children)
            assert len(columns) == 40 and holder.has_class("crowded")
            assert all(column.size.width >= 32 for column in columns)
            assert holder.virtual_size.width > SIZE[0]

    run(go())


def test_a_refreshed_board_of_three_labels_shares_the_width(workspace_file):
    """After the board is filled again (an add, another person's edit), its columns still
    share the width: the columns being removed are not counted beside the new ones, which
    made a three-label board look crowded at 160 columns on the first `argmap open`."""

    async def go():
        app = ArgmapApp(workspace_file)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.current_view.refresh_data()
            await pilot.pause()
            holder = app.query_one("#board-columns")
            assert len(holder.children) == 3 and not holder.has_class("crowded")
            assert all(column.size.width > 48 for column in holder.children)

    run(go())
