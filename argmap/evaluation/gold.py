"""Gold statements: the hand annotations that the extractor is measured against.

Two formats are read into the same :class:`GoldStatement` model:

* the project's gold JSONL (one statement a line; see ``load_gold_jsonl``), with either
  ``start``/``end`` or ``spans`` for the content offsets;
* PolNeAR's brat standoff folders (``load_brat``): a folder holding ``text/`` and
  ``attributions/``, or a folder of ``.ann`` files next to their ``.txt`` files.

Offsets are Python ``str`` indices into the UTF-8-decoded text with newlines kept as they are
in the file, the same convention as :mod:`argmap.models`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from argmap.errors import ArgmapError

Span = tuple[int, int]

# Characters that make a PolNeAR content "quoted". Apostrophe-like single marks (’ ‘ ')
# are left out: they are far more often apostrophes than quotation marks.
QUOTATION_MARKS = frozenset('"“”„«»')


class GoldFormatError(ArgmapError, ValueError):
    """A gold file that cannot be read; ``str()`` is ``"FILE[:LINE]: problem"``, complete
    as it is (print it without prefixing the path again)."""


class GoldStatement(BaseModel):
    """One gold statement: content span(s) in a document and who said it."""

    model_config = ConfigDict(frozen=True)

    id: str
    doc: str
    spans: list[Span] = Field(min_length=1, description="content pieces, in text order")
    text: str = ""
    kind: str = "other"  # direct / mixed / indirect (seed), quoted / other (PolNeAR)
    speaker: str | None = None
    speaker_aliases: list[str] = Field(default_factory=list)
    source_spans: list[Span] = Field(default_factory=list)
    cue: str = ""
    stance: str | None = None
    optional: bool = False

    @model_validator(mode="before")
    @classmethod
    def _spans_from_start_end(cls, data: Any) -> Any:
        if isinstance(data, dict) and not data.get("spans") and "start" in data and "end" in data:
            data = {k: v for k, v in data.items() if k not in ("start", "end")} | {
                "spans": [(data["start"], data["end"])]
            }
        return data

    @model_validator(mode="after")
    def _spans_are_ordered(self) -> GoldStatement:
        for spans in (self.spans, self.source_spans):
            for lo, hi in spans:
                if not 0 <= lo <= hi:
                    raise ValueError(f"span {lo}-{hi} is not ordered")
        if not any(hi > lo for lo, hi in self.spans):
            raise ValueError("the content span is empty")
        return self

    @property
    def start(self) -> int:
        return min(lo for lo, _ in self.spans)

    @property
    def end(self) -> int:
        return max(hi for _, hi in self.spans)

    @property
    def length(self) -> int:
        return sum(hi - lo for lo, hi in merge_spans(self.spans))


class GoldSet(BaseModel):
    """Gold statements plus, when the gold came with them (brat), the documents' texts."""

    source: str
    statements: list[GoldStatement]
    texts: dict[str, str] = Field(default_factory=dict)

    @property
    def doc_names(self) -> list[str]:
        return sorted({g.doc for g in self.statements} | set(self.texts))


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Sorted, non-overlapping, non-empty union of ``spans``."""
    merged: list[list[int]] = []
    for lo, hi in sorted(s for s in spans if s[1] > s[0]):
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    return [(lo, hi) for lo, hi in merged]


# --------------------------------------------------------------------------- JSONL


def load_gold_jsonl(path: str | Path) -> list[GoldStatement]:
    """Read a gold JSONL file. Blank lines are skipped; a bad line raises
    :class:`GoldFormatError` naming the file and the line number."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"{path}: cannot read gold file: {exc}") from exc
    statements: list[GoldStatement] = []
    seen: dict[str, int] = {}
    for lineno, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(f"{path}:{lineno}: not valid JSON: {exc.msg}") from exc
        if not isinstance(data, dict):
            raise GoldFormatError(f"{path}:{lineno}: expected a JSON object")
        if not data.get("spans") and not ("start" in data and "end" in data):
            raise GoldFormatError(f"{path}:{lineno}: needs `start` and `end` or `spans`")
        try:
            gold = GoldStatement.model_validate(data)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in err['loc']) or 'line'}: {err['msg']}"
                for err in exc.errors()
            )
            raise GoldFormatError(f"{path}:{lineno}: {problems}") from exc
        if gold.id in seen:
            raise GoldFormatError(
                f"{path}:{lineno}: duplicate id {gold.id!r} (first on line {seen[gold.id]})"
            )
        seen[gold.id] = lineno
        statements.append(gold)
    return statements


# --------------------------------------------------------------------------- brat

_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t?(.*)$")
_E_LINE = re.compile(r"^(E\d+)\t(\S+)(.*)$")


def is_brat_folder(path: str | Path) -> bool:
    """True for a folder holding ``attributions/`` (PolNeAR layout) or ``.ann`` files."""
    path = Path(path)
    if not path.is_dir():
        return False
    if (path / "attributions").is_dir():
        return True
    return any(path.glob("*.ann"))


def brat_text_dir(path: str | Path) -> Path:
    """Where a brat folder keeps its ``.txt`` files."""
    path = Path(path)
    if (path / "attributions").is_dir():
        return path / "text" if (path / "text").is_dir() else path
    if path.name == "attributions" and (path.parent / "text").is_dir():
        return path.parent / "text"
    return path


def _ann_dir(path: Path) -> Path:
    return path / "attributions" if (path / "attributions").is_dir() else path


