"""`argmap review` driven by keypresses: every assertion reads the packet FILE on disk."""

import json

from argmap.io import atomic
from argmap.review.packet import load_packet, new_packet, save_packet
from argmap.tui.reviewer import ReviewApp
from argmap.tui.reviewer.screens import HelpScreen, SummaryScreen
from tests.helpers import PACKET_FIXTURE
from tests.review.helpers import CREATED, codebook, run_async, seed_items

SIZE = (100, 32)


def _app(path):
    return ReviewApp(load_packet(path), path, cursor_blink=False)


def _on_disk(path):
    """(label, note) of each item as saved in the file."""
    return [(item["label"], item["note"]) for item in json.loads(path.read_text())["items"]]


@run_async
async def test_a_label_key_saves_the_answer_at_once_and_moves_on(packet_path):
    app = _app(packet_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        saved = load_packet(packet_path)
        assert saved.items[0].label == "neutral" and saved.items[0].answered_at is not None
        assert [item.label for item in saved.items[1:]] == [None] * 4
        assert app.session.index == 1
        await pilot.press("1")
        assert _on_disk(packet_path)[:3] == [
            ("neutral", None),
            ("pro-integration", None),
            (None, None),
        ]


@run_async
async def test_accept_suggestion_with_a_or_enter(packet_path):
    async with _app(packet_path).run_test(size=SIZE) as pilot:
        await pilot.press("a", "enter")
    suggested = [item.suggestion.label for item in load_packet(PACKET_FIXTURE).items]
    assert [label for label, _ in _on_disk(packet_path)] == suggested[:2] + [None] * 3


@run_async
async def test_note_is_saved_on_enter_and_digits_typed_in_it_are_not_labels(packet_path):
    app = _app(packet_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", *"para 2", "enter")
        assert _on_disk(packet_path)[0] == (None, "para 2")
        assert app.session.index == 0  # a note does not move on
        await pilot.press("2")  # focus is back on the screen: this is a label again
        assert _on_disk(packet_path)[0] == ("sovereignty-concern", "para 2")
        await pilot.press("n", *"xy", "escape", "1")  # escape leaves the note unsaved
    assert _on_disk(packet_path)[:2] == [
        ("sovereignty-concern", "para 2"),
        ("pro-integration", None),
    ]


@run_async
async def test_skip_and_back(packet_path):
    app = _app(packet_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", "s", "2")  # item 3 answered, items 1-2 skipped
        await pilot.press("b", "left", "1")  # back to item 2 and answer it
        await pilot.press("b", "3")  # back to item 2 again and change the answer
        assert app.session.index == 2
    assert _on_disk(packet_path) == [
        (None, None),
        ("neutral", None),
        ("sovereignty-concern", None),
        (None, None),
        (None, None),
    ]


@run_async
async def test_summary_at_the_end_then_back_to_the_first_unanswered(packet_path):
    app = _app(packet_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "s", "2", "2", "3")
        assert isinstance(app.screen, SummaryScreen)
        table = app.screen.query_one("#summary-table").content
        assert table.title == "Packet done: 4 of 5 answered"
        assert [cell.plain for cell in table.columns[0]._cells] == [
            "■ Pro-integration",
            "■ Sovereignty concern",
            "■ Neutral",
            "unanswered",
            "with a note",
        ]
        assert table.columns[1]._cells == ["1", "2", "1", "1", "0"]
        assert app.session.label_counts() == {
            "pro-integration": 1,
            "sovereignty-concern": 2,
            "neutral": 1,
        }
        await pilot.press("u")
        assert not isinstance(app.screen, SummaryScreen) and app.session.index == 1
        await pilot.press(
            "1"
        )  # answering moves on in order: item 3, already answered, shows its label
        assert app.session.index == 2 and "✓ 2" in app.screen.query_one("#labels").content.plain
        await pilot.press("s", "s", "s")
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("q")
    assert app.return_code == 0
    assert [label for label, _ in _on_disk(packet_path)] == [
        "pro-integration",
        "pro-integration",
        "sovereignty-concern",
        "sovereignty-concern",
        "neutral",
    ]


@run_async
async def test_reopening_starts_at_the_first_unanswered_item(packet_path):
    async with _app(packet_path).run_test(size=SIZE) as pilot:
        await pilot.press("1", "1")
    app = _app(packet_path)
    async with app.run_test(size=SIZE) as pilot:
        assert app.session.index == 2
        await pilot.press("1", "1", "1")
    app = _app(packet_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)  # everything answered: the summary first
        await pilot.press("b")
        assert app.session.index == 4


@run_async
async def test_a_blind_packet_shows_no_suggestion_and_a_does_nothing(tmp_path):
    path = tmp_path / "blind.json"
    save_packet(
        new_packet(
            "ws", "bob", codebook(), seed_items()[:3], blind=True, packet_id="b", created_at=CREATED
        ),
        path,
    )
    before = path.read_bytes()
    app = _app(path)
    async with app.run_test(size=SIZE) as pilot:
        assert not app.screen.query_one("#suggestion").display
        await pilot.press("a", "9")  # no suggestion; no ninth label
        assert path.read_bytes() == before and app.session.index == 0


@run_async
async def test_a_failed_save_is_shown_and_the_file_is_intact(packet_path, monkeypatch):
    def refuse(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    before = packet_path.read_bytes()
    app = _app(packet_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        assert app.session.index == 0  # not moved on: the answer was not saved
        assert app.session.packet.answered == 0  # nor counted
        assert any("No space left" in notice.message for notice in app._notifications)
    assert packet_path.read_bytes() == before


@run_async
async def test_help_lists_the_codebooks_labels(packet_path):
    app = _app(packet_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = {str(what): key for key, what in app.screen.key_rows()}
        labels = app.session.packet.codebook.labels
        assert [rows[f"■ {label.name}"] for label in labels] == [
            str(n) for n in range(1, len(labels) + 1)
        ]
        assert rows["Next item without answering"] == "s, →" and rows["Every key"] == "?"
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


def test_review_screen_snapshot(snap_compare, packet_path):
    assert snap_compare(_app(packet_path), terminal_size=SIZE)


def test_summary_screen_snapshot(snap_compare, packet_path):
    assert snap_compare(_app(packet_path), press=["1", "2", "s", "3", "a"], terminal_size=SIZE)


@run_async
async def test_a_keys_file_remaps_the_review_apps_keys(packet_path, tmp_path):
    from argmap.cli.ui import load_keys

    keys = tmp_path / "keys.toml"
    keys.write_text('[keys]\nskip = "x"\nlabel-2 = "w"\nundo = "ctrl+z"\n', encoding="utf-8")
    keymap = load_keys(str(keys))  # one file serves argmap open and argmap review
    app = ReviewApp(load_packet(packet_path), packet_path, cursor_blink=False, keymap=keymap)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x", "w")  # item 1 skipped, item 2 labelled with the codebook's label 2
        await pilot.press("s")  # no longer bound to skip
        assert app.session.index == 2
        labels = app.screen.query_one(
            "#labels"
        ).render()  # the label list shows the keys as remapped
        assert f"w ■ {app.session.packet.codebook.labels[1].name}" in str(labels)
        await pilot.press("question_mark")  # the help shows the keys as remapped
        rows = {str(what): key for key, what in app.screen.key_rows()}
        assert rows["Next item without answering"] == "x"
        assert rows["■ " + app.session.packet.codebook.labels[1].name] == "w"
    assert _on_disk(packet_path)[:2] == [(None, None), ("sovereignty-concern", None)]
