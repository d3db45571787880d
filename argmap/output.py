"""Write extraction results as JSON Lines, one JSON document, or a table for people."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from argmap.models import Document, Speaker, Statement

FORMATS = ("jsonl", "json", "table")
Results = Iterable[tuple[Document, Iterable[Statement]]]

_TABLE_TEXT_WIDTH = 100


def statement_record(statement: Statement) -> dict:
    """A statement as a JSON-ready dict: ``doc`` (the file name) first, then every field."""
    return {"doc": statement.doc_name, **statement.model_dump(mode="json")}


def write_jsonl(results: Results, out: IO[str]) -> None:
    """One JSON object per statement, written and flushed document by document."""
    for _document, statements in results:
        for statement in statements:
            out.write(json.dumps(statement_record(statement), ensure_ascii=False) + "\n")
        out.flush()


def write_json(results: Results, out: IO[str], speakers: dict[str, Speaker]) -> None:
    """One JSON document: ``documents``, ``statements`` and the ``speakers`` they name.

    ``speakers`` is read after ``results`` is consumed, so it may be filled while
    the results are produced (see ``argmap.pipeline.extract_corpus``).
    """
    documents, records = [], []
    for document, statements in results:
        documents.append(document.model_dump(mode="json", exclude={"text"}))
        records.extend(statement_record(s) for s in statements)
    payload = {
        "documents": documents,
        "statements": records,
        "speakers": [s.model_dump(mode="json") for s in speakers.values()],
    }
    json.dump(payload, out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_table(results: Results, out: IO[str]) -> None:
    """A rich table with one row per statement: document, speaker, kind, cue, text."""
    from rich.console import Console
    from rich.table import Table

    table = Table()
    table.add_column("doc", ratio=2, max_width=24, no_wrap=True, overflow="ellipsis")
    table.add_column("speaker", ratio=2, max_width=24)
    table.add_column("kind", no_wrap=True)
    table.add_column("cue", ratio=1, max_width=14)
    table.add_column("text", ratio=5)
    documents = statements_seen = 0
    for document, statements in results:
        documents += 1
        for s in statements:
            statements_seen += 1
            table.add_row(document.name, s.speaker or s.speaker_mention or "?", s.kind.value, s.cue, _shorten(s.text))
    table.caption = f"{_count(statements_seen, 'statement')} in {_count(documents, 'document')}"
    Console(file=out).print(table)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _shorten(text: str, width: int = _TABLE_TEXT_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
