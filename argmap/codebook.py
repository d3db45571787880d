"""The codebook: one debate's issue and the stance labels analysts annotate it with.

A codebook is a TOML file that analysts edit:

    [debate]
    id = "japan-us-integration"
    issue = "Should Japan integrate its forces further with the US?"

    [[label]]
    id = "pro-integration"
    name = "Pro-integration"
    description = "Closer alliance, integrated command, ..."
    colour = "#3a7bd5"
    cues = ["deterrence", "closer alliance"]
    examples = ["The alliance has never been stronger."]
    targets_for = ["the alliance", "integration"]     # optional
    targets_against = []                              # optional

``targets_for`` and ``targets_against`` (optional) name what a label is for and against: the
codebook model reads praise of a "for" target, or criticism of an "against" target, near its
mention as evidence for the label (``argmap.stance.sentiment``). An election codebook's
``favours-trump`` may be for ["Trump", "the Republican nominee"] and against ["Clinton"].

``load_codebook`` validates it and raises ``CodebookError`` with one line naming
the file, the line or field, and what was expected.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from argmap.errors import ArgmapError

_LABEL_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_HEX_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


class CodebookError(ArgmapError, ValueError):
    """A codebook file that cannot be used; the message names the file and the problem."""


class StanceLabel(BaseModel):
    """One stance an analyst can give a statement."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(description="short stable id, lower case with dashes: 'pro-integration'")
    name: str = Field(min_length=1, description="the label as people read it")
    description: str = Field(default="", description="what statements with this stance argue")
    cues: tuple[str, ...] = Field(default=(), description="phrases that signal this stance")
    examples: tuple[str, ...] = Field(default=(), description="example statements with this stance")
    colour: str = Field(default="#888888", description="'#rrggbb' or '#rgb', for the UI")
    targets_for: tuple[str, ...] = Field(
        default=(), description="what the stance is for: praise of it counts for the label"
    )
    targets_against: tuple[str, ...] = Field(
        default=(), description="what the stance is against: criticism of it counts for the label"
    )

    @field_validator("id")
    @classmethod
    def _id_is_a_slug(cls, value: str) -> str:
        if not _LABEL_ID.match(value):
            raise ValueError(
                "expected lower-case letters, digits, '-' or '_' (e.g. 'pro-integration')"
            )
        return value

    @field_validator("colour")
    @classmethod
    def _colour_is_hex(cls, value: str) -> str:
        if not _HEX_COLOUR.match(value):
            raise ValueError("expected a colour as '#rrggbb' or '#rgb'")
        if len(value) == 4:  # '#rgb' -> '#rrggbb', the form every terminal library reads
            value = "#" + "".join(digit * 2 for digit in value[1:])
        return value.lower()

    @field_validator("cues", "examples", "targets_for", "targets_against")
    @classmethod
    def _no_blank_entries(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if any(not item.strip() for item in value):
            raise ValueError("expected non-empty strings")
        return value


#: Labels set by a number key in the UIs (1-9); the others are picked from a list.
MAX_KEYED_LABELS = 9


class Codebook(BaseModel):
    """A debate's issue and its stance labels (any number, at least one; ids unique)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(description="short id of the debate")
    issue: str = Field(min_length=1, description="the question the debate is about")
    description: str = ""
    neutral: str | None = Field(
        default=None, description="id of the label for statements without a position, if any"
    )
    labels: tuple[StanceLabel, ...]

    @model_validator(mode="after")
    def _labels_are_usable(self) -> Codebook:
        if not self.labels:
            raise ValueError("a codebook needs at least one [[label]]")
        seen: set[str] = set()
        for label in self.labels:
            if label.id in seen:
                raise ValueError(f"label id {label.id!r} is used twice")
            seen.add(label.id)
        if self.neutral is not None and self.neutral not in seen:
            raise ValueError(
                f"neutral label {self.neutral!r} is not one of the labels "
                f"({', '.join(sorted(seen))})"
            )
        return self

    @property
    def label_ids(self) -> tuple[str, ...]:
        """The label ids in codebook order."""
        return tuple(label.id for label in self.labels)

    def warnings(self) -> list[str]:
        """What an analyst should know about this codebook before using it (each one line):
        labels sharing a name, and labels past the ninth, which have no number key."""
        found = []
        names: dict[str, list[str]] = {}
        for label in self.labels:
            names.setdefault(" ".join(label.name.casefold().split()), []).append(label.id)
        for ids in names.values():
            if len(ids) > 1:
                shown = self.label(ids[0]).name
                found.append(
                    f"labels {', '.join(ids)} share the name {shown!r}: lists and the UI show "
                    "them alike (give each its own name)"
                )
        if len(self.labels) > MAX_KEYED_LABELS:
            found.append(
                f"{len(self.labels)} labels: keys 1-{MAX_KEYED_LABELS} set the first "
                f"{MAX_KEYED_LABELS}; the others are set with t (a picker of every label) in the "
                "UI, or by id with argmap stance"
            )
        return found

    def label(self, label_id: str) -> StanceLabel:
        """The label with ``label_id``; ``KeyError`` when there is none."""
        for label in self.labels:
            if label.id == label_id:
                return label
        raise KeyError(label_id)


def parse_codebook(text: str, source: str = "<codebook>") -> Codebook:
    """Parse codebook TOML ``text``; ``source`` names it in errors."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as problem:
        raise CodebookError(f"{source}: not valid TOML: {problem}") from None
    if not data:
        raise CodebookError(
            f"{source}: the codebook is empty; expected a [debate] table and [[label]] entries"
        )
    debate = data.get("debate")
    if not isinstance(debate, dict):
        raise CodebookError(f"{source}: expected a [debate] table with 'id' and 'issue'")
    unknown = sorted(set(data) - {"debate", "label"})
    if unknown:
        raise CodebookError(
            f"{source}: unknown top-level key {unknown[0]!r} (expected [debate] and [[label]])"
        )
    labels = data.get("label", [])
    if not isinstance(labels, list) or not all(isinstance(entry, dict) for entry in labels):
        raise CodebookError(
            f"{source}: 'label' must be [[label]] tables (line {_key_line(text, 'label') or '?'})"
        )
    if not labels:
        raise CodebookError(
            f"{source}: the codebook has no [[label]] entries; at least one is needed"
        )
    try:
        return Codebook(**debate, labels=labels)
    except (ValidationError, TypeError) as problem:
        raise CodebookError(f"{source}: {_describe_validation(problem, labels, text)}") from None


def load_codebook(path: str | Path) -> Codebook:
    """Read and validate the codebook at ``path``; ``CodebookError`` names the file and problem."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as problem:
        reason = (
            problem.strerror if isinstance(problem, OSError) and problem.strerror else str(problem)
        )
        raise CodebookError(f"{path}: cannot read the codebook: {reason}") from None
    return parse_codebook(text, str(path))


def _key_line(text: str, key: str, after: int = 0) -> int | None:
    """The 1-based line where ``key = ...`` is set, in the table starting after line ``after``."""
    for number, line in enumerate(text.splitlines()[after:], after + 1):
        stripped = line.strip()
        if after and stripped.startswith("["):
            return None
        if re.match(rf"{re.escape(key)}\s*=", stripped):
            return number
    return None


def _table_line(text: str, header: str) -> int:
    """The 1-based line of the table ``header`` (e.g. '[debate]'), 0 when absent."""
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip().startswith(header):
            return number
    return 0


def _label_line(text: str, index: int) -> int | None:
    """The 1-based line of the ``index``-th ``[[label]]`` header in ``text``."""
    headers = [
        number
        for number, line in enumerate(text.splitlines(), 1)
        if line.strip().startswith("[[label]]")
    ]
    return headers[index] if index < len(headers) else None


def _describe_validation(problem: ValidationError | TypeError, labels: list, text: str) -> str:
    """The first validation problem as 'where: what was expected'."""
    if isinstance(problem, TypeError):
        return str(problem)
    first = problem.errors()[0]
    location = list(first["loc"])
    if location[:1] == ["labels"] and len(location) > 1 and isinstance(location[1], int):
        index = location[1]
        entry = labels[index] if index < len(labels) and isinstance(labels[index], dict) else {}
        name = f" ({entry['id']})" if isinstance(entry.get("id"), str) else ""
        field = ".".join(str(part) for part in location[2:] if not isinstance(part, int))
        line = _label_line(text, index)
        if line and field and first["type"] != "missing":
            line = _key_line(text, str(location[2]), line) or line
        where = (
            (f"line {line}: " if line else "")
            + f"[[label]] #{index + 1}{name}"
            + (f", field '{field}'" if field else "")
        )
    elif location:
        field = ".".join(str(part) for part in location)
        line = (
            _key_line(text, str(location[0]), _table_line(text, "[debate]"))
            if first["type"] != "missing"
            else None
        )
        where = (f"line {line}: " if line else "") + f"[debate] field '{field}'"
    else:
        where = "codebook"
    message = first["msg"].removeprefix("Value error, ")
    if first["type"] == "value_error" and "used twice" in message:
        duplicate = message.split("'")[1]
        lines = [
            n
            for n, line in enumerate(text.splitlines(), 1)
            if re.match(rf"\s*id\s*=\s*[\"']{re.escape(duplicate)}[\"']", line)
        ]
        if len(lines) > 1:
            where = f"line {lines[1]}"
    if first["type"] == "value_error" and message.startswith("neutral label"):
        line = _key_line(text, "neutral", _table_line(text, "[debate]"))
        where = (f"line {line}: " if line else "") + "[debate] field 'neutral'"
    if first["type"] == "missing":
        message = "required field is missing"
    elif first["type"] == "extra_forbidden":
        message = "unknown field"
    elif first["type"] in {"tuple_type", "list_type"}:
        message = "expected a list of strings"
    elif first["type"] == "string_type":
        message = "expected a string"
    return f"{where}: {message}"
