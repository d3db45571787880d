"""Collecting a filled packet into the workspace: answers become the reviewer's annotations.

``collect_file`` reads a packet file for the workspace and merges it; every problem
that stops it is reported at once, each naming its item, and nothing is merged from
a packet with a problem. Reading (``argmap.review.packet``) finds the packet's own
problems (an altered header; items deleted, duplicated, added or edited; answers
that cannot be read) and what the workspace cannot take: a packet from another
workspace, a label its codebook lacks, an answer dated in the future (beyond now +
``CLOCK_SKEW``: it would hide every later correction by the reviewer).
``collect_packet`` checks the last three again for a ``Packet`` given in code
(``CollectError``).

The answers of one packet go in as one edit (one undo step, logged under whoever
runs collect) through ``Workspace.set_stance``, with the reviewer as annotator and
the answer's time (an answer without one is dated when the packet was handed out,
its ``created_at``), so collecting the same packet again changes nothing and an
answer never overwrites a newer annotation by the same reviewer.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from argmap.errors import ArgmapError
from argmap.review.packet import (
    CLOCK_SKEW,
    Packet,
    PacketItem,
    Receiver,
    load_packet,
    one_line,
    receiving_problems,
)

if TYPE_CHECKING:
    from argmap.store import Workspace

__all__ = ["CLOCK_SKEW", "CollectError", "CollectReport", "collect_file", "collect_packet"]


class CollectError(ArgmapError, ValueError):
    """A packet that cannot be merged into this workspace; nothing was merged from it.

    ``problems`` holds one line per problem (naming the file when it is known);
    ``str()`` is the first, with how many more, and "nothing merged".
    """

    def __init__(self, problems: str | Sequence[str]) -> None:
        self.problems: tuple[str, ...] = (
            (problems,) if isinstance(problems, str) else tuple(problems)
        )
        super().__init__(f"{one_line(self.problems)}; nothing merged")


class CollectReport(BaseModel):
    """What collecting one packet did."""

    packet_id: str
    reviewer: str
    added: int = Field(default=0, description="answers that became new annotations")
    updated: int = Field(
        default=0, description="answers that replaced an older annotation by the reviewer"
    )
    unchanged: int = Field(
        default=0, description="answers already in the workspace (collected before)"
    )
    kept_newer: int = Field(
        default=0, description="answers older than the reviewer's annotation in the workspace"
    )
    unanswered: int = 0
    normalised: int = Field(
        default=0,
        description="answers whose label was written another way than its id (case, white "
        "space, the label's name or key), read as that label",
    )
    undated: int = Field(
        default=0, description="answers without a time: dated when the packet was handed out"
    )
    notes_without_label: list[str] = Field(
        default_factory=list, description="items with a note but no label: not merged"
    )
    missing: list[str] = Field(
        default_factory=list, description="statements no longer in the workspace: not merged"
    )

    def summary(self) -> str:
        """One line for the command line."""
        parts = [f"{self.added} added", f"{self.updated} updated", f"{self.unchanged} unchanged"]
        if self.kept_newer:
            parts.append(f"{self.kept_newer} older than the workspace's (kept the newer)")
        parts.append(f"{self.unanswered} unanswered")
        if self.normalised:
            parts.append(
                f"{_answers(self.normalised)} normalised (case, spaces, a label's name or key)"
            )
        if self.undated:
            parts.append(f"{_answers(self.undated)} without a time (dated when handed out)")
        if self.notes_without_label:
            parts.append(f"{len(self.notes_without_label)} notes without a label (not merged)")
        if self.missing:
            parts.append(f"{len(self.missing)} statements no longer in the workspace (not merged)")
        return f"{self.reviewer}: " + ", ".join(parts)


def receiver(workspace: Workspace, now: datetime | None = None) -> Receiver:
    """What ``workspace`` expects of a packet it collects; ``CollectError`` when it has no
    codebook."""
    from argmap.store import EditError

    codebook = workspace.codebook
    if codebook is None:
        raise CollectError(
            f"{workspace.path}: the workspace has no codebook (argmap codebook FILE sets one)"
        )

    def statement_text(statement_id: str) -> str | None:
        try:
            return workspace.statement_row(statement_id).text
        except EditError:
            return None

    return Receiver(
        workspace_id=workspace.workspace_id,
        labels=codebook.label_ids,
        now=now or datetime.now(UTC),
        statement_text=statement_text,
    )


def collect_file(
    workspace: Workspace, path: str | Path, *, actor: str | None = None
) -> CollectReport:
    """Read the packet at ``path`` for ``workspace`` and merge its answers (``collect_packet``).

    ``PacketError`` or ``CollectError`` lists every problem, each line naming the
    file; nothing is merged then.
    """
    packet = load_packet(path, receiver=receiver(workspace))
    return collect_packet(workspace, packet, actor=actor, source=str(path))


def collect_packet(
    workspace: Workspace,
    packet: Packet,
    *,
    actor: str | None = None,
    source: str | None = None,
) -> CollectReport:
    """Merge ``packet``'s answers into ``workspace`` as annotations by its reviewer (see the module
    doc).

    The edit-log entry is by ``actor``, whoever collects (default: ``$ARGMAP_USER`` or
    the login name); the annotations are the reviewer's. ``CollectError`` lists every
    problem (each line starting with ``source``, when given); nothing is merged then.
    """
    from argmap.store import EditError

    prefix = f"{source}: " if source else ""
    problems = receiving_problems(packet, receiver(workspace))
    if problems:
        raise CollectError([prefix + problem for problem in problems])
    report = CollectReport(
        packet_id=packet.packet_id, reviewer=packet.reviewer, normalised=packet.normalised
    )
    answers: list[tuple[PacketItem, str]] = []  # answered items with their label
    for item in packet.items:
        if item.label is None:
            report.unanswered += 1
            if item.note:
                report.notes_without_label.append(item.statement_id)
            continue
        try:
            workspace.statement_row(item.statement_id)
        except EditError:
            report.missing.append(item.statement_id)
            continue
        answers.append((item, item.label))
        report.undated += item.answered_at is None
    try:
        with workspace.edit_group(
            "collect", f"packet {packet.packet_id[:8]} from {packet.reviewer}", actor=actor
        ):
            _merge(workspace, packet, answers, report)
    except EditError as problem:  # the edit group is rolled back whole
        raise CollectError(f"{prefix}{problem}") from None
    return report


def _merge(
    workspace: Workspace,
    packet: Packet,
    answers: list[tuple[PacketItem, str]],
    report: CollectReport,
) -> None:
    """Set each answer as the reviewer's annotation, unless theirs in the workspace is as new or
    newer; count what happened in ``report``."""
    from argmap.store.statements import utc_time

    for item, label in answers:
        stamp = utc_time(item.answered_at or packet.created_at)
        note = item.note or ""
        current = next(
            (
                a
                for a in workspace.annotations(item.statement_id)
                if a.annotator == packet.reviewer and not a.adjudicated
            ),
            None,
        )
        if current is not None:
            held = utc_time(current.time)
            if held > stamp:
                report.kept_newer += 1
                continue
            if (held, current.label, current.note) == (stamp, label, note):
                report.unchanged += 1
                continue
        workspace.set_stance(
            item.statement_id, label, annotator=packet.reviewer, note=note, time=stamp
        )
        if current is None:
            report.added += 1
        else:
            report.updated += 1


def _answers(count: int) -> str:
    return f"{count} answer{'s' if count != 1 else ''}"
