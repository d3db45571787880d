"""The annotation packet: the JSON file one reviewer fills in, offline, and sends back.

A packet holds the workspace it came from, the reviewer, the codebook and the
items to label. The packet's header (``workspace_id``, ``packet_id``,
``reviewer``, ``blind``) and each item's fixed fields (``statement_id``,
``text``, ``context``, ``speaker``, ``document``) are covered by the packet's
``checksum``, so an altered header or item is detected when the packet is
loaded, while the answers (``label``, ``note``, ``answered_at``) can be filled
by the review UI, a script or a spreadsheet round trip without touching it.

``load_packet`` raises ``PacketError`` with one line ``FILE: problem``;
``save_packet`` replaces the file atomically.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Final, TypedDict

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from argmap.codebook import Codebook
from argmap.errors import ArgmapError
from argmap.io.atomic import write_atomic
from argmap.models import Suggestion


class FixedFields(TypedDict):
    """The fields of an item that the checksum covers (``PacketItem.fixed_fields``)."""

    statement_id: str
    text: str
    context: str
    speaker: str | None
    document: str


#: The fields of an item that the checksum covers, in canonical order.
FIXED_FIELDS: Final = tuple(FixedFields.__annotations__)

#: The packet's own fields that the checksum covers.
HEADER_FIELDS: Final = ("workspace_id", "packet_id", "reviewer", "blind")

PACKET_FORMAT: Final = "argmap-packet/2"

#: The first format, whose checksum covered the items only (its reviewer could be changed
#: unnoticed).
ITEMS_ONLY_FORMAT: Final = "argmap-packet/1"


class PacketError(ArgmapError, ValueError):
    """A packet file that cannot be used; the message is ``FILE: problem``."""


class PacketItem(BaseModel):
    """One statement to label, with what the reviewer needs to judge it and their answer."""

    model_config = ConfigDict(extra="forbid")

    statement_id: str = Field(min_length=1)
    text: str = Field(description="the statement's words")
    context: str = Field(description="the paragraph(s) around the statement")
    speaker: str | None = Field(default=None, description="the resolved speaker's name")
    document: str = Field(description="the document's name")
    highlight: list[tuple[int, int]] = Field(
        default_factory=list,
        description="the statement's spans as offsets into `context` (empty: find `text` in it)",
    )
    suggestion: Suggestion | None = Field(
        default=None, description="the model's suggestion; absent in blind packets"
    )
    label: str | None = Field(
        default=None, description="the reviewer's label id; null until answered"
    )
    note: str | None = Field(default=None, description="the reviewer's note; null until written")
    answered_at: datetime | None = Field(
        default=None, description="when the label or note was last given"
    )

    @field_validator("highlight")
    @classmethod
    def _spans_are_ordered(cls, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        for start, end in spans:
            if not 0 <= start <= end:
                raise ValueError(f"span {start}-{end} is not ordered")
        return spans

    def fixed_fields(self) -> FixedFields:
        """The fields the checksum covers."""
        return FixedFields(
            statement_id=self.statement_id,
            text=self.text,
            context=self.context,
            speaker=self.speaker,
            document=self.document,
        )

    @property
    def answered(self) -> bool:
        """True once the reviewer has given a label."""
        return self.label is not None

    def highlight_spans(self) -> list[tuple[int, int]]:
        """Where the statement is in ``context``: ``highlight`` clipped to it, else ``text`` found
        in it."""
        spans = [
            (start, min(end, len(self.context)))
            for start, end in self.highlight
            if start < len(self.context)
        ]
        if spans:
            return spans
        found = self.context.find(self.text) if self.text else -1
        return [(found, found + len(self.text))] if found >= 0 else []


class Packet(BaseModel):
    """One reviewer's packet of items, from one workspace, under one codebook."""

    model_config = ConfigDict(extra="forbid")

    format: str = PACKET_FORMAT
    workspace_id: str = Field(min_length=1)
    packet_id: str = Field(min_length=1)
    reviewer: str = Field(min_length=1)
    codebook: Codebook
    created_at: datetime
    blind: bool = False
    items: list[PacketItem]
    checksum: str = Field(
        description="sha256 of the header and the items' fixed fields (see packet_checksum)"
    )

    def item(self, statement_id: str) -> PacketItem:
        """The item for ``statement_id``; ``KeyError`` when there is none."""
        for item in self.items:
            if item.statement_id == statement_id:
                return item
        raise KeyError(statement_id)

    @property
    def answered(self) -> int:
        """How many items have a label."""
        return sum(item.answered for item in self.items)

    def to_json(self) -> str:
        """The packet as indented JSON (UTF-8, not ASCII-escaped); a blind packet's items have no
        ``suggestion`` key."""
        exclude = {"items": {"__all__": {"suggestion"}}} if self.blind else None
        return self.model_dump_json(indent=2, exclude=exclude) + "\n"


