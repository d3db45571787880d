"""Reviewer work against the workspace: assign, collect (twice, tampered, foreign, newer), agreement."""

import json
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from tests.helpers import FIXTURES
from tests.helpers import run_cli as _run
from tests.review_support import CODEBOOK_PATH, SEED

from argmap.codebook import load_codebook
from argmap.io.reading import load_documents
from argmap.review.collect import CollectError, collect_packet
from argmap.review.packet import load_packet, new_packet, save_packet
from argmap.stance import uncertainty
from argmap.store import Workspace

REVIEWERS = ["alice", "bob", "carol"]


@pytest.fixture
def ws(tmp_path):
    """A workspace holding the seed article, under the reviewer-work test codebook."""
    workspace = Workspace.init(tmp_path / "ws", codebook=load_codebook(CODEBOOK_PATH))
    workspace.add_documents(load_documents([str(SEED)]))
    with workspace:
        yield workspace


def _assign(capsys, ws, folder, *options):
    status, out, err = _run(
        capsys, "assign", "--reviewers", ",".join(REVIEWERS), "-o", folder, "-w", ws.path, *options
    )
    assert (status, err) == (0, "")
    return out, {
        load_packet(path).reviewer: load_packet(path) for path in sorted(folder.glob("*.json"))
    }


def _annotations(ws):
    return sorted((a.statement_id, a.annotator, a.label, a.note, a.time) for a in ws.annotations())


def _fill(folder, choose):
    """Fill every packet in ``folder``: ``choose(reviewer, number, item)`` gives the label (None: leave it)."""
    moment = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)
    for path in sorted(folder.glob("*.json")):
        packet = load_packet(path)
        for number, item in enumerate(packet.items):
            item.label = choose(packet.reviewer, number, item)
            item.answered_at = moment + timedelta(minutes=number) if item.label else None
        save_packet(packet, path)


def test_assign_writes_one_packet_per_reviewer_from_the_workspace(capsys, ws, tmp_path):
    folder = tmp_path / "packets"
    out, packets = _assign(capsys, ws, folder)
    total = ws.count_statements()
    assert set(packets) == set(REVIEWERS)
    holders = Counter(item.statement_id for packet in packets.values() for item in packet.items)
    assert len(holders) == total and set(holders.values()) == {2}
    assert sorted(len(p.items) for p in packets.values()) in ([10, 11, 11], [11, 11, 10])
    for packet in packets.values():
        assert (
            packet.workspace_id == ws.workspace_id
            and packet.codebook == ws.codebook
            and not packet.blind
        )
        for item in packet.items:
            statement = ws.statement(item.statement_id)
            assert item.text == statement.text and item.document == "japan-us-integration.txt"
            assert item.speaker == statement.speaker
            assert item.suggestion == ws.suggestion(item.statement_id)
            highlighted = item.context[item.highlight[0][0] : item.highlight[-1][1]]
            assert (
                highlighted.startswith(item.text.split()[0])
                and item.text.split()[-1] in highlighted
            )
        # most uncertain first: the suggestions' uncertainty never goes up along a packet
        doubts = [uncertainty(item.suggestion) for item in packet.items]
        assert doubts == sorted(doubts, reverse=True)
    assert f"{total} statements handed out to 2 reviewers each" in out
    # a second run hands nothing out again: every statement is held in a packet in the folder
    out, again = _assign(capsys, ws, folder)
    assert len(list(folder.glob("*.json"))) == 3 and "0 statements handed out" in out


def test_assign_says_how_many_reviewers_a_partly_labelled_statement_went_to(capsys, ws, tmp_path):
    first, second = ws.statements(limit=2)
    ws.set_stance(
        first.id, "neutral", annotator="dan"
    )  # one label already: it needs one more reviewer
    ws.set_stance(second.id, "neutral", annotator="erin")
    out, packets = _assign(capsys, ws, tmp_path / "packets")
    holders = Counter(item.statement_id for packet in packets.values() for item in packet.items)
    assert holders[first.id] == holders[second.id] == 1
    total = ws.count_statements()
    assert out.splitlines()[-1].startswith(
        f"{total} statements handed out: {total - 2} to 2 reviewers, 2 to 1 reviewer (labelled or held by others before)"
    )
    assert "to 2 reviewers each" not in out


def test_assign_blind_and_per_reviewer(capsys, ws, tmp_path):
    folder = tmp_path / "blind"
    out, packets = _assign(
        capsys, ws, folder, "--blind", "--per-reviewer", "4", "--order", "document"
    )
    assert [len(p.items) for p in packets.values()] == [4, 4, 4]
    assert "left for later (--per-reviewer)" in out
    for path in folder.glob("*.json"):
        assert all("suggestion" not in item for item in json.loads(path.read_text())["items"])
    first = [row.id for row in ws.statements(limit=6)]
    assert {item.statement_id for p in packets.values() for item in p.items} == set(first)


