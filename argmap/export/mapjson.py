"""The whole map as JSON (``MapExport``), and importing it into an empty workspace."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from typing import TextIO

from pydantic import ValidationError

from argmap import __version__
from argmap.export.model import (
    EXPORT_FORMAT,
    EXPORT_SCHEMA_VERSION,
    READ_SCHEMA_VERSIONS,
    MapExport,
)
from argmap.models import Annotation, Speaker, content_id
from argmap.store.derived import refresh_labels
from argmap.store.editlog import edit_from_row, logged_changes
from argmap.store.errors import EditError, WorkspaceError
from argmap.store.metadata import write_metadata
from argmap.store.statements import StatementFilter, utc_time
from argmap.store.suggest import suggestion_uncertainty


class MapImportError(WorkspaceError):
    """A file that cannot be imported; the message names the file and the problem."""


def build_export(workspace) -> MapExport:
    """The workspace's whole map as a validated ``MapExport`` (in memory: for small maps and
    tests)."""
    stream = io.StringIO()
    write_map_json(workspace, stream)
    return MapExport.model_validate_json(stream.getvalue())


def write_map_json(workspace, stream: TextIO, filter: StatementFilter | None = None) -> None:
    """Write the map as one JSON document, streamed from the store (one record per line).

    The database builds each record (``Backend.json_record``) straight from the store's
    rows, field for field as the ``MapExport`` models define them (the tests validate the
    output with them, and ``import`` validates every file it reads), so a map of 100,000
    statements is written in seconds without holding it all in memory.

    With ``filter`` (its documents, outlets, authors and days), the export holds the
    documents it keeps with their statements, speakers and annotations, every claim (a
    claim promoted from a statement left out no longer names it), the relations among what
    it holds, and no edit log; ``subset`` records the filter.
    """
    conn = workspace.conn
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    codebook = workspace.codebook
    header = {
        "format": EXPORT_FORMAT,
        "schema_version": EXPORT_SCHEMA_VERSION,
        "argmap_version": __version__,
        "workspace_id": workspace.workspace_id,
        "exported_at": datetime.now(UTC).isoformat(),
    }
    if filter is not None:
        header["subset"] = {
            "outlets": list(filter.outlet) if filter.outlet is not None else None,
            "authors": list(filter.author) if filter.author is not None else None,
            "since": filter.since,
            "until": filter.until,
            "dated": filter.dated,
        }
    header["codebook"] = codebook.model_dump(mode="json") if codebook else None
    kept, kept_params = _kept_documents(filter)
    statements_kept = f"(SELECT id FROM statements WHERE document IN {kept})"
    stream.write("{\n")
    for key, value in header.items():
        stream.write(f" {dumps(key)}: {dumps(value)},\n")

    def section(name: str, records, last: bool = False) -> None:
        stream.write(f" {dumps(name)}: [")
        first = True
        for record in records:
            stream.write("\n  " if first else ",\n  ")
            stream.write(record)
            first = False
        stream.write("\n ]" if not first else "]")
        stream.write("\n" if last else ",\n")

    def rows(sql: str, times: int = 0):
        """The first column of ``sql``'s rows; ``times``: how many times it names ``kept``."""
        return (row[0] for row in conn.execute(sql, kept_params * times))

    only = filter is not None  # a subset: conditions on what it keeps

    def record(*fields: str | tuple[str, str, str]) -> str:
        """The SQL building one record (the backend's JSON object, keys in the models' field
        order); a field given as a column is its value under the column's name."""
        return workspace.backend.json_record(
            [f if isinstance(f, tuple) else (f.split(".")[-1], f, "value") for f in fields]
        )

    section(
        "documents",
        rows(
            "SELECT "
            + record(
                "d.id",
                "d.name",
                "d.source_path",
                "d.added_at",
                "m.title",
                "m.outlet",
                ("authors", "coalesce(m.authors, '[]')", "json"),
                "m.published",
                "m.url",
                "m.language",
                ("set_by_hand", "coalesce(m.set_by_hand, '[]')", "json"),
                "d.text",
            )
            + " FROM documents d LEFT JOIN document_metadata m ON m.document = d.id"
            + (f" WHERE d.id IN {kept}" if only else "")
            + " ORDER BY d.seq",
            only,
        ),
    )
    section(
        "speakers",
        rows(
            "SELECT "
            + record("id", "name", ("aliases", "aliases", "json"), "kind", "role", "affiliation")
            + " FROM speakers"
            + (
                f" WHERE id IN (SELECT speaker_id FROM statements WHERE document IN {kept})"
                if only
                else ""
            )
            + " ORDER BY rowid",
            only,
        ),
    )
    section(
        "statements",
        rows(
            "SELECT "
            + record(
                "s.id",
                "s.document",
                ("doc_name", "d.name", "value"),
                "s.start",
                ("end", 's."end"', "value"),
                "s.text",
                "s.kind",
                ("parts", "s.parts", "json"),
                "s.cue",
                "s.cue_start",
                "s.cue_end",
                "s.speaker_mention",
                "s.speaker_start",
                "s.speaker_end",
                ("speaker", "sp.name", "value"),
                "s.speaker_role",
                "s.speaker_id",
                "s.confidence",
                "s.origin",
                ("suggestion", "g.data", "json"),
            )
            + " FROM statements s JOIN documents d ON d.id = s.document "
            "LEFT JOIN speakers sp ON sp.id = s.speaker_id "
            "LEFT JOIN suggestions g ON g.statement_id = s.id"
            + (f" WHERE s.document IN {kept}" if only else "")
            + " ORDER BY s.seq",
            only,
        ),
    )
    section(
        "annotations",
        rows(
            "SELECT "
            + record(
                "statement_id",
                "label",
                "annotator",
                "time",
                "note",
                ("adjudicated", "adjudicated", "bool"),
            )
            + " FROM annotations"
            + (f" WHERE statement_id IN {statements_kept}" if only else "")
            + " ORDER BY statement_id, annotator, adjudicated",
            only,
        ),
    )
    promoted = (
        f"CASE WHEN statement_id IN {statements_kept} THEN statement_id END"
        if only
        else "statement_id"
    )
    section(
        "claims",
        rows(
            "SELECT "
            + record(
                "id",
                "kind",
                "text",
                "parent_id",
                "label",
                ("statement_id", promoted, "value"),
                "created_by",
                "created_at",
            )
            + " FROM claims ORDER BY created_at, rowid",
            only,
        ),
    )
    section(
        "relations",
        rows(
            "SELECT "
            + record(
                "id",
                "kind",
                "source_type",
                "source_id",
                "target_type",
                "target_id",
                "status",
                "score",
                "created_by",
                "created_at",
            )
            + " FROM relations"
            + (
                f" WHERE (source_type = 'claim' OR source_id IN {statements_kept}) "
                f"AND (target_type = 'claim' OR target_id IN {statements_kept})"
                if only
                else ""
            )
            + " ORDER BY created_at, rowid",
            2 * only,
        ),
    )
    section(
        "edits",
        rows(
            "SELECT "
            + record(
                "id",
                "time",
                "actor",
                "action",
                "summary",
                ("changes", "changes", "json"),
                ("undoable", "undoable", "bool"),
                "state",
            )
            + " FROM edits"
            + (" WHERE 1 = 0" if only else "")
            + " ORDER BY id"
        ),
        last=True,
    )
    stream.write("}\n")


