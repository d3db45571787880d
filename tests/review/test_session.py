"""The review session without the UI, and the core's import hygiene."""

import subprocess
import sys
from datetime import UTC, datetime

import pytest

from argmap.review.packet import load_packet, new_packet, save_packet
from argmap.review.session import ReviewSession
from tests.review.helpers import CREATED, codebook, seed_items

T1 = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


@pytest.fixture
def session(tmp_path):
    path = tmp_path / "p.json"
    save_packet(
        new_packet("ws", "alice", codebook(), seed_items()[:3], packet_id="p", created_at=CREATED),
        path,
    )
    return ReviewSession(load_packet(path), path, clock=lambda: T1)


def test_answers_and_notes_are_in_the_file_with_their_time(session):
    session.set_note("  hedged  ")
    session.answer("sovereignty-concern")
    assert session.index == 1
    saved = load_packet(session.path).items[0]
    assert (saved.label, saved.note, saved.answered_at) == ("sovereignty-concern", "hedged", T1)
    assert session.answer_number(4) is None and session.index == 1  # the codebook has three labels
    assert session.answer_number(3) == "neutral"
    with pytest.raises(ValueError, match="not in the codebook"):
        session.answer("maybe")


def test_moving_is_clamped_and_the_end_has_no_item(session):
    session.back()
    assert session.index == 0
    for _ in range(5):
        session.skip()
    assert session.at_end and session.current is None and session.index == 3
    with pytest.raises(IndexError):
        session.answer("pro-integration")
    session.go_to(1)
    assert session.current.statement_id == session.items[1].statement_id


def test_label_counts_and_unanswered(session):
    session.accept_suggestion()
    session.answer("pro-integration")
    assert session.label_counts() == {"pro-integration": 2, "sovereignty-concern": 0, "neutral": 0}
    assert session.unanswered == 1 and session.first_unanswered() == 2


def test_the_core_imports_no_ui_and_the_cli_defers_heavy_imports():
    code = (
        "import sys, argmap.review.packet, argmap.review.assignment, argmap.review.agreement, "
        "argmap.review.disagreements, argmap.review.session, argmap.review.items, "
        "argmap.review.report, argmap.cli\n"
        "argmap.cli.build_parser()\n"
        "print(sorted(m for m in ('textual', 'sklearn', 'krippendorff', 'numpy') if m in "
        "sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
