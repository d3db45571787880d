"""Helpers for the reviewer-work tests: the small test codebook, packet items from the seed,
packets handed out and filled, and async tests run without a plugin."""

from datetime import UTC, datetime, timedelta

from argmap.codebook import load_codebook
from argmap.extraction.corpus import extract_corpus
from argmap.io.reading import load_documents
from argmap.models import Suggestion
from argmap.review.assignment import Candidate, assign, order_items
from argmap.review.items import packet_item
from argmap.review.packet import PacketItem, load_packet, new_packet, save_packet
from tests.helpers import REVIEW_CODEBOOK, SEED, run_cli

REVIEWERS = ["alice", "bob", "carol"]
CREATED = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def codebook():
    """The small test codebook (pro-integration, sovereignty-concern, neutral)."""
    return load_codebook(REVIEW_CODEBOOK)


def suggestion(label: str, score: float = 0.7) -> Suggestion:
    """A model suggestion as the stance model would give it."""
    return Suggestion(
        label=label,
        score=score,
        model="codebook",
        model_version="test",
        explanation=f"cues of {label}",
    )


def seed_items(suggest: bool = True) -> list[PacketItem]:
    """One packet item per statement the extractor finds in the seed article, in document order."""
    items = []
    for document, statements in extract_corpus(load_documents([str(SEED)])):
        for number, statement in enumerate(statements):
            label = ("pro-integration", "sovereignty-concern", "neutral")[number % 3]
            items.append(packet_item(statement, document, suggestion(label) if suggest else None))
    return items


def run_async(test):
    """Run an ``async def`` test with ``asyncio.run`` (no asyncio plugin needed)."""
    import asyncio
    import functools

    @functools.wraps(test)
    def wrapper(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return wrapper


def hand_out(tmp_path):
    """Assign the seed's statements to three reviewers, two each, and write their packets."""
    items = {item.statement_id: item for item in seed_items()}
    candidates = [
        Candidate(statement_id=item_id, document=item.document, position=number)
        for number, (item_id, item) in enumerate(items.items())
    ]
    assignment = assign(order_items(candidates, "document"), REVIEWERS, overlap=2)
    paths = {}
    for reviewer, ids in assignment.packets.items():
        packet = new_packet(
            "ws-seed",
            reviewer,
            codebook(),
            [items[i] for i in ids],
            packet_id=f"p-{reviewer}",
            created_at=CREATED,
        )
        paths[reviewer] = tmp_path / f"{reviewer}.json"
        save_packet(packet, paths[reviewer])
    return items, assignment, paths


def assign_packets(capsys, workspace, folder, *options):
    """Run ``argmap assign`` on ``workspace`` for the three reviewers, writing into ``folder``:
    (its output, {reviewer: packet} read back from the folder)."""
    status, out, err = run_cli(
        capsys,
        "assign",
        "--reviewers",
        ",".join(REVIEWERS),
        "-o",
        folder,
        "-w",
        workspace.path,
        *options,
    )
    assert (status, err) == (0, "")
    return out, {
        load_packet(path).reviewer: load_packet(path) for path in sorted(folder.glob("*.json"))
    }


def fill_packets(folder, choose):
    """Fill every packet in ``folder``: ``choose(reviewer, number, item)`` gives the label (None:
    leave it)."""
    moment = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)
    for path in sorted(folder.glob("*.json")):
        packet = load_packet(path)
        for number, item in enumerate(packet.items):
            item.label = choose(packet.reviewer, number, item)
            item.answered_at = moment + timedelta(minutes=number) if item.label else None
        save_packet(packet, path)
