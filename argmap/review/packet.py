"""The annotation packet: the JSON file one reviewer fills in, offline, and sends back.

A packet holds the workspace it came from, the reviewer, the codebook, the items
to label and ``handed_out``, the list of the statements handed out in it with a
fingerprint of each item's fixed fields (``text``, ``context``, ``speaker``,
``document``). The packet's ``checksum`` covers its header (``workspace_id``,
``packet_id``, ``reviewer``, ``blind``) and that list, so an altered header is
detected, and an item deleted, duplicated, added or edited is named, when the
packet is read; the answers (``label``, ``note``, ``answered_at``) and the order of
the items are free, so a packet can be filled by the review UI, a script or a
spreadsheet round trip.

A packet written by hand is read leniently where that is unambiguous (see
``argmap.review.answers``: a label's name or key, its id in any case, white space
around it, an empty time) and every problem is reported at once, each naming its
item: ``PacketError.problems`` holds one line ``FILE: problem`` per problem, and
``str()`` of the error is the first, with how many more. Given a ``Receiver`` (the
workspace collecting the packet), reading also refuses a packet from another
workspace, labels that workspace lacks and answers dated in the future, and names
a deleted item with the workspace's text of its statement.

Packets of format ``argmap-packet/2`` (one checksum over the header and the items,
no list of what was handed out) are still read; a deleted item in one cannot be
named. ``save_packet`` replaces the file atomically.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Final, TypedDict

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
)

from argmap.codebook import Codebook
from argmap.errors import ArgmapError
from argmap.io.atomic import write_atomic
from argmap.models import Suggestion
from argmap.review.answers import (
    first_words,
    item_name,
    read_label,
    read_note,
    read_time,
    shown,
    storable,
)


class FixedFields(TypedDict):
    """The fields of an item that the checksum covers (``PacketItem.fixed_fields``)."""

    statement_id: str
    text: str
    context: str
    speaker: str | None
    document: str


#: The fields of an item that the checksum covers, in canonical order.
FIXED_FIELDS: Final = tuple(FixedFields.__annotations__)

#: The fixed fields an item's fingerprint in ``handed_out`` covers, one part each (the
#: statement id is its key).
FINGERPRINTED: Final = ("text", "context", "speaker", "document")

#: The packet's own fields that the checksum covers (format 2: not ``created_at``, the time of
#: the answers given without one).
HEADER_FIELDS: Final = ("workspace_id", "packet_id", "reviewer", "blind", "created_at")

#: The format ``new_packet`` writes: the checksum covers the header and ``handed_out``.
PACKET_FORMAT: Final = "argmap-packet/3"

#: The second format: one checksum over the header and the items' fixed fields, no list of
#: what was handed out (read still; a deleted item cannot be named).
CHECKSUM_FORMAT: Final = "argmap-packet/2"

#: The first format, whose checksum covered the items only (its reviewer could be changed
#: unnoticed).
ITEMS_ONLY_FORMAT: Final = "argmap-packet/1"

#: How far ahead of the receiving machine's clock an answer's time may be (clocks of
#: reviewers' machines drift).
CLOCK_SKEW: Final = timedelta(minutes=5)

_KEEP_FIXED: Final = "statement_id, text, context, speaker and document must stay as handed out"
_ITEM_FIELDS: Final = (
    "statement_id, text, context, speaker, document, highlight, suggestion, label, note, "
    "answered_at"
)
_PACKET_FIELDS: Final = (
    "format, workspace_id, packet_id, reviewer, codebook, created_at, blind, items, "
    "handed_out, checksum"
)


def one_line(problems: Sequence[str]) -> str:
    """The first of ``problems``, with how many more: the one line an error prints."""
    more = len(problems) - 1
    if more <= 0:
        return problems[0] if problems else "unknown problem"
    return f"{problems[0]} (and {more} more problem{'s' if more > 1 else ''})"


class PacketError(ArgmapError, ValueError):
    """A packet file that cannot be used: ``problems`` holds one line ``FILE: problem`` for
    each problem found; ``str()`` is the first, with how many more."""

    def __init__(self, problems: str | Sequence[str]) -> None:
        self.problems: tuple[str, ...] = (
            (problems,) if isinstance(problems, str) else tuple(problems)
        )
        super().__init__(one_line(self.problems))


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
    handed_out: dict[str, str] | None = Field(
        default=None,
        description="statement id -> fingerprint of its item's fixed fields, for every item "
        "handed out (format 3; the checksum covers it)",
    )
    checksum: str = Field(
        description="sha256 of the header and of handed_out (format 2: of the header and the "
        "items' fixed fields); see packet_checksum"
    )
    _normalised: int = PrivateAttr(default=0)

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

    @property
    def normalised(self) -> int:
        """How many labels were read from another form than their id (case, white space, the
        label's name or key) when the packet was read."""
        return self._normalised

    def to_json(self) -> str:
        """The packet as indented JSON (UTF-8, not ASCII-escaped); a blind packet's items have no
        ``suggestion`` key, a packet of format 2 no ``handed_out``."""
        exclude: dict[str, Any] = {}
        if self.blind:
            exclude["items"] = {"__all__": {"suggestion"}}
        if self.handed_out is None:
            exclude["handed_out"] = True
        return self.model_dump_json(indent=2, exclude=exclude or None) + "\n"


@dataclass(frozen=True)
class Receiver:
    """The workspace a packet is read for (``argmap collect``): what it expects of the packet."""

    workspace_id: str
    #: the label ids of the workspace's codebook
    labels: tuple[str, ...]
    #: the receiving clock: answers later than this plus ``CLOCK_SKEW`` are refused
    now: datetime
    #: the workspace's text of a statement (None when it has none): names a deleted item
    statement_text: Callable[[str], str | None] = lambda statement_id: None


def item_fingerprint(fields: Mapping[str, object]) -> str:
    """The fingerprint of an item's fixed fields: 8 hex digits of sha256 per field of
    ``FINGERPRINTED``, in that order, over the field's text with white space collapsed (a
    spreadsheet's line endings change nothing), or its JSON when it is not text."""
    return "".join(_field_hash(fields.get(name)) for name in FINGERPRINTED)


def _field_hash(value: object) -> str:
    if isinstance(value, str):
        canonical = "s" + " ".join(value.split())
    else:
        canonical = "j" + json.dumps(value, ensure_ascii=True, sort_keys=True, default=str)
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def handed_out_list(items: Iterable[PacketItem]) -> dict[str, str]:
    """``handed_out`` for ``items``: each statement id with its item's fingerprint."""
    return {item.statement_id: item_fingerprint(item.fixed_fields()) for item in items}


def items_checksum(items: Iterable[PacketItem]) -> str:
    """sha256 (hex) of the items' fixed fields as canonical JSON, items sorted by statement id
    (the items part of a format-2 checksum).

    Answers, notes, suggestions and the order of items do not change it; adding,
    removing or editing an item does.
    """
    return _items_digest([dict(item.fixed_fields()) for item in items])


def packet_checksum(packet: Packet) -> str:
    """sha256 (hex) of the packet's header fields and its list of handed-out items, as canonical
    JSON (format 2: of the header and ``items_checksum``).

    The header is ``HEADER_FIELDS``; answers, notes, suggestions and the order of items
    do not change it.
    """
    header = _header_fields(packet)
    if packet.format == CHECKSUM_FORMAT:
        return _checksum(header, "items", items_checksum(packet.items))
    return _checksum(header, "handed_out", packet.handed_out)


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
    """A fresh packet with its list of handed-out items and its checksum; a blind packet drops
    the items' suggestions."""
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
        handed_out=handed_out_list(items),
        checksum="",
    )
    packet.checksum = packet_checksum(packet)
    check_packet(packet)
    return packet


