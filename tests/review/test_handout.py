"""``argmap assign``: packets from the workspace, each statement to as many reviewers as it still
needs, most uncertain first; blind packets and a number per reviewer."""

import json
from collections import Counter

from argmap.stance import uncertainty
from tests.review.helpers import REVIEWERS, assign_packets


def test_assign_writes_one_packet_per_reviewer_from_the_workspace(capsys, review_ws, tmp_path):
    folder = tmp_path / "packets"
    out, packets = assign_packets(capsys, review_ws, folder)
    total = review_ws.count_statements()
    assert set(packets) == set(REVIEWERS)
    holders = Counter(item.statement_id for packet in packets.values() for item in packet.items)
    assert len(holders) == total and set(holders.values()) == {2}
    assert sorted(len(p.items) for p in packets.values()) in ([10, 11, 11], [11, 11, 10])
    for packet in packets.values():
        assert (
            packet.workspace_id == review_ws.workspace_id
            and packet.codebook == review_ws.codebook
            and not packet.blind
        )
        for item in packet.items:
            statement = review_ws.statement(item.statement_id)
            assert item.text == statement.text and item.document == "japan-us-integration.txt"
            assert item.speaker == statement.speaker
            assert item.suggestion == review_ws.suggestion(item.statement_id)
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
    out, _ = assign_packets(capsys, review_ws, folder)
    assert len(list(folder.glob("*.json"))) == 3 and "0 statements handed out" in out


def test_assign_says_how_many_reviewers_a_partly_labelled_statement_went_to(
    capsys, review_ws, tmp_path
):
    first, second = review_ws.statements(limit=2)
    review_ws.set_stance(
        first.id, "neutral", annotator="dan"
    )  # one label already: it needs one more reviewer
    review_ws.set_stance(second.id, "neutral", annotator="erin")
    out, packets = assign_packets(capsys, review_ws, tmp_path / "packets")
    holders = Counter(item.statement_id for packet in packets.values() for item in packet.items)
    assert holders[first.id] == holders[second.id] == 1
    total = review_ws.count_statements()
    assert out.splitlines()[-1].startswith(
        f"{total} statements handed out: {total - 2} to 2 reviewers, 2 to 1 reviewer (labelled or "
        "held by others before)"
    )
    assert "to 2 reviewers each" not in out


def test_assign_blind_and_per_reviewer(capsys, review_ws, tmp_path):
    folder = tmp_path / "blind"
    out, packets = assign_packets(
        capsys, review_ws, folder, "--blind", "--per-reviewer", "4", "--order", "document"
    )
    assert [len(p.items) for p in packets.values()] == [4, 4, 4]
    assert "left for later (--per-reviewer)" in out
    for path in folder.glob("*.json"):
        assert all("suggestion" not in item for item in json.loads(path.read_text())["items"])
    first = [row.id for row in review_ws.statements(limit=6)]
    assert {item.statement_id for p in packets.values() for item in p.items} == set(first)
