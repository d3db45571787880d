"""A statement's current label, derived from its annotations and its suggestion.

The ``statements`` table keeps each statement's label, where it came from, its review
state and its suggestion's score and uncertainty, so that lists sort and filter on them;
``refresh_labels`` recomputes them after any write to annotations or suggestions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from argmap.store.records import ReviewState

if TYPE_CHECKING:
    from argmap.store.backend import Connection


class _Label(NamedTuple):
    """An annotation as ``argmap.stance.final_label`` reads it."""

    annotator: str
    adjudicated: int
    label: str
    time: str  # ISO 8601 UTC: compares as the time does


class _Suggested(NamedTuple):
    label: str


def derive_label(
    annotations: list[tuple[str, int, str, str]], suggestion: str | None
) -> tuple[str | None, str | None, str]:
    """(label, source, review state) from ``(annotator, adjudicated, label, time)`` rows and a
    suggested label.

    The label and its source are ``argmap.stance.final_label``'s (the latest adjudication,
    else the latest person's label, else the suggestion); the review state adds whether
    people disagree ('disputed': their current labels differ and nobody adjudicated).
    """
    if not annotations:  # the common case needs no model code
        if suggestion is None:
            return None, None, ReviewState.UNLABELLED.value
        return suggestion, "suggestion", ReviewState.SUGGESTED.value
    from argmap.stance import final_label

    rows = [_Label(*a) for a in annotations]
    label, source = final_label(_Suggested(suggestion) if suggestion is not None else None, rows)
    if source == "adjudicated":
        return label, source, ReviewState.ADJUDICATED.value
    differ = len({a.label for a in rows if not a.adjudicated}) > 1
    return label, source, (ReviewState.DISPUTED if differ else ReviewState.LABELLED).value


def refresh_labels(conn: Connection, statement_ids: list[str]) -> None:
    """Recompute label, label_source, review, suggestion_score and uncertainty for
    ``statement_ids`` (in the database where the backend does it: ``Backend.refresh_labels``;
    PostgreSQL's ``argmap_refresh_label`` is this rule in SQL)."""
    if conn.backend.refresh_labels(conn, statement_ids):
        return
    for statement_id in statement_ids:
        annotations = conn.execute(
            "SELECT annotator, adjudicated, label, time FROM annotations WHERE statement_id = ? "
            "ORDER BY annotator, adjudicated",  # ties in time go to the last (derive_label)
            (statement_id,),
        ).fetchall()
        suggestion = conn.execute(
            "SELECT label, score, uncertainty FROM suggestions WHERE statement_id = ?",
            (statement_id,),
        ).fetchone()
        label, source, review = derive_label(annotations, suggestion[0] if suggestion else None)
        conn.execute(
            "UPDATE statements SET label = ?, label_source = ?, review = ?, "
            "suggestion_score = ?, uncertainty = ? WHERE id = ?",
            (
                label,
                source,
                review,
                *(suggestion[1:] if suggestion else (None, None)),
                statement_id,
            ),
        )
