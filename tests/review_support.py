"""Shared helpers for the reviewer-work tests: the test codebook and packets built from the seed."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.helpers import FIXTURES, REPO

from argmap.codebook import load_codebook
from argmap.extraction.corpus import extract_corpus
from argmap.io.reading import load_documents
from argmap.models import Suggestion
from argmap.review.items import packet_item
from argmap.review.packet import PacketItem

CODEBOOK_PATH = FIXTURES / "review.codebook.toml"
PACKET_FIXTURE = FIXTURES / "review-packet.json"
SEED = REPO / "seeds" / "japan-us-integration.txt"
CREATED = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def codebook():
    """The small test codebook (pro-integration, sovereignty-concern, neutral)."""
    return load_codebook(CODEBOOK_PATH)


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
