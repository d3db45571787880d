"""Whole-table reads the exports need (the CSV table, the map graph), as plain rows: the SQL
stays in the store, the files' formats in ``argmap.export``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.store.statements import StatementFilter

#: The columns of ``statement_table``'s rows, in order.
STATEMENT_TABLE_COLUMNS = (
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
)


def statement_table(
    workspace, filter: StatementFilter | None = None, *, authors_separator: str = "; "
) -> Iterator[tuple]:
    """Every statement (that ``filter`` keeps) in document order, with its document's
    metadata (the authors joined by ``authors_separator``), speaker, stance and suggestion:
    ``STATEMENT_TABLE_COLUMNS``."""
    where, params = filter.where() if filter is not None else ("", [])
    authors = workspace.backend.join_text("value", "?")
    yield from workspace.conn.execute(
        "SELECT s.id, s.document, d.name, m.title, m.outlet, "
        f"(SELECT {authors} FROM json_each(m.authors)), m.published, m.url, "
        'm.language, s.start, s."end", s.kind, '
        "s.speaker_id, sp.name, s.speaker_role, s.cue, s.text, "
        "s.label, s.label_source, s.review, g.label, g.score "
        "FROM statements s JOIN documents d ON d.id = s.document "
        "LEFT JOIN document_metadata m ON m.document = s.document "
        "LEFT JOIN speakers sp ON sp.id = s.speaker_id "
        f"LEFT JOIN suggestions g ON g.statement_id = s.id{where} "
        "ORDER BY s.doc_seq, s.start, s.seq",
        [authors_separator, *params],
    )


def annotation_rows(workspace) -> Iterator[tuple]:
    """Every annotation as ``(statement_id, annotator, label, adjudicated, time, note)``,
    by statement, then time, then annotator."""
    yield from workspace.conn.execute(
        "SELECT statement_id, annotator, label, adjudicated, time, note "
        "FROM annotations ORDER BY statement_id, time, annotator"
    )


def statement_links(workspace) -> Iterator[tuple[str, str, str]]:
    """``(kind, source statement, target)`` of every accepted relation from a statement."""
    yield from workspace.conn.execute(
        "SELECT kind, source_id, target_id FROM relations "
        "WHERE status = 'accepted' AND source_type = 'statement'"
    )


def speaker_roles(workspace) -> dict[str, str | None]:
    """Every statement's speaker role (as its text gives it), by statement id."""
    return dict(workspace.conn.execute("SELECT id, speaker_role FROM statements").fetchall())
