"""Documents' metadata in the store: title, outlet, authors, publication date, URL, language.

One row of ``document_metadata`` per document that has any. Adding a document stores what
its file (or a metadata table) says; adding it again updates what the file now says, but
never a field people set by hand (``set_document_metadata``, one undoable edit), which is
also kept when a new version of the document replaces the old one.

Outlets and authors are matched as documents are (``documents_like``): a text names every
outlet or author that holds it, in any case (``nyt`` names "NYT" and "nytimes.com"), and
``=nyt`` the one called so. Filters then select those exact values through the indexes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from argmap.store.base import WorkspaceBase
from argmap.store.errors import EditError
from argmap.store.records import DocumentRow, OutletCount

if TYPE_CHECKING:
    from argmap.models import DocumentMetadata
    from argmap.store.backend import Connection
    from argmap.store.statements import StatementFilter

#: The fields of a document's metadata, as stored (``authors`` a JSON list).
FIELDS = ("title", "outlet", "authors", "published", "url", "language")


def holds(text: str, needle: str) -> bool:
    """The one rule for naming a document, outlet or author by part of it: ``text`` holds
    ``needle``, ignoring case."""
    return needle.casefold() in text.casefold()


def _named(text: str, rows) -> list[str]:
    """The values of ``rows`` (one column) that ``text`` names: those holding it, or with a
    leading ``=`` the one equal to the rest, ignoring case."""
    needle = text.strip()
    if needle.startswith("="):
        whole = needle[1:].strip().casefold()
        return [value for (value,) in rows if value.casefold() == whole]
    return [value for (value,) in rows if needle and holds(value, needle)]


def metadata_values(metadata: DocumentMetadata) -> dict[str, Any]:
    """A ``DocumentMetadata`` as the store's column values (``authors`` as JSON)."""
    values = {name: getattr(metadata, name) or None for name in FIELDS}
    values["authors"] = json.dumps(list(metadata.authors), ensure_ascii=False)
    return values


def stored_metadata(conn: Connection, document_id: str) -> dict[str, Any] | None:
    """The stored metadata row of a document (column values), or None."""
    cursor = conn.execute(
        "SELECT title, outlet, authors, published, url, language, set_by_hand "
        "FROM document_metadata WHERE document = ?",
        (document_id,),
    )
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip((*FIELDS, "set_by_hand"), row, strict=True))


def write_metadata(conn: Connection, document_id: str, values: Mapping[str, Any]) -> None:
    """Store a document's metadata row (``values``: column values); no row when it holds
    nothing and nothing was set by hand."""
    row = {name: values.get(name) for name in FIELDS}
    row["authors"] = row["authors"] or "[]"
    hand = values.get("set_by_hand") or "[]"
    empty = not any(row[n] for n in FIELDS if n != "authors") and row["authors"] == "[]"
    if empty and hand == "[]":
        conn.execute("DELETE FROM document_metadata WHERE document = ?", (document_id,))
        return
    conn.execute(
        "INSERT INTO document_metadata "
        "(document, title, outlet, authors, published, url, language, set_by_hand) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (document) DO UPDATE SET "
        "title = excluded.title, outlet = excluded.outlet, authors = excluded.authors, "
        "published = excluded.published, url = excluded.url, language = excluded.language, "
        "set_by_hand = excluded.set_by_hand",
        (document_id, *(row[n] for n in FIELDS), hand),
    )


def updated_metadata(
    stored: Mapping[str, Any] | None, read: Mapping[str, Any], *, same_source: bool
) -> dict[str, Any]:
    """The metadata to store when a document is read again: from the same file, what it says
    now replaces what was stored (a field it no longer gives keeps its value); from another
    file with the same text, it only fills fields nothing filled. A field set by hand stays."""
    if stored is None:
        return dict(read)
    hand = set(json.loads(stored.get("set_by_hand") or "[]"))
    values = dict(stored)
    for name in FIELDS:
        new = read.get(name)
        if name in hand or not new or new == "[]":
            continue
        old = stored.get(name)
        if same_source or not old or old == "[]":
            values[name] = new
    return values


