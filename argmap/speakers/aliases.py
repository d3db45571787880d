"""The alias table: a TOML file in which the user names who is who.

Its ``[[speaker]]`` entries map aliases to one canonical speaker ("Kishida Fumio",
aliases "Kishida", "the prime minister"); its ``[[distinct]]`` entries name people
who must never merge. The table overrides every automatic decision of the registry.
"""

from __future__ import annotations

import tomllib
from os import PathLike
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, model_validator

from argmap.errors import ArgmapError
from argmap.models import SpeakerKind
from argmap.speakers.names import name_key

__all__ = ["AliasEntry", "AliasFileError", "AliasTable", "DistinctEntry"]

Key = tuple[str, ...]


class AliasFileError(ArgmapError, ValueError):
    """A bad alias file; the message names the file and the problem."""

    def __init__(self, path: str | PathLike[str], problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class AliasEntry(BaseModel):
    """One ``[[speaker]]`` table: a canonical name and the names that mean it."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    kind: SpeakerKind = SpeakerKind.PERSON
    role: str | None = None
    affiliation: str | None = None


class DistinctEntry(BaseModel):
    """One ``[[distinct]]`` table: names of different speakers that must never merge."""

    model_config = ConfigDict(extra="forbid")

    names: list[str] = Field(min_length=2)


class AliasTable(BaseModel):
    """User overrides for speaker resolution, usually loaded from TOML:

    [[speaker]]
    name = "Kishida Fumio"
    aliases = ["Fumio Kishida", "PM Kishida"]
    kind = "person"
    role = "Prime Minister of Japan"

    [[distinct]]
    names = ["Tanaka Hitoshi", "Tanaka Makiko"]
    """

    model_config = ConfigDict(extra="forbid")

    speakers: list[AliasEntry] = Field(default_factory=list, alias="speaker")
    distinct: list[DistinctEntry] = Field(default_factory=list)

    _index: dict[Key, int] = PrivateAttr(default_factory=dict)
    _apart: dict[Key, frozenset[Key]] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _build_indexes(self) -> AliasTable:
        index: dict[Key, int] = {}
        for i, entry in enumerate(self.speakers):
            for text in (entry.name, *entry.aliases):
                key = name_key(text)
                if not key:
                    raise ValueError(f"speaker {entry.name!r}: {text!r} has no letters to match on")
                other = index.setdefault(key, i)
                if other != i:
                    raise ValueError(
                        f"{text!r} is given for both {self.speakers[other].name!r} "
                        f"and {entry.name!r}"
                    )
        apart: dict[Key, set[Key]] = {}
        for group in self.distinct:
            keys = [name_key(n) for n in group.names]
            for n, key in zip(group.names, keys, strict=True):
                if not key:
                    raise ValueError(f"distinct name {n!r} has no letters to match on")
            for a, ka in zip(group.names, keys, strict=True):
                for b, kb in zip(group.names, keys, strict=True):
                    if a is b:
                        continue
                    if ka == kb:
                        raise ValueError(
                            f"distinct names {a!r} and {b!r} are the same name; "
                            "they cannot be kept apart"
                        )
                    if ka in index and index.get(ka) == index.get(kb):
                        owner = self.speakers[index[ka]].name
                        raise ValueError(
                            f"{a!r} and {b!r} are listed as distinct but are both aliases of "
                            f"{owner!r}"
                        )
                    apart.setdefault(ka, set()).add(kb)
        self._index = index
        self._apart = {k: frozenset(v) for k, v in apart.items()}
        return self

    @classmethod
    def load(cls, path: str | PathLike[str]) -> AliasTable:
        """Read an alias table from a TOML file; raise AliasFileError naming the file."""
        try:
            raw = Path(path).read_bytes()
        except OSError as exc:
            raise AliasFileError(
                path, f"cannot read the alias file: {exc.strerror or exc}"
            ) from exc
        try:
            data = tomllib.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            raise AliasFileError(path, "not UTF-8 text") from exc
        except tomllib.TOMLDecodeError as exc:
            raise AliasFileError(path, f"not valid TOML: {exc}") from exc
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            raise AliasFileError(path, _describe(exc, data)) from exc

    def entry_for(self, name: str) -> AliasEntry | None:
        """The table entry whose name or alias is ``name`` (compared by name_key)."""
        i = self._index.get(name_key(name))
        return None if i is None else self.speakers[i]

    def index_of_key(self, key: Key) -> int | None:
        """Position of the entry that owns ``key``, if any."""
        return self._index.get(key)

    def kept_apart(self, key: Key) -> frozenset[Key]:
        """Keys declared distinct from ``key``."""
        return self._apart.get(key, frozenset())


def _describe(exc: ValidationError, data: object) -> str:
    """One line per problem, naming the table entry: "speaker 2 ('Kishida Fumio').aliases: ..."."""
    lines = []
    for err in exc.errors():
        loc = list(err["loc"])
        where: list[str] = []
        node = data
        for part in loc:
            if isinstance(part, int):
                label = f"{where.pop() if where else ''} {part + 1}".strip()
                name = (
                    node[part].get("name")
                    if isinstance(node, list) and isinstance(node[part], dict)
                    else None
                )
                where.append(f"{label} ({name!r})" if name else label)
            else:
                where.append(str(part))
            if isinstance(node, dict):
                node = node.get(part)
            elif isinstance(node, list) and isinstance(part, int):
                node = node[part]
            else:  # a scalar, or a union member's name (a str) under a list
                node = None
        message = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            message = "unknown key (a typo?)"
        lines.append(f"{'.'.join(where)}: {message}" if where else message)
    return "; ".join(lines)
