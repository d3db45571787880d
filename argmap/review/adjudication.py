"""The adjudication queue over the workspace: disputed statements, every reviewer's answer, the
final label.

No UI here. ``AdjudicationQueue`` lists the workspace's disputed statements in
document order and sets a final label through ``Workspace.adjudicate`` (one
edit each, undoable); the terminal app in ``argmap.tui.reviewer.adjudicate`` drives it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel

from argmap.review.disagreements import ReviewerAnswer
from argmap.review.packet import PacketItem

if TYPE_CHECKING:
    from argmap.store import Workspace


class Dispute(BaseModel):
    """One disputed statement: what the reviewer saw, and every reviewer's answer."""

    item: PacketItem
    answers: list[ReviewerAnswer]
    final: str | None = None  # the adjudicated label, once given


class AdjudicationQueue:
    """The disputed statements of a workspace at the time it was opened, with a cursor."""

    def __init__(self, workspace: Workspace, adjudicator: str | None = None) -> None:
        from argmap.review.handout import all_rows
        from argmap.store.core import default_actor

        self.workspace = workspace
        self.adjudicator = adjudicator or default_actor()
        self.ids = [row.id for row in all_rows(workspace) if row.review == "disputed"]
        self.index = 0
        self.decided: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def at_end(self) -> bool:
        """True past the last disputed statement."""
        return self.index >= len(self.ids)

    def current(self) -> Dispute | None:
        """The statement under the cursor, read fresh from the workspace; ``None`` at the end."""
        if self.at_end:
            return None
        return self.dispute(self.ids[self.index])

    def dispute(self, statement_id: str) -> Dispute:
        """One statement with its reviewers' answers (adjudications left out), oldest first."""
        from argmap.review.handout import packet_items

        (item,) = packet_items(self.workspace, [statement_id])
        annotations = self.workspace.annotations(statement_id)
        answers = [
            ReviewerAnswer(reviewer=a.annotator, label=a.label, note=a.note, time=a.time)
            for a in annotations
            if not a.adjudicated
        ]
        final = next((a.label for a in reversed(annotations) if a.adjudicated), None)
        return Dispute(item=item, answers=answers, final=final)

    def decide(self, label: str, note: str = "") -> None:
        """Adjudicate the current statement with ``label`` (saved in the workspace) and move on."""
        if self.at_end:
            raise IndexError("no current statement: the queue is at its end")
        statement_id = self.ids[self.index]
        self.workspace.adjudicate(statement_id, label, annotator=self.adjudicator, note=note)
        self.decided[statement_id] = label
        self.index += 1

    def skip(self) -> None:
        """The next statement, undecided."""
        self.index = min(self.index + 1, len(self.ids))

    def back(self) -> None:
        """The previous statement."""
        self.index = max(self.index - 1, 0)