def _kept_documents(filter: StatementFilter | None) -> tuple[str, list]:
    """A subquery of the ids of the documents ``filter`` keeps, and its parameters."""
    if filter is None:
        return "(SELECT id FROM documents)", []
    conditions, params = filter.document_conditions()
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    return (
        f"(SELECT d.id FROM documents d LEFT JOIN document_metadata m ON m.document = d.id{where})",
        params,
    )


def read_map_json(path: str) -> MapExport:
    """Read and validate an exported map; ``MapImportError`` names the file and the problem."""
    try:
        with open(path, encoding="utf-8") as stream:
            data = json.load(stream)
    except OSError as problem:
        raise MapImportError(f"{path}: cannot read: {problem.strerror or problem}") from None
    except UnicodeDecodeError:
        raise MapImportError(f"{path}: not UTF-8 text") from None
    except json.JSONDecodeError as problem:
        raise MapImportError(
            f"{path}: not complete JSON (truncated?): {problem.msg} at line {problem.lineno}"
        ) from None
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise MapImportError(
            f'{path}: not an argmap map export (expected "format": "{EXPORT_FORMAT}")'
        )
    version = data.get("schema_version")
    if version not in READ_SCHEMA_VERSIONS:
        raise MapImportError(
            f"{path}: export schema version {version!r}; this argmap reads versions "
            f"{' and '.join(map(str, READ_SCHEMA_VERSIONS))}"
        )
    try:
        export = MapExport.model_validate(data)
    except ValidationError as problem:
        first = problem.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise MapImportError(
            f"{path}: {where}: {first['msg']} ({problem.error_count()} problems)"
        ) from None
    check_references(export, path)
    return export


