"""CSV: one row per statement, with its speaker, stance, review state, annotations and links.

No cell is a formula to a spreadsheet: a text cell that begins with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return (OWASP's list for CSV injection) gets an apostrophe
in front, and so does a cell that begins with an apostrophe itself, so that the rule
reads back without doubt: take one leading apostrophe off every cell that has one.
A statement's annotations are one JSON list in its ``annotations`` cell, each with its
annotator, label, adjudicated flag, time and note.
"""

from __future__ import annotations

import csv
import json
from typing import TYPE_CHECKING, TextIO

from argmap.store.exports import (
    STATEMENT_TABLE_COLUMNS,
    annotation_rows,
    statement_links,
    statement_table,
)

if TYPE_CHECKING:
    from argmap.store.statements import StatementFilter

COLUMNS = [
    *STATEMENT_TABLE_COLUMNS,
    "annotations",
    "supports",
    "attacks",
    "restates",
]

#: A text cell beginning with one of these is a formula to a spreadsheet (OWASP, CSV injection);
#: the apostrophe is there so that a cell beginning with one reads back unambiguously.
NEUTRALISED = ("=", "+", "-", "@", "\t", "\r", "'")


def neutralise(value: object) -> object:
    """``value`` as a CSV cell that no spreadsheet evaluates: an apostrophe before a text that
    begins with one of ``NEUTRALISED``; numbers and None as they are."""
    if isinstance(value, str) and value.startswith(NEUTRALISED):
        return "'" + value
    return value


def write_csv(workspace, stream: TextIO, filter: StatementFilter | None = None) -> None:
    """Write every statement (that ``filter`` keeps) as a CSV row (header first), with its
    document's metadata (``authors`` joined by "; ")."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    annotations: dict[str, list[dict]] = {}
    for sid, annotator, label, adjudicated, time, note in annotation_rows(workspace):
        annotations.setdefault(sid, []).append(
            {
                "annotator": annotator,
                "label": label,
                "adjudicated": bool(adjudicated),
                "time": time,
                "note": note,
            }
        )
    links: dict[tuple[str, str], list[str]] = {}
    for kind, source, target in statement_links(workspace):
        links.setdefault((source, kind), []).append(target)
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in statement_table(workspace, filter, authors_separator="; "):
        sid = row[0]
        cells = [
            *row,
            encode(annotations.get(sid, [])),
            *(";".join(links.get((sid, kind), ())) for kind in ("supports", "attacks", "restates")),
        ]
        writer.writerow([neutralise(cell) for cell in cells])
