"""Packet items from extracted statements: the statement, its paragraph, where it sits in it."""

from __future__ import annotations

from argmap.extraction.text import paragraphs
from argmap.models import Document, Statement, Suggestion
from argmap.review.packet import PacketItem


def statement_context(document_text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the paragraph(s) holding ``start``..``end``: from the first one it touches to the last."""
    lo, hi = start, end
    for para_start, para_end in paragraphs(document_text):
        if para_end <= start and para_end < end:
            continue
        if para_start >= end and para_start > start:
            break
        lo, hi = min(lo, para_start), max(hi, para_end)
    return lo, hi


def packet_item(
    statement: Statement, document: Document, suggestion: Suggestion | None = None
) -> PacketItem:
    """The packet item for ``statement`` of ``document``: its paragraph as context, its spans highlighted."""
    pieces = statement.parts or [(statement.start, statement.end)]
    lo, hi = statement_context(document.text, min(s for s, _ in pieces), max(e for _, e in pieces))
    return PacketItem(
        statement_id=statement.id,
        text=statement.text,
        context=document.text[lo:hi],
        speaker=statement.speaker,
        document=document.name,
        highlight=[(start - lo, end - lo) for start, end in pieces],
        suggestion=suggestion,
    )