def check_references(export: MapExport, path: str) -> None:
    """Every id the map refers to is in it, every label is in its codebook."""
    documents = {d.id for d in export.documents}
    speakers = {s.id for s in export.speakers}
    statements = {s.id for s in export.statements}
    claims = {c.id for c in export.claims}
    labels = set(export.codebook.label_ids) if export.codebook else None

    def dangling(what: str, ref: str, kind: str) -> MapImportError:
        return MapImportError(
            f"{path}: dangling reference: {what} names {kind} {ref!r}, which is not in the file"
        )

    for ids, name, count in (
        (documents, "document", len(export.documents)),
        (speakers, "speaker", len(export.speakers)),
        (statements, "statement", len(export.statements)),
        (claims, "claim", len(export.claims)),
    ):
        if len(ids) != count:
            raise MapImportError(f"{path}: a {name} id appears twice")
    for s in export.statements:
        if s.document not in documents:
            raise dangling(f"statement {s.id}", s.document, "document")
        if s.speaker_id is not None and s.speaker_id not in speakers:
            raise dangling(f"statement {s.id}", s.speaker_id, "speaker")
        if s.suggestion is not None and labels is not None and s.suggestion.label not in labels:
            raise MapImportError(
                f"{path}: statement {s.id}: "
                f"suggested label {s.suggestion.label!r} is not in the codebook"
            )
    for a in export.annotations:
        if a.statement_id not in statements:
            raise dangling(f"an annotation by {a.annotator}", a.statement_id, "statement")
        if labels is None or a.label not in labels:
            raise MapImportError(
                f"{path}: annotation of {a.statement_id}: label {a.label!r} is not in the codebook"
            )
    texts = {d.id: d.text for d in export.documents}
    for d in export.documents:
        if content_id(d.text) != d.id:
            raise MapImportError(
                f"{path}: document {d.id} ({d.name}): "
                "its text does not match its id (the text's hash)"
            )
    for s in export.statements:
        length = len(texts[s.document])
        if not 0 <= s.start < s.end <= length:
            raise MapImportError(
                f"{path}: statement {s.id}: "
                f"span start {s.start}, end {s.end} is not inside its document "
                f"(characters 0 to {length})"
            )
    for c in export.claims:
        if c.parent_id is not None and c.parent_id not in claims:
            raise dangling(f"claim {c.id}", c.parent_id, "claim")
        if c.statement_id is not None and c.statement_id not in statements:
            raise dangling(f"claim {c.id}", c.statement_id, "statement")
    parents = {c.id: c.parent_id for c in export.claims}
    for c in export.claims:
        seen, node = {c.id}, parents[c.id]
        while node is not None:
            if node in seen:
                raise MapImportError(
                    f"{path}: claim {c.id}: its parents form a cycle (through {node})"
                )
            seen.add(node)
            node = parents.get(node)
    for e in (e for e in export.edits if e.undoable):  # the others (adds, suggestions) only report
        try:
            logged_changes(
                json.dumps(e.changes),
                edit_from_row((e.id, e.time, e.actor, e.action, e.summary, None, 1, "done")),
            )
        except EditError:
            raise MapImportError(
                f"{path}: edit {e.id} ({e.summary}): malformed change list"
            ) from None
    for r in export.relations:
        for node, typ in ((r.source_id, r.source_type), (r.target_id, r.target_type)):
            if node not in (claims if typ == "claim" else statements):
                raise dangling(f"relation {r.id}", node, typ)


def import_map(workspace, path: str) -> MapExport:
    """Load an exported map into an empty workspace, in one transaction (all or nothing)."""
    export = read_map_json(path)
    try:
        _insert(workspace, export)
    except workspace.backend.integrity_errors as problem:
        raise MapImportError(f"{path}: inconsistent map: {problem}") from None
    return export


