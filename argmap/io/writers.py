"""Write extraction results as JSON Lines, one JSON document, or a table for people."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import IO

from argmap.models import Document, Speaker, Statement

FORMATS = ("jsonl", "json", "table")
Results = Iterable[tuple[Document, Iterable[Statement]]]
#: Extra fields for a statement's record (e.g. ``stance``, ``stance_score``, ``stance_reason``).
Extra = Callable[[Document, Statement], dict]

_TABLE_TEXT_WIDTH = 100


def statement_record(statement: Statement, document: Document | None = None) -> dict:
    """A statement as a JSON-ready dict: ``doc`` (the file name) first, then every field, then
    its ``document``'s ``metadata`` when anything of it is known."""
    return _record(statement, _metadata(document))


def _metadata(document: Document | None) -> dict | None:
    """The ``metadata`` of a statement's record: None when nothing of it is known."""
    if document is None or document.metadata.is_empty():
        return None
    return document.metadata.model_dump(mode="json")


def _record(statement: Statement, metadata: dict | None) -> dict:
    record = {"doc": statement.doc_name, **_fields(statement)}
    record["kind"] = getattr(record["kind"], "value", record["kind"])
    record["parts"] = [list(part) for part in record["parts"]]
    if metadata is not None:
        record["metadata"] = dict(metadata)
    return record


def _fields(statement: Statement) -> dict:
    """A statement's fields: read straight from the model (3x cheaper than model_dump), or, for
    a subclass, dumped as JSON would give them."""
    if type(statement) is Statement:
        return statement.__dict__
    return statement.model_dump(mode="json")


# one encoder for every record: json.dumps with an option builds a new one each call
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def write_jsonl(results: Results, out: IO[str], extra: Extra | None = None) -> None:
    """One JSON object per statement, written and flushed document by document;
    ``extra`` adds fields to each record."""
    for document, statements in results:
        metadata = _metadata(document)  # once a document, not once a statement
        if extra is None:
            tail = _metadata_tail(metadata)
            for statement in statements:
                out.write(_line(_fields(statement), tail))
        else:
            for statement in statements:
                record = _record(statement, metadata)
                record.update(extra(document, statement))
                out.write(_ENCODE(record) + "\n")
        out.flush()


def write_jsonl_fields(results: Iterable[tuple[Document, Iterable[dict]]], out: IO[str]) -> None:
    """``write_jsonl`` of statements given as the dicts of their fields
    (``argmap.extraction.corpus.extract_corpus_fields``): the same lines, no model built."""
    for document, found in results:
        tail = _metadata_tail(_metadata(document))
        for fields in found:
            out.write(_fields_line(fields, tail) if len(fields) == _FIELDS else _line(fields, tail))
        out.flush()


_FIELDS = len(Statement.model_fields)
_STRING = json.encoder.encode_basestring  # the C string encoder of ensure_ascii=False


def _or_null(value: object) -> str:
    return "null" if value is None else _STRING(value) if isinstance(value, str) else str(value)


def _fields_line(fields: dict, tail: str) -> str:
    """``_line`` written out for Statement's fields, in its order, about twice as fast: each
    string through the encoder's own string function, numbers as the encoder writes them (an
    int by str, a float by repr). ``write_jsonl_fields`` is tested equal to ``write_jsonl``."""
    parts = ", ".join([f"[{lo}, {hi}]" for lo, hi in fields["parts"]])
    return (
        f'{{"doc": {_STRING(fields["doc_name"])}, "id": {_STRING(fields["id"])}, '
        f'"document": {_STRING(fields["document"])}, "doc_name": {_STRING(fields["doc_name"])}, '
        f'"start": {fields["start"]}, "end": {fields["end"]}, "text": {_STRING(fields["text"])}, '
        f'"kind": {_STRING(fields["kind"])}, "parts": [{parts}], "cue": {_STRING(fields["cue"])}, '
        f'"cue_start": {_or_null(fields["cue_start"])}, "cue_end": {_or_null(fields["cue_end"])}, '
        f'"speaker_mention": {_or_null(fields["speaker_mention"])}, '
        f'"speaker_start": {_or_null(fields["speaker_start"])}, '
        f'"speaker_end": {_or_null(fields["speaker_end"])}, '
        f'"speaker": {_or_null(fields["speaker"])}, '
        f'"speaker_role": {_or_null(fields["speaker_role"])}, '
        f'"speaker_id": {_or_null(fields["speaker_id"])}, '
        f'"speaker_note": {_or_null(fields["speaker_note"])}, '
        f'"confidence": {float(fields["confidence"])!r}{tail}}}\n'
    )


