"""A reviewer's answer as written into a packet by hand: the label, the note, the time.

A packet filled in the review UI holds label ids, times in ISO 8601 and text
notes. One edited like a spreadsheet may hold anything; ``read_label``,
``read_note`` and ``read_time`` accept what is unambiguous and say in plain words
what is not:

- a label may be written as its id in any case, as its display name (any case,
  white space inside it as one space), or as the 1-9 key the review UI shows for it
  (a JSON number too), with white space around it; a form that fits two labels is
  refused, naming both;
- an empty label, note or time (``""``, white space) is no label, note or time;
- a time is an ISO 8601 date and time (``2026-12-07T10:00:00Z``, or with a space:
  ``2026-12-07 10:00``); a number, which JSON readers take for seconds since 1970
  and spreadsheets for days since 1900, is refused.

``item_name`` is how every problem names an item: its number, statement id and
first words.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Final, NamedTuple

from pydantic import TypeAdapter, ValidationError

from argmap.codebook import MAX_KEYED_LABELS, Codebook

#: The time every message about a time gives as an example.
EXAMPLE_TIME: Final = "2026-12-07T10:00:00Z"


_TIME_HINT: Final = f"give a time such as {EXAMPLE_TIME}, or leave it empty"
_DATE_FIRST = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]|$)")
_TIMES: TypeAdapter[datetime] = TypeAdapter(datetime)


class Answer(NamedTuple):
    """A field read from an item: its value, the problem (None when fine), whether it was
    rewritten (``Favours-Trump`` read as ``favours-trump``)."""

    value: object
    problem: str | None = None
    normalised: bool = False


def read_label(value: object, codebook: Codebook) -> Answer:
    """The label id ``value`` stands for in ``codebook`` (None: no label), or the problem."""
    if value is None:
        return Answer(None)
    if isinstance(value, str) and value in codebook.label_ids:
        return Answer(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e12:
        value = int(value)  # 2.0: a key, as a spreadsheet may write it
    if isinstance(value, bool) or not isinstance(value, int | str):
        return Answer(None, _not_a_label(value))
    if isinstance(value, int):
        if abs(value) >= 10**12:  # no key, id or name is that long a number
            return Answer(None, _unknown(value, codebook))
        written = str(value)
    else:
        written = value.strip()
        if not written:
            return Answer(None)
    folded = " ".join(written.casefold().split())  # white space inside a name as one space
    matches: list[tuple[str, str]] = []  # (label id, how the answer names it)
    for index, label in enumerate(codebook.labels):
        if folded == label.id.casefold():
            matches.append((label.id, "id" if written == label.id else "id (in another case)"))
        elif folded == " ".join(label.name.casefold().split()):
            matches.append((label.id, "name"))
        elif index < MAX_KEYED_LABELS and written == str(index + 1):
            matches.append((label.id, "key"))
    if len(matches) == 1:
        return Answer(matches[0][0], normalised=True)
    if matches:
        return Answer(
            None,
            f"label {shown(value)} is ambiguous: it is {_how(matches)}; write the label's id",
        )
    return Answer(None, _unknown(value, codebook))


def read_note(value: object) -> Answer:
    """The note (None: no note; white space alone is none), or the problem."""
    if value is None:
        return Answer(None)
    if not isinstance(value, str):
        return Answer(
            None, f"note {shown(value)} is not text; write the note as text, or leave it empty"
        )
    if not _encodable(value):
        return Answer(None, "note holds a character that is not text (a lone surrogate); retype it")
    return Answer(value if value.strip() else None)


def read_time(value: object, field: str = "answered_at") -> Answer:
    """The time (None: no time; empty or white space is none), or the problem."""
    if value is None:
        return Answer(None)
    if isinstance(value, datetime):
        moment: datetime = value
    elif isinstance(value, str):
        written = value.strip()
        if not written:
            return Answer(None)
        if not _DATE_FIRST.match(written):
            return Answer(None, f"{field} {shown(value)} is not a time; {_TIME_HINT}")
        try:
            moment = _TIMES.validate_python(written)
        except ValidationError:
            return Answer(None, f"{field} {shown(value)} is not a time; {_TIME_HINT}")
    else:
        return Answer(None, f"{field} {shown(value)} is not a time; {_TIME_HINT}")
    if not storable(moment):
        return Answer(None, f"{field} {shown(value)} is not a time argmap can store; {_TIME_HINT}")
    return Answer(moment)


def storable(moment: datetime) -> bool:
    """True when ``moment`` converts to UTC within the years 1-9999 (naive times are UTC)."""
    try:
        (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)
    except (OverflowError, ValueError):
        return False
    return True


def item_name(number: int, statement_id: object = None, text: object = None) -> str:
    """``item 12 (71b21f1558f478bf: "this tyranny of distance…")``: how a problem names an item
    (``number`` counts from 1, in the file's order)."""
    if not isinstance(statement_id, str) or not statement_id:
        return f"item {number}"
    words = first_words(text) if isinstance(text, str) else ""
    quoted = f': "{words}"' if words else ""
    return f"item {number} ({_printable(statement_id, 40)}{quoted})"


def first_words(text: str, count: int = 4, width: int = 40) -> str:
    """The first ``count`` words of ``text`` (at most ``width`` characters), with "…" when cut."""
    words = _printable(text[: 4 * width], None).split()  # the start is enough
    first = " ".join(words[:count])
    if len(words) > count or len(first) > width:
        first = first[:width].rstrip() + "…"
    return first


def shown(value: object, width: int = 60) -> str:
    """``value`` as a message quotes it, on one line: text as Python writes it ('neutral '),
    anything else as JSON; cut at ``width`` characters."""
    if isinstance(value, str):
        text = repr(value if len(value) <= width else value[:width] + "…")
    else:
        try:
            text = json.dumps(value, ensure_ascii=True, default=str)
        except (ValueError, RecursionError):
            text = type(value).__name__
        if len(text) > width:
            text = text[:width] + "…"
    return text


def _unknown(value: object, codebook: Codebook) -> str:
    keyed = [
        f"{label.id} ({index + 1}, {label.name})" if index < MAX_KEYED_LABELS else label.id
        for index, label in enumerate(codebook.labels)
    ]
    return (
        f"label {shown(value)} is not in the codebook; give a label's id, name or key: "
        + ", ".join(keyed)
    )


def _not_a_label(value: object) -> str:
    return f"label {shown(value)} is not a label; give a label's id, name or key as text"


def _how(matches: list[tuple[str, str]]) -> str:
    """'the name of neutral and of no-position', 'the id of neutral (in another case) and the
    name of reporting'."""
    parts = []
    previous = None
    for label_id, how in matches:
        kind, _, aside = how.partition(" ")
        aside = f" {aside}" if aside else ""
        parts.append(
            f"of {label_id}{aside}" if kind == previous else f"the {kind} of {label_id}{aside}"
        )
        previous = kind
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _printable(text: str, width: int | None) -> str:
    """``text`` without the characters a terminal would act on (controls, lone surrogates)."""
    kept = "".join(ch if ch.isprintable() else " " for ch in text)
    return kept if width is None or len(kept) <= width else kept[:width] + "…"
