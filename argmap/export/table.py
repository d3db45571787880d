"""CSV: one row per statement, with its speaker, stance, review state, annotations and links."""

from __future__ import annotations

import csv
from typing import TextIO

COLUMNS = [
    "id",
    "document",
    "doc_name",
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


def write_csv(workspace, stream: TextIO) -> None:
    """Write every statement as a CSV row (header first)."""
    conn = workspace.conn
    annotations: dict[str, list[str]] = {}
    for sid, annotator, label, adjudicated in conn.execute(
        "SELECT statement_id, annotator, label, adjudicated "
        "FROM annotations ORDER BY statement_id, time"
    ):
        annotations.setdefault(sid, []).append(f"{annotator}{'*' if adjudicated else ''}:{label}")
    links: dict[tuple[str, str], list[str]] = {}
    for kind, source, target in conn.execute(
        "SELECT kind, source_id, target_id FROM relations "
        "WHERE status = 'accepted' AND source_type = 'statement'"
    ):
        links.setdefault((source, kind), []).append(target)
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in conn.execute(
        'SELECT s.id, s.document, d.name, s.start, s."end", s.kind, '
        "s.speaker_id, sp.name, s.speaker_role, s.cue, s.text, "
        "s.label, s.label_source, s.review, g.label, g.score "
        "FROM statements s JOIN documents d ON d.id = s.document "
        "LEFT JOIN speakers sp ON sp.id = s.speaker_id "
        "LEFT JOIN suggestions g ON g.statement_id = s.id "
        "ORDER BY s.doc_seq, s.start, s.seq"
    ):
        sid = row[0]
        writer.writerow(
            [
                *row,
                ";".join(annotations.get(sid, ())),
                *(
                    ";".join(links.get((sid, kind), ()))
                    for kind in ("supports", "attacks", "restates")
                ),
            ]
        )