def check_packet(packet: Packet) -> None:
    """Raise ``ValueError`` (no file name; the first problem, with how many more) when the packet
    is inconsistent, as reading it from a file would find."""
    _, problems = _read(packet.model_dump(mode="json"), None)
    if problems:
        raise ValueError(one_line(problems))


def receiving_problems(packet: Packet, receiver: Receiver) -> list[str]:
    """What makes ``packet`` unfit for ``receiver`` (no file name): another workspace's, a label
    its codebook lacks, an answer dated in the future. Each item named; empty when none."""
    items = [(number, item) for number, item in enumerate(packet.items, 1)]
    head, by_item = _receiving(packet.workspace_id, packet.created_at, items, receiver)
    return head + [line for number in sorted(by_item) for line in by_item[number]]


def parse_packet(
    text: str, source: str = "<packet>", *, receiver: Receiver | None = None
) -> Packet:
    """Parse and check packet JSON ``text``; ``PacketError`` lists every problem, each
    ``SOURCE: problem``; with ``receiver``, also what that workspace cannot take."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as problem:
        raise PacketError(
            f"{source}: not JSON: {problem.msg} at line {problem.lineno} column {problem.colno}"
        ) from None
    except RecursionError:
        raise PacketError(f"{source}: not JSON a packet can be: nested too deeply") from None
    except ValueError:  # a number of more than 4300 digits (int_max_str_digits)
        raise PacketError(f"{source}: not JSON a packet can be: a number is too long") from None
    if not isinstance(data, dict) or not data.keys() & {"workspace_id", "items", "checksum"}:
        raise PacketError(
            f"{source}: not a packet: "
            "expected a JSON object with workspace_id, reviewer, items, ..."
        )
    packet, problems = _read(data, receiver)
    if packet is None:
        raise PacketError([f"{source}: {problem}" for problem in problems])
    return packet


def load_packet(path: str | Path, *, receiver: Receiver | None = None) -> Packet:
    """Read, validate and check the packet at ``path``; ``PacketError`` names the file and lists
    every problem (see ``parse_packet``)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")  # a byte-order mark is no problem
    except FileNotFoundError:
        raise PacketError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise PacketError(f"{path}: is a folder, not a packet file") from None
    except OSError as problem:
        raise PacketError(f"{path}: cannot read: {problem.strerror or problem}") from None
    except UnicodeDecodeError:
        raise PacketError(f"{path}: not JSON: not UTF-8 text") from None
    return parse_packet(text, str(path), receiver=receiver)


