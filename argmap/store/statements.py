"""Statements in the store: paged queries for lists, and the edits analysts make to them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from argmap.spans import paragraph_around
from argmap.store.base import WorkspaceBase
from argmap.store.core import default_actor, now
from argmap.store.derived import refresh_labels
from argmap.store.editlog import ChangeSet
from argmap.store.errors import EditError, LabelNotApplied
from argmap.store.positions import position_condition
from argmap.store.records import StatementRow

if TYPE_CHECKING:  # imported where used (pydantic models are not needed to open or list)
    from argmap.models import Annotation, Statement, StatementKind, Suggestion

_ROW_SQL = """
SELECT s.id, s.seq, s.document, d.name, s.start, s."end", s.text, s.kind, s.speaker_id, sp.name,
       s.speaker_mention, s.cue, s.confidence, s.origin, s.label, s.label_source, s.review,
       g.label, g.score, s.uncertainty, s.speaker_start, s.speaker_end, s.cue_start, s.cue_end,
       m.outlet, m.published
FROM statements s
JOIN documents d ON d.id = s.document
LEFT JOIN speakers sp ON sp.id = s.speaker_id
LEFT JOIN suggestions g ON g.statement_id = s.id
LEFT JOIN document_metadata m ON m.document = s.document
"""

#: The LIMIT that stands for none (the largest a 64-bit integer holds).
NO_LIMIT = 2**63 - 1

#: What ``Workspace.tally`` can group statement counts by (the columns of ``statement_tally``).
TALLIED = ("speaker_id", "label", "review")

#: Sort keys for ``statements(sort=...)``; every order ends on the document order
#: (``{d}``: the direction; ``{speaker}``, ``{text}``: the names and texts compared without
#: case, as the backend spells it).
SORTS = {
    "document": "s.doc_seq {d}, s.start {d}, s.seq {d}",
    # unattributed last
    "speaker": "{speaker} {d}, sp.id {d}, s.doc_seq {d}, s.start {d}",
    "label": "s.label {d}, s.doc_seq, s.start",
    "review": "s.review {d}, s.doc_seq, s.start",
    "uncertainty": "s.uncertainty {d}, s.doc_seq, s.start",
    "score": "s.suggestion_score {d}, s.doc_seq, s.start",
    "confidence": "s.confidence {d}, s.doc_seq, s.start",
    "kind": "s.kind {d}, s.doc_seq, s.start",
    "text": "{text} {d}, s.seq",
    "length": "length(s.text) {d}, s.seq",
}


@dataclass(frozen=True)
class StatementFilter:
    """Which statements a list shows; every field given narrows it (None: any)."""

    speaker: str | None = None  # speaker id; "" = no speaker
    label: str | None = None  # current stance label id; "" = no label
    label_source: str | None = None  # adjudicated | human | suggestion
    document: str | tuple[str, ...] | None = None  # document id(s)
    kind: str | None = None  # direct | mixed | indirect
    review: str | tuple[str, ...] | None = None  # ReviewState value(s)
    text: str | None = None  # case-insensitive substring of the text or the speaker mention
    ids: tuple[str, ...] | None = None  # only these statements
    # the documents' metadata (``Workspace.metadata_filter`` makes these from what people type)
    outlet: tuple[str, ...] | None = None  # outlets, exactly as stored; "": no outlet
    author: tuple[str, ...] | None = None  # authors, exactly as stored: any of them
    since: str | None = None  # published on this day (YYYY-MM-DD) or later
    until: str | None = None  # published on this day (YYYY-MM-DD) or earlier
    dated: bool | None = None  # False: documents without a date of publication; True: with one
    # a position of the map (claim id) the statement bears on (``argmap.store.positions``);
    # "" = none
    position: str | None = None

    def metadata_conditions(self) -> tuple[list[str], list]:
        """SQL conditions on a document's metadata (``document_metadata`` aliased ``m``) for
        the outlet, author and days, and their parameters. A day range is a range of the
        ``published`` text, which orders by the day of publication in the outlet's zone."""
        parts: list[str] = []
        params: list = []
        if self.outlet is not None:
            condition = "m.outlet IN (SELECT value FROM json_each(?))"
            parts.append(f"({condition} OR m.outlet IS NULL)" if "" in self.outlet else condition)
            params.append(json.dumps(list(self.outlet)))
        if self.author is not None:
            parts.append(
                "EXISTS (SELECT 1 FROM json_each(m.authors) a "
                "WHERE a.value IN (SELECT value FROM json_each(?)))"
            )
            params.append(json.dumps(list(self.author)))
        if self.since is not None:
            parts.append("m.published >= ?")
            params.append(self.since)
        if self.until is not None:
            parts.append("m.published < ?")
            params.append((date.fromisoformat(self.until) + timedelta(days=1)).isoformat())
        if self.dated is not None:  # dated: its published value begins with a day, as the
            # timeline reads it (argmap.store.timeline.DAY_SQL)
            test = "IS NOT NULL" if self.dated else "IS NULL"
            parts.append(f"date(substr(m.published, 1, 10)) {test}")
        return parts, params

    def document_conditions(self) -> tuple[list[str], list]:
        """SQL conditions on documents (aliased ``d``, their metadata ``m``): the ``document``
        ids and the metadata conditions."""
        parts, params = self.metadata_conditions()
        if self.document is not None:
            documents = (self.document,) if isinstance(self.document, str) else self.document
            parts.append("d.id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(documents)))
        return parts, params

    def where(self) -> tuple[str, list]:
        """The SQL condition and its parameters."""
        parts: list[str] = []
        params: list = []
        metadata, values = self.metadata_conditions()
        if metadata:
            parts.append(  # a document without metadata has no row: NULLs, no outlet
                "s.document IN (SELECT d.id FROM documents d "
                "LEFT JOIN document_metadata m ON m.document = d.id WHERE "
                + " AND ".join(metadata)
                + ")"
            )
            params += values
        if self.speaker == "":
            parts.append("s.speaker_id IS NULL")
        elif self.speaker is not None:
            parts.append("s.speaker_id = ?")
            params.append(self.speaker)
        if self.position is not None:
            condition, values = position_condition(self.position)
            parts.append(condition)
            params += values
        if self.label is not None:
            parts.append("s.label IS NULL" if self.label == "" else "s.label = ?")
            params += [] if self.label == "" else [self.label]
        if self.label_source is not None:
            parts.append("s.label_source = ?")
            params.append(self.label_source)
        if self.document is not None:
            documents = (self.document,) if isinstance(self.document, str) else self.document
            parts.append(f"s.document IN ({', '.join('?' * len(documents))})")
            params += documents
        if self.kind is not None:
            parts.append("s.kind = ?")
            params.append(self.kind)
        if self.review is not None:
            states = (self.review,) if isinstance(self.review, str) else tuple(self.review)
            parts.append(f"s.review IN ({', '.join('?' * len(states))})")
            params += states
        if self.text:
            pattern = (
                "%" + self.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            )
            parts.append("(s.text LIKE ? ESCAPE '\\' OR s.speaker_mention LIKE ? ESCAPE '\\')")
            params += [pattern] * 2
        if self.ids is not None:
            parts.append(f"s.id IN ({', '.join('?' * len(self.ids))})")
            params += list(self.ids)
        return (" WHERE " + " AND ".join(parts)) if parts else "", params


def _row(values: tuple) -> StatementRow:
    return StatementRow(*values)


def utc_time(time: datetime | str | None) -> str:
    """``time`` (naive = UTC) as the store's ISO string; now when None."""
    if time is None:
        return now()
    if isinstance(time, str):
        time = datetime.fromisoformat(time)
    if time.tzinfo is None:
        time = time.replace(tzinfo=UTC)
    return time.astimezone(UTC).isoformat(timespec="milliseconds")


#: How far ahead of the clock a label's time may be (clocks of reviewers' machines drift).
FUTURE_SLACK = timedelta(minutes=5)


class StatementsPart(WorkspaceBase):
    """Queries over statements and the edits of statements and their stances."""

    # ------------------------------------------------------------------ queries

    def statements(
        self,
        filter: StatementFilter | None = None,
        *,
        sort: str = "document",
        descending: bool = False,
        offset: int = 0,
        limit: int = 100,
    ) -> list[StatementRow]:
        """A page of statements matching ``filter``, ordered by ``sort`` (a key of ``SORTS``)."""
        if sort not in SORTS:
            raise EditError(f"unknown sort {sort!r} (expected one of {', '.join(SORTS)})")
        if limit < 0:  # no bound, as SQLite reads a negative LIMIT (PostgreSQL refuses one)
            limit = NO_LIMIT
        where, params = (filter or StatementFilter()).where()
        order = SORTS[sort].format(  # NULLs first going up, as SQLite puts them (PostgreSQL
            # would put them last unless told)
            d="DESC NULLS LAST" if descending else "ASC NULLS FIRST",
            speaker=self.backend.nocase("sp.name"),
            text=self.backend.nocase("s.text"),
        )
        if sort == "speaker":
            return self._by_speaker(where, params, order, offset, limit)
        if "sp." in where:
            rows = self.conn.execute(
                f"{_ROW_SQL}{where} ORDER BY {order} LIMIT ? OFFSET ?", [*params, limit, offset]
            ).fetchall()
        else:  # page over the statements alone, then join the page: skipped rows cost no joins
            rows = self.conn.execute(
                f"{_ROW_SQL} WHERE s.seq IN "
                f"(SELECT s.seq FROM statements s{where} ORDER BY {order} LIMIT ? OFFSET ?) "
                f"ORDER BY {order}",
                [*params, limit, offset],
            ).fetchall()
        return [_row(r) for r in rows]

    def _by_speaker(
        self, where: str, params: list, order: str, offset: int, limit: int
    ) -> list[StatementRow]:
        """A page in speaker-name order: speakers walked in index order, each one's statements
        by index, so a page costs its own rows; statements without a speaker come last."""
        # CROSS JOIN: SQLite walks the speakers first (and PostgreSQL takes no ON after it)
        attributed = _ROW_SQL.replace(
            "FROM statements s\nJOIN documents d ON d.id = s.document\n"
            "LEFT JOIN speakers sp ON sp.id = s.speaker_id",
            "FROM speakers sp CROSS JOIN statements s\nJOIN documents d ON d.id = s.document",
        )
        joined = (" AND " if where else " WHERE ") + "s.speaker_id = sp.id"
        rows = self.conn.execute(
            f"{attributed}{where}{joined} ORDER BY {order} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
        if len(rows) < limit:  # the page runs past the attributed statements
            join = " JOIN speakers sp ON sp.id = s.speaker_id"
            seen = self.conn.execute(
                f"SELECT count(*) FROM statements s{join}{where}", params
            ).fetchone()[0]
            rest = (" AND " if where else " WHERE ") + "s.speaker_id IS NULL"
            rows += self.conn.execute(
                f"{_ROW_SQL}{where}{rest} ORDER BY s.doc_seq, s.start LIMIT ? OFFSET ?",
                [*params, limit - len(rows), max(0, offset - seen)],
            ).fetchall()
        return [_row(r) for r in rows]

    def count_statements(self, filter: StatementFilter | None = None) -> int:
        """How many statements match ``filter``."""
        where, params = (filter or StatementFilter()).where()
        if not where:
            return self.conn.execute("SELECT coalesce(sum(n), 0) FROM statement_tally").fetchone()[
                0
            ]
        join = " LEFT JOIN speakers sp ON sp.id = s.speaker_id" if "sp." in where else ""
        return self.conn.execute(
            f"SELECT count(*) FROM statements s{join}{where}", params
        ).fetchone()[0]

    def tally(self, *by: str) -> list[tuple]:
        """Statement counts grouped by ``by`` (any of speaker_id, label, review), read from the
        tally the schema's triggers keep (a few rows per speaker, not one per statement): one
        tuple per group, the grouped values (None for no speaker or no label) then the count;
        groups without statements are left out."""
        unknown = [column for column in by if column not in TALLIED]
        if unknown or not by:
            raise EditError(
                f"cannot tally statements by {', '.join(unknown) or 'nothing'} "
                f"(expected {', '.join(TALLIED)})"
            )
        columns = ", ".join(f"nullif({column}, '')" for column in by)
        # in the groups' order, as SQLite gives them (PostgreSQL gives groups in any order)
        order = ", ".join(f"{n} NULLS FIRST" for n in range(1, len(by) + 1))
        return self.conn.execute(
            f"SELECT {columns}, sum(n) FROM statement_tally "
            f"GROUP BY {', '.join(by)} HAVING sum(n) > 0 ORDER BY {order}"
        ).fetchall()

    def statement_counts(
        self, by: str, filter: StatementFilter | None = None
    ) -> dict[str | None, int]:
        """Statements matching ``filter`` counted by ``by``: label, review, kind, speaker_id or
        document."""
        if by not in ("label", "review", "kind", "speaker_id", "document", "label_source"):
            raise EditError(f"cannot count statements by {by!r}")
        where, params = (filter or StatementFilter()).where()
        join = " LEFT JOIN speakers sp ON sp.id = s.speaker_id" if "sp." in where else ""
        rows = self.conn.execute(
            f"SELECT s.{by}, count(*) FROM statements s{join}{where} GROUP BY s.{by} "
            "ORDER BY 1 NULLS FIRST",  # the groups' order on both backends
            params,
        )
        return dict(rows.fetchall())

    def statements_in_document(self, document_id: str) -> list[StatementRow]:
        """Every statement of one document, in text order."""
        rows = self.conn.execute(
            f"{_ROW_SQL} WHERE s.document = ? ORDER BY s.start, s.seq", (document_id,)
        )
        return [_row(r) for r in rows.fetchall()]

    def statement_row(self, statement_id: str) -> StatementRow:
        """One statement as a list row; ``EditError`` when unknown."""
        row = self.conn.execute(f"{_ROW_SQL} WHERE s.id = ?", (statement_id,)).fetchone()
        if row is None:
            raise EditError(f"no statement {statement_id!r}")
        return _row(row)

    def statement(self, statement_id: str) -> Statement:
        """One statement with every field of ``argmap.models.Statement``."""
        cursor = self.conn.execute(
            "SELECT s.*, d.name AS doc_name, sp.name AS speaker FROM statements s "
            "JOIN documents d ON d.id = s.document LEFT JOIN speakers sp ON sp.id = s.speaker_id "
            "WHERE s.id = ?",
            (statement_id,),
        )
        row = cursor.fetchone()
        if row is None:
            raise EditError(f"no statement {statement_id!r}")
        return statement_from_row({d[0]: v for d, v in zip(cursor.description, row, strict=True)})

    def annotations(self, statement_id: str | None = None) -> list[Annotation]:
        """People's annotations of one statement (or of all), oldest first."""
        sql = "SELECT statement_id, label, annotator, time, note, adjudicated FROM annotations"
        rows = self.conn.execute(
            sql
            + (
                " WHERE statement_id = ? ORDER BY time"
                if statement_id
                else " ORDER BY statement_id, time"
            ),
            (statement_id,) if statement_id else (),
        ).fetchall()
        from argmap.models import Annotation

        return [
            Annotation(
                statement_id=r[0],
                label=r[1],
                annotator=r[2],
                time=r[3],
                note=r[4],
                adjudicated=bool(r[5]),
            )
            for r in rows
        ]

    def suggestion(self, statement_id: str) -> Suggestion | None:
        """The model's suggestion for a statement, if any."""
        row = self.conn.execute(
            "SELECT data FROM suggestions WHERE statement_id = ?", (statement_id,)
        ).fetchone()
        from argmap.models import Suggestion

        return Suggestion.model_validate_json(row[0]) if row else None

    def context(self, statement_id: str) -> tuple[str, int]:
        """The paragraph around a statement and the paragraph's offset in its document."""
        row = self.conn.execute(
            'SELECT d.text, s.start, s."end" FROM statements s '
            "JOIN documents d ON d.id = s.document WHERE s.id = ?",
            (statement_id,),
        ).fetchone()
        if row is None:
            raise EditError(f"no statement {statement_id!r}")
        text, start, end = row
        lo, hi = paragraph_around(text, start, end)
        return text[lo:hi], lo

    # ------------------------------------------------------------------ stance edits

    def set_stance(
        self,
        statement_id: str,
        label: str,
        *,
        annotator: str | None = None,
        note: str = "",
        time: datetime | str | None = None,
        adjudicated: bool = False,
    ) -> Annotation:
        """A person's stance label for a statement (one per annotator; a newer one replaces it).

        With ``time`` older than the annotator's current annotation, nothing changes and
        the current one is returned (an answer never overwrites a newer one); without
        ``time`` (now) that raises ``LabelNotApplied``. A ``time`` more than
        ``FUTURE_SLACK`` ahead of the clock is refused (``EditError``).
        """
        annotator = annotator or default_actor()
        self._check_label(label)
        stamp = utc_time(time)
        latest = utc_time(datetime.now(UTC) + FUTURE_SLACK)
        if stamp > latest:
            raise EditError(
                f"{statement_id}: {annotator}'s label is dated {stamp}, in the future "
                f"(the clock says {now()}); "
                "not applied (check the packet's answered_at or the clock)"
            )
        what = "adjudicate" if adjudicated else "set-stance"
        with self.edit(what, f"{annotator}: {statement_id} {label}", annotator) as changes:
            self._require_statement(statement_id)
            key = (statement_id, annotator, int(adjudicated))
            current = changes.touch("annotations", *key)
            if current is not None and current["time"] > stamp:
                if time is None:  # a label given now, yet a newer one is stored: say so
                    raise LabelNotApplied(
                        f"{statement_id}: {label} not applied: "
                        f"{annotator}'s label {current['label']} is dated "
                        f"{current['time']}, later than now ({stamp}); "
                        "clear it first (it is in the future)"
                    )
                return _annotation(current)
            self.conn.execute(
                "INSERT INTO annotations (statement_id, annotator, adjudicated, label, time, note) "
                "VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (statement_id, annotator, adjudicated) "
                "DO UPDATE SET label = excluded.label, time = excluded.time, note = excluded.note",
                (*key, label, stamp, note),
            )
            self._refresh_label(changes, statement_id)
        return _annotation(
            {
                "statement_id": statement_id,
                "label": label,
                "annotator": annotator,
                "time": stamp,
                "note": note,
                "adjudicated": adjudicated,
            }
        )

    def adjudicate(
        self, statement_id: str, label: str, *, annotator: str | None = None, note: str = ""
    ) -> Annotation:
        """The final label for a statement, overriding every other label."""
        return self.set_stance(
            statement_id, label, annotator=annotator, note=note, adjudicated=True
        )

    def accept_suggestion(
        self, statement_id: str, *, annotator: str | None = None, note: str = ""
    ) -> Annotation:
        """Take the model's suggestion as this annotator's label."""
        suggestion = self.suggestion(statement_id)
        if suggestion is None:
            raise EditError(f"statement {statement_id} has no suggestion")
        return self.set_stance(statement_id, suggestion.label, annotator=annotator, note=note)

    def clear_stance(
        self, statement_id: str, *, annotator: str | None = None, adjudicated: bool = False
    ) -> None:
        """Remove an annotator's label (or the adjudication) from a statement."""
        annotator = annotator or default_actor()
        with self.edit(
            "clear-stance", f"{annotator}: {statement_id} label removed", annotator
        ) as changes:
            key = (statement_id, annotator, int(adjudicated))
            if changes.touch("annotations", *key) is None:
                raise EditError(
                    f"{annotator} has no {'adjudication' if adjudicated else 'label'} "
                    f"on {statement_id}"
                )
            self.conn.execute(
                "DELETE FROM annotations "
                "WHERE statement_id = ? AND annotator = ? AND adjudicated = ?",
                key,
            )
            self._refresh_label(changes, statement_id)

    # ------------------------------------------------------------------ statement edits

    def reattribute(
        self, statement_id: str, speaker_id: str | None, *, actor: str | None = None
    ) -> None:
        """Give a statement to another speaker (None: to nobody)."""
        with self.edit("reattribute", f"{statement_id} -> {speaker_id}", actor) as changes:
            self._require_statement(statement_id)
            if speaker_id is not None:
                self._require_speaker(speaker_id)
            row = changes.touch("statements", statement_id)
            assert row is not None  # _require_statement found it, in this transaction
            role = row["speaker_role"]
            if speaker_id != row["speaker_id"]:  # the mention's role was the old speaker's
                role = None if speaker_id is None else self.speaker(speaker_id).role
            self.conn.execute(
                "UPDATE statements SET speaker_id = ?, speaker_role = ? WHERE id = ?",
                (speaker_id, role, statement_id),
            )

    def adjust_statement(
        self,
        statement_id: str,
        *,
        start: int | None = None,
        end: int | None = None,
        kind: StatementKind | str | None = None,
        actor: str | None = None,
    ) -> StatementRow:
        """Move a statement's span (its text follows the document) or change its kind."""
        with self.edit("adjust-statement", f"{statement_id} span/kind", actor) as changes:
            row = changes.touch("statements", statement_id)
            if row is None:
                raise EditError(f"no statement {statement_id!r}")
            text = self._document_text(row["document"])
            start = row["start"] if start is None else start
            end = row["end"] if end is None else end
            _check_span(start, end, len(text))
            if (start, end) != (row["start"], row["end"]):
                self._check_span_free(row["document"], start, end)
            kind_value = row["kind"] if kind is None else _kind(kind)
            parts = row["parts"] if (start, end) == (row["start"], row["end"]) else "[]"
            self.conn.execute(
                'UPDATE statements SET start = ?, "end" = ?, text = ?, kind = ?, parts = ? '
                "WHERE id = ?",
                (start, end, text[start:end], kind_value, parts, statement_id),
            )
        return self.statement_row(statement_id)

    def add_statement(
        self,
        document_id: str,
        start: int,
        end: int,
        *,
        speaker_id: str | None = None,
        kind: StatementKind | str = "direct",
        cue: str = "",
        actor: str | None = None,
    ) -> StatementRow:
        """A statement an analyst marks by hand in a document."""
        from argmap.models import content_id

        statement_id = content_id(f"{document_id}:{start}:{end}")
        with self.edit("add-statement", f"{statement_id} in {document_id}", actor) as changes:
            doc = self.conn.execute(
                "SELECT seq, text FROM documents WHERE id = ?", (document_id,)
            ).fetchone()
            if doc is None:
                raise EditError(f"no document {document_id!r}")
            _check_span(start, end, len(doc[1]))
            if speaker_id is not None:
                self._require_speaker(speaker_id)
            # a statement with this id has this span too
            self._check_span_free(document_id, start, end)
            changes.touch("statements", statement_id)
            self.conn.execute(
                "INSERT INTO statements "
                '(id, document, doc_seq, start, "end", text, kind, cue, speaker_id, confidence, '
                "origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1.0, 'manual')",
                (
                    statement_id,
                    document_id,
                    doc[0],
                    start,
                    end,
                    doc[1][start:end],
                    _kind(kind),
                    cue,
                    speaker_id,
                ),
            )
        return self.statement_row(statement_id)

    def _check_span_free(self, document_id: str, start: int, end: int) -> None:
        """``EditError`` if another statement of the document has exactly this span."""
        taken = self.conn.execute(
            'SELECT id FROM statements WHERE document = ? AND start = ? AND "end" = ?',
            (document_id, start, end),
        ).fetchone()
        if taken is not None:
            raise EditError(
                f"a statement already covers {start}-{end} in {document_id} ({taken[0]})"
            )

    def delete_statement(self, statement_id: str, *, actor: str | None = None) -> list:
        """Remove a statement with its suggestion, annotations and relations; returns the
        relations removed."""
        with self.edit("delete-statement", f"{statement_id} deleted", actor) as changes:
            self._require_statement(statement_id)
            removed = self.relations(statement_id)
            self._touch_dependents(changes, statement_id)
            changes.touch("statements", statement_id)
            for table, column in (("annotations", "statement_id"), ("suggestions", "statement_id")):
                self.conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (statement_id,))
            self.conn.execute(
                "DELETE FROM relations WHERE source_id = ? OR target_id = ?",
                (statement_id, statement_id),
            )
            self.conn.execute("DELETE FROM statements WHERE id = ?", (statement_id,))
        return removed

    # ------------------------------------------------------------------ helpers

    def _refresh_label(self, changes: ChangeSet | None, statement_id: str) -> None:
        """Recompute a statement's current label, its source and review state."""
        if changes is not None:
            changes.touch("statements", statement_id)
        refresh_labels(self.conn, [statement_id])

    def _document_text(self, document_id: str) -> str:
        row = self.conn.execute(
            "SELECT text FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        if row is None:
            raise EditError(f"no document {document_id!r}")
        return row[0]


def _kind(kind: StatementKind | str) -> str:
    """A statement kind's value (case-insensitive); ``EditError`` when unknown."""
    from argmap.models import StatementKind

    try:
        return StatementKind(kind.lower() if isinstance(kind, str) else kind).value
    except ValueError:
        raise EditError(
            f"unknown statement kind {kind!r} "
            f"(expected {', '.join(k.value for k in StatementKind)})"
        ) from None


def _check_span(start: int, end: int, length: int) -> None:
    """``EditError`` unless ``start``..``end`` is a non-empty span inside a text of ``length``
    characters."""
    if start >= end:
        raise EditError(f"span start {start} is not before its end {end}")
    if start < 0 or end > length:
        raise EditError(
            f"span start {start}, end {end} is outside the document (characters 0 to {length})"
        )


def statement_from_row(row: dict) -> Statement:
    """A ``Statement`` from a statements row (with ``doc_name`` and ``speaker`` joined in)."""
    from argmap.models import Statement

    return Statement(
        id=row["id"],
        document=row["document"],
        doc_name=row["doc_name"],
        start=row["start"],
        end=row["end"],
        text=row["text"],
        kind=row["kind"],
        parts=[tuple(p) for p in json.loads(row["parts"])],
        cue=row["cue"],
        cue_start=row["cue_start"],
        cue_end=row["cue_end"],
        speaker_mention=row["speaker_mention"],
        speaker_start=row["speaker_start"],
        speaker_end=row["speaker_end"],
        speaker=row["speaker"],
        speaker_role=row["speaker_role"],
        speaker_id=row["speaker_id"],
        confidence=row["confidence"],
    )


def _annotation(row: dict) -> Annotation:
    from argmap.models import Annotation

    return Annotation(
        statement_id=row["statement_id"],
        label=row["label"],
        annotator=row["annotator"],
        time=row["time"],
        note=row["note"],
        adjudicated=bool(row["adjudicated"]),
    )
