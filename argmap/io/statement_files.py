"""Extraction results as files: the output folder of ``argmap extract --output`` (partitioned
Parquet or JSON Lines), which ``argmap add --statements`` reads back.

A results folder holds three tables, each in numbered parts written whole or not at all
(a temporary file renamed into place):

- ``statements/part-NNNNN.parquet``: one row per statement, in document order, with the
  fields of ``argmap extract``'s JSON Lines records and its document's metadata as columns
  (``title``, ``outlet``, ``authors``, ``published``, ``url``, ``language``), and with a
  codebook (``argmap extract --output DIR --codebook FILE``) the ``stance``, ``stance_score``
  and ``stance_reason`` of ``argmap extract --codebook`` and the whole ``suggestion`` (JSON)
  that ``argmap add --statements`` stores;
- ``documents/part-NNNNN.parquet``: one row per document read (with or without statements):
  its id, name, source path, text, metadata and statement count;
- ``speakers/*.parquet``: one row per speaker the statements name: id, name, aliases, kind,
  role, affiliation, and where it was first named (``first_part``, ``first_row``);

and ``_argmap.json``, written last, which says the run is complete. ``argmap extract
--output`` then matches the folder's restatements among its own statements and adds them
(``restatements/part-00000.parquet``: statement, restated statement, score) and their count
to the manifest. With JSON Lines the
parts are ``.jsonl`` files whose statement lines are exactly ``argmap extract``'s records
(with a codebook, ``argmap extract --codebook``'s, and the ``suggestion``).
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from argmap.models import METADATA_FIELDS

FORMATS = ("parquet", "jsonl")
MANIFEST = "_argmap.json"
PYARROW_MISSING = "Parquet results need pyarrow: pip install 'argmap[cluster]'"

#: The statement fields of a record, in ``argmap extract``'s order.
STATEMENT_FIELDS = (
    "id",
    "document",
    "doc_name",
    "start",
    "end",
    "text",
    "kind",
    "parts",
    "cue",
    "cue_start",
    "cue_end",
    "speaker_mention",
    "speaker_start",
    "speaker_end",
    "speaker",
    "speaker_role",
    "speaker_id",
    "speaker_note",
    "confidence",
)
DOCUMENT_FIELDS = ("id", "name", "source_path", "text", *METADATA_FIELDS, "statements")
#: With a codebook: the fields ``argmap extract --codebook`` adds, and the suggestion (JSON).
STANCE_FIELDS = ("stance", "stance_score", "stance_reason", "suggestion")
SPEAKER_FIELDS = ("id", "name", "aliases", "kind", "role", "affiliation", "first_part", "first_row")
#: The table of a folder's restatements, and its fields.
RESTATEMENTS = "restatements"
RESTATEMENT_FIELDS = ("statement", "restates", "score")


def schemas() -> dict[str, Any]:
    """The Arrow schema of each table of a results folder, by table name."""
    import pyarrow as pa

    string, integer = pa.string(), pa.int64()
    metadata = [
        (name, pa.list_(string) if name == "authors" else string) for name in METADATA_FIELDS
    ]
    types = {
        "start": integer,
        "end": integer,
        "cue_start": integer,
        "cue_end": integer,
        "speaker_start": integer,
        "speaker_end": integer,
        "confidence": pa.float64(),
        "stance_score": pa.float64(),
        "parts": pa.list_(pa.list_(integer)),
    }
    return {
        "statements": pa.schema(
            [("doc", string)]
            + [(name, types.get(name, string)) for name in STATEMENT_FIELDS]
            + metadata
            + [(name, types.get(name, string)) for name in STANCE_FIELDS]
        ),
        "documents": pa.schema(
            [
                ("id", string),
                ("name", string),
                ("source_path", string),
                ("text", string),
                *metadata,
                ("statements", integer),
            ]
        ),
        "speakers": pa.schema(
            [
                ("id", string),
                ("name", string),
                ("aliases", pa.list_(string)),
                ("kind", string),
                ("role", string),
                ("affiliation", string),
                ("first_part", integer),
                ("first_row", integer),
            ]
        ),
        RESTATEMENTS: pa.schema(
            [("statement", string), ("restates", string), ("score", pa.float64())]
        ),
    }


def flat_statement(record: dict) -> dict:
    """An ``argmap extract`` record as a statements row: its metadata as columns."""
    row = {key: value for key, value in record.items() if key != "metadata"}
    metadata = record.get("metadata") or {}
    for name in METADATA_FIELDS:
        row[name] = metadata.get(name, [] if name == "authors" else None)
    if isinstance(row.get("suggestion"), dict):
        row["suggestion"] = json.dumps(row["suggestion"], ensure_ascii=False)
    for name in STANCE_FIELDS:
        row.setdefault(name, None)
    return row


def statement_of_row(row: dict) -> dict:
    """A statements row as ``argmap extract``'s record (metadata nested, when known)."""
    record = {"doc": row["doc"], **{name: row[name] for name in STATEMENT_FIELDS}}
    record["parts"] = [list(part) for part in row["parts"] or ()]
    metadata = {name: row.get(name) for name in METADATA_FIELDS}
    metadata["authors"] = list(metadata["authors"] or ())
    if any(metadata.values()):
        record["metadata"] = metadata
    if row.get("suggestion") is not None:
        record.update({name: row[name] for name in STANCE_FIELDS[:3]})
        record["suggestion"] = json.loads(row["suggestion"])
    return record


def part_name(table: str, number: int, fmt: str, suffix: str = "") -> str:
    """``statements/part-00003.parquet``: the file of a table's part."""
    return f"{table}/part-{number:05d}{suffix}.{fmt}"


