"""Adding documents to the workspace: extraction, speakers resolved across the
workspace, suggestions, new versions of a document, restatements.

The documents of a batch (``BATCH_DOCUMENTS`` or ``BATCH_STATEMENTS``) are committed in one
transaction, each in a savepoint of its own, so a document that fails leaves the others in and
an interrupted ``add`` keeps every batch committed before it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.spans import paragraph_around
from argmap.store.base import WorkspaceBase
from argmap.store.core import now
from argmap.store.derived import refresh_labels
from argmap.store.errors import EditError, WorkspaceBusy, WorkspaceError
from argmap.store.metadata import (
    FIELDS,
    document_rows,
    holds,
    metadata_values,
    stored_metadata,
    updated_metadata,
    write_metadata,
)
from argmap.store.records import (
    RELATION_COLUMNS,
    DocumentRow,
    RelationKind,
    RelationStatus,
    ReviewState,
)
from argmap.store.suggest import load_model, stance_suggestions, suggestion_uncertainty

if TYPE_CHECKING:  # imported where used: the UI's start needs neither pydantic models nor rapidfuzz
    from argmap.codebook import Codebook
    from argmap.models import Document, Speaker, Statement
    from argmap.speakers.aliases import AliasTable
    from argmap.speakers.registry import SpeakerRegistry
    from argmap.stance.learned import LearnedModel
    from argmap.store.restatements import RestatementIndex
    from argmap.store.statements import StatementFilter

REPLAY_DOC = "\x00workspace"  # the document scope used when replaying stored speakers


@dataclass
class AddReport:
    """What ``add_documents`` did."""

    added: list[str] = field(default_factory=list)  # document names
    unchanged: list[str] = field(default_factory=list)  # already in the workspace (same content)
    replaced: list[str] = field(default_factory=list)  # new versions of a document
    replaced_ids: list[str] = field(default_factory=list)  # the ids of the versions they replaced
    statements: int = 0
    new_speakers: int = 0
    suggestions: int = 0
    kept_annotations: int = 0  # carried over to a new version of their document
    # text no longer in the new version
    dropped_annotations: list[dict] = field(default_factory=list)
    kept_edits: int = 0  # hand edits (deletions, speakers, kinds, spans) carried over
    # hand edits, relations, claim links not carried over
    dropped_edits: list[dict] = field(default_factory=list)
    restatements: int = 0
    metadata_updated: list[str] = field(default_factory=list)  # unchanged, but read again
    duplicates: int = 0  # statements the extractor found twice (same span): the later copy dropped
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, problem): not added
    # internal: ids deleted while carrying over
    removed: set[str] = field(default_factory=set, repr=False)


#: A statement row as ``add`` and ``add --statements`` (``argmap.store.ingest``) store it.
INSERT_STATEMENT = (
    'INSERT INTO statements (id, document, doc_seq, start, "end", text, kind, parts, '
    "cue, cue_start, cue_end, "
    "speaker_mention, speaker_start, speaker_end, speaker_id, speaker_role, confidence, "
    "label, label_source, review, suggestion_score, uncertainty) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


#: A batch of documents is suggested for in one call once it holds this many statements (or
#: documents): the stance model's cost is mostly per call, its answers per statement.
BATCH_STATEMENTS = 500
BATCH_DOCUMENTS = 64


@dataclass
class _Extracted:
    """A document extracted and waiting for its suggestions and its transaction."""

    document: Document
    statements: list[Statement]
    resolved: dict[str, Speaker]
    duplicates: int


@dataclass
class _Adding:
    """The state of one ``add_documents`` call."""

    registry: SpeakerRegistry  # with every mention so far
    mapping: dict[str, str]  # registry id -> stored speaker id
    codebook: Codebook | None
    model: LearnedModel | None
    edited: set[str]
    aliases: AliasTable | None
    progress: Callable[[Document, int, str], None] | None
    actor: str | None
    restatements: RestatementIndex | None = None  # built when the first new document comes
    batch: list[_Extracted] = field(default_factory=list)

    def batch_full(self) -> bool:
        return (
            len(self.batch) >= BATCH_DOCUMENTS
            or sum(len(item.statements) for item in self.batch) >= BATCH_STATEMENTS
        )


def _suggest(adding: _Adding, batch: list[_Extracted]) -> list[list | None]:
    """Each document's suggestions (None where there is no codebook), asked in one call."""
    texts, contexts, sizes = [], [], []
    for item in batch:
        text = item.document.text
        texts += [s.text for s in item.statements]
        contexts += [text[slice(*paragraph_around(text, s.start, s.end))] for s in item.statements]
        sizes.append(len(item.statements))
    found = stance_suggestions(adding.codebook, texts, contexts, adding.model)
    if found is None:
        return [None] * len(batch)
    out, at = [], 0
    for size in sizes:
        out.append(found[at : at + size] if size else None)
        at += size
    return out