def document_rows(
    conn: Connection, condition: str = "", params: list | None = None
) -> list[DocumentRow]:
    """Documents (aliased ``d``, their metadata ``m``) matching an SQL condition, in the order
    added, with statement counts and metadata."""
    where = f" WHERE {condition}" if condition else ""
    rows = conn.execute(
        "SELECT d.id, d.seq, d.name, d.source_path, d.added_at, "
        "(SELECT count(*) FROM statements s WHERE s.document = d.id), "
        "m.title, m.outlet, m.authors, m.published, m.url, m.language, m.set_by_hand "
        "FROM documents d LEFT JOIN document_metadata m ON m.document = d.id"
        f"{where} ORDER BY d.seq",
        params or [],
    ).fetchall()
    return [
        DocumentRow(
            id=r[0],
            seq=r[1],
            name=r[2],
            source_path=r[3],
            added_at=r[4],
            statements=r[5],
            title=r[6],
            outlet=r[7],
            authors=tuple(json.loads(r[8] or "[]")),
            published=r[9],
            url=r[10],
            language=r[11],
            set_by_hand=tuple(json.loads(r[12] or "[]")),
        )
        for r in rows
    ]


#: The values of ``--outlet``, ``--since`` and ``--until`` (and the UI's terms) that mean none:
#: documents without an outlet, or without a date.
NONE = ("none", "-")