def write_part(path: Path, table: str, rows: Iterable[dict], fmt: str) -> None:
    """Write one part of ``table`` (statements, documents, speakers) whole or not at all:
    to a temporary file beside it, then renamed into place (a task run again writes the same
    file over it)."""
    if fmt == "parquet":
        import pyarrow as pa

        write_table(path, pa.Table.from_pylist(list(rows), schema=schemas()[table]))
        return
    with replacing(path) as temporary, open(temporary, "w", encoding="utf-8") as out:
        for row in rows:
            record = statement_of_row(row) if table == "statements" else row
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def write_table(path: Path, table: Any) -> None:
    """A ``pyarrow.Table`` written to the Parquet file ``path`` whole or not at all."""
    import pyarrow.parquet as pq

    with replacing(path) as temporary:
        pq.write_table(table, temporary)


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path`` (its folder made) to write, renamed to ``path`` once
    written; removed if writing fails."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        yield temporary
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def write_restatements(path: Path, pairs: Sequence[tuple[str, str, float]], fmt: str) -> None:
    """A folder's restatements, ``(statement, restated, score)`` each, as one part."""
    if fmt == "parquet":
        import pyarrow as pa

        columns = [list(column) for column in zip(*pairs, strict=True)] or [[], [], []]
        schema = schemas()[RESTATEMENTS]
        write_table(
            path, pa.table(dict(zip(RESTATEMENT_FIELDS, columns, strict=True)), schema=schema)
        )
        return
    rows = [dict(zip(RESTATEMENT_FIELDS, pair, strict=True)) for pair in pairs]
    write_part(path, RESTATEMENTS, rows, fmt)


def read_restatements(path: Path) -> list[tuple[str, str, float]]:
    """The ``(statement, restated, score)`` pairs of a restatements part."""
    if path.suffix == ".parquet":
        table = read_table(path, RESTATEMENT_FIELDS)
        columns = [table.column(name).to_pylist() for name in RESTATEMENT_FIELDS]
        return list(zip(*columns, strict=True))
    return [(row["statement"], row["restates"], row["score"]) for row in read_part(path, "")]


def read_part(path: Path, table: str, columns: Sequence[str] | None = None) -> list[dict]:
    """The rows of one part (statements as rows: metadata in columns). ``columns``: of a
    Parquet part, only those of them it has are read (JSON Lines rows keep every field)."""
    if path.suffix == ".parquet":
        return table_rows(read_table(path, columns))
    with open(path, encoding="utf-8") as stream:
        records = [json.loads(line) for line in stream if line.strip()]
    return [flat_statement(r) for r in records] if table == "statements" else records


def table_rows(table: Any) -> list[dict]:
    """A ``pyarrow.Table``'s rows as dicts (``Table.to_pylist``, column by column: faster)."""
    names = table.column_names
    columns = [column.to_pylist() for column in table.columns]
    return [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]


def read_table(path: Path, columns: Sequence[str] | None = None) -> Any:
    """A Parquet part as a ``pyarrow.Table`` (``ReadError`` without pyarrow); ``columns``:
    only those of them it has. Read as one file (``ParquetFile``: ``pq.read_table`` would
    import pyarrow's dataset modules, a tenth of a second, for nothing), in this thread: a
    part is one row group or a few, and Arrow's thread pool cost more CPU time than it saved
    (PolNeAR train's statements: 0.03 s alone, 0.03-0.17 s with the pool)."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        from argmap.io.errors import ReadError

        raise ReadError(path, PYARROW_MISSING) from None
    with pq.ParquetFile(path) as part:
        if columns is not None:
            held = set(part.schema_arrow.names)
            columns = [name for name in columns if name in held]
        return part.read(columns=columns, use_threads=False)


def parts(folder: str | os.PathLike[str], table: str) -> list[Path]:
    """The parts of ``table`` in a results folder, in order."""
    found = Path(folder) / table
    if not found.is_dir():
        return []
    return sorted(
        p for p in found.iterdir() if p.suffix in (".parquet", ".jsonl") and p.name[0] != "."
    )


def read_rows(folder: str | os.PathLike[str], table: str) -> Iterator[dict]:
    """Every row of ``table`` in a results folder, part by part, in order."""
    for path in parts(folder, table):
        yield from read_part(path, table)


def read_statements(folder: str | os.PathLike[str]) -> Iterator[dict]:
    """Every statement of a results folder as ``argmap extract``'s record, in order."""
    for row in read_rows(folder, "statements"):
        yield statement_of_row(row)


def write_manifest(folder: Path, details: dict) -> None:
    """``_argmap.json``: written last, it marks the folder complete."""
    temporary = folder / f".{MANIFEST}.tmp"
    temporary.write_text(json.dumps(details, indent=2) + "\n", encoding="utf-8")
    os.replace(temporary, folder / MANIFEST)


def read_manifest(folder: str | os.PathLike[str]) -> dict | None:
    """The manifest of a complete results folder, None when there is none."""
    try:
        return json.loads((Path(folder) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def speaker_rows(speakers: Iterable[tuple[Any, tuple[int, int]]]) -> list[dict]:
    """Speakers (``argmap.models.Speaker``) with where each was first named, as rows."""
    return [
        {
            "id": s.id,
            "name": s.name,
            "aliases": list(s.aliases),
            "kind": s.kind.value,
            "role": s.role,
            "affiliation": s.affiliation,
            "first_part": first[0],
            "first_row": first[1],
        }
        for s, first in speakers
    ]