def _snapshot(report: AddReport) -> dict:
    """The report's fields as they are (lists copied), to put back if a document fails."""
    return {
        key: list(value) if isinstance(value, list) else value
        for key, value in vars(report).items()
    }


class DocumentsPart(WorkspaceBase):
    """Documents: queries and adding."""

    def documents(self, filter: StatementFilter | None = None) -> list[DocumentRow]:
        """Every document in the order added, with statement counts and metadata; with
        ``filter``, those its documents, outlets, authors and days keep."""
        if filter is None:
            return document_rows(self.conn)
        conditions, params = filter.document_conditions()
        return document_rows(self.conn, " AND ".join(conditions), params)

    def documents_like(self, text: str) -> list[DocumentRow]:
        """The documents ``text`` names, in the order added: those whose id starts with it or
        whose name holds it, ignoring case ("nyt" names every NYT article). The one rule of
        ``argmap statements --document`` and the UI's ``doc:`` filter."""
        needle = text.strip().casefold()
        if not needle:
            return []
        return [
            row for row in self.documents() if row.id.startswith(needle) or holds(row.name, needle)
        ]

    def document(self, document_id: str) -> Document:
        """One document with its text; ``EditError`` when unknown."""
        row = self.conn.execute(
            "SELECT id, name, text, source_path FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        if row is None:
            raise EditError(f"no document {document_id!r}")
        from argmap.models import Document, DocumentMetadata

        stored = stored_metadata(self.conn, document_id) or {}
        metadata = DocumentMetadata(
            **{
                name: tuple(json.loads(stored[name] or "[]")) if name == "authors" else stored[name]
                for name in FIELDS
                if name in stored
            }
        )
        return Document(id=row[0], name=row[1], text=row[2], source_path=row[3], metadata=metadata)

    def remove_document(self, document_id: str, *, actor: str | None = None) -> int:
        """Remove a document with its statements and their suggestions, annotations and relations.

        One edit: undo brings all of it back. Speakers and claims stay (a claim promoted from
        one of its statements keeps its text). Returns how many statements went.
        """
        row = self.conn.execute(
            "SELECT name FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        if row is None:
            raise EditError(f"no document {document_id!r}")
        with self.edit("remove-document", f"document {row[0]} removed", actor) as changes:
            ids = [
                r[0]
                for r in self.conn.execute(
                    "SELECT id FROM statements WHERE document = ?", (document_id,)
                )
            ]
            for statement_id in ids:
                self._touch_dependents(changes, statement_id)
                changes.touch("statements", statement_id)
            changes.touch("document_metadata", document_id)
            changes.touch("documents", document_id)
            of_document = "(SELECT id FROM statements WHERE document = ?)"
            for table in ("annotations", "suggestions"):
                self.conn.execute(
                    f"DELETE FROM {table} WHERE statement_id IN {of_document}", (document_id,)
                )
            self.conn.execute(
                f"DELETE FROM relations "
                f"WHERE source_id IN {of_document} OR target_id IN {of_document}",
                (document_id, document_id),
            )
            self.conn.execute("DELETE FROM statements WHERE document = ?", (document_id,))
            self.conn.execute("DELETE FROM document_metadata WHERE document = ?", (document_id,))
            self.conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))
        return len(ids)

    def add_documents(
        self,
        documents: Iterable[Document],
        *,
        aliases=None,
        progress: Callable[[Document, int, str], None] | None = None,
        actor: str | None = None,
    ) -> AddReport:
        """Add documents: extract statements, resolve speakers across the workspace, suggest
        stances.

        A document already present (same content) is left alone; a document whose
        source path is already in the workspace with other content replaces that
        version, keeping the annotations whose statement text is still found.
        ``progress(document, statements, outcome)`` is called after each document,
        outcome being 'added', 'replaced', 'unchanged' or 'failed'. A document that cannot
        be added (its transaction is rolled back) is listed in ``report.failed`` with the
        problem and the others are still added. ``aliases``: an AliasTable for this call
        (default: the one kept in the workspace, if any).
        """
        report = AddReport()
        table = aliases if aliases is not None else self.alias_table
        registry, mapping = self._registry(table)
        adding = _Adding(
            registry=registry,
            mapping=mapping,
            codebook=self.codebook,
            model=load_model(self.codebook, self.model_place),
            edited=edited_speakers(self.conn),
            aliases=table,
            progress=progress,
            actor=actor,
        )
        for document in documents:
            source = _resolved(document.source_path) if document.source_path else None
            if self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (document.id,)).fetchone():
                self._store_batch(adding, report)  # keep the order documents are reported in
                report.unchanged.append(document.name)
                if self._read_metadata_again(document, source, actor):
                    report.metadata_updated.append(document.name)
                if progress:
                    progress(document, 0, "unchanged")
                continue
            document = document.model_copy(update={"source_path": source})
            try:
                statements, resolved, duplicates = self._extract_one(document, adding.registry)
            except WorkspaceBusy:
                raise
            except Exception as problem:
                self._store_batch(adding, report)  # those before it go in first, as they came
                self._failed(adding, report, document, problem)
                continue
            adding.batch.append(_Extracted(document, statements, resolved, duplicates))
            if adding.batch_full():
                self._store_batch(adding, report)
        self._store_batch(adding, report)
        return report

    # ------------------------------------------------------------------ internals

    def _read_metadata_again(self, document: Document, source: str | None, actor) -> bool:
        """Store what a document already in the workspace says of itself now (a metadata table
        given this time, a corrected file): whether its metadata changed. One log entry."""
        if document.metadata.is_empty():
            return False
        with self.transaction() as conn:
            stored = stored_metadata(conn, document.id)
            name, stored_source = conn.execute(
                "SELECT name, source_path FROM documents WHERE id = ?", (document.id,)
            ).fetchone()
            values = updated_metadata(
                stored, metadata_values(document.metadata), same_source=stored_source == source
            )
            changed = [n for n in FIELDS if values.get(n) != (stored or {}).get(n)]
            if not changed:
                return False
            write_metadata(conn, document.id, values)
            self.log_event(
                conn,
                "document-metadata",
                f"{name}: {', '.join(changed)} read again",
                {"document": document.id, "before": stored, "after": values},
                actor,
            )
        return True

    def _extract_one(self, document: Document, registry):
        """A document's statements (each span once), the speakers they were resolved to, and
        how many spans the extractor found twice. The registry learns its mentions."""
        from argmap.extraction.corpus import extract_corpus

        resolved: dict[str, Speaker] = {}
        _, found = next(extract_corpus([document], registry, resolved))
        statements = _distinct(found)
        used = {s.speaker_id for s in statements}
        # as the registry has them now: later documents of a batch update its speakers in place
        resolved = {
            key: speaker.model_copy(deep=True)
            for key, speaker in resolved.items()
            if speaker.id in used
        }
        return statements, resolved, len(found) - len(statements)

    def _store_batch(self, adding: _Adding, report: AddReport) -> None:
        """Suggest stances for every statement of the documents extracted so far, in one call
        (the stance model's cost is mostly per call), then store each document, in the order
        they came, in a savepoint of its own inside one transaction for the batch (a commit
        per document cost more than storing it). A document that fails is rolled back to its
        savepoint and listed, the ones before it are committed; the ones after it are
        extracted again against the workspace as it now is, one by one, each in its own
        transaction, as if the batch had never been. Progress is told once the batch is
        committed."""
        batch, adding.batch = adding.batch, []
        if not batch:
            return
        try:
            suggestions = _suggest(adding, batch)
        except WorkspaceBusy:
            raise
        except Exception:
            suggestions = None  # each document meets the problem again below, on its own
        if suggestions is None:
            self._store_each(adding, report, [item.document for item in batch])
            return
        stored_ones: list[tuple] = []
        failure: tuple[int, Exception] | None = None
        with self.transaction():
            for index, item in enumerate(batch):
                saved = _snapshot(report)
                try:
                    with self._savepoint():
                        outcome, statements, stored = self._store_one(
                            adding, report, item, suggestions[index], own=False
                        )
                except WorkspaceBusy:
                    raise
                except Exception as problem:
                    vars(report).update(saved)
                    failure = (index, problem)
                    break
                stored_ones.append((item.document, outcome, statements, stored))
        for document, outcome, statements, stored in stored_ones:
            self._added(adding, report, document, outcome, statements, stored)
        if failure is not None:
            failed, why = failure
            self._failed(adding, report, batch[failed].document, why)
            self._store_each(adding, report, [later.document for later in batch[failed + 1 :]])

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        """A savepoint inside the current transaction: rolled back to on an exception."""
        conn = self.conn
        conn.execute("SAVEPOINT argmap_document")
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                with suppress(WorkspaceError):  # a damaged file may refuse even this
                    conn.execute("ROLLBACK TO SAVEPOINT argmap_document")
                    conn.execute("RELEASE SAVEPOINT argmap_document")
            raise
        conn.execute("RELEASE SAVEPOINT argmap_document")

    def _store_each(self, adding: _Adding, report: AddReport, documents: list[Document]) -> None:
        """Extract, suggest and store ``documents`` one at a time (after a failure)."""
        for document in documents:
            saved = _snapshot(report)
            try:
                item = _Extracted(document, *self._extract_one(document, adding.registry))
                suggestions = _suggest(adding, [item])
                outcome, statements, stored = self._store_one(
                    adding, report, item, suggestions[0] if suggestions else None
                )
            except WorkspaceBusy:
                raise
            except Exception as problem:
                vars(report).update(saved)
                self._failed(adding, report, document, problem)
                continue
            self._added(adding, report, document, outcome, statements, stored)

    def _failed(self, adding: _Adding, report: AddReport, document: Document, problem) -> None:
        """One bad document never stops the others: nothing of it was stored, and the
        registry forgets its mentions (it is rebuilt from the workspace)."""
        adding.registry, adding.mapping = self._registry(adding.aliases)
        adding.restatements = None
        report.failed.append((document.source_path or document.name, _one_line(problem)))
        if adding.progress:
            adding.progress(document, 0, "failed")

    @staticmethod
    def _added(adding, report, document, outcome, statements, suggestions) -> None:
        report.statements += len(statements)
        report.suggestions += len(suggestions or ())
        if adding.progress:
            adding.progress(document, len(statements), outcome)

    def _store_one(
        self, adding: _Adding, report: AddReport, item: _Extracted, suggestions, *, own=True
    ):
        """Store one extracted document and its suggestions: (outcome, statements,
        suggestions). In its own transaction, or (``own`` False) in the caller's."""
        document, statements = item.document, item.statements
        report.duplicates += item.duplicates
        if adding.restatements is None:
            from argmap.store.restatements import RestatementIndex

            adding.restatements = RestatementIndex()
            adding.restatements.add(self.conn.execute("SELECT id, document, text FROM statements"))
        restatements = adding.restatements
        with self.transaction() if own else nullcontext(self.conn) as conn:
            if conn.execute("SELECT 1 FROM documents WHERE id = ?", (document.id,)).fetchone():
                report.unchanged.append(document.name)  # another process added it meanwhile
                return "unchanged", [], None
            outcome = self._insert_document(
                conn,
                document,
                statements,
                item.resolved,
                adding.mapping,
                suggestions,
                report,
                adding.actor,
                adding.edited,
            )
            if report.removed:  # statements deleted by hand in the old version stay deleted
                keep = [s.id not in report.removed for s in statements]
                statements = [s for s, k in zip(statements, keep, strict=True) if k]
                if suggestions:  # one per statement
                    suggestions = [g for g, k in zip(suggestions, keep, strict=True) if k]
                report.removed = set()
            if outcome == "replaced":
                restatements.discard_document(report.replaced_ids[-1])
            report.restatements += offer_restatements(
                conn, restatements.match([(s.id, document.id, s.text) for s in statements])
            )
        return outcome, statements, suggestions

    def _registry(self, aliases):
        """A SpeakerRegistry knowing every stored speaker, and registry id -> stored id."""
        from argmap.speakers.registry import SpeakerRegistry
        from argmap.store.speakers import non_speaker_names

        registry = SpeakerRegistry(aliases, not_speakers=non_speaker_names(self.conn))
        mapping: dict[str, str] = {}
        rows = self.conn.execute("SELECT id, name, aliases FROM speakers ORDER BY rowid").fetchall()
        for sid, name, names in rows:
            for text in (name, *json.loads(names)):
                found = registry.resolve(text, doc_id=REPLAY_DOC)
                mapping.setdefault(found.id, sid)
        return registry, mapping

    def _insert_document(
        self, conn, document, statements, resolved, mapping, suggestions, report, actor, edited
    ) -> str:
        previous = None
        if document.source_path:
            previous = conn.execute(
                "SELECT id, name FROM documents WHERE source_path = ? ORDER BY seq DESC LIMIT 1",
                (document.source_path,),
            ).fetchone()
        seq = conn.execute(
            "INSERT INTO documents (id, name, source_path, text, added_at) VALUES (?, ?, ?, ?, ?) "
            "RETURNING seq",
            (document.id, document.name, document.source_path, document.text, now()),
        ).fetchall()[0][0]
        # a new version keeps the fields people set and those its file no longer gives
        write_metadata(
            conn,
            document.id,
            updated_metadata(
                stored_metadata(conn, previous[0]) if previous else None,
                metadata_values(document.metadata),
                same_source=True,
            ),
        )
        created: set[str] = set()
        learned: list[dict] = []  # spellings, roles, affiliations added to stored speakers
        for speaker in resolved.values():
            stored = mapping.get(speaker.id)
            if stored is None:
                exists = conn.execute(
                    "SELECT 1 FROM speakers WHERE id = ?", (speaker.id,)
                ).fetchone()
                mapping[speaker.id] = stored = speaker.id
                if not exists:
                    conn.execute(
                        "INSERT INTO speakers (id, name, kind, role, affiliation, aliases) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        (
                            speaker.id,
                            speaker.name,
                            speaker.kind.value,
                            speaker.role,
                            speaker.affiliation,
                            json.dumps([a for a in speaker.aliases if a != speaker.name]),
                        ),
                    )
                    created.add(speaker.id)
                    continue
            # a speaker people edited stays as they left it (and undo works)
            if stored not in edited:
                added = _merge_speaker_details(conn, stored, speaker)
                if added:
                    learned.append(added)
        # a new statement has no annotations: its label is its suggestion's, if any
        doubts = (
            [suggestion_uncertainty(g) for g in suggestions]
            if suggestions
            else [None] * len(statements)
        )
        rows = [
            (
                *_statement_values(statement, seq, mapping),
                *(
                    (g.label, "suggestion", ReviewState.SUGGESTED.value, g.score, doubt)
                    if g
                    else (None, None, ReviewState.UNLABELLED.value, None, None)
                ),
            )
            for statement, g, doubt in zip(
                statements, suggestions or [None] * len(statements), doubts, strict=True
            )
        ]
        conn.executemany(
            INSERT_STATEMENT,
            rows,
        )
        if suggestions:
            conn.executemany(
                "INSERT INTO suggestions (statement_id, label, score, uncertainty, data) "
                "VALUES (?, ?, ?, ?, ?)",
                [
                    (s.id, g.label, g.score, d, g.model_dump_json())
                    for s, g, d in zip(statements, suggestions, doubts, strict=True)
                ],
            )
        outcome = "added"
        details: dict = {
            "document": document.id,
            "name": document.name,
            "statements": len(statements),
        }
        if learned:
            details["speakers"] = learned
        if previous is not None:
            outcome = "replaced"
            details["replaces"] = previous[0]
            report.replaced_ids.append(previous[0])
            carried = self._carry_over(conn, previous[0], document, statements, created)
            report.kept_annotations += carried.kept
            report.dropped_annotations += carried.dropped
            report.kept_edits += len(carried.hand_edited)
            report.dropped_edits += carried.lost
            report.removed = carried.removed
            details["kept_annotations"] = carried.kept
            details["dropped_annotations"] = carried.dropped
            details["hand_edited"] = carried.hand_edited  # read again when this version is replaced
            details["dropped_edits"] = carried.lost
            details["statements"] = len(statements) - len(carried.removed)
            report.replaced.append(document.name)
        else:
            report.added.append(document.name)
        report.new_speakers += len(created)
        self.log_event(
            conn,
            "add-document",
            f"{outcome} {document.name} ({details['statements']} statements)",
            details,
            actor,
        )
        return outcome

    def _carry_over(
        self, conn, old_id: str, document: Document, statements: list[Statement], created: set[str]
    ) -> _Carried:
        """Move annotations, relations, manual statements and hand edits from the old version to
        the new one.

        A statement whose text is found again gets the old one's annotations, relations, claim
        and hand edits (deleted stays deleted; a speaker, kind or span a person set is kept).
        Everything that cannot move (its text is gone) is returned in ``lost``/``dropped``.
        A statement found again keeps its old speaker when the new version would give it a
        speaker new to the workspace (a description such as "the ministers" is scoped to its
        document, so each version would get its own); speakers left without statements by
        this are not created.
        """
        from argmap.models import content_id
        from argmap.store.argument import relation_id

        by_text: dict[str, str] = {}
        for statement in statements:
            by_text.setdefault(statement.text, statement.id)
        old = {
            row[0]: row
            for row in conn.execute(
                'SELECT id, text, origin, speaker_id, kind, start, "end" FROM statements '
                "WHERE document = ?",
                (old_id,),
            ).fetchall()
        }
        (new_seq,) = conn.execute(
            "SELECT seq FROM documents WHERE id = ?", (document.id,)
        ).fetchone()
        carried = _Carried()
        moved: dict[str, str] = {}
        for sid, text, origin, speaker_id, kind, _, _ in old.values():
            target = by_text.get(text)
            if target is None and origin == "manual":
                at = document.text.find(text)
                if at >= 0:
                    target = content_id(f"{document.id}:{at}:{at + len(text)}")
                    conn.execute(
                        "INSERT INTO statements "
                        '(id, document, doc_seq, start, "end", text, kind, speaker_id, '
                        "confidence, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1.0, 'manual') "
                        "ON CONFLICT DO NOTHING",
                        (target, document.id, new_seq, at, at + len(text), text, kind, speaker_id),
                    )
            if target is not None:
                moved[sid] = target
                new_speaker = conn.execute(
                    "SELECT speaker_id FROM statements WHERE id = ?", (target,)
                ).fetchone()[0]
                if speaker_id is not None and new_speaker in created:
                    conn.execute(
                        "UPDATE statements SET speaker_id = ? WHERE id = ?", (speaker_id, target)
                    )
        self._carry_hand_edits(conn, old_id, document, old, by_text, moved, carried)
        for sid, annotator, adjudicated, label, time, note in conn.execute(
            "SELECT statement_id, annotator, adjudicated, label, time, note FROM annotations "
            "WHERE statement_id IN (SELECT id FROM statements WHERE document = ?)",
            (old_id,),
        ).fetchall():
            if sid in moved:
                conn.execute(
                    "INSERT INTO annotations "
                    "(statement_id, annotator, adjudicated, label, time, note) "
                    "VALUES (?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (statement_id, annotator, adjudicated) DO UPDATE SET "
                    "label = excluded.label, time = excluded.time, note = excluded.note",
                    (moved[sid], annotator, adjudicated, label, time, note),
                )
                carried.kept += 1
            else:
                carried.dropped.append(
                    {
                        "statement_id": sid,
                        "text": old[sid][1],
                        "annotator": annotator,
                        "adjudicated": bool(adjudicated),
                        "label": label,
                        "time": time,
                        "note": note,
                    }
                )
        for rid, kind, stype, source, ttype, target, status, score, by, at in conn.execute(
            f"SELECT {RELATION_COLUMNS} FROM relations "
            "WHERE source_id IN (SELECT id FROM statements WHERE document = ?) "
            "OR target_id IN (SELECT id FROM statements WHERE document = ?)",
            (old_id, old_id),
        ).fetchall():
            conn.execute("DELETE FROM relations WHERE id = ?", (rid,))
            gone = [end for end in (source, target) if end in old and end not in moved]
            if gone:
                # an offered relation of argmap's is found again if still true
                if not (status == RelationStatus.SUGGESTED.value and by == "argmap"):
                    carried.lost.append(
                        {
                            "relation": rid,
                            "kind": kind,
                            "source": source,
                            "target": target,
                            "status": status,
                            "created_by": by,
                            "created_at": at,
                            "texts": {end: old[end][1] for end in gone},
                            "problem": "its statement's text is gone",
                        }
                    )
                continue
            source, target = moved.get(source, source), moved.get(target, target)
            conn.execute(
                f"INSERT INTO relations ({RELATION_COLUMNS}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (
                    relation_id(kind, source, target),
                    kind,
                    stype,
                    source,
                    ttype,
                    target,
                    status,
                    score,
                    by,
                    at,
                ),
            )
        for claim_id, sid in conn.execute(
            "SELECT id, statement_id FROM claims "
            "WHERE statement_id IN (SELECT id FROM statements WHERE document = ?)",
            (old_id,),
        ).fetchall():
            if sid in moved:
                conn.execute(
                    "UPDATE claims SET statement_id = ? WHERE id = ?", (moved[sid], claim_id)
                )
            else:
                conn.execute("UPDATE claims SET statement_id = NULL WHERE id = ?", (claim_id,))
                carried.lost.append(
                    {
                        "claim": claim_id,
                        "statement_id": sid,
                        "text": old[sid][1],
                        "problem": "the statement it was promoted from is gone; the claim stays",
                    }
                )
        for table in ("annotations", "suggestions"):
            conn.execute(
                f"DELETE FROM {table} "
                "WHERE statement_id IN (SELECT id FROM statements WHERE document = ?)",
                (old_id,),
            )
        conn.execute("DELETE FROM statements WHERE document = ?", (old_id,))
        conn.execute("DELETE FROM document_metadata WHERE document = ?", (old_id,))
        conn.execute("DELETE FROM documents WHERE id = ?", (old_id,))
        for speaker_id in list(created):
            if (
                conn.execute(
                    "SELECT 1 FROM statements WHERE speaker_id = ? LIMIT 1", (speaker_id,)
                ).fetchone()
                is None
            ):
                conn.execute("DELETE FROM speakers WHERE id = ?", (speaker_id,))
                created.discard(speaker_id)
        refresh_labels(conn, [t for t in set(moved.values()) if t not in carried.removed])
        return carried

    def _carry_hand_edits(self, conn, old_id, document, old, by_text, moved, carried) -> None:
        """Apply to the new version the deletions, speakers, kinds and spans people set in the
        old one."""
        for sid, original in _hand_edited(conn, old_id).items():
            if original is None:
                continue  # made by hand: moved with the manual statements
            if sid not in old:  # deleted by hand
                target = by_text.get(original.get("text"))
                if target is not None and target not in moved.values():
                    carried.hand_edited[target] = {**_extracted(conn, target), "deleted": True}
                    carried.removed.add(target)
                    for table, column in (
                        ("suggestions", "statement_id"),
                        ("relations", "source_id"),
                        ("relations", "target_id"),
                        ("statements", "id"),
                    ):
                        conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (target,))
                continue
            _, text, _, speaker_id, kind, start, end = old[sid]
            edits = [
                name
                for name, now_value in (
                    ("speaker_id", speaker_id),
                    ("kind", kind),
                    ("span", (start, end, text)),
                )
                if now_value
                != (
                    original.get(name)
                    if name != "span"
                    else (original.get("start"), original.get("end"), original.get("text"))
                )
            ]
            if not edits:
                continue
            target = moved.get(sid) or by_text.get(original.get("text"))
            if target is None:
                carried.lost.append(
                    {
                        "statement_id": sid,
                        "text": text,
                        "edits": edits,
                        "problem": "its text is gone from the new version",
                    }
                )
                continue
            moved[sid] = target
            before = _extracted(conn, target)
            if "span" in edits:
                at = _nearest(document.text, text, before["start"])
                if at is None:
                    carried.lost.append(
                        {
                            "statement_id": sid,
                            "text": text,
                            "edits": ["span"],
                            "problem": "the adjusted span's text is gone from the new version",
                        }
                    )
                    edits.remove("span")
                else:
                    conn.execute(
                        "UPDATE statements SET start = ?, \"end\" = ?, text = ?, parts = '[]' "
                        "WHERE id = ?",
                        (at, at + len(text), text, target),
                    )
            if "speaker_id" in edits:
                conn.execute(
                    "UPDATE statements SET speaker_id = ? WHERE id = ?", (speaker_id, target)
                )
            if "kind" in edits:
                conn.execute("UPDATE statements SET kind = ? WHERE id = ?", (kind, target))
            if edits:
                carried.hand_edited[target] = before