def save_packet(packet: Packet, path: str | Path) -> None:
    """Write ``packet`` to ``path`` atomically (temporary file, fsync, ``os.replace``)."""
    write_atomic(path, packet.to_json())


# ------------------------------------------------------------------------------ reading


def _read(data: dict[str, Any], receiver: Receiver | None) -> tuple[Packet | None, list[str]]:
    """The packet in ``data`` (a JSON object) and every problem found in it (no file name);
    the packet is None when there is a problem."""
    form = data.get("format", PACKET_FORMAT)
    if form == ITEMS_ONLY_FORMAT:
        return None, [
            f"packet format {ITEMS_ONLY_FORMAT!r} does not protect its reviewer, packet_id, "
            "workspace_id and blind against changes; hand the statements out again with "
            "argmap assign"
        ]
    if form not in (PACKET_FORMAT, CHECKSUM_FORMAT):
        return None, [
            f"unknown packet format {shown(form)} (expected {PACKET_FORMAT!r} or "
            f"{CHECKSUM_FORMAT!r})"
        ]
    head: list[str] = []  # problems of the packet as a whole
    by_item: dict[int, list[str]] = {}  # item number -> its problems
    header = _read_header(data, head)
    if header is not None and header.format == PACKET_FORMAT and header.handed_out is None:
        head.append("handed_out: required field is missing (the list of the items handed out)")
        header = None
    raw_items = data.get("items")
    if not isinstance(raw_items, list):
        head.append(
            "items: required field is missing"
            if "items" not in data
            else "items: expected a list of items"
        )
        raw_items = []
    foreign = bool(receiver and header and header.workspace_id != receiver.workspace_id)
    items: list[tuple[int, PacketItem]] = []
    normalised = 0
    for number, raw in enumerate(raw_items, 1):
        item, problems, changed = _read_item(raw, header)
        if problems:
            name = item_name(number, *_name_fields(raw))
            by_item[number] = [f"{name}: {problem}" for problem in problems]
        if item is not None:
            items.append((number, item))
        normalised += changed
    tail = _diagnose(header, raw_items, head, by_item, receiver if not foreign else None)
    if header is not None and not storable(header.created_at):
        head.append(f"created_at {header.created_at.isoformat()} is not a time argmap can store")
    elif header is not None and receiver is not None:
        more_head, more_items = _receiving(header.workspace_id, header.created_at, items, receiver)
        head.extend(more_head)
        for number, lines in more_items.items():
            by_item.setdefault(number, []).extend(lines)
    problems = head + [line for number in sorted(by_item) for line in by_item[number]] + tail
    if problems or header is None:
        return None, problems or ["not a valid packet"]
    packet = header.model_copy(update={"items": [item for _, item in items]})
    packet._normalised = normalised
    return packet, []


def _read_header(data: dict[str, Any], problems: list[str]) -> Packet | None:
    """The packet's fields but its items, validated (``items`` empty); None after adding the
    problems to ``problems``."""
    fields = {key: value for key, value in data.items() if key != "items"}
    try:
        return Packet.model_validate({**fields, "items": []})
    except ValidationError as error:
        problems.extend(f"not a valid packet: {line}" for line in _plain(error, _PACKET_FIELDS))
        return None


