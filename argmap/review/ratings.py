"""The table agreement is computed from: one label per (item, reviewer)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from pydantic import BaseModel

from argmap.models import Annotation
from argmap.review.packet import Packet

if TYPE_CHECKING:
    from argmap.store import Workspace


class Rating(BaseModel):
    """One reviewer's label for one item, with the item's document and the reviewer's note."""

    item: str
    reviewer: str
    label: str
    document: str | None = None
    note: str = ""
    time: datetime | None = None


def packet_ratings(packet: Packet) -> list[Rating]:
    """The answered items of ``packet`` as ratings by its reviewer (unanswered items are left
    out)."""
    return [
        Rating(
            item=item.statement_id,
            reviewer=packet.reviewer,
            label=item.label,
            document=item.document,
            note=item.note or "",
            time=item.answered_at,
        )
        for item in packet.items
        if item.label is not None
    ]


def annotation_rating(annotation: Annotation, document: str | None = None) -> Rating:
    """A stored human annotation as a rating."""
    return Rating(
        item=annotation.statement_id,
        reviewer=annotation.annotator,
        label=annotation.label,
        document=document,
        note=annotation.note,
        time=annotation.time,
    )


def workspace_ratings(workspace: Workspace) -> list[Rating]:
    """People's annotations in the workspace as ratings (adjudications left out), with document
    names."""
    from argmap.review.handout import all_rows

    annotations = [a for a in workspace.annotations() if not a.adjudicated]
    if not annotations:
        return []
    documents = {row.id: row.doc_name for row in all_rows(workspace)}
    return [annotation_rating(a, documents.get(a.statement_id)) for a in annotations]


def latest_ratings(ratings: Iterable[Rating]) -> list[Rating]:
    """One rating per (item, reviewer): the latest by ``time`` (undated ones lose; a tie keeps the
    later in input).

    Order follows each pair's first appearance.
    """
    chosen: dict[tuple[str, str], Rating] = {}
    for rating in ratings:
        key = (rating.item, rating.reviewer)
        held = chosen.get(key)
        if held is None or _moment(rating) >= _moment(held):
            chosen[key] = rating
    return list(chosen.values())


def _moment(rating: Rating) -> tuple[int, float]:
    return (0, 0.0) if rating.time is None else (1, rating.time.timestamp())