@dataclass
class _Carried:
    """What moved from an old version of a document to the new one, and what could not."""

    kept: int = 0  # annotations
    dropped: list[dict] = field(default_factory=list)  # annotations whose text is gone
    hand_edited: dict[str, dict] = field(default_factory=dict)  # new id -> its row as extracted
    lost: list[dict] = field(default_factory=list)  # hand edits, relations, claim links lost
    removed: set[str] = field(default_factory=set)  # new statements deleted by hand before


def _hand_edited(conn, document_id: str) -> dict[str, dict | None]:
    """Statements of a document people edited: id -> the row as extracted (None: made by hand).

    Read from the undoable edits still done, and from the hand edits carried over when this
    version was added (so they survive any number of new versions).
    """
    originals: dict[str, dict | None] = {}
    for action, undoable, changes in conn.execute(
        "SELECT action, undoable, changes FROM edits "
        "WHERE state = 'done' AND instr(changes, ?) > 0 ORDER BY id",
        (document_id,),
    ):
        try:
            data = json.loads(changes)
        except ValueError:
            continue
        if not undoable:
            if (
                action == "add-document"
                and isinstance(data, dict)
                and data.get("document") == document_id
            ):
                for sid, row in (data.get("hand_edited") or {}).items():
                    if isinstance(row, dict):
                        originals.setdefault(sid, row)
            continue
        for change in data if isinstance(data, list) else ():
            if not isinstance(change, dict) or change.get("table") != "statements":
                continue
            row = change.get("before") or change.get("after")
            key = change.get("key")
            if (
                isinstance(row, dict)
                and row.get("document") == document_id
                and isinstance(key, list)
                and key
            ):
                originals.setdefault(key[0], change.get("before"))
    for sid, row in list(originals.items()):  # deleted in the earlier version: no longer stored
        if isinstance(row, dict) and row.get("deleted"):
            originals[sid] = {k: v for k, v in row.items() if k != "deleted"}
    return originals