def _text_for_ann(ann: Path, text_dir: Path) -> Path | None:
    """``NAME_ANNOTATOR.ann`` -> ``NAME.txt``; plain brat ``NAME.ann`` -> ``NAME.txt``."""
    stem = ann.stem
    candidates = [text_dir / f"{stem}.txt"]
    if "_" in stem:
        candidates.append(text_dir / f"{stem.rsplit('_', 1)[0]}.txt")
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    return None


def _read_text(path: Path) -> str:
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"{path}: cannot read text: {exc}") from exc


def _parse_spans(raw: str) -> list[Span]:
    spans = []
    for piece in raw.split(";"):
        lo, hi = piece.split()
        spans.append((int(lo), int(hi)))
    return spans


def parse_ann(
    ann_text: str, text: str, *, doc: str, id_prefix: str, ann_path: str = ""
) -> list[GoldStatement]:
    """Convert one brat ``.ann`` file's Attribution events into gold statements.

    Each event ``Attribution:Tn Content:Tm Cue:Tk Source:Tj`` (also ``Attribution-no-source``)
    becomes one statement: its content spans are the Content annotation's (possibly split) spans,
    its text the text at those spans joined by a space, its speaker the Source text
    (``speaker_aliases`` holds it too) and ``source_spans`` the Source spans. Kind is
    ``quoted`` when the content holds a quotation mark, else ``other``; an event without a
    Source is ``optional``. Events with no Content are skipped. Extra ``Content2:`` arguments
    (three events in PolNeAR dev) are ignored, as in the shared ``polnear-dev.gold.jsonl``.
    """
    spans_of: dict[str, tuple[str, list[Span]]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for lineno, line in enumerate(ann_text.splitlines(), 1):
        if line.startswith("T"):
            match = _T_LINE.match(line)
            if match:
                tid, label, raw_spans, _ = match.groups()
                spans = _parse_spans(raw_spans)
                for lo, hi in spans:
                    if not 0 <= lo <= hi <= len(text):
                        raise GoldFormatError(
                            f"{ann_path}:{lineno}: "
                            f"span {lo}-{hi} outside the text ({len(text)} chars)"
                        )
                spans_of[tid] = (label, spans)
        elif line.startswith("E"):
            match = _E_LINE.match(line)
            if match:
                eid, _trigger, rest = match.groups()
                args = []
                for arg in rest.split():
                    role, _, target = arg.partition(":")
                    args.append((role, target))
                events.append((eid, args))
        # other lines (A, R, #, continuation lines of multi-line T text) carry nothing we need

    def pieces(targets: list[str]) -> list[Span]:
        out: list[Span] = []
        for target in targets:
            if target in spans_of:
                out.extend(spans_of[target][1])
        return out

    def joined(spans: list[Span]) -> str:
        return " ".join(text[lo:hi] for lo, hi in spans)

    statements = []
    for eid, args in events:
        content = pieces([t for role, t in args if role == "Content"])
        if not content:
            continue
        source = pieces([t for role, t in args if role == "Source"])
        cue = pieces([t for role, t in args if role == "Cue"])
        content_text = joined(content)
        speaker = joined(source) if source else None
        statements.append(
            GoldStatement(
                id=f"{id_prefix}:{eid}",
                doc=doc,
                spans=content,
                text=content_text,
                kind="quoted" if any(ch in QUOTATION_MARKS for ch in content_text) else "other",
                speaker=speaker,
                speaker_aliases=[speaker] if speaker else [],
                source_spans=source,
                cue=joined(cue),
                optional=not source,
            )
        )
    return statements


def load_brat(path: str | Path) -> GoldSet:
    """Read a PolNeAR-style brat folder into gold statements and the documents' texts.

    ``NAME_ANNOTATOR.ann`` annotates ``NAME.txt``; when an article has several ``.ann`` files
    only the first by file name is used (as in the shared ``polnear-dev.gold.jsonl``).
    """
    path = Path(path)
    if not path.is_dir():
        raise GoldFormatError(f"{path}: not a brat folder")
    ann_dir, text_dir = _ann_dir(path), brat_text_dir(path)
    anns = sorted(ann_dir.glob("*.ann"))
    if not anns:
        raise GoldFormatError(f"{path}: no .ann files found")
    statements: list[GoldStatement] = []
    texts: dict[str, str] = {}
    for ann in anns:
        text_path = _text_for_ann(ann, text_dir)
        if text_path is None:
            raise GoldFormatError(f"{ann}: no matching .txt file in {text_dir}")
        doc = text_path.name
        if doc in texts:
            continue  # a second annotator's file for the same article
        texts[doc] = text = _read_text(text_path)
        try:
            ann_text = ann.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise GoldFormatError(f"{ann}: cannot read: {exc}") from exc
        statements.extend(
            parse_ann(ann_text, text, doc=doc, id_prefix=text_path.stem, ann_path=str(ann))
        )
    return GoldSet(source=str(path), statements=statements, texts=texts)


def load_gold(path: str | Path) -> GoldSet:
    """Gold from a JSONL file or a brat folder (texts included for brat)."""
    path = Path(path)
    if path.is_dir():
        if not is_brat_folder(path):
            raise GoldFormatError(f"{path}: a folder of gold must hold brat .ann files")
        return load_brat(path)
    if not path.exists():
        raise GoldFormatError(f"{path}: no such gold file")
    return GoldSet(source=str(path), statements=load_gold_jsonl(path))


def dump_gold_jsonl(statements: Iterable[GoldStatement]) -> str:
    """Gold statements as JSONL in the shared format (``spans`` always)."""
    return "".join(
        json.dumps(g.model_dump(exclude_none=False), ensure_ascii=False) + "\n" for g in statements
    )
