"""Corpus files: many articles in one file, one per row, read as a stream.

JSON Lines (``.jsonl``, ``.ndjson``), CSV (``.csv``, ``.tsv``; each may be gzipped, ``.gz``)
and Parquet (``.parquet``, with pyarrow: ``pip install 'argmap[corpus]'``) holding the shape
news datasets use (news-please, CC-News): a text column (``maintext``, ``text`` ...) and
metadata columns (``title``, ``date_publish``, ``source_domain``, ``url``, ``authors``,
``language``), found by their usual names or named by a column mapping
(``argmap.io.metadata.parse_columns``).

Rows are read one at a time (JSON Lines, CSV) or a batch of rows at a time (Parquet, by
``BATCH_ROWS``, reading only the mapped columns), so a file larger than memory is read in
memory of the order of one batch. ``read_corpus`` is a generator: a caller may stop, and
``row_groups`` reads only some of a Parquet file's row groups (a partition of it) with the
same row numbers as a whole read; ``lines`` a part of a JSON Lines file by its bytes, and
``rows`` some rows of any file (reading past those before them): the partitions of
``argmap.cluster``.

A document from row N of ``news.jsonl`` is named ``news.jsonl#N`` (rows count from 1, the
header of a CSV file not counted); its ``source_path``, which identifies it when the file is
added again (a changed article replaces its old version), is the file's path with ``#id=ID``
(an id column), else ``#url=URL``, else ``#row=N``.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from argmap.io.errors import ReadError
from argmap.io.metadata import METADATA_KEYS, clean_fields, metadata_of, resolve_columns

if TYPE_CHECKING:
    from argmap.models import Document

CORPUS_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".tsv", ".parquet")
#: Rows of a Parquet file converted to Python at once.
BATCH_ROWS = 256
PYARROW_MISSING = "reading Parquet needs pyarrow: pip install 'argmap[corpus]'"

Warn = Callable[[str], None]


def is_corpus_file(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` names a corpus file by its suffix (``.jsonl``, ``.csv.gz`` ...)."""
    return _format(Path(path)) is not None