def _extracted(conn, statement_id: str) -> dict:
    row = conn.execute(
        'SELECT document, start, "end", text, kind, speaker_id FROM statements WHERE id = ?',
        (statement_id,),
    ).fetchone()
    return dict(zip(("document", "start", "end", "text", "kind", "speaker_id"), row, strict=True))


def _nearest(text: str, part: str, near: int) -> int | None:
    """The start of the occurrence of ``part`` in ``text`` closest to ``near``, or None."""
    best, at = None, text.find(part)
    while at >= 0:
        if best is None or abs(at - near) < abs(best - near):
            best = at
        at = text.find(part, at + 1)
    return best


def _distinct(statements: list[Statement]) -> list[Statement]:
    """The statements with one per id (span): of copies, the one with a speaker, then the more
    confident, then the first."""
    best: dict[str, Statement] = {}
    for statement in statements:
        held = best.get(statement.id)
        if held is None or (
            (statement.speaker_id is not None, statement.confidence)
            > (held.speaker_id is not None, held.confidence)
        ):
            best[statement.id] = statement
    if len(best) == len(statements):
        return statements
    return [s for s in statements if best[s.id] is s]


#: What ends the path of a corpus file's row (``argmap.io.corpus``): the row's identity.
_ROW_KEYS = ("row=", "id=", "url=")


