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

if TYPE_CHECKING:
    from argmap.store.statements import StatementFilter

COLUMNS = [
    "id",
    "document",
    "doc_name",
    "doc_title",
    "outlet",
    "authors",
    "published",
    "url",
    "language",
    "start",
    "end",
    "kind",
    "speaker_id",
    "speaker",
    "speaker_role",
    "cue",
    "text",
    "label",
    "label_source",
    "review",
    "suggestion_label",
    "suggestion_score",
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
    conn = workspace.conn
    encode = json.JSONEncoder(ensure_ascii=False).encode
    annotations: dict[str, list[dict]] = {}
    for sid, annotator, label, adjudicated, time, note in conn.execute(
        "SELECT statement_id, annotator, label, adjudicated, time, note "
        "FROM annotations ORDER BY statement_id, time, annotator"
    ):
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
    for kind, source, target in conn.execute(
        "SELECT kind, source_id, target_id FROM relations "
        "WHERE status = 'accepted' AND source_type = 'statement'"
    ):
        links.setdefault((source, kind), []).append(target)
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(COLUMNS)
    where, params = filter.where() if filter is not None else ("", [])
    for row in conn.execute(
        "SELECT s.id, s.document, d.name, m.title, m.outlet, "
        "(SELECT group_concat(value, '; ') FROM json_each(m.authors)), m.published, m.url, "
        'm.language, s.start, s."end", s.kind, '
        "s.speaker_id, sp.name, s.speaker_role, s.cue, s.text, "
        "s.label, s.label_source, s.review, g.label, g.score "
        "FROM statements s JOIN documents d ON d.id = s.document "
        "LEFT JOIN document_metadata m ON m.document = s.document "
        "LEFT JOIN speakers sp ON sp.id = s.speaker_id "
        f"LEFT JOIN suggestions g ON g.statement_id = s.id{where} "
        "ORDER BY s.doc_seq, s.start, s.seq",
        params,
    ):
        sid = row[0]
        cells = [
            *row,
            encode(annotations.get(sid, [])),
            *(";".join(links.get((sid, kind), ())) for kind in ("supports", "attacks", "restates")),
        ]
        writer.writerow([neutralise(cell) for cell in cells])
