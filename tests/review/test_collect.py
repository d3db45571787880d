"""Collecting filled packets into the workspace: merged once, each packet one undo step; tampered,
foreign or future answers refused with nothing merged; newer annotations kept."""

import json
from datetime import UTC, datetime, timedelta

import pytest

from argmap.codebook import load_codebook
from argmap.io.reading import load_documents
from argmap.review.collect import CollectError, collect_packet
from argmap.review.packet import load_packet, new_packet, save_packet
from argmap.store import Workspace
from tests.helpers import FIXTURES, REVIEW_CODEBOOK, SEED, run_cli
from tests.review.helpers import REVIEWERS, assign_packets, fill_packets


def _annotations(review_ws):
    return sorted(
        (a.statement_id, a.annotator, a.label, a.note, a.time) for a in review_ws.annotations()
    )


def test_collect_merges_answers_once_and_undo_takes_them_back(
    capsys, review_ws, tmp_path, monkeypatch
):
    monkeypatch.setenv("ARGMAP_USER", "lead")
    folder = tmp_path / "packets"
    assign_packets(capsys, review_ws, folder)
    fill_packets(
        folder,
        lambda reviewer, number, item: (
            None if (reviewer, number) == ("carol", 0) else item.suggestion.label
        ),
    )
    status, out, err = run_cli(
        capsys, "collect", *sorted(folder.glob("*.json")), "-w", review_ws.path
    )
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 3 and "carol: 9 added, 0 updated, 0 unchanged, 1 unanswered" in out
    merged = _annotations(review_ws)
    assert len(merged) == 2 * review_ws.count_statements() - 1
    alice = load_packet(next(folder.glob("alice-*.json")))
    first = alice.items[0]
    (stored,) = [a for a in review_ws.annotations(first.statement_id) if a.annotator == "alice"]
    assert (stored.label, stored.time) == (first.label, first.answered_at)
    # the reviewers' annotations, collected by the lead: the edit log names who ran collect
    collects = [edit for edit in review_ws.edits(limit=1000) if edit.action == "collect"]
    assert len(collects) == 3 and {edit.actor for edit in collects} == {"lead"}
    assert sorted(edit.summary.rsplit(" ", 1)[1] for edit in collects) == REVIEWERS
    edits = len(review_ws.edits(limit=1000))
    # the same packets again: nothing changes, not even the edit log
    status, out, _ = run_cli(
        capsys, "collect", *sorted(folder.glob("*.json")), "-w", review_ws.path
    )
    assert (
        status == 0
        and out.count(" 0 added, 0 updated") == 3
        and "alice: 0 added, 0 updated, 11 unchanged" in out
    )
    assert _annotations(review_ws) == merged and len(review_ws.edits(limit=1000)) == edits
    # each packet is one undo step
    review_ws.undo()
    assert {a[1] for a in _annotations(review_ws)} == {"alice", "bob"}


def test_a_tampered_packet_is_refused_and_nothing_is_merged(capsys, review_ws, tmp_path):
    folder = tmp_path / "packets"
    assign_packets(capsys, review_ws, folder)
    fill_packets(folder, lambda reviewer, number, item: "neutral")
    path = next(folder.glob("bob-*.json"))
    data = json.loads(path.read_text())
    data["items"][3]["text"] = "Japan should leave the alliance."
    path.write_text(json.dumps(data))
    status, out, err = run_cli(capsys, "collect", path, "-w", review_ws.path)
    assert status == 1 and out == ""
    assert err == (
        f'argmap: error: {path}: item 4 ({data["items"][3]["statement_id"]}: "Japan should '
        'leave the…"): its text was changed after hand-out (statement_id, text, context, speaker '
        "and document must stay as handed out); nothing merged\n"
    )
    assert review_ws.annotations() == []


def test_a_packet_with_another_reviewer_written_in_is_refused(capsys, review_ws, tmp_path):
    folder = tmp_path / "packets"
    assign_packets(capsys, review_ws, folder)
    fill_packets(folder, lambda reviewer, number, item: "neutral")
    path = next(folder.glob("alice-*.json"))
    data = json.loads(path.read_text())
    data["reviewer"] = "mallory"
    path.write_text(json.dumps(data))
    status, out, err = run_cli(capsys, "collect", path, "-w", review_ws.path)
    assert (status, out) == (1, "") and err.count("\n") == 1
    assert (
        err.startswith(f"argmap: error: {path}: checksum mismatch: the packet's reviewer")
        and "nothing merged" in err
    )
    assert review_ws.annotations() == []