def _resolved(source_path: str) -> str:
    """A document's source path made absolute; for a corpus row (``news.jsonl#url=...``) the
    file's path only, the row's identity kept as it is."""
    base, sep, key = source_path.partition("#")
    if sep and key.startswith(_ROW_KEYS):
        return f"{Path(base).resolve()}#{key}"
    return str(Path(source_path).resolve())


def _one_line(problem: Exception) -> str:
    """An exception as one line for ``FILE: problem``."""
    text = " ".join(str(problem).split()) or type(problem).__name__
    return (
        text
        if isinstance(problem, (EditError, ValueError, OSError))
        else f"{type(problem).__name__}: {text}"
    )


def offer_restatements(conn, found: list[tuple[str, str, float]]) -> int:
    """Store found restatements as suggested 'restates' relations (inside the caller's
    transaction)."""
    if not found:
        return 0
    from argmap.store.argument import relation_id

    kind = RelationKind.RESTATES.value
    stamp = now()
    return conn.executemany(
        f"INSERT INTO relations ({RELATION_COLUMNS}) "
        "VALUES (?, ?, 'statement', ?, 'statement', ?, ?, ?, 'argmap', ?) "
        "ON CONFLICT DO NOTHING",
        [
            (relation_id(kind, a, b), kind, a, b, RelationStatus.SUGGESTED.value, score, stamp)
            for a, b, score in found
        ],
    ).rowcount