def _format(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    return {
        ".jsonl": "jsonl",
        ".ndjson": "jsonl",
        ".csv": "csv",
        ".tsv": "tsv",
        ".parquet": "parquet",
    }.get(last)


def count_rows(path: str | os.PathLike[str]) -> int | None:
    """How many rows a Parquet file holds (from its footer), None for other formats (counting
    them means reading them)."""
    path = Path(path)
    if _format(path) != "parquet":
        return None
    try:
        import pyarrow.parquet as pq

        return pq.ParquetFile(path).metadata.num_rows
    except Exception:  # no pyarrow, or not Parquet: reading it will say so
        return None


def read_corpus(
    path: str | os.PathLike[str],
    columns: Mapping[str, str] | None = None,
    *,
    warn: Warn | None = None,
    row_groups: Sequence[int] | None = None,
    lines: tuple[int, int, int] | None = None,
    rows: tuple[int, int] | None = None,
) -> Iterator[Document | ReadError]:
    """Each row of the corpus file at ``path`` as a Document with its metadata.

    ``columns`` maps fields to column names over the usual names (``text=maintext``). A row
    without text, or one that cannot be read, is passed to ``warn`` naming the file and row,
    and skipped; a date that cannot be read is a warning of its document
    (``read_warnings``). A problem with the whole file (unreadable, no text column, no
    pyarrow for Parquet) is one ReadError, after which nothing more comes.
    """
    path = Path(path)
    warn = warn or (lambda message: None)
    try:
        if lines is not None:
            records = _jsonl_part(path, columns or {}, *lines)
        else:
            records = _records(path, _format(path), columns or {}, row_groups)
        mapping = next(records)
        if "text" not in mapping:
            raise ReadError(
                path,
                "no text column (one named text, maintext, content, body ...; "
                "--columns text=COLUMN names it)",
            )
        absolute = path.resolve()
        for number, record in records:
            if rows is not None and not rows[0] <= number < rows[1]:
                if number >= rows[1]:
                    break
                continue
            if isinstance(record, str):  # a row that could not be read: why
                warn(f"{path}: row {number}: {record}; skipped")
                continue
            document = _document(path, absolute, number, record, mapping, warn)
            if document is not None:
                yield document
    except ReadError as problem:
        yield problem


def _document(
    path: Path,
    absolute: Path,
    number: int,
    record: Mapping[str, Any],
    mapping: Mapping[str, str],
    warn: Warn,
) -> Document | None:
    from argmap.models import Document

    where = f"{path}: row {number}"
    text = record.get(mapping["text"])
    if not isinstance(text, str) or not text.strip():
        warn(f"{where} has no text (column {mapping['text']!r}); skipped")
        return None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    raw = {field: record.get(mapping[field]) for field in METADATA_KEYS if field in mapping}
    fields, warnings = clean_fields(raw, where=f"row {number}: ")
    key = _identity(record, mapping, fields, number)
    return Document.from_text(
        f"{path.name}#{number}",
        text,
        source_path=f"{absolute}#{key}",
        read_warnings=tuple(warnings),
        metadata=metadata_of(fields),
    )


#: The end of a corpus row's ``source_path``: ``#id=``, ``#url=`` or ``#row=`` and its value.
_ROW_KEY = re.compile(r"#(?:id|url|row)=.*\Z", re.DOTALL)


def origin(document: Document) -> str:
    """The file a warning about ``document`` names: the path it was read from, or for a corpus
    row the corpus file's path (its warnings name the row: "row 4: published date ...")."""
    source = document.source_path or document.name
    if "#" in document.name and _ROW_KEY.search(source):
        return _ROW_KEY.sub("", source)
    return source


def _identity(
    record: Mapping[str, Any], mapping: Mapping[str, str], fields: Mapping[str, Any], number: int
) -> str:
    """What identifies a row when its file is read again: its id, else its URL, else its row."""
    if "id" in mapping:
        value = record.get(mapping["id"])
        if value is not None and str(value).strip():
            return f"id={str(value).strip()}"
    if fields.get("url"):
        return f"url={fields['url']}"
    return f"row={number}"


# ---------------------------------------------------------------------- formats


def _records(
    path: Path, kind: str | None, columns: Mapping[str, str], row_groups: Sequence[int] | None
) -> Iterator[Any]:
    """First the column mapping, then (row number, record) for each row."""
    if kind == "parquet":
        yield from _parquet(path, columns, row_groups)
        return
    try:
        with _open(path) as stream:
            if kind == "jsonl":
                yield from _jsonl(path, stream, columns)
            else:
                yield from _csv(path, stream, "\t" if kind == "tsv" else ",", columns)
    except OSError as error:
        raise ReadError.from_os_error(path, error) from None
    except EOFError:
        raise ReadError(path, "the compressed file is cut short") from None


def _open(path: Path) -> IO[bytes]:
    if path.suffix.lower() == ".gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]  # a GzipFile reads bytes
    return open(path, "rb")


def _mapping(path: Path, names: Sequence[str], columns: Mapping[str, str]) -> dict[str, str]:
    try:
        return resolve_columns(names, columns)
    except ValueError as problem:
        raise ReadError(path, str(problem)) from None


def _jsonl(path: Path, stream: IO[bytes], columns: Mapping[str, str]) -> Iterator[Any]:
    """JSON Lines: the columns are the first record's keys (news datasets write every key in
    every record, null when empty)."""
    mapping: dict[str, str] | None = None
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            problem = "" if isinstance(record, dict) else "not a JSON object"
        except ValueError as error:
            problem = f"not JSON ({' '.join(str(error).split())})"
        if problem:
            if mapping is None:
                raise ReadError(path, f"line {number}: {problem}")
            yield number, problem  # the file goes on
            continue
        if mapping is None:
            mapping = _mapping(path, list(record), columns)
            yield mapping
        yield number, record
    if mapping is None:
        raise ReadError(path, "empty: no rows")


def _jsonl_part(
    path: Path, columns: Mapping[str, str], start: int, stop: int, number: int
) -> Iterator[Any]:
    """The lines of a JSON Lines file from byte ``start`` (line ``number``) to ``stop``, after
    the column mapping of the whole file (its first record's keys)."""
    try:
        with open(path, "rb") as stream:
            first = _jsonl(path, stream, columns)
            yield next(first)  # the mapping: the whole file's, whichever part this is
            del first
            stream.seek(start)
            at = start
            for line in stream:
                if at >= stop:
                    break
                at += len(line)
                if not line.strip():
                    number += 1
                    continue
                try:
                    record = json.loads(line)
                    problem = "" if isinstance(record, dict) else "not a JSON object"
                except ValueError as error:
                    problem = f"not JSON ({' '.join(str(error).split())})"
                yield number, problem or record
                number += 1
    except OSError as error:
        raise ReadError.from_os_error(path, error) from None


def json_lines_parts(path: str | os.PathLike[str], size: int) -> list[tuple[int, int, int]]:
    """An uncompressed JSON Lines file cut into parts of about ``size`` bytes at line starts:
    ``(start, stop, first line number)`` for ``read_corpus(lines=...)``, in order, covering
    the file. One pass counting line ends, a few MB at a time."""
    parts: list[tuple[int, int, int]] = []
    start, line, at, newlines = 0, 1, 0, 0
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 22):
            cut = start + size
            while cut < at + len(chunk):  # a part ends in this chunk: at the next line start
                end = chunk.find(b"\n", max(0, cut - at))
                if end < 0:
                    break
                stop = at + end + 1
                ends = newlines + chunk.count(b"\n", 0, end + 1)
                parts.append((start, stop, line))
                start, line = stop, ends + 1
                cut = start + size
            newlines += chunk.count(b"\n")
            at += len(chunk)
    if at > start or not parts:
        parts.append((start, at, line))
    return parts


