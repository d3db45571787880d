"""Cutting the input into partitions: runs of article files, Parquet row groups, parts of a
JSON Lines file by bytes, and row ranges of other corpus files; in the order
``load_documents`` reads them, so partition by partition is the single process's order."""

from __future__ import annotations

import csv
import gzip
import io
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from argmap.io.corpus import is_corpus_file, json_lines_parts
from argmap.io.reading import READ_SUFFIXES, ReadError, article_paths

#: About this many bytes of text per partition (a task takes some seconds at 1 MB/s).
PARTITION_BYTES = 4 << 20
#: Article files per partition at most.
PARTITION_FILES = 1000
#: Rows per partition of a CSV or gzipped file at most (each task reads the file from its
#: start to reach its rows: reading is 15-30 times faster than extraction, so a few parts
#: of a file cost little; for a large corpus use Parquet or JSON Lines).
PARTITION_ROWS = 20000


@dataclass(frozen=True)
class Partition:
    """One task's share of the input: article ``files``, or a part of one ``corpus`` file."""

    number: int
    files: tuple[str, ...] = ()
    corpus: str | None = None
    row_groups: tuple[int, ...] | None = None  # Parquet
    lines: tuple[int, int, int] | None = None  # JSON Lines: (start byte, stop byte, line)
    rows: tuple[int, int] | None = None  # CSV, gzipped: (first row, stop row)

    def describe(self) -> str:
        if self.corpus is None:
            return f"{len(self.files)} files from {self.files[0]}" if self.files else "nothing"
        where = (
            f"row groups {self.row_groups[0]}-{self.row_groups[-1]}"
            if self.row_groups
            else f"bytes {self.lines[0]}-{self.lines[1]}"
            if self.lines
            else f"rows {self.rows[0]}-{self.rows[1] - 1}"
            if self.rows
            else "all"
        )
        return f"{self.corpus} {where}"


def plan(
    paths: Iterable[str | os.PathLike[str]],
    failures: list[ReadError],
    skipped: list[Path] | None = None,
    *,
    size: int = PARTITION_BYTES,
    rows: int = PARTITION_ROWS,
) -> list[Partition]:
    """The partitions of ``paths``, in reading order; paths that cannot be read go to
    ``failures`` (and unread files of folders to ``skipped``), as ``load_documents`` says."""
    found: list[Partition] = []
    batch: list[str] = []
    batch_size = 0

    def close_batch() -> None:
        nonlocal batch, batch_size
        if batch:
            found.append(Partition(len(found), files=tuple(batch)))
        batch, batch_size = [], 0

    for path in article_paths(paths, skipped):
        if isinstance(path, ReadError):
            failures.append(path)
            continue
        if path.suffix.lower() not in READ_SUFFIXES and is_corpus_file(path):
            close_batch()
            for part in _corpus_parts(path, size, rows):
                found.append(Partition(len(found), corpus=str(path), **part))
            continue
        try:
            length = path.stat().st_size
        except OSError:
            length = 0  # reading it will say what is wrong
        if batch and (batch_size + length > size or len(batch) >= PARTITION_FILES):
            close_batch()
        batch.append(str(path))
        batch_size += length
    close_batch()
    return found


def _corpus_parts(path: Path, size: int, rows: int) -> list[dict]:
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes[-1:] == [".parquet"]:
        return [{"row_groups": groups} for groups in _row_groups(path, size)]
    if suffixes[-1:] in ([".jsonl"], [".ndjson"]):
        try:
            return [{"lines": part} for part in json_lines_parts(path, size)]
        except OSError:
            return [{}]  # reading it will say what is wrong
    try:  # CSV, TSV, gzipped: counted (records, not lines: a CSV field may hold newlines)
        count, length = _count_rows(path, suffixes)
    except (OSError, EOFError, csv.Error):
        return [{}]  # reading it will say what is wrong
    per_part = max(1, min(rows, count * size // max(1, length)))
    return [
        {"rows": (1 + k * per_part, 1 + (k + 1) * per_part)}
        for k in range(max(1, -(-count // per_part)))
    ]


def _count_rows(path: Path, suffixes: list[str]) -> tuple[int, int]:
    """(rows, bytes) of a CSV or gzipped corpus file, by reading it once."""
    compressed = suffixes[-1:] == [".gz"]
    kind = suffixes[-2] if compressed and len(suffixes) > 1 else suffixes[-1]
    opener = gzip.open if compressed else open
    with opener(path, "rb") as stream:
        if kind in (".jsonl", ".ndjson"):
            count = length = 0
            for line in stream:
                count += 1
                length += len(line)
            return count, length
        text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace", newline="")
        csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
        count = sum(1 for _ in csv.reader(text, delimiter="\t" if kind == ".tsv" else ","))
        return max(0, count - 1), max(1, stream.tell())


def _row_groups(path: Path, size: int) -> list[tuple[int, ...] | None]:
    """Consecutive row groups of a Parquet file, about ``size`` bytes of data each."""
    try:
        import pyarrow.parquet as pq

        metadata = pq.ParquetFile(path).metadata
    except Exception:  # no pyarrow, not Parquet: reading it will say so
        return [None]
    groups: list[tuple[int, ...] | None] = []
    current: list[int] = []
    held = 0
    for index in range(metadata.num_row_groups):
        group_size = metadata.row_group(index).total_byte_size
        if current and held + group_size > size:
            groups.append(tuple(current))
            current, held = [], 0
        current.append(index)
        held += group_size
    if current:
        groups.append(tuple(current))
    return groups or [None]