def test_a_packet_from_another_workspace_is_refused(capsys, review_ws, tmp_path):
    other = Workspace.init(tmp_path / "other", codebook=load_codebook(REVIEW_CODEBOOK))
    other.add_documents(load_documents([str(SEED)]))
    with other:
        folder = tmp_path / "foreign"
        assign_packets(capsys, other, folder)
    fill_packets(folder, lambda reviewer, number, item: "neutral")
    path = next(folder.glob("alice-*.json"))
    with pytest.raises(
        CollectError, match=f"packet from workspace {other.workspace_id}, not this one"
    ):
        collect_packet(review_ws, load_packet(path))
    status, _, err = run_cli(capsys, "collect", path, "-w", review_ws.path)
    assert status == 1 and "nothing merged" in err and review_ws.annotations() == []


def test_a_label_the_workspace_codebook_lacks_is_refused(review_ws, tmp_path):
    elsewhere = load_codebook(
        FIXTURES / "workspace.codebook.toml"
    )  # has 'anti-integration', not 'sovereignty-concern'
    row = review_ws.statements(limit=1)[0]
    packet = new_packet(review_ws.workspace_id, "dan", elsewhere, [_item(review_ws, row.id)])
    packet.items[0].label = "anti-integration"
    with pytest.raises(
        CollectError, match="label 'anti-integration' is not in the workspace's codebook"
    ):
        collect_packet(review_ws, packet)
    assert review_ws.annotations() == []


def test_an_answer_dated_in_the_future_is_refused_naming_packet_and_item(
    capsys, review_ws, tmp_path
):
    rows = review_ws.statements(limit=3)
    packet = new_packet(
        review_ws.workspace_id,
        "alice",
        review_ws.codebook,
        [_item(review_ws, row.id) for row in rows],
        packet_id="p-future",
    )
    soon = datetime.now(UTC) + timedelta(minutes=2)  # a reviewer's clock a little ahead: fine
    for item in packet.items:
        item.label, item.answered_at = "neutral", soon
    packet.items[1].answered_at = datetime(2099, 1, 1, tzinfo=UTC)
    path = tmp_path / "future.json"
    save_packet(packet, path)
    status, out, err = run_cli(capsys, "collect", path, "-w", review_ws.path)
    assert (status, out) == (1, "") and err.count("\n") == 1
    assert err.startswith(f"argmap: error: {path}: item 2 ({rows[1].id}: ") and (
        '"): answered_at 2099-01-01T00:00:00+00:00 is in the future (now ' in err
    )
    assert err.rstrip().endswith("nothing merged") and review_ws.annotations() == []
    packet.items[1].answered_at = soon
    save_packet(packet, path)
    status, out, _ = run_cli(capsys, "collect", path, "-w", review_ws.path)
    assert status == 0 and "alice: 3 added" in out


def _item(review_ws, statement_id):
    from argmap.review.handout import packet_items

    return packet_items(review_ws, [statement_id])[0]


def test_an_answer_never_overwrites_a_newer_annotation_by_the_same_reviewer(review_ws):
    rows = review_ws.statements(limit=2)
    packet = new_packet(
        review_ws.workspace_id,
        "alice",
        review_ws.codebook,
        [_item(review_ws, row.id) for row in rows],
    )
    answered = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
    for item in packet.items:
        item.label, item.answered_at = "neutral", answered
    # alice changed her mind in the workspace after answering the packet
    review_ws.set_stance(
        rows[0].id, "pro-integration", annotator="alice", time=answered + timedelta(hours=1)
    )
    # and had an older label on the second statement
    review_ws.set_stance(
        rows[1].id, "pro-integration", annotator="alice", time=answered - timedelta(hours=1)
    )
    report = collect_packet(review_ws, packet)
    assert (report.added, report.updated, report.kept_newer) == (0, 1, 1)
    labels = {a.statement_id: a.label for a in review_ws.annotations()}
    assert labels == {rows[0].id: "pro-integration", rows[1].id: "neutral"}


def test_a_deleted_statement_is_reported_and_the_rest_merged(review_ws):
    rows = review_ws.statements(limit=3)
    packet = new_packet(
        review_ws.workspace_id,
        "alice",
        review_ws.codebook,
        [_item(review_ws, row.id) for row in rows],
    )
    for item in packet.items:
        item.label = "neutral"
    packet.items[2].note = None
    review_ws.delete_statement(rows[1].id)
    report = collect_packet(review_ws, packet)
    assert report.missing == [rows[1].id] and report.added == 2
    assert "1 statements no longer in the workspace (not merged)" in report.summary()


def test_notes_without_a_label_are_reported(review_ws):
    row = review_ws.statements(limit=1)[0]
    packet = new_packet(
        review_ws.workspace_id, "alice", review_ws.codebook, [_item(review_ws, row.id)]
    )
    packet.items[0].note = "not a statement at all"
    report = collect_packet(review_ws, packet)
    assert report.notes_without_label == [row.id] and review_ws.annotations() == []