def _insert(workspace, export: MapExport) -> None:
    with workspace.transaction() as conn:
        backend = workspace.backend
        backend.defer_foreign_keys(conn)  # claims may come before their parents
        for table in ("documents", "statements", "speakers", "claims", "edits"):
            if conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone():
                raise MapImportError(
                    f"{workspace.path}: the workspace is not empty ({table}); "
                    "import needs an empty one"
                )
        if export.codebook is not None:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES ('codebook', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (export.codebook.model_dump_json(),),
            )
        else:
            conn.execute("DELETE FROM meta WHERE key = 'codebook'")
        conn.execute(
            "INSERT INTO meta (key, value) VALUES ('imported_from', ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (export.workspace_id,),
        )
        doc_seq = {}
        for d in export.documents:
            doc_seq[d.id] = conn.execute(
                "INSERT INTO documents (id, name, source_path, text, added_at) "
                "VALUES (?, ?, ?, ?, ?) RETURNING seq",
                (d.id, d.name, d.source_path, d.text, d.added_at),
            ).fetchall()[0][0]
            write_metadata(
                conn,
                d.id,
                {
                    "title": d.title,
                    "outlet": d.outlet,
                    "authors": json.dumps(d.authors, ensure_ascii=False),
                    "published": d.published,
                    "url": d.url,
                    "language": d.language,
                    "set_by_hand": json.dumps(d.set_by_hand),
                },
            )
        conn.executemany(
            "INSERT INTO speakers (id, name, kind, role, affiliation, aliases) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [_speaker_values(s) for s in export.speakers],
        )
        # the statements' indexes are built once after the rows are in, not row by row (on
        # SQLite; PostgreSQL builds no index on a table whose deferred key checks are pending)
        indexes = [] if workspace.on_server else backend.indexes(conn, "statements")
        for name, _ in indexes:
            conn.execute(f"DROP INDEX {name}")
        doubts = {
            s.id: suggestion_uncertainty(s.suggestion)
            for s in export.statements
            if s.suggestion is not None
        }
        # labels as if unannotated (the suggestion's); annotated ones are refreshed below
        conn.executemany(
            "INSERT INTO statements (id, document, doc_seq, start, "
            '"end", text, kind, parts, cue, cue_start, cue_end, '
            "speaker_mention, speaker_start, speaker_end, "
            "speaker_id, speaker_role, confidence, origin, "
            "label, label_source, review, suggestion_score, uncertainty) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    s.id,
                    s.document,
                    doc_seq[s.document],
                    s.start,
                    s.end,
                    s.text,
                    s.kind.value,
                    json.dumps(s.parts),
                    s.cue,
                    s.cue_start,
                    s.cue_end,
                    s.speaker_mention,
                    s.speaker_start,
                    s.speaker_end,
                    s.speaker_id,
                    s.speaker_role,
                    s.confidence,
                    s.origin,
                    *(
                        (
                            s.suggestion.label,
                            "suggestion",
                            "suggested",
                            s.suggestion.score,
                            doubts[s.id],
                        )
                        if s.suggestion
                        else (None, None, "unlabelled", None, None)
                    ),
                )
                for s in export.statements
            ],
        )
        for _, sql in indexes:
            conn.execute(sql)
        conn.executemany(
            "INSERT INTO suggestions (statement_id, label, score, uncertainty, data) "
            "VALUES (?, ?, ?, ?, ?)",
            [
                (
                    s.id,
                    s.suggestion.label,
                    s.suggestion.score,
                    doubts[s.id],
                    s.suggestion.model_dump_json(),
                )
                for s in export.statements
                if s.suggestion is not None
            ],
        )
        conn.executemany(
            "INSERT INTO annotations (statement_id, annotator, adjudicated, label, time, note) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [_annotation_values(a) for a in export.annotations],
        )
        conn.executemany(
            "INSERT INTO claims (id, kind, text, parent_id, "
            "label, statement_id, created_by, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    c.id,
                    c.kind,
                    c.text,
                    c.parent_id,
                    c.label,
                    c.statement_id,
                    c.created_by,
                    c.created_at,
                )
                for c in export.claims
            ],
        )
        conn.executemany(
            "INSERT INTO relations (id, kind, source_type, source_id, "
            "target_type, target_id, status, score, created_by, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    r.id,
                    r.kind,
                    r.source_type,
                    r.source_id,
                    r.target_type,
                    r.target_id,
                    r.status,
                    r.score,
                    r.created_by,
                    r.created_at,
                )
                for r in export.relations
            ],
        )
        conn.executemany(
            "INSERT INTO edits (id, time, actor, action, summary, changes, undoable, state) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    e.id,
                    e.time,
                    e.actor,
                    e.action,
                    e.summary,
                    json.dumps(e.changes, ensure_ascii=False),
                    int(e.undoable),
                    e.state,
                )
                for e in export.edits
            ],
        )
        backend.reset_counter(conn, "edits")  # the next entry's id follows the imported ones
        refresh_labels(
            conn, [row[0] for row in conn.execute("SELECT DISTINCT statement_id FROM annotations")]
        )


def _speaker_values(s: Speaker) -> tuple:
    return (
        s.id,
        s.name,
        s.kind.value,
        s.role,
        s.affiliation,
        json.dumps(s.aliases, ensure_ascii=False),
    )


def _annotation_values(a: Annotation) -> tuple:
    return (a.statement_id, a.annotator, int(a.adjudicated), a.label, utc_time(a.time), a.note)


#: The JSON Schema dialect of ``export_schema`` (pydantic writes draft 2020-12).
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def export_schema() -> dict:
    """The JSON Schema of ``MapExport``, naming its dialect (``$schema``) so that validators
    pick the right draft."""
    return {"$schema": SCHEMA_DIALECT, **MapExport.model_json_schema()}


__all__ = [
    "MapExport",
    "MapImportError",
    "build_export",
    "export_schema",
    "import_map",
    "read_map_json",
    "write_map_json",
]