def _metadata_tail(metadata: dict | None) -> str:
    """The end of every record of a document: its ``metadata`` member, encoded once."""
    return "" if metadata is None else ', "metadata": ' + _ENCODE(metadata)


def _line(fields: dict, tail: str) -> str:
    """A statement's JSON Lines record from its fields, as ``_record`` builds it, encoded: the
    encoder writes the kind (a str) as its value and each part (a tuple) as a list."""
    return '{"doc": ' + _ENCODE(fields["doc_name"]) + ", " + _ENCODE(fields)[1:-1] + tail + "}\n"


def write_json(
    results: Results, out: IO[str], speakers: dict[str, Speaker], extra: Extra | None = None
) -> None:
    """One JSON document: ``documents``, ``statements`` and the ``speakers`` they name.

    ``speakers`` is read after ``results`` is consumed, so it may be filled while
    the results are produced (see ``argmap.extraction.corpus.extract_corpus``).
    """
    documents, records = [], []
    for document, statements in results:
        documents.append(document.model_dump(mode="json", exclude={"text"}))
        for statement in statements:
            records.append(
                statement_record(statement)  # the documents' metadata is in ``documents``
                | (extra(document, statement) if extra is not None else {})
            )
    payload = {
        "documents": documents,
        "statements": records,
        "speakers": [s.model_dump(mode="json") for s in speakers.values()],
    }
    json.dump(payload, out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_table(results: Results, out: IO[str], extra: Extra | None = None) -> None:
    """A rich table with one row per statement: document, speaker, kind, cue, text, and
    the ``stance`` and ``stance_score`` from ``extra`` when given."""
    from rich.console import Console
    from rich.table import Table

    table = Table()
    table.add_column("doc", ratio=2, max_width=24, no_wrap=True, overflow="ellipsis")
    table.add_column("speaker", ratio=2, max_width=24)
    table.add_column("kind", no_wrap=True)
    table.add_column("cue", ratio=1, max_width=14)
    table.add_column("text", ratio=5)
    if extra is not None:
        table.add_column("stance", ratio=2, overflow="fold")
    documents = statements_seen = 0
    for document, statements in results:
        documents += 1
        for s in statements:
            statements_seen += 1
            row = [
                document.name,
                s.speaker or s.speaker_mention or "?",
                s.kind.value,
                s.cue,
                _shorten(s.text),
            ]
            if extra is not None:
                fields = extra(document, s)
                row.append(f"{fields.get('stance')}\n{fields.get('stance_score', 0):.2f}")
            table.add_row(*row)
    table.caption = f"{_count(statements_seen, 'statement')} in {_count(documents, 'document')}"
    Console(file=out).print(table)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _shorten(text: str, width: int = _TABLE_TEXT_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def confusion_table(
    title: str, corner: str, labels: Sequence[str], counts: Sequence[Sequence[int]]
):
    """A rich table of a label-by-label count matrix: one row and one column per label."""
    from rich.table import Table

    table = Table(title=title)
    table.add_column(corner)
    for label in labels:
        table.add_column(label, justify="right")
    for label, row in zip(labels, counts, strict=True):
        table.add_row(label, *map(str, row))
    return table
