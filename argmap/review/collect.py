"""Collecting a filled packet into the workspace: answers become the reviewer's annotations.

A packet from another workspace, or one with a label the workspace's codebook
lacks, is refused before anything is merged (``CollectError``); altered items are
refused earlier, when the packet is loaded (its checksum). The answers of one
packet go in as one edit (one undo step, logged under whoever runs collect)
through ``Workspace.set_stance``, with the reviewer as annotator and the answer's time, so
collecting the same packet again changes nothing and an answer never overwrites a newer annotation
by the same reviewer. A packet with an answer dated in the future (beyond now + 5 minutes) is
refused: that answer would hide every later correction by the reviewer.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from argmap.errors import ArgmapError
from argmap.review.packet import Packet, PacketItem

if TYPE_CHECKING:
    from argmap.store import Workspace


#: How far ahead of this machine's clock an answer's time may be (clocks of reviewers' machines
#: drift).
CLOCK_SKEW = timedelta(minutes=5)


class CollectError(ArgmapError, ValueError):
    """A packet that cannot be merged into this workspace; nothing was merged from it."""


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
        if self.notes_without_label:
            parts.append(f"{len(self.notes_without_label)} notes without a label (not merged)")
        if self.missing:
            parts.append(f"{len(self.missing)} statements no longer in the workspace (not merged)")
        return f"{self.reviewer}: " + ", ".join(parts)


def collect_packet(
    workspace: Workspace, packet: Packet, *, actor: str | None = None
) -> CollectReport:
    """Merge ``packet``'s answers into ``workspace`` as annotations by its reviewer (see the module
    doc).

    The edit-log entry is by ``actor``, whoever collects (default: ``$ARGMAP_USER`` or
    the login name); the annotations are the reviewer's.
    """
    from argmap.store import EditError
    from argmap.store.statements import utc_time

    if packet.workspace_id != workspace.workspace_id:
        raise CollectError(
            f"packet from workspace {packet.workspace_id}, "
            f"not this one ({workspace.workspace_id}); nothing merged"
        )
    codebook = workspace.codebook
    if codebook is None:
        raise CollectError(
            "the workspace has no codebook (argmap codebook FILE sets one); nothing merged"
        )
    unknown = sorted(
        {item.label for item in packet.items if item.label and item.label not in codebook.label_ids}
    )
    if unknown:
        raise CollectError(
            f"label {unknown[0]!r} is not in the workspace's codebook "
            f"({', '.join(codebook.label_ids)}); nothing merged"
        )
    _refuse_future_answers(packet)
    report = CollectReport(packet_id=packet.packet_id, reviewer=packet.reviewer)
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
    with workspace.edit_group(
        "collect", f"packet {packet.packet_id[:8]} from {packet.reviewer}", actor=actor
    ):
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
    return report


def _refuse_future_answers(packet: Packet, now: datetime | None = None) -> None:
    """``CollectError`` naming the first answered item whose time is beyond now + ``CLOCK_SKEW``.

    Such an answer would count as newer than every later annotation by the same
    reviewer, so their later corrections would be dropped.
    """
    limit = (now or datetime.now(UTC)) + CLOCK_SKEW
    for number, item in enumerate(packet.items, 1):
        if item.label is None:
            continue
        given, field = (
            (item.answered_at, "answered_at")
            if item.answered_at
            else (packet.created_at, "created_at (its answer time)")
        )
        moment = given if given.tzinfo else given.replace(tzinfo=UTC)
        if moment > limit:
            raise CollectError(
                f"packet {packet.packet_id}, item {number} ({item.statement_id}): "
                f"{field} {moment.isoformat()} is in the "
                f"future (now {limit - CLOCK_SKEW:%Y-%m-%dT%H:%M:%S%z}); nothing merged"
            )
