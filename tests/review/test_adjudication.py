"""Adjudication: the queue of disputed statements with every reviewer's answer; in the app, keys
set the final label; ``argmap review --adjudicate`` opens it."""

from datetime import UTC, datetime, timedelta

import pytest

from argmap.cli import main
from argmap.review.adjudication import AdjudicationQueue
from argmap.tui.reviewer.adjudicate import AdjudicateApp
from tests.review.helpers import run_async

SIZE = (100, 32)
T0 = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


@pytest.fixture
def disputed_ws(review_ws):
    """The seed workspace; alice and bob disagree on statements 1 and 4, agree on statement 2."""
    rows = review_ws.statements(limit=4)
    answers = [
        (rows[0].id, "pro-integration", "neutral", "describes the plan", ""),
        (rows[1].id, "pro-integration", "pro-integration", "", ""),
        (rows[3].id, "sovereignty-concern", "neutral", "", "only worry, no position"),
    ]
    for number, (statement_id, alice, bob, alice_note, bob_note) in enumerate(answers):
        review_ws.set_stance(
            statement_id,
            alice,
            annotator="alice",
            note=alice_note,
            time=T0 + timedelta(minutes=number),
        )
        review_ws.set_stance(
            statement_id,
            bob,
            annotator="bob",
            note=bob_note,
            time=T0 + timedelta(minutes=10 + number),
        )
    return review_ws


def test_the_queue_holds_the_disputed_statements_with_every_answer(disputed_ws):
    rows = disputed_ws.statements(limit=4)
    queue = AdjudicationQueue(disputed_ws, "lead")
    assert queue.ids == [rows[0].id, rows[3].id]
    dispute = queue.current()
    assert dispute.item.statement_id == rows[0].id and dispute.item.text == rows[0].text
    assert [(a.reviewer, a.label, a.note) for a in dispute.answers] == [
        ("alice", "pro-integration", "describes the plan"),
        ("bob", "neutral", ""),
    ]
    assert dispute.final is None


@run_async
async def test_keys_set_the_final_label_in_the_workspace(disputed_ws):
    rows = disputed_ws.statements(limit=4)
    app = AdjudicateApp(disputed_ws, "lead")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        (final,) = [a for a in disputed_ws.annotations(rows[0].id) if a.adjudicated]
        assert (final.label, final.annotator) == ("neutral", "lead")
        assert disputed_ws.statement_row(rows[0].id).review == "adjudicated"
        await pilot.press("s")  # skip the second dispute: the end of the queue
        assert app.queue.at_end
        await pilot.press("b", "2")
        assert disputed_ws.statement_row(rows[3].id).label == "sovereignty-concern"
        await pilot.press("b")  # back to a decided statement: its final label is shown
        assert "✓ 2" in app.screen.query_one("#labels").content.plain
        await pilot.press("q")
    assert disputed_ws.status().review.get("disputed", 0) == 0
    disputed_ws.undo()  # each decision is one edit
    assert disputed_ws.statement_row(rows[3].id).review == "disputed"


@run_async
async def test_help_shows_the_final_label_keys_as_remapped(disputed_ws):
    from argmap.tui.reviewer.screens import HelpScreen

    app = AdjudicateApp(disputed_ws, "lead", keymap={"adjudicate-1": "f", "adjudicate-skip": "j"})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = {str(what): key for key, what in app.screen.key_rows()}
        first, second = disputed_ws.codebook.labels[:2]
        assert (rows[f"■ {first.name}"], rows[f"■ {second.name}"]) == ("f", "2")
        assert rows["Next disputed statement"] == "j"


def test_dispute_screen_snapshot(snap_compare, disputed_ws):
    assert snap_compare(AdjudicateApp(disputed_ws, "lead"), terminal_size=SIZE, press=["s"])


def test_review_needs_a_packet_or_adjudicate(capsys, disputed_ws, monkeypatch):
    with pytest.raises(SystemExit) as caught:
        main(["review"])
    assert (
        caught.value.code == 2 and "give a PACKET file, or --adjudicate" in capsys.readouterr().err
    )
    opened = []
    monkeypatch.setattr(
        AdjudicateApp, "run", lambda self: opened.append((self.queue.adjudicator, len(self.queue)))
    )
    assert (
        main(["review", "--adjudicate", "--as", "lead", "-w", str(disputed_ws.path)]) == 1
    )  # no terminal under pytest
    assert opened == [] and "argmap review needs a terminal" in capsys.readouterr().err
    monkeypatch.setattr("argmap.cli.review._has_terminal", lambda: True)
    assert main(["review", "--adjudicate", "--as", "lead", "-w", str(disputed_ws.path)]) == 0
    assert opened == [("lead", 2)]