def _csv(path: Path, stream: IO[bytes], delimiter: str, columns: Mapping[str, str]):
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # an article is longer than 128 KiB
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace", newline="")
    reader = csv.reader(text, delimiter=delimiter)
    try:
        header = next(reader, None)
        if header is None:
            raise ReadError(path, "empty: no header row")
        mapping = _mapping(path, header, columns)
        yield mapping
        width = len(header)
        for number, row in enumerate(reader, start=1):
            if len(row) != width and not any(cell.strip() for cell in row):
                continue  # a blank line
            yield number, dict(zip(header, row, strict=False))
    except csv.Error as error:
        raise ReadError(path, f"row {reader.line_num}: not readable CSV ({error})") from None


def _parquet(path: Path, columns: Mapping[str, str], row_groups: Sequence[int] | None):
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise ReadError(path, PYARROW_MISSING) from None
    try:
        # read a column chunk in 1 MiB pieces, not a row group's chunks at once
        parquet = pq.ParquetFile(path, buffer_size=1 << 20, pre_buffer=False)
    except OSError as error:
        raise ReadError.from_os_error(path, error) from None
    except Exception as error:  # pyarrow.ArrowInvalid: not Parquet
        raise ReadError(path, f"not a Parquet file ({' '.join(str(error).split())})") from None
    mapping = _mapping(path, parquet.schema_arrow.names, columns)
    yield mapping
    groups = list(range(parquet.num_row_groups)) if row_groups is None else list(row_groups)
    sizes = [parquet.metadata.row_group(i).num_rows for i in range(parquet.num_row_groups)]
    wanted = list(dict.fromkeys(mapping.values()))
    for group in groups:
        number = sum(sizes[:group])  # rows before this group: the same numbers as a whole read
        batches = parquet.iter_batches(
            batch_size=BATCH_ROWS, row_groups=[group], columns=wanted, use_threads=False
        )
        for batch in batches:
            for record in batch.to_pylist():
                number += 1
                yield number, record