def _read_item(raw: object, header: Packet | None) -> tuple[PacketItem | None, list[str], bool]:
    """One item of the file: (the item or None, its problems, whether its label was normalised).

    The answers are read leniently (``argmap.review.answers``); the label needs the
    packet's codebook, so without a valid header a label is left unread.
    """
    if not isinstance(raw, dict):
        return None, [f"not an item: expected an object with {_ITEM_FIELDS}"], False
    fields = dict(raw)
    problems = []
    normalised = False
    if header is not None:
        label = read_label(fields.get("label"), header.codebook)
        fields["label"] = label.value
        normalised = label.normalised
        if label.problem:
            problems.append(label.problem)
    else:
        fields.pop("label", None)
    for name, answer in (
        ("note", read_note(fields.get("note"))),
        ("answered_at", read_time(fields.get("answered_at"))),
    ):
        fields[name] = answer.value
        if answer.problem:
            problems.append(answer.problem)
    try:
        item = PacketItem.model_validate(fields)
    except ValidationError as error:
        return None, problems + _plain(error, _ITEM_FIELDS), normalised
    if header is not None and header.blind and item.suggestion is not None:
        problems.append("a blind packet carries a suggestion")
    return (None if problems else item), problems, normalised


def _diagnose(
    header: Packet | None,
    raw_items: list[Any],
    head: list[str],
    by_item: dict[int, list[str]],
    receiver: Receiver | None,
) -> list[str]:
    """Items deleted, duplicated, added or edited since hand-out, and an altered header: adds
    an altered header to ``head``, each item's problem to ``by_item``, and returns the deleted
    items."""
    first_seen: dict[str, int] = {}
    fixed: list[dict[str, Any]] = []  # each item's fixed fields, first of each statement only
    for number, raw in enumerate(raw_items, 1):
        statement_id = raw.get("statement_id") if isinstance(raw, dict) else None
        if not isinstance(statement_id, str):
            continue
        if statement_id in first_seen:
            by_item.setdefault(number, []).append(
                f"{item_name(number, *_name_fields(raw))}: the same statement as item "
                f"{first_seen[statement_id]}; keep one of them"
            )
            continue
        first_seen[statement_id] = number
        fixed.append({name: raw.get(name) for name in FIXED_FIELDS})
    if header is None:
        return []
    if header.format == CHECKSUM_FORMAT:
        head.extend(_diagnose_format_2(header, raw_items, fixed))
        return []
    if _checksum(_header_fields(header), "handed_out", header.handed_out) != header.checksum:
        head.append(
            "checksum mismatch: the packet's reviewer, packet_id, workspace_id, blind or "
            "created_at, or its list of handed-out items (handed_out), were altered"
        )
        return []
    handed_out = header.handed_out or {}
    for statement_id, number in first_seen.items():
        raw = raw_items[number - 1]
        if statement_id not in handed_out:
            problem = (
                "this statement was not handed out in this packet (added, or its statement_id "
                "was changed); remove the item"
            )
        else:
            changed = _changed_fields(raw, handed_out[statement_id])
            if not changed:
                continue
            fields = " and ".join(
                [", ".join(changed[:-1]), changed[-1]] if len(changed) > 1 else changed
            )
            were = "were" if len(changed) > 1 else "was"
            problem = f"its {fields} {were} changed after hand-out ({_KEEP_FIXED})"
        by_item.setdefault(number, []).append(f"{item_name(number, *_name_fields(raw))}: {problem}")
    deleted = []
    for statement_id in handed_out:
        if statement_id in first_seen:
            continue
        text = receiver.statement_text(statement_id) if receiver is not None else None
        quoted = f' ("{first_words(text)}")' if text else ""
        deleted.append(
            f"statement {statement_id}{quoted} was handed out in this packet and its item is "
            "missing (deleted); put it back, answered or not"
        )
    return deleted


def _diagnose_format_2(
    header: Packet, raw_items: list[Any], fixed: list[dict[str, Any]]
) -> list[str]:
    """The checksum of a format-2 packet, which covers the items themselves: duplicates are
    named (in ``_diagnose``); whatever else changed cannot be told apart."""
    fields = _header_fields(header)
    if _checksum(fields, "items", _items_digest(fixed)) == header.checksum:
        return []  # the items as handed out, some of them twice
    every = [
        {name: raw.get(name) for name in FIXED_FIELDS} for raw in raw_items if isinstance(raw, dict)
    ]
    if _items_digest(every) == header.checksum:
        return [
            "checksum mismatch: the checksum covers the items only, "
            "not the reviewer, packet_id, workspace_id and blind"
        ]
    return [
        "checksum mismatch: the packet's reviewer, packet_id, workspace_id or blind, or the "
        "items' statement_id, text, context, speaker or document were altered, or items deleted "
        f"or added (a packet of format {CHECKSUM_FORMAT!r} does not list its items, so they "
        "cannot be named)"
    ]