class MetadataPart(WorkspaceBase):
    """Documents' metadata: reading, setting by hand, outlets and authors for filters."""

    def document_row(self, document_id: str) -> DocumentRow:
        """One document with its metadata and statement count; ``EditError`` when unknown."""
        rows = document_rows(self.conn, "d.id = ?", [document_id])
        if not rows:
            raise EditError(f"no document {document_id!r}")
        return rows[0]

    def set_document_metadata(
        self, document_id: str, *, actor: str | None = None, **fields: Any
    ) -> DocumentRow:
        """Set fields of a document's metadata by hand (``title``, ``outlet``, ``authors`` a list,
        ``published``, ``url``, ``language``; None or "" empties one). One undoable edit; the
        fields set are kept when the document is added again. ``EditError`` for an unknown
        field, a date that cannot be read or a language that is no code ("english")."""
        from argmap.io.metadata import (
            clean_language,
            clean_text,
            is_language_tag,
            parse_published,
            split_authors,
        )

        unknown = sorted(set(fields) - set(FIELDS))
        if unknown:
            raise EditError(f"unknown metadata field {unknown[0]!r} (expected {', '.join(FIELDS)})")
        row = self.document_row(document_id)
        values: dict[str, Any] = {}
        for name, value in fields.items():
            if name == "authors":
                names = [value] if isinstance(value, str) else list(value or [])
                authors = [a for n in names for a in split_authors(n)]
                values[name] = json.dumps(authors, ensure_ascii=False)
            elif name == "published":
                published, problem = parse_published(value)
                if problem:
                    raise EditError(f"published date {problem}")
                values[name] = published
            elif name == "language":
                language = clean_language(value)
                if language is not None and not is_language_tag(language):
                    raise EditError(
                        f"language {language!r} is not a language code: expected one such as "
                        "en, ja or pt-BR (BCP 47)"
                    )
                values[name] = language
            else:
                values[name] = clean_text(value)
        if not values:
            raise EditError("nothing to set (give a field: --title, --outlet, --published ...)")
        summary = ", ".join(
            f"{name} {json.loads(v) if name == 'authors' else v!r}" for name, v in values.items()
        )
        with self.edit("document-metadata", f"{row.name}: {summary}", actor) as changes:
            changes.touch("document_metadata", document_id)
            stored = stored_metadata(self.conn, document_id) or {"set_by_hand": "[]"}
            hand = json.loads(stored["set_by_hand"])
            stored.update(values)
            stored["set_by_hand"] = json.dumps(hand + [n for n in values if n not in hand])
            write_metadata(self.conn, document_id, stored)
        return self.document_row(document_id)

    # ------------------------------------------------------------------ outlets and authors

    def outlets(self, filter: StatementFilter | None = None) -> list[OutletCount]:
        """Every outlet with its documents and statements, most statements first: the facet the
        UI lists. With ``filter``, the outlets of the statements it keeps, counting those and
        their documents."""
        where, params = filter.where() if filter is not None else ("", [])
        counted = self.conn.execute(
            "SELECT m.outlet, count(DISTINCT s.document), count(*) FROM statements s "
            f"JOIN document_metadata m ON m.document = s.document{where}"
            + (" AND" if where else " WHERE")
            + " m.outlet IS NOT NULL GROUP BY m.outlet",
            params,
        ).fetchall()
        found = {outlet: OutletCount(outlet, n, statements) for outlet, n, statements in counted}
        if filter is None:  # every document, those without statements too
            for outlet, n in self.conn.execute(
                "SELECT outlet, count(*) FROM document_metadata WHERE outlet IS NOT NULL "
                "GROUP BY outlet"
            ):
                found[outlet] = OutletCount(
                    outlet, n, found[outlet].statements if outlet in found else 0
                )
        return sorted(
            found.values(), key=lambda o: (-o.statements, -o.documents, o.outlet.casefold())
        )

    def outlets_like(self, text: str) -> list[str]:
        """The outlets ``text`` names: every outlet holding it, in any case (``=NAME``: the
        outlet called NAME, in any case)."""
        return _named(
            text,
            self.conn.execute(
                "SELECT DISTINCT outlet FROM document_metadata WHERE outlet IS NOT NULL "
                "ORDER BY outlet"
            ),
        )

    def authors_like(self, text: str) -> list[str]:
        """The authors ``text`` names: every author holding it, in any case (``=NAME``: the
        author called NAME, in any case)."""
        return _named(
            text,
            self.conn.execute(
                "SELECT DISTINCT a.value FROM document_metadata m, json_each(m.authors) a "
                "ORDER BY a.value"
            ),
        )

    def metadata_filter(
        self,
        *,
        outlet: str | None = None,
        author: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> dict[str, Any]:
        """The ``StatementFilter`` fields for an outlet, an author (each named by part of it),
        and a first and last day of publication (``2016``, ``2016-03`` or ``2016-03-11``):
        the one reading of ``--outlet``, ``--author``, ``--since`` and ``--until`` and of the
        UI's ``outlet:``, ``author:``, ``since:`` and ``until:``. ``none`` (or ``-``) is no
        outlet, and for ``since`` or ``until`` no date: the documents without one, those the
        timeline counts apart. ``EditError`` names an outlet or author nothing holds, or a day
        that is not one."""
        from argmap.io.metadata import day_bound

        fields: dict[str, Any] = {}
        if outlet is not None and outlet.strip().lower() in NONE:
            fields["outlet"], outlet = ("",), None
        undated = [text for text in (since, until) if text and text.strip().lower() in NONE]
        if undated:
            if len(undated) < len([text for text in (since, until) if text is not None]):
                raise EditError(
                    f"since {since} and until {until}: a document without a date is on no day"
                )
            fields["dated"], since, until = False, None, None
        for name, text, like in (
            ("outlet", outlet, self.outlets_like),
            ("author", author, self.authors_like),
        ):
            if text is None:
                continue
            found = like(text)
            if not found:
                raise EditError(
                    f"no {name} like {text!r} (`argmap documents --{name}s` lists them)"
                )
            fields[name] = tuple(found)
        for name, text, end in (("since", since, False), ("until", until, True)):
            if text is None:
                continue
            try:
                fields[name] = day_bound(text, end=end)
            except ValueError as problem:
                raise EditError(f"{name}: {problem}") from None
        if fields.get("since") and fields.get("until") and fields["since"] > fields["until"]:
            raise EditError(f"since {since} is after until {until}: no day is in between")
        return fields