def test_collect_merges_answers_once_and_undo_takes_them_back(capsys, ws, tmp_path, monkeypatch):
    monkeypatch.setenv("ARGMAP_USER", "lead")
    folder = tmp_path / "packets"
    _assign(capsys, ws, folder)
    _fill(
        folder,
        lambda reviewer, number, item: (
            None if (reviewer, number) == ("carol", 0) else item.suggestion.label
        ),
    )
    status, out, err = _run(capsys, "collect", *sorted(folder.glob("*.json")), "-w", ws.path)
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 3 and "carol: 9 added, 0 updated, 0 unchanged, 1 unanswered" in out
    merged = _annotations(ws)
    assert len(merged) == 2 * ws.count_statements() - 1
    alice = load_packet(next(folder.glob("alice-*.json")))
    first = alice.items[0]
    (stored,) = [a for a in ws.annotations(first.statement_id) if a.annotator == "alice"]
    assert (stored.label, stored.time) == (first.label, first.answered_at)
    # the reviewers' annotations, collected by the lead: the edit log names who ran collect
    collects = [edit for edit in ws.edits(limit=1000) if edit.action == "collect"]
    assert len(collects) == 3 and {edit.actor for edit in collects} == {"lead"}
    assert sorted(edit.summary.rsplit(" ", 1)[1] for edit in collects) == REVIEWERS
    edits = len(ws.edits(limit=1000))
    # the same packets again: nothing changes, not even the edit log
    status, out, _ = _run(capsys, "collect", *sorted(folder.glob("*.json")), "-w", ws.path)
    assert (
        status == 0
        and out.count(" 0 added, 0 updated") == 3
        and "alice: 0 added, 0 updated, 11 unchanged" in out
    )
    assert _annotations(ws) == merged and len(ws.edits(limit=1000)) == edits
    # each packet is one undo step
    ws.undo()
    assert {a[1] for a in _annotations(ws)} == {"alice", "bob"}


def test_a_tampered_packet_is_refused_and_nothing_is_merged(capsys, ws, tmp_path):
    folder = tmp_path / "packets"
    _assign(capsys, ws, folder)
    _fill(folder, lambda reviewer, number, item: "neutral")
    path = next(folder.glob("bob-*.json"))
    data = json.loads(path.read_text())
    data["items"][3]["text"] = "Japan should leave the alliance."
    path.write_text(json.dumps(data))
    status, out, err = _run(capsys, "collect", path, "-w", ws.path)
    assert status == 1 and out == ""
    assert err.startswith(f"argmap: error: {path}: checksum mismatch") and err.rstrip().endswith(
        "nothing merged"
    )
    assert ws.annotations() == []


def test_a_packet_with_another_reviewer_written_in_is_refused(capsys, ws, tmp_path):
    folder = tmp_path / "packets"
    _assign(capsys, ws, folder)
    _fill(folder, lambda reviewer, number, item: "neutral")
    path = next(folder.glob("alice-*.json"))
    data = json.loads(path.read_text())
    data["reviewer"] = "mallory"
    path.write_text(json.dumps(data))
    status, out, err = _run(capsys, "collect", path, "-w", ws.path)
    assert (status, out) == (1, "") and err.count("\n") == 1
    assert (
        err.startswith(f"argmap: error: {path}: checksum mismatch: the packet's reviewer")
        and "nothing merged" in err
    )
    assert ws.annotations() == []


def test_a_packet_from_another_workspace_is_refused(capsys, ws, tmp_path):
    other = Workspace.init(tmp_path / "other", codebook=load_codebook(CODEBOOK_PATH))
    other.add_documents(load_documents([str(SEED)]))
    with other:
        folder = tmp_path / "foreign"
        _assign(capsys, other, folder)
    _fill(folder, lambda reviewer, number, item: "neutral")
    path = next(folder.glob("alice-*.json"))
    with pytest.raises(
        CollectError, match=f"packet from workspace {other.workspace_id}, not this one"
    ):
        collect_packet(ws, load_packet(path))
    status, _, err = _run(capsys, "collect", path, "-w", ws.path)
    assert status == 1 and "nothing merged" in err and ws.annotations() == []


def test_a_label_the_workspace_codebook_lacks_is_refused(ws, tmp_path):
    elsewhere = load_codebook(
        FIXTURES / "workspace.codebook.toml"
    )  # has 'anti-integration', not 'sovereignty-concern'
    row = ws.statements(limit=1)[0]
    packet = new_packet(ws.workspace_id, "dan", elsewhere, [_item(ws, row.id)])
    packet.items[0].label = "anti-integration"
    with pytest.raises(
        CollectError, match="label 'anti-integration' is not in the workspace's codebook"
    ):
        collect_packet(ws, packet)
    assert ws.annotations() == []


