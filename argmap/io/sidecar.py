"""A sidecar metadata table: one row per article file, naming it in a file-name column, with
its title, outlet, authors, date, URL and language in other columns (CSV, TSV or JSON Lines).

PolNeAR's ``metadata.tsv`` is one: ``filename`` (without ``.txt``), ``publisher``,
``publication_date``, ``author`` and ``title``. Columns are found by their usual names
(``argmap.io.metadata.FIELD_NAMES``) or named with a column mapping. A row names a file by
its name, with or without its suffix, or by a path ending in it.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from argmap.io.errors import ReadError
from argmap.io.metadata import FIELD_NAMES, METADATA_KEYS, clean_fields, merged, resolve_columns

if TYPE_CHECKING:
    from argmap.models import Document

#: Names of a metadata table found by itself in a folder given to ``argmap add``.
SIDECAR_NAMES = ("metadata.tsv", "metadata.csv", "metadata.jsonl")
TABLE_SUFFIXES = (".csv", ".tsv", ".tab", ".jsonl", ".ndjson")


class MetadataTable:
    """Metadata by file name, read from one or more tables; the first table naming a file wins.

    ``apply(document)`` gives the document with the table's fields over its own (a field the
    table leaves empty keeps the document's); ``used`` counts the documents it gave metadata.
    """

    def __init__(self) -> None:
        self.paths: list[str] = []
        self._rows: dict[str, tuple[str, dict[str, Any]]] = {}  # key -> (where, raw fields)
        self.duplicates: list[str] = []  # "metadata.tsv rows 4 and 9 both name 'x'"
        self.used = 0

    @classmethod
    def load(
        cls, paths: Iterable[str | os.PathLike[str]], columns: Mapping[str, str] | None = None
    ) -> MetadataTable:
        """The tables at ``paths``; ``ReadError`` naming the file when one cannot be read or has
        no file-name column."""
        table = cls()
        for path in paths:
            table._read(Path(path), columns or {})
        return table

    def __len__(self) -> int:
        return len(self._rows)

    def _read(self, path: Path, columns: Mapping[str, str]) -> None:
        self.paths.append(str(path))
        seen: dict[str, int] = {}
        for number, record in _records(path):
            if number == 0:  # the header: which column holds what
                mapping = self._mapping(path, list(record), columns)
                continue
            key = record.get(mapping["file"])
            if not isinstance(key, str) or not key.strip():
                continue
            name = PurePath(key.strip().replace("\\", "/")).name
            raw = {field: record.get(column) for field, column in mapping.items()}
            if name in seen:
                self.duplicates.append(
                    f"{path.name} rows {seen[name]} and {number} both name {name!r}; "
                    "the first is used"
                )
                continue
            seen[name] = number
            self._rows.setdefault(name, (f"{path.name} row {number}: ", raw))

    @staticmethod
    def _mapping(path: Path, header: list[str], columns: Mapping[str, str]) -> dict[str, str]:
        try:
            mapping = resolve_columns(header, columns, where=f"{path.name}: ")
        except ValueError as problem:
            raise ReadError(path, str(problem).removeprefix(f"{path.name}: ")) from None
        if "file" not in mapping:
            raise ReadError(
                path,
                "no file-name column (one named "
                + ", ".join(FIELD_NAMES["file"])
                + "; or say which with --columns file=COLUMN)",
            )
        if not any(field in mapping for field in METADATA_KEYS):
            raise ReadError(
                path,
                "no metadata column (title, outlet, authors, published, url or language, or "
                "their usual names; --columns outlet=COLUMN,... names them)",
            )
        return {k: v for k, v in mapping.items() if k == "file" or k in METADATA_KEYS}

    def lookup(self, name: str) -> tuple[dict[str, Any], list[str]] | None:
        """The cleaned fields and warnings of the row naming the file ``name`` (with or without
        its suffix), or None."""
        found = self._rows.get(name) or self._rows.get(PurePath(name).stem)
        if found is None:
            return None
        where, raw = found
        return clean_fields({k: v for k, v in raw.items() if k != "file"}, where=where)

    def apply(self, document: Document) -> Document:
        """``document`` with the table's metadata over its own, and the table's warnings."""
        found = self.lookup(document.name)
        if found is None:
            return document
        self.used += 1
        fields, warnings = found
        return document.model_copy(
            update={
                "metadata": merged(document.metadata, fields),
                "read_warnings": (*document.read_warnings, *warnings),
            }
        )


def sidecars_in(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The metadata tables found by themselves: a ``metadata.tsv``, ``metadata.csv`` or
    ``metadata.jsonl`` directly in a folder of ``paths``."""
    found = []
    for path in map(Path, paths):
        if path.is_dir():
            found += [path / name for name in SIDECAR_NAMES if (path / name).is_file()]
    return found


def _records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(0, header as a dict of names) then (row number, record) for each row of a table."""
    suffix = path.suffix.lower()
    try:
        with open(path, encoding="utf-8-sig", newline="") as stream:
            if suffix in (".jsonl", ".ndjson"):
                yield from _json_lines(path, stream)
                return
            delimiter = "\t" if suffix in (".tsv", ".tab") else ","
            reader = csv.reader(stream, delimiter=delimiter)
            header = next(reader, None)
            if header is None:
                raise ReadError(path, "empty: no header row")
            yield 0, dict.fromkeys(header)
            for number, row in enumerate(reader, start=1):
                yield number, dict(zip(header, row, strict=False))
    except OSError as error:
        raise ReadError.from_os_error(path, error) from None
    except UnicodeDecodeError:
        raise ReadError(path, "not UTF-8 text") from None
    except csv.Error as error:
        raise ReadError(path, f"not a readable table: {error}") from None


def _json_lines(path: Path, stream) -> Iterator[tuple[int, dict[str, Any]]]:
    records = []
    names: dict[str, None] = {}
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as error:
            raise ReadError(path, f"line {number}: not JSON ({error.args[0]})") from None
        if not isinstance(record, dict):
            raise ReadError(path, f"line {number}: not a JSON object")
        names.update(dict.fromkeys(record))
        records.append((number, record))
    yield 0, names
    yield from records