def items_checksum(items: list[PacketItem]) -> str:
    """sha256 (hex) of the items' fixed fields as canonical JSON, items sorted by statement id.

    Answers, notes, suggestions and the order of items do not change it; adding,
    removing or editing an item does.
    """
    fixed = sorted(
        (item.fixed_fields() for item in items), key=lambda fields: fields["statement_id"]
    )
    canonical = json.dumps(fixed, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def packet_checksum(packet: Packet) -> str:
    """sha256 (hex) of the packet's header fields and its items' fixed fields, as canonical JSON.

    The header is ``workspace_id``, ``packet_id``, ``reviewer`` and ``blind``; the
    items part is as in ``items_checksum``, so answers, notes, suggestions and the
    order of items do not change it.
    """
    header = {name: getattr(packet, name) for name in HEADER_FIELDS}
    canonical = json.dumps(
        {"header": header, "items": items_checksum(packet.items)},
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def new_packet(
    workspace_id: str,
    reviewer: str,
    codebook: Codebook,
    items: list[PacketItem],
    *,
    blind: bool = False,
    packet_id: str | None = None,
    created_at: datetime | None = None,
) -> Packet:
    """A fresh packet with its checksum; a blind packet drops the items' suggestions."""
    if blind:
        items = [item.model_copy(update={"suggestion": None}) for item in items]
    packet = Packet(
        workspace_id=workspace_id,
        packet_id=packet_id or uuid.uuid4().hex,
        reviewer=reviewer,
        codebook=codebook,
        created_at=created_at or datetime.now(UTC),
        blind=blind,
        items=items,
        checksum="",
    )
    packet.checksum = packet_checksum(packet)
    check_packet(packet)
    return packet


def check_packet(packet: Packet) -> None:
    """Raise ``ValueError`` (no file name) when the packet is inconsistent.

    Checks: the checksum matches the header and the items, statement ids are
    unique, every label is one of the codebook's, a blind packet carries no
    suggestion. A packet of the first format (checksum over the items only) is
    refused: its reviewer, packet id and workspace are not protected.
    """
    if packet.format == ITEMS_ONLY_FORMAT:
        raise ValueError(
            f"packet format {ITEMS_ONLY_FORMAT!r} does not protect its reviewer, packet_id, "
            "workspace_id and blind against changes; hand the statements out again with "
            "argmap assign"
        )
    if packet.format != PACKET_FORMAT:
        raise ValueError(f"unknown packet format {packet.format!r} (expected {PACKET_FORMAT!r})")
    if packet_checksum(packet) != packet.checksum:
        if items_checksum(packet.items) == packet.checksum:
            raise ValueError(
                "checksum mismatch: the checksum covers the items only, "
                "not the reviewer, packet_id, workspace_id and blind"
            )
        raise ValueError(
            "checksum mismatch: the packet's reviewer, packet_id, workspace_id or blind, "
            "or the items' statement_id, text, context, speaker or document were altered"
        )
    seen: set[str] = set()
    labels = set(packet.codebook.label_ids)
    for number, item in enumerate(packet.items, 1):
        if item.statement_id in seen:
            raise ValueError(f"item {number} ({item.statement_id}): statement id appears twice")
        seen.add(item.statement_id)
        if item.label is not None and item.label not in labels:
            raise ValueError(
                f"item {number} ({item.statement_id}): label {item.label!r} is not in the codebook "
                f"(expected one of {', '.join(packet.codebook.label_ids)})"
            )
        if packet.blind and item.suggestion is not None:
            raise ValueError(
                f"item {number} ({item.statement_id}): a blind packet carries a suggestion"
            )


def parse_packet(text: str, source: str = "<packet>") -> Packet:
    """Parse and check packet JSON ``text``; ``PacketError`` names ``source`` and the problem."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as problem:
        raise PacketError(
            f"{source}: not JSON: {problem.msg} at line {problem.lineno} column {problem.colno}"
        ) from None
    if not isinstance(data, dict):
        raise PacketError(
            f"{source}: not a packet: "
            "expected a JSON object with workspace_id, reviewer, items, ..."
        )
    try:
        packet = Packet.model_validate(data)
    except ValidationError as problem:
        raise PacketError(f"{source}: not a valid packet: {_first_problem(problem)}") from None
    try:
        check_packet(packet)
    except ValueError as problem:
        raise PacketError(f"{source}: {problem}") from None
    return packet


def load_packet(path: str | Path) -> Packet:
    """Read, validate and check the packet at ``path``; ``PacketError`` names the file and
    problem."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PacketError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise PacketError(f"{path}: is a folder, not a packet file") from None
    except OSError as problem:
        raise PacketError(f"{path}: cannot read: {problem.strerror or problem}") from None
    except UnicodeDecodeError:
        raise PacketError(f"{path}: not JSON: not UTF-8 text") from None
    return parse_packet(text, str(path))


def save_packet(packet: Packet, path: str | Path) -> None:
    """Write ``packet`` to ``path`` atomically (temporary file, fsync, ``os.replace``)."""
    write_atomic(path, packet.to_json())


def _first_problem(problem: ValidationError) -> str:
    """The first validation error as 'items[3].label: message'."""
    first = problem.errors()[0]
    where = ""
    for part in first["loc"]:
        where += f"[{part}]" if isinstance(part, int) else (f".{part}" if where else str(part))
    if first["type"] == "missing":
        message = "required field is missing"
    elif first["type"] == "extra_forbidden":
        message = "unknown field"
    else:
        message = first["msg"].removeprefix("Value error, ")
    return f"{where}: {message}" if where else message