def test_an_answer_dated_in_the_future_is_refused_naming_packet_and_item(capsys, ws, tmp_path):
    rows = ws.statements(limit=3)
    packet = new_packet(
        ws.workspace_id,
        "alice",
        ws.codebook,
        [_item(ws, row.id) for row in rows],
        packet_id="p-future",
    )
    soon = datetime.now(UTC) + timedelta(minutes=2)  # a reviewer's clock a little ahead: fine
    for item in packet.items:
        item.label, item.answered_at = "neutral", soon
    packet.items[1].answered_at = datetime(2099, 1, 1, tzinfo=UTC)
    path = tmp_path / "future.json"
    save_packet(packet, path)
    status, out, err = _run(capsys, "collect", path, "-w", ws.path)
    assert (status, out) == (1, "") and err.count("\n") == 1
    assert err.startswith(
        f"argmap: error: {path}: packet p-future, item 2 ({rows[1].id}): answered_at 2099-01-01T00:00:00+00:00 is in the future"
    )
    assert err.rstrip().endswith("nothing merged") and ws.annotations() == []
    packet.items[1].answered_at = soon
    save_packet(packet, path)
    status, out, _ = _run(capsys, "collect", path, "-w", ws.path)
    assert status == 0 and "alice: 3 added" in out


def _item(ws, statement_id):
    from argmap.review.handout import packet_items

    return packet_items(ws, [statement_id])[0]


def test_an_answer_never_overwrites_a_newer_annotation_by_the_same_reviewer(ws):
    rows = ws.statements(limit=2)
    packet = new_packet(ws.workspace_id, "alice", ws.codebook, [_item(ws, row.id) for row in rows])
    answered = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
    for item in packet.items:
        item.label, item.answered_at = "neutral", answered
    # alice changed her mind in the workspace after answering the packet
    ws.set_stance(
        rows[0].id, "pro-integration", annotator="alice", time=answered + timedelta(hours=1)
    )
    # and had an older label on the second statement
    ws.set_stance(
        rows[1].id, "pro-integration", annotator="alice", time=answered - timedelta(hours=1)
    )
    report = collect_packet(ws, packet)
    assert (report.added, report.updated, report.kept_newer) == (0, 1, 1)
    labels = {a.statement_id: a.label for a in ws.annotations()}
    assert labels == {rows[0].id: "pro-integration", rows[1].id: "neutral"}


def test_a_deleted_statement_is_reported_and_the_rest_merged(ws):
    rows = ws.statements(limit=3)
    packet = new_packet(ws.workspace_id, "alice", ws.codebook, [_item(ws, row.id) for row in rows])
    for item in packet.items:
        item.label = "neutral"
    packet.items[2].note = None
    ws.delete_statement(rows[1].id)
    report = collect_packet(ws, packet)
    assert report.missing == [rows[1].id] and report.added == 2
    assert "1 statements no longer in the workspace (not merged)" in report.summary()


def test_notes_without_a_label_are_reported(ws):
    row = ws.statements(limit=1)[0]
    packet = new_packet(ws.workspace_id, "alice", ws.codebook, [_item(ws, row.id)])
    packet.items[0].note = "not a statement at all"
    report = collect_packet(ws, packet)
    assert report.notes_without_label == [row.id] and ws.annotations() == []


def test_agreement_over_the_workspace_equals_agreement_over_the_packets(capsys, ws, tmp_path):
    folder = tmp_path / "packets"
    _assign(capsys, ws, folder)
    labels = ws.codebook.label_ids
    _fill(
        folder,
        lambda reviewer, number, item: (
            labels[(number + REVIEWERS.index(reviewer)) % 2] if number % 3 else "neutral"
        ),
    )
    packets = sorted(folder.glob("*.json"))
    _, from_packets, _ = _run(capsys, "agreement", *packets, "--format", "json", "--disagreements")
    assert _run(capsys, "collect", *packets, "-w", ws.path)[0] == 0
    status, from_workspace, err = _run(
        capsys, "agreement", "-w", ws.path, "--format", "json", "--disagreements"
    )
    assert (status, err) == (0, "")
    assert json.loads(from_workspace) == json.loads(from_packets)
    report = json.loads(from_workspace)
    assert (
        report["label_counts"]["two"] == ws.count_statements()
        and report["alpha"]["value"] is not None
    )


def test_agreement_on_a_workspace_without_annotations_is_undefined(capsys, ws):
    status, out, _ = _run(capsys, "agreement", "-w", ws.path, "--format", "json")
    report = json.loads(out)
    assert status == 0 and report["items"] == 0
    assert report["alpha"] == {
        "value": None,
        "reason": "no item has labels from two reviewers",
        "items": 0,
    }
