"""What the pages show of one statement, read from the workspace.

``item_view`` gathers what a reviewer sees of an assigned statement: the paragraph cut into
pieces (the statement's words marked, the speaker's mention marked), the speaker and document,
the codebook's labels with their keys, the model's suggestion unless the item is blind, the
reviewer's own answer, the places before and after it in the assignment and the progress;
never another reviewer's label. ``dispute_view`` gathers what the adjudicator sees of a
disputed statement: the same paragraph and labels, every reviewer's label and note, and the
final label once given.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.models import Statement
    from argmap.store import Workspace
    from argmap.store.web import AssignedItem

#: Labels 1-9 have a key, as in the terminal reviewer.
MAX_KEYED_LABELS = 9


@dataclass(frozen=True)
class Piece:
    """A run of the paragraph's text: plain, part of the statement, the speaker's mention, or
    both."""

    text: str
    statement: bool = False
    speaker: bool = False


@dataclass(frozen=True)
class LabelChoice:
    """One of the codebook's labels as a button: its key ('' past the ninth)."""

    key: str
    id: str
    name: str
    colour: str


@dataclass(frozen=True)
class ItemView:
    """Everything the page shows of one statement of a reviewer's assignment."""

    reviewer: str
    statement_id: str
    index: int  # 0-based place in the assignment
    total: int
    answered: int
    pieces: tuple[Piece, ...]
    speaker: str | None
    document: str
    issue: str
    labels: tuple[LabelChoice, ...]
    suggestion: str | None  # the suggested label's id (None when blind or none)
    suggestion_score: float | None
    label: str | None  # the reviewer's own answer
    note: str
    previous: str | None
    next: str | None


def paragraph_pieces(
    text: str, statement: list[tuple[int, int]], speaker: tuple[int, int] | None
) -> tuple[Piece, ...]:
    """``text`` cut where the statement's spans and the speaker's span begin and end."""
    cuts = {0, len(text)}
    for lo, hi in [*statement, *([speaker] if speaker else [])]:
        cuts.update((max(0, min(lo, len(text))), max(0, min(hi, len(text)))))
    bounds = sorted(cuts)
    pieces = []
    for lo, hi in pairwise(bounds):
        if lo == hi:
            continue
        in_statement = any(a <= lo and hi <= b for a, b in statement)
        in_speaker = speaker is not None and speaker[0] <= lo and hi <= speaker[1]
        pieces.append(Piece(text[lo:hi], in_statement, in_speaker))
    return tuple(pieces)


@dataclass(frozen=True)
class ReviewerAnswer:
    """One reviewer's label of a disputed statement, as the adjudicator sees it."""

    reviewer: str
    label: str
    note: str
    time: str


@dataclass(frozen=True)
class DisputeView:
    """Everything the adjudication page shows of one disputed (or decided) statement."""

    statement_id: str
    index: int
    total: int
    pieces: tuple[Piece, ...]
    speaker: str | None
    document: str
    issue: str
    labels: tuple[LabelChoice, ...]
    answers: tuple[ReviewerAnswer, ...]
    final: str | None
    note: str
    previous: str | None
    next: str | None


#: The review states the adjudication pages list: still disputed, or decided already.
ADJUDICATION_STATES = ("disputed", "adjudicated")


def adjudication_order(workspace: Workspace) -> list[tuple[str, str]]:
    """The statements the adjudication pages go through, in document order: (id, review
    state), those disputed and those adjudicated."""
    from argmap.store import StatementFilter

    rows: list[tuple[str, str]] = []
    offset = 0
    state_filter = StatementFilter(review=ADJUDICATION_STATES)
    while True:
        page = workspace.statements(state_filter, offset=offset, limit=2000)
        rows += [(row.id, row.review) for row in page]
        if len(page) < 2000:
            return rows
        offset += 2000


def _paragraph(workspace: Workspace, statement_id: str) -> tuple[Statement, tuple[Piece, ...]]:
    statement = workspace.statement(statement_id)
    context, offset = workspace.context(statement_id)
    spans = statement.parts or [(statement.start, statement.end)]
    speaker = (
        (statement.speaker_start - offset, statement.speaker_end - offset)
        if statement.speaker_start is not None and statement.speaker_end is not None
        else None
    )
    pieces = paragraph_pieces(context, [(lo - offset, hi - offset) for lo, hi in spans], speaker)
    return statement, pieces


def _labels(workspace: Workspace) -> tuple[str, tuple[LabelChoice, ...]]:
    codebook = workspace.codebook_outline
    labels = tuple(
        LabelChoice(str(n) if n <= MAX_KEYED_LABELS else "", label.id, label.name, label.colour)
        for n, label in enumerate(codebook.labels if codebook else (), start=1)
    )
    return (codebook.issue if codebook else ""), labels


def dispute_view(workspace: Workspace, statement_id: str, order: list[str]) -> DisputeView:
    """The adjudication page's view of ``statement_id`` (one of ``order``)."""
    statement, pieces = _paragraph(workspace, statement_id)
    issue, labels = _labels(workspace)
    annotations = workspace.annotations(statement_id)
    final = next((a for a in reversed(annotations) if a.adjudicated), None)
    index = order.index(statement_id)
    return DisputeView(
        statement_id=statement_id,
        index=index,
        total=len(order),
        pieces=pieces,
        speaker=statement.speaker or statement.speaker_mention,
        document=statement.doc_name,
        issue=issue,
        labels=labels,
        answers=tuple(
            ReviewerAnswer(a.annotator, a.label, a.note, a.time.strftime("%Y-%m-%d %H:%M"))
            for a in annotations
            if not a.adjudicated
        ),
        final=final.label if final else None,
        note=final.note if final else "",
        previous=order[index - 1] if index > 0 else None,
        next=order[index + 1] if index + 1 < len(order) else None,
    )


def item_view(
    workspace: Workspace, reviewer: str, item: AssignedItem, order: list[AssignedItem]
) -> ItemView:
    """The page's view of ``item`` (one of ``order``, the reviewer's assignment)."""
    statement, pieces = _paragraph(workspace, item.statement_id)
    issue, labels = _labels(workspace)
    suggestion = None if item.blind else workspace.suggestion(item.statement_id)
    own = [
        a
        for a in workspace.annotations(item.statement_id)
        if a.annotator == reviewer and not a.adjudicated
    ]
    ids = [i.statement_id for i in order]
    index = ids.index(item.statement_id)
    return ItemView(
        reviewer=reviewer,
        statement_id=item.statement_id,
        index=index,
        total=len(ids),
        answered=len(workspace.web_answered(reviewer)),
        pieces=pieces,
        speaker=statement.speaker or statement.speaker_mention,
        document=statement.doc_name,
        issue=issue,
        labels=labels,
        suggestion=suggestion.label if suggestion else None,
        suggestion_score=suggestion.score if suggestion else None,
        label=own[-1].label if own else None,
        note=own[-1].note if own else "",
        previous=ids[index - 1] if index > 0 else None,
        next=ids[index + 1] if index + 1 < len(ids) else None,
    )
