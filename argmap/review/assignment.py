"""Who labels what: items handed to reviewers with a fixed overlap and equal shares.

Pure functions. ``order_items`` puts candidate statements in the order they
should be handed out (most uncertain first, document order, or a seeded random
order); ``assign`` deals the ordered items to reviewers so that each item goes
to exactly ``overlap`` distinct reviewers, never to someone who already labelled
it, items already labelled enough are skipped, and reviewers' shares differ by
at most one.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Mapping, Sequence
from typing import Literal

from pydantic import BaseModel, Field

Order = Literal["uncertainty", "document", "random"]


class Candidate(BaseModel):
    """A statement that could be handed out, with what the orders sort by."""

    statement_id: str
    document: str = ""
    position: int = Field(default=0, description="the statement's offset in its document")
    uncertainty: float = Field(
        default=0.0, description="higher is less certain (e.g. 1 - top suggestion score)"
    )


class Assignment(BaseModel):
    """The result of dealing items to reviewers."""

    packets: dict[str, list[str]] = Field(
        description="reviewer -> statement ids, in hand-out order"
    )
    already_labelled: list[str] = Field(
        default_factory=list, description="items skipped: labelled by enough people"
    )
    not_handed_out: list[str] = Field(
        default_factory=list,
        description="items still needing labels that did not fit in --per-reviewer",
    )


def order_items(candidates: Sequence[Candidate], order: Order, seed: int = 0) -> list[str]:
    """Statement ids in hand-out order.

    ``uncertainty``: most uncertain first, then document and position;
    ``document``: by document, then position; ``random``: shuffled by
    ``random.Random(seed)`` from the ids' sorted order, so the same seed and the
    same candidates give the same order whatever order they came in.
    """
    if order == "uncertainty":
        ranked = sorted(
            candidates, key=lambda c: (-c.uncertainty, c.document, c.position, c.statement_id)
        )
    elif order == "document":
        ranked = sorted(candidates, key=lambda c: (c.document, c.position, c.statement_id))
    elif order == "random":
        ranked = sorted(candidates, key=lambda c: c.statement_id)
        random.Random(seed).shuffle(ranked)
    else:
        raise ValueError(f"unknown order {order!r} (expected uncertainty, document or random)")
    return [candidate.statement_id for candidate in ranked]


def assign(
    item_ids: Sequence[str],
    reviewers: Sequence[str],
    overlap: int = 2,
    per_reviewer: int | None = None,
    labelled_by: Mapping[str, Collection[str] | int] | None = None,
) -> Assignment:
    """Deal ``item_ids`` (already in hand-out order) to ``reviewers``.

    Each item needs ``overlap`` labels from distinct people; ``labelled_by``
    gives who already labelled an item (reviewers or not), or just how many
    labels it has, so an item with ``overlap`` labels or more is skipped and a
    partly labelled one goes only to as many reviewers as it still needs, none of
    whom (when names are given) labelled it before.
    ``per_reviewer`` caps each packet (``None``: hand out everything). Items go to
    the reviewers holding the fewest items so far (ties: the one who got an item
    least recently, then the order of ``reviewers``), which keeps shares within
    one of each other whenever no earlier labeller has to be avoided.
    """
    if len(set(reviewers)) != len(reviewers):
        raise ValueError("a reviewer is named twice")
    if not reviewers:
        raise ValueError("no reviewers given")
    if overlap < 1:
        raise ValueError(f"overlap must be at least 1, not {overlap}")
    if overlap > len(reviewers):
        raise ValueError(
            f"overlap {overlap} needs at least {overlap} reviewers, but {len(reviewers)} are given"
        )
    if per_reviewer is not None and per_reviewer < 0:
        raise ValueError(f"per-reviewer must be at least 0, not {per_reviewer}")
    if len(set(item_ids)) != len(item_ids):
        raise ValueError("an item id appears twice")
    labelled_by = labelled_by or {}
    packets: dict[str, list[str]] = {reviewer: [] for reviewer in reviewers}
    last_turn = dict.fromkeys(reviewers, -1)
    rank = {reviewer: index for index, reviewer in enumerate(reviewers)}
    already: list[str] = []
    left: list[str] = []
    for turn, item in enumerate(item_ids):
        known = labelled_by.get(item, ())
        earlier = set() if isinstance(known, int) else set(known)
        needed = overlap - (known if isinstance(known, int) else len(earlier))
        if needed <= 0:
            already.append(item)
            continue
        free = [
            reviewer
            for reviewer in reviewers
            if reviewer not in earlier
            and (per_reviewer is None or len(packets[reviewer]) < per_reviewer)
        ]
        if len(free) < needed:
            left.append(item)
            continue
        free.sort(
            key=lambda reviewer: (len(packets[reviewer]), last_turn[reviewer], rank[reviewer])
        )
        for reviewer in free[:needed]:
            packets[reviewer].append(item)
            last_turn[reviewer] = turn
    return Assignment(packets=packets, already_labelled=already, not_handed_out=left)
