"""Labels files: statements with a stance, as JSON Lines.

Each line is an object with ``stance`` (a codebook label id) and either
- ``text`` (and optionally ``context``), or
- ``doc``, ``start`` and ``end``: a span of a document read from the ``documents`` folders
  (the text itself is not stored; the context is the span's paragraph).
Other fields (``id``, ``split``, ``speaker`` ...) are kept in ``fields``. Errors name the
file and line: ``labels.jsonl:7: unknown label 'pro' (the codebook has ...)``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from argmap.codebook import Codebook
from argmap.errors import ArgmapError
from argmap.stance.annotate import paragraph


class LabelsError(ArgmapError, ValueError):
    """A labels file that cannot be used; the message starts with ``FILE:LINE:`` or ``FILE:``."""


@dataclass(frozen=True)
class LabelledStatement:
    """One statement and the stance a person gave it."""

    text: str
    stance: str
    context: str | None = None
    line: int = 0
    doc: str | None = None
    start: int | None = None
    end: int | None = None
    fields: dict = field(default_factory=dict, compare=False)

    @property
    def split(self) -> str | None:
        """The ``split`` field (e.g. 'train', 'dev'), when the file gives one."""
        value = self.fields.get("split")
        return value if isinstance(value, str) else None


def read_labels(
    path: str | Path, codebook: Codebook, documents: Sequence[str | Path] = ()
) -> list[LabelledStatement]:
    """The labelled statements of a JSONL file, validated against ``codebook``."""
    source = str(path)
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise LabelsError(f"{source}: no such file") from None
    except (OSError, UnicodeDecodeError) as problem:
        raise LabelsError(
            f"{source}: cannot read: {getattr(problem, 'strerror', None) or problem}"
        ) from None
    texts = _DocumentTexts([Path(folder) for folder in documents])
    known = codebook.label_ids
    statements = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as problem:
            raise LabelsError(f"{where}: not valid JSON: {problem.msg}") from None
        if not isinstance(record, dict):
            raise LabelsError(
                f"{where}: expected a JSON object with 'text' (or 'doc', 'start', 'end') "
                "and 'stance'"
            )
        stance = record.get("stance")
        if not isinstance(stance, str) or not stance:
            raise LabelsError(f"{where}: missing 'stance' (one of {', '.join(known)})")
        if stance not in known:
            raise LabelsError(
                f"{where}: unknown label {stance!r} (the codebook has {', '.join(known)})"
            )
        context = record.get("context") if isinstance(record.get("context"), str) else None
        text = record.get("text")
        doc, start, end = record.get("doc"), record.get("start"), record.get("end")
        if not (isinstance(text, str) and text.strip()):
            if not isinstance(doc, str) or not isinstance(start, int) or not isinstance(end, int):
                raise LabelsError(
                    f"{where}: expected 'text', or 'doc', 'start' and 'end' (integers)"
                )
            if not documents:
                raise LabelsError(
                    f"{where}: the statement is given by offsets in {doc!r}; "
                    "give its folder with --documents DIR"
                )
            document = texts.get(doc)
            if document is None:
                raise LabelsError(
                    f"{where}: document {doc!r} is not in {', '.join(map(str, documents))}"
                )
            if start >= end:
                raise LabelsError(f"{where}: start {start} is not before end {end}")
            if not 0 <= start < end <= len(document):
                raise LabelsError(
                    f"{where}: start {start}, end {end} lie outside {doc!r} "
                    f"(characters 0 to {len(document)})"
                )
            text = document[start:end]
            context = context or paragraph(document, start, end)
        extra = {
            k: v
            for k, v in record.items()
            if k not in {"text", "stance", "context", "doc", "start", "end"}
        }
        statements.append(
            LabelledStatement(
                text=text,
                stance=stance,
                context=context,
                line=number,
                doc=doc if isinstance(doc, str) else None,
                start=start if isinstance(start, int) else None,
                end=end if isinstance(end, int) else None,
                fields=extra,
            )
        )
    if not statements:
        raise LabelsError(f"{source}: no labelled statements")
    return statements


class _DocumentTexts:
    """Document texts by file name, found in the given folders (searched recursively), cached."""

    def __init__(self, folders: list[Path]):
        self.folders = folders
        self._cache: dict[str, str | None] = {}
        self._indexes: dict[Path, dict[str, Path]] = {}

    def get(self, name: str) -> str | None:
        if name not in self._cache:
            self._cache[name] = self._read(name)
        return self._cache[name]

    def _read(self, name: str) -> str | None:
        from argmap.io.reading import ReadError, read_document

        for folder in self.folders:
            path = (
                folder / name
                if (folder / name).is_file()
                else self._index(folder).get(Path(name).name)
            )
            if path is not None:
                try:
                    return read_document(path).text
                except (ReadError, OSError):
                    return None
        return None

    def _index(self, folder: Path) -> dict[str, Path]:
        """File name -> path for every file under ``folder`` (first found wins)."""
        if folder not in self._indexes:
            index: dict[str, Path] = {}
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    index.setdefault(path.name, path)
            self._indexes[folder] = index
        return self._indexes[folder]