def _receiving(
    workspace_id: str,
    created_at: datetime,
    items: list[tuple[int, PacketItem]],
    receiver: Receiver,
) -> tuple[list[str], dict[int, list[str]]]:
    """(problems of the packet, problems by item number) that make it unfit for ``receiver``."""
    if workspace_id != receiver.workspace_id:
        return [f"packet from workspace {workspace_id}, not this one ({receiver.workspace_id})"], {}
    head: list[str] = []
    by_item: dict[int, list[str]] = {}
    limit = receiver.now + CLOCK_SKEW
    now = f"now {receiver.now:%Y-%m-%dT%H:%M:%S%z}"
    undated = 0
    for number, item in items:
        if item.label is None:
            continue
        problems = []
        if item.label not in receiver.labels:
            problems.append(
                f"label {item.label!r} is not in the workspace's codebook "
                f"({', '.join(receiver.labels)})"
            )
        if item.answered_at is None:
            undated += 1
        elif not storable(item.answered_at):
            problems.append(
                f"answered_at {item.answered_at.isoformat()} is not a time argmap can store"
            )
        elif _utc(item.answered_at) > limit:
            problems.append(
                f"answered_at {_utc(item.answered_at).isoformat()} is in the future ({now})"
            )
        if problems:
            name = item_name(number, item.statement_id, item.text)
            by_item[number] = [f"{name}: {problem}" for problem in problems]
    if not storable(created_at):
        head.append(f"created_at {created_at.isoformat()} is not a time argmap can store")
    elif undated and _utc(created_at) > limit:
        head.append(
            f"created_at {_utc(created_at).isoformat()} is in the future ({now}); it is the time "
            f"of the {undated} answers given without one"
        )
    return head, by_item


def _changed_fields(raw: dict[str, Any], fingerprint: str) -> list[str]:
    """The fixed fields of ``raw`` whose part of its fingerprint differs from ``fingerprint``."""
    now = item_fingerprint(raw)
    width = len(now) // len(FINGERPRINTED)
    return [
        name
        for index, name in enumerate(FINGERPRINTED)
        if now[index * width : (index + 1) * width]
        != fingerprint[index * width : (index + 1) * width]
    ]


def _name_fields(raw: object) -> tuple[object, object]:
    """(statement id, text) of a raw item, for ``item_name``."""
    return (raw.get("statement_id"), raw.get("text")) if isinstance(raw, dict) else (None, None)


def _header_fields(packet: Packet) -> dict[str, Any]:
    """The fields of ``packet`` its checksum covers; a time as its UTC ISO text, so the same
    moment written another way (``Z`` or ``+00:00``) is the same."""
    names = HEADER_FIELDS[:-1] if packet.format == CHECKSUM_FORMAT else HEADER_FIELDS
    fields = {name: getattr(packet, name) for name in names}
    if "created_at" in fields:
        moment = packet.created_at
        fields["created_at"] = (_utc(moment) if storable(moment) else moment).isoformat()
    return fields


def _checksum(header: dict[str, Any], key: str, value: object) -> str:
    canonical = json.dumps(
        {"header": header, key: value}, sort_keys=True, separators=(",", ":"), default=str
    )
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def _items_digest(fixed: list[dict[str, Any]]) -> str:
    """sha256 (hex) of items' fixed fields, sorted by statement id (format 2)."""
    ordered = sorted(fixed, key=lambda fields: str(fields["statement_id"]))
    canonical = json.dumps(ordered, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def _utc(moment: datetime) -> datetime:
    """``moment`` in UTC (naive: taken as UTC)."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)


_PLAIN = {
    "missing": "required field is missing",
    "string_type": "expected text",
    "string_too_short": "must not be empty",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "list_type": "expected a list",
    "tuple_type": "expected a list",
    "dict_type": "expected an object",
    "model_type": "expected an object",
    "model_attributes_type": "expected an object",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number",
    "float_type": "expected a number",
    "float_parsing": "expected a number",
}


def _plain(error: ValidationError, fields: str) -> list[str]:
    """Each validation error as 'items[3].label: message' in plain words; an unknown field lists
    the known ones (``fields``)."""
    lines = []
    for problem in error.errors():
        where = ""
        for part in problem["loc"]:
            where += f"[{part}]" if isinstance(part, int) else (f".{part}" if where else str(part))
        kind = problem["type"]
        if kind == "extra_forbidden":
            message = f"unknown field (the fields are {fields})"
        elif kind.startswith(("datetime", "date")):
            message = "expected a time such as 2026-12-07T10:00:00Z"
        else:
            message = _PLAIN.get(kind) or problem["msg"].removeprefix("Value error, ")
        lines.append(f"{where}: {message}" if where else message)
    return lines
