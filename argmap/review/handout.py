"""Handing out packets from a workspace: candidates, who already labelled what, packet items.

These functions read the workspace through its API (``argmap.store.Workspace``)
and write nothing to it; ``write_packets`` writes the packet files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.review.assignment import Assignment, Candidate, Order, assign, order_items
from argmap.review.packet import (
    Packet,
    PacketError,
    PacketItem,
    load_packet,
    new_packet,
    save_packet,
)

if TYPE_CHECKING:
    from argmap.store import StatementFilter, StatementRow, Workspace

PAGE = 2000


def all_rows(workspace: Workspace, filter: StatementFilter | None = None) -> Iterator[StatementRow]:
    """Every statement row of the workspace (that ``filter`` keeps), in document order, read a
    page at a time."""
    offset = 0
    while True:
        page = workspace.statements(filter, offset=offset, limit=PAGE)
        yield from page
        if len(page) < PAGE:
            return
        offset += PAGE


def candidates(workspace: Workspace, filter: StatementFilter | None = None) -> list[Candidate]:
    """Every statement (``filter`` keeps) as a hand-out candidate: position in document order,
    uncertainty as the store gives it (1 - margin of the suggestion)."""
    return [
        Candidate(
            statement_id=row.id,
            position=row.seq,
            uncertainty=row.uncertainty if row.uncertainty is not None else 1.0,
        )
        for row in all_rows(workspace, filter)
    ]


def labelled_by(
    workspace: Workspace, overlap: int, pending: dict[str, set[str]] | None = None
) -> dict[str, set[str] | int]:
    """Who labelled each statement (people's annotations), plus who holds it in a ``pending``
    packet.

    An adjudicated statement counts as ``overlap`` labels, so it is never handed out.
    """
    held: dict[str, set[str]] = {item: set(people) for item, people in (pending or {}).items()}
    settled: set[str] = set()
    for annotation in workspace.annotations():
        if annotation.adjudicated:
            settled.add(annotation.statement_id)
        else:
            held.setdefault(annotation.statement_id, set()).add(annotation.annotator)
    return {**held, **dict.fromkeys(settled, overlap)}


def pending_packets(folder: Path, workspace_id: str) -> tuple[dict[str, set[str]], list[str]]:
    """Reviewers holding each statement in the packets already in ``folder`` from this workspace.

    Returns that mapping and one problem line per packet file that could not be read
    (those are left out: their items may be handed out again).
    """
    holders: dict[str, set[str]] = {}
    problems: list[str] = []
    if not folder.is_dir():
        return holders, problems
    for path in sorted(folder.glob("*.json")):
        try:
            packet = load_packet(path)
        except PacketError as problem:
            problems.append(str(problem))
            continue
        if packet.workspace_id != workspace_id:
            continue
        for item in packet.items:
            holders.setdefault(item.statement_id, set()).add(packet.reviewer)
    return holders, problems


def packet_items(workspace: Workspace, statement_ids: Iterable[str]) -> list[PacketItem]:
    """The packet items for ``statement_ids``: text, paragraph, speaker, document, spans,
    suggestion."""
    items = []
    for statement_id in statement_ids:
        statement = workspace.statement(statement_id)
        context, offset = workspace.context(statement_id)
        pieces = statement.parts or [(statement.start, statement.end)]
        items.append(
            PacketItem(
                statement_id=statement.id,
                text=statement.text,
                context=context,
                speaker=statement.speaker,
                document=statement.doc_name,
                highlight=[(max(0, start - offset), max(0, end - offset)) for start, end in pieces],
                suggestion=workspace.suggestion(statement_id),
            )
        )
    return items


def plan(
    workspace: Workspace,
    reviewers: Sequence[str],
    *,
    overlap: int = 2,
    per_reviewer: int | None = None,
    order: Order = "uncertainty",
    seed: int = 0,
    pending: dict[str, set[str]] | None = None,
    filter: StatementFilter | None = None,
) -> Assignment:
    """Which statements (of those ``filter`` keeps) go to which reviewer (see
    ``assignment.assign``)."""
    ordered = order_items(candidates(workspace, filter), order, seed)
    return assign(
        ordered, reviewers, overlap, per_reviewer, labelled_by(workspace, overlap, pending)
    )


def build_packets(
    workspace: Workspace,
    assignment: Assignment,
    *,
    blind: bool = False,
    created_at: datetime | None = None,
) -> list[Packet]:
    """One packet per reviewer with items (reviewers given nothing get no packet)."""
    codebook = workspace.codebook
    if codebook is None:
        raise ValueError("the workspace has no codebook (argmap codebook FILE sets one)")
    created_at = created_at or datetime.now(UTC)
    return [
        new_packet(
            workspace.workspace_id,
            reviewer,
            codebook,
            packet_items(workspace, ids),
            blind=blind,
            created_at=created_at,
        )
        for reviewer, ids in assignment.packets.items()
        if ids
    ]


def packet_file_name(packet: Packet) -> str:
    """``REVIEWER-PACKETID8.json``, the reviewer's name made safe for a file name."""
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", packet.reviewer).strip("._") or "reviewer"
    return f"{safe}-{packet.packet_id[:8]}.json"


def write_packets(packets: Iterable[Packet], folder: Path) -> list[Path]:
    """Save each packet in ``folder`` (created if needed) under a new name; never overwrites a
    file."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for packet in packets:
        path = folder / packet_file_name(packet)
        if path.exists():
            raise FileExistsError(f"{path}: a file of that name exists; not overwritten")
        save_packet(packet, path)
        paths.append(path)
    return paths
