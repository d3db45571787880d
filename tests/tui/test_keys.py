"""Keys: the keys file (bad values are one error), the help listing every binding as remapped,
and the footer showing each view's keys."""

import re

import pytest

from argmap.tui.app import ArgmapApp
from tests.tui.helpers import SIZE, press, run


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


def test_help_lists_every_binding_and_keys_can_be_remapped(workspace_file, tmp_path):
    from argmap.tui.keymap import KeymapError, load_keymap

    keys = tmp_path / "keys.toml"
    keys.write_text('[keys]\nundo = "z"\nview-statements = "f5"\nlabel-1 = "2"\nlabel-2 = "1"\n')
    keymap = load_keymap(keys)
    assert keymap == {"undo": "z", "view-statements": "f5", "label-1": "2", "label-2": "1"}
    bad = tmp_path / "bad.toml"
    bad.write_text("[keys]\nundo = 3\n")
    with pytest.raises(KeymapError, match=r"bad\.toml: keys\.undo"):
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


def test_the_help_screen_shows_keys_as_the_footer_does_and_labels_by_name(workspace_file):
    async def go():
        app = ArgmapApp(workspace_file)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            sections = dict(app.binding_sections())
            everywhere = {binding_id: keys for keys, _, binding_id in sections["everywhere"]}
            assert everywhere["help"] == "?, f1" and everywhere["search"] == "/"
            labels = [
                (keys, description)
                for keys, description, binding_id in sections["Board"]
                if binding_id.startswith("label-")
            ]
            names = [label.name for label in app.workspace.codebook.labels]
            assert labels == [(str(n), f"label: {name}") for n, name in enumerate(names, 1)]

    run(go())