def _statement_values(statement: Statement, doc_seq: int, mapping: dict[str, str]) -> tuple:
    return (
        statement.id,
        statement.document,
        doc_seq,
        statement.start,
        statement.end,
        statement.text,
        statement.kind.value,
        json.dumps(statement.parts),
        statement.cue,
        statement.cue_start,
        statement.cue_end,
        statement.speaker_mention,
        statement.speaker_start,
        statement.speaker_end,
        mapping.get(statement.speaker_id, statement.speaker_id) if statement.speaker_id else None,
        statement.speaker_role,
        statement.confidence,
    )


def _merge_speaker_details(conn, stored_id: str, speaker: Speaker) -> dict | None:
    """Add new spellings, and a role or affiliation where none was known, to a stored speaker.

    Returns what was added (``{"speaker", "name", "aliases", "role", "affiliation"}``) for the
    log, or None. A speaker stored under one word of a full name the registry now gives it
    ("Cruz", then "Ted Cruz") takes the full name, the word becoming an alias.
    """
    row = conn.execute(
        "SELECT name, role, affiliation, aliases FROM speakers WHERE id = ?", (stored_id,)
    ).fetchone()
    if row is None:
        return None
    aliases = json.loads(row[3])
    name = row[0]
    if (
        _claims(speaker.name, name)
        and not conn.execute(
            "SELECT 1 FROM speakers WHERE "
            + conn.backend.nocase_equal("name", "?")
            + " AND id != ?",
            (speaker.name, stored_id),
        ).fetchone()
    ):
        # "Cruz", stored before any article named him in full, is Ted Cruz now
        aliases = [a for a in aliases if a != speaker.name] + [name]
        name = speaker.name
    extra = [
        a for a in dict.fromkeys((speaker.name, *speaker.aliases)) if a != name and a not in aliases
    ]
    role = speaker.role if row[1] is None and speaker.role else None
    affiliation = speaker.affiliation if row[2] is None and speaker.affiliation else None
    renamed = name if name != row[0] else None
    if not (extra or role or affiliation or renamed):
        return None
    conn.execute(
        "UPDATE speakers SET name = ?, aliases = ?, role = coalesce(role, ?), "
        "affiliation = coalesce(affiliation, ?) WHERE id = ?",
        (name, json.dumps(aliases + extra), role, affiliation, stored_id),
    )
    added = {
        "speaker": stored_id,
        "name": renamed,
        "aliases": extra,
        "role": role,
        "affiliation": affiliation,
    }
    return {key: value for key, value in added.items() if value}


def _claims(full: str, stored: str) -> bool:
    """Whether ``full`` ("Ted Cruz") is the full name of a speaker stored under one word of it
    ("Cruz"): the registry gave the one-word name's speaker to the first full name with it."""
    return (
        full != stored
        and len(stored.split()) == 1
        and len(full.split()) > 1
        and stored in full.split()
    )


def edited_speakers(conn) -> set[str]:
    """Ids of the speakers an edit that can still be undone or redone touched."""
    edited: set[str] = set()
    for (changes,) in conn.execute(
        "SELECT changes FROM edits WHERE undoable = 1 AND state IN ('done', 'undone') "
        "AND instr(changes, '\"speakers\"') > 0"
    ):
        try:
            data = json.loads(changes)
        except ValueError:
            continue
        for change in data if isinstance(data, list) else ():
            if (
                isinstance(change, dict)
                and change.get("table") == "speakers"
                and isinstance(change.get("key"), list)
            ):
                edited.update(str(k) for k in change["key"][:1])
    return edited
