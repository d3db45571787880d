"""Where review effort goes: how unsure a suggestion is, and a statement's final label."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime
from typing import Protocol, TypeVar

from argmap.models import Suggestion

#: Where a final label comes from, strongest first.
SOURCES = ("adjudicated", "human", "suggestion", "none")


def uncertainty(suggestion: Suggestion) -> float:
    """How unsure the suggestion is, from 0 (certain) to 1: one minus the margin between the
    two best scores (the best score alone when there is one label)."""
    ranked = sorted(suggestion.scores.values() or [suggestion.score], reverse=True)
    margin = ranked[0] - (ranked[1] if len(ranked) > 1 else 0.0)
    return min(1.0, max(0.0, 1.0 - margin))


def entropy(suggestion: Suggestion) -> float:
    """The normalised entropy of the scores (0 certain, 1 all labels equally likely)."""
    values = [p for p in suggestion.scores.values() if p > 0]
    if len(suggestion.scores) < 2:
        return 0.0
    return -sum(p * math.log(p) for p in values) / math.log(len(suggestion.scores))


def most_uncertain_first(suggestions: Sequence[Suggestion]) -> list[int]:
    """Indices of ``suggestions``, the least sure first (ties keep their order)."""
    return sorted(range(len(suggestions)), key=lambda i: -uncertainty(suggestions[i]))


#: When an annotation was made: a ``datetime``, or in the store's rows an ISO 8601 UTC string
#: (which compares as the time does).
_Time_co = TypeVar("_Time_co", datetime, str, covariant=True)


class Labelled(Protocol):
    """What ``final_label`` reads of a suggestion: a ``Suggestion`` or the store's row."""

    @property
    def label(self) -> str: ...


class LabelledAt(Protocol[_Time_co]):
    """What ``final_label`` reads of an annotation: an ``Annotation`` or the store's row."""

    @property
    def label(self) -> str: ...

    @property
    def adjudicated(self) -> int: ...  # a bool, or the store's 0/1

    @property
    def time(self) -> _Time_co: ...


_Time = TypeVar("_Time", datetime, str)


def final_label(
    suggestion: Labelled | None, annotations: Sequence[LabelledAt[_Time]]
) -> tuple[str | None, str]:
    """The statement's label and where it comes from: the latest adjudicated annotation, else
    the latest human annotation, else the suggestion; ``(None, "none")`` when there is nothing."""
    adjudicated = [a for a in annotations if a.adjudicated]
    if adjudicated:
        return _latest(adjudicated).label, "adjudicated"
    if annotations:
        return _latest(annotations).label, "human"
    if suggestion is not None:
        return suggestion.label, "suggestion"
    return None, "none"


def _latest(annotations: Sequence[LabelledAt[_Time]]) -> LabelledAt[_Time]:
    """The annotation with the latest time; the last given among equal times."""
    best = annotations[0]
    for annotation in annotations[1:]:
        if annotation.time >= best.time:
            best = annotation
    return best
