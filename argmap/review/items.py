"""Packet items from extracted statements: the statement, its paragraph, where it sits in it."""

from __future__ import annotations

from argmap.models import Document, Statement, Suggestion
from argmap.review.packet import PacketItem
from argmap.spans import paragraph_around


def packet_item(
    statement: Statement, document: Document, suggestion: Suggestion | None = None
) -> PacketItem:
    """The packet item for ``statement`` of ``document``: its paragraph as context, its spans
    highlighted."""
    pieces = statement.parts or [(statement.start, statement.end)]
    lo, hi = paragraph_around(document.text, min(s for s, _ in pieces), max(e for _, e in pieces))
    return PacketItem(
        statement_id=statement.id,
        text=statement.text,
        context=document.text[lo:hi],
        speaker=statement.speaker,
        document=document.name,
        highlight=[(start - lo, end - lo) for start, end in pieces],
        suggestion=suggestion,
    )
