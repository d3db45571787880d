"""The adjudication queue: items whose reviewers gave different labels."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from pydantic import BaseModel

from argmap.review.ratings import Rating


class ReviewerAnswer(BaseModel):
    """One reviewer's label and note on a disputed item."""

    reviewer: str
    label: str
    note: str = ""
    time: datetime | None = None


class Disagreement(BaseModel):
    """An item with two labels or more that are not all the same."""

    item: str
    document: str | None = None
    answers: list[ReviewerAnswer]

    @property
    def labels(self) -> list[str]:
        """The distinct labels given, most frequent first (ties: first given first)."""
        counts: dict[str, int] = {}
        for answer in self.answers:
            counts[answer.label] = counts.get(answer.label, 0) + 1
        return sorted(counts, key=lambda label: -counts[label])


def disagreements(ratings: Iterable[Rating]) -> list[Disagreement]:
    """Items whose labels differ, by document then item id; answers sorted by reviewer."""
    by_item: dict[str, list[Rating]] = {}
    for rating in ratings:
        by_item.setdefault(rating.item, []).append(rating)
    queue = []
    for item, given in by_item.items():
        if len({rating.label for rating in given}) < 2:
            continue
        queue.append(
            Disagreement(
                item=item,
                document=next((rating.document for rating in given if rating.document), None),
                answers=[
                    ReviewerAnswer(reviewer=r.reviewer, label=r.label, note=r.note, time=r.time)
                    for r in sorted(given, key=lambda r: r.reviewer)
                ],
            )
        )
    return sorted(queue, key=lambda entry: (entry.document or "", entry.item))
