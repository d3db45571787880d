"""Cross-document speaker resolution: one Speaker per real person, organisation or group.

``SpeakerRegistry.resolve`` maps each mention to a stable ``Speaker``:

- The same ``name_key`` is the same speaker, so name order, case, accents and
  initials do not matter ("Kishida Fumio" = "Fumio Kishida").
- Spelling variants merge ("Kenichiro Sasae" = "Kenichirou Sasae") when the two
  names have the same number of tokens, share at least one token exactly, and
  every other token is a close variant (rapidfuzz ratio >= 85, five letters or
  more). Candidates come from a block: the speakers sharing a token with the
  mention and having as many tokens, so no lookup scans all speakers.
- People who share a surname never merge ("Hillary Clinton" / "Bill Clinton").
- A one-word person name ("Tanaka") and a description or pronoun ("the
  ministry", "he") are scoped to their document: within it a surname joins the
  one full name seen there with that surname, and "the ministry" the one named
  organisation with that head noun ("Ministry of Defense"), if exactly one and
  seen earlier; across documents they never merge without the alias table.
- An ``AliasTable`` (a TOML file the user edits) overrides all of this: its
  aliases map to their canonical speaker, its ``[[distinct]]`` names never merge.

Speaker ids are "spk-" plus a hash of the canonical key, so they are stable
across runs given the same first-seen form (or the alias table's name).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, model_validator
from rapidfuzz import fuzz, process

from argmap.models import Speaker, SpeakerKind, content_id
from argmap.names import name_key, split_role, surname_candidates

__all__ = ["AliasEntry", "AliasFileError", "AliasTable", "DistinctEntry", "SpeakerRegistry"]

Key = tuple[str, ...]

TOKEN_MIN_RATIO = 85.0  # a differing token must be at least this close (rapidfuzz ratio)
TOKEN_MIN_LENGTH = 5  # ... and this long: "Jon" / "John" are not spelling variants
REST_MIN_RATIO = 70.0  # pre-filter on the unshared tokens of longer names


class AliasFileError(ValueError):
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
    """User overrides for speaker resolution, usually loaded from TOML::

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
    def _build_indexes(self) -> "AliasTable":
        index: dict[Key, int] = {}
        for i, entry in enumerate(self.speakers):
            for text in (entry.name, *entry.aliases):
                key = name_key(text)
                if not key:
                    raise ValueError(f"speaker {entry.name!r}: {text!r} has no letters to match on")
                other = index.setdefault(key, i)
                if other != i:
                    raise ValueError(
                        f"{text!r} is given for both {self.speakers[other].name!r} and {entry.name!r}"
                    )
        apart: dict[Key, set[Key]] = {}
        for group in self.distinct:
            keys = [name_key(n) for n in group.names]
            for n, key in zip(group.names, keys):
                if not key:
                    raise ValueError(f"distinct name {n!r} has no letters to match on")
            for a, ka in zip(group.names, keys):
                for b, kb in zip(group.names, keys):
                    if a is b:
                        continue
                    if ka == kb:
                        raise ValueError(f"distinct names {a!r} and {b!r} are the same name; they cannot be kept apart")
                    if ka in index and index.get(ka) == index.get(kb):
                        owner = self.speakers[index[ka]].name
                        raise ValueError(f"{a!r} and {b!r} are listed as distinct but are both aliases of {owner!r}")
                    apart.setdefault(ka, set()).add(kb)
        self._index = index
        self._apart = {k: frozenset(v) for k, v in apart.items()}
        return self

    @classmethod
    def load(cls, path: str | PathLike[str]) -> "AliasTable":
        """Read an alias table from a TOML file; raise AliasFileError naming the file."""
        try:
            raw = Path(path).read_bytes()
        except OSError as exc:
            raise AliasFileError(path, f"cannot read the alias file: {exc.strerror or exc}") from exc
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
        where = []
        node = data
        for part in loc:
            if isinstance(part, int):
                label = f"{where.pop() if where else ''} {part + 1}".strip()
                name = node[part].get("name") if isinstance(node, list) and isinstance(node[part], dict) else None
                where.append(f"{label} ({name!r})" if name else label)
            else:
                where.append(str(part))
            node = node.get(part) if isinstance(node, dict) else node[part] if isinstance(node, list) else None
        message = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            message = "unknown key (a typo?)"
        lines.append(f"{'.'.join(where)}: {message}" if where else message)
    return "; ".join(lines)


@dataclass(slots=True, eq=False)
class _Entry:
    """Registry bookkeeping for one speaker."""

    speaker: Speaker
    kind_class: str
    keys: set[Key] = field(default_factory=set)
    forms: set[str] = field(default_factory=set)
    seen: bool = False


@dataclass(slots=True, eq=False)
class _Mention:
    """A mention string parsed once, with the global speaker it resolved to."""

    surface: str
    role: str | None
    affiliation: str | None
    kind: SpeakerKind
    proper: bool
    head: str | None
    key: Key
    cls_: str
    scoped: bool
    entry: _Entry | None = None
    in_doc_index: bool = False  # a named person: remember per document for surnames
    org_in_doc: bool = False  # a named organisation: remember per document for "the ministry"


class SpeakerRegistry:
    """Resolves mentions from many documents to shared Speaker objects."""

    def __init__(self, alias_table: AliasTable | None = None) -> None:
        self._table = alias_table or AliasTable()
        self._apart = {  # the table's [[distinct]] names, by key
            key: self._table.kept_apart(key) for group in self._table.distinct for key in map(name_key, group.names)
        }
        self._entries: list[_Entry] = []
        self._by_key: dict[tuple[str, str, Key], _Entry] = {}
        # blocks for fuzzy matching: (kind class, token, token count) -> {(key, speaker): the
        # key's other tokens}; a spelling variant shares a token and changes the rest
        self._blocks: dict[tuple[str, str, int], dict[tuple[Key, _Entry], str]] = {}
        self._table_entries: dict[int, _Entry] = {}
        self._doc_people: dict[str, dict[_Entry, str]] = {}  # full names seen per document
        self._prepared: dict[object, _Mention] = {}
        self._doc_orgs: dict[str, set[tuple[_Entry, str]]] = {}  # (named organisation, head) per document
        for i, alias in enumerate(self._table.speakers):
            self._table_entries[i] = self._from_table(alias)

    @classmethod
    def from_alias_file(cls, path: str | PathLike[str]) -> "SpeakerRegistry":
        """A registry with the alias table in ``path`` (raises AliasFileError)."""
        return cls(AliasTable.load(path))

    def speakers(self) -> list[Speaker]:
        """Every speaker mentioned so far, in order of first mention."""
        return [e.speaker for e in self._entries if e.seen]

    def __len__(self) -> int:
        return sum(1 for e in self._entries if e.seen)

    def resolve(
        self,
        name: str,
        *,
        doc_id: str,
        role: str | None = None,
        kind: SpeakerKind | None = None,
        affiliation: str | None = None,
    ) -> Speaker:
        """The speaker that ``name`` (a mention or a clean name) in document ``doc_id``
        refers to, created if new; role, affiliation and the spelling are recorded."""
        memo = self._prepared.get(name if kind is None else (name, kind))
        if memo is None:
            memo = self._prepare(name, kind)
        entry = memo.entry  # the alias table's or a resolved global speaker
        if entry is None:
            if memo.scoped:
                entry = self._resolve_in_doc(memo, doc_id)
            else:
                entry = memo.entry = self._resolve_global(memo)
        if memo.in_doc_index:
            people = self._doc_people.get(doc_id)
            if people is None:
                people = self._doc_people[doc_id] = {}
            people[entry] = memo.surface
        elif memo.org_in_doc:
            self._doc_orgs.setdefault(doc_id, set()).add((entry, memo.head))
        entry.seen = True
        if memo.proper and memo.surface not in entry.forms:
            entry.forms.add(memo.surface)
            entry.speaker.aliases.append(memo.surface)
        speaker = entry.speaker
        role = role or memo.role
        if role and speaker.role is None:
            speaker.role = role
        affiliation = affiliation or memo.affiliation
        if affiliation and speaker.affiliation is None:
            speaker.affiliation = affiliation
        if speaker.kind is SpeakerKind.UNKNOWN and memo.kind is not SpeakerKind.UNKNOWN:
            speaker.kind = memo.kind
        return speaker

    def _prepare(self, name: str, kind: SpeakerKind | None) -> "_Mention":
        """Parse a mention string once; later mentions of the same string reuse it."""
        memo_key = name if kind is None else (name, kind)
        parsed = split_role(name)
        surface = parsed.name or name.strip()
        kind = kind or parsed.kind
        key = name_key(surface) or (surface.casefold(),)
        cls_ = "o" if kind in (SpeakerKind.ORGANISATION, SpeakerKind.GROUP) else "p"
        scoped = not parsed.proper or (cls_ == "p" and len(key) == 1)
        memo = _Mention(surface, parsed.role, parsed.affiliation, kind, parsed.proper, parsed.head, key, cls_, scoped)
        memo.entry = self._from_alias(name, surface)
        memo.in_doc_index = memo.entry is None and not scoped and cls_ == "p"
        memo.org_in_doc = not scoped and kind is SpeakerKind.ORGANISATION and parsed.head is not None
        self._prepared[memo_key] = memo
        return memo

    def _resolve_global(self, memo: "_Mention") -> _Entry:
        """A named speaker: same key, else a spelling variant, else a new speaker."""
        lookup = (memo.cls_, "", memo.key)
        entry = self._by_key.get(lookup)
        if entry is None:
            entry = self._fuzzy(memo.cls_, memo.key)
            if entry is not None:
                self._add_key(entry, memo.key)
            else:
                entry = self._new(memo.surface, memo.kind, memo.cls_, "", memo.key, indexed=True)
        return entry

    def _resolve_in_doc(self, memo: "_Mention", doc_id: str) -> _Entry:
        """A surname, description or pronoun: resolved inside its document only."""
        lookup = (memo.cls_, doc_id, memo.key)
        entry = self._by_key.get(lookup)
        if entry is None:
            if memo.proper:
                entry = self._surname_in_doc(doc_id, memo.key)
            elif memo.head and memo.kind is SpeakerKind.ORGANISATION:
                entry = self._named_in_doc(doc_id, memo.head)
            if entry is None:
                entry = self._new(memo.surface, memo.kind, memo.cls_, doc_id, memo.key, indexed=False)
            else:
                self._by_key[lookup] = entry
        return entry

    # ------------------------------------------------------------------ internals

    def _from_alias(self, mention: str, surface: str) -> _Entry | None:
        if not self._table.speakers:
            return None
        i = self._table.index_of_key(name_key(mention))
        if i is None:
            i = self._table.index_of_key(name_key(surface))
        return None if i is None else self._table_entries[i]

    def _from_table(self, alias: AliasEntry) -> _Entry:
        key = name_key(alias.name)
        cls_ = "o" if alias.kind in (SpeakerKind.ORGANISATION, SpeakerKind.GROUP) else "p"
        entry = self._new(alias.name, alias.kind, cls_, "", key, indexed=True, seen=False)
        entry.speaker.role = alias.role
        entry.speaker.affiliation = alias.affiliation
        for text in alias.aliases:
            self._add_key(entry, name_key(text))
        return entry

    def _new(
        self, name: str, kind: SpeakerKind, cls_: str, scope: str, key: Key, *, indexed: bool, seen: bool = True
    ) -> _Entry:
        sid = "spk-" + content_id(f"{cls_}|{scope}|{' '.join(key)}")[:12]
        speaker = Speaker.model_construct(id=sid, name=name, aliases=[], kind=kind, role=None, affiliation=None)
        entry = _Entry(speaker, cls_, forms={name}, seen=seen)
        self._entries.append(entry)
        self._by_key[(cls_, scope, key)] = entry
        entry.keys.add(key)
        if indexed:
            self._index_block(entry, key)
        return entry

    def _add_key(self, entry: _Entry, key: Key) -> None:
        if key in entry.keys:
            return
        entry.keys.add(key)
        self._by_key[(entry.kind_class, "", key)] = entry
        self._index_block(entry, key)

    def _index_block(self, entry: _Entry, key: Key) -> None:
        if len(key) < 2:
            return  # one-word names are never fuzzy-matched
        blocks, cls_, n = self._blocks, entry.kind_class, len(key)
        for token in set(key):
            block = blocks.get((cls_, token, n))
            if block is None:
                block = blocks[(cls_, token, n)] = {}
            block[(key, entry)] = _without(key, token)

    def _fuzzy(self, cls_: str, key: Key) -> _Entry | None:
        """A spelling variant of ``key`` among the speakers sharing one of its tokens."""
        if len(key) < 2:
            return None
        apart = self._apart.get(key) if self._apart else None
        cutoff = TOKEN_MIN_RATIO if len(key) == 2 else REST_MIN_RATIO
        best: tuple[float, _Entry] | None = None
        for token in set(key):
            block = self._blocks.get((cls_, token, len(key)))
            if block is None:
                continue
            for score, (other, entry) in _closest(_without(key, token), block, cutoff):
                if best is not None and score <= best[0]:
                    continue
                if not _tokens_are_variants(key, other):
                    continue
                if apart and not apart.isdisjoint(entry.keys):
                    continue  # the alias table keeps these apart
                best = (score, entry)
        return None if best is None else best[1]

    def _surname_in_doc(self, doc_id: str, key: Key) -> _Entry | None:
        """The one full name in this document whose first or last token is ``key``."""
        found = {
            entry
            for entry, surface in self._doc_people.get(doc_id, {}).items()
            if any(name_key(s) == key for s in surname_candidates(surface))
        }
        return next(iter(found)) if len(found) == 1 else None

    def _named_in_doc(self, doc_id: str, head: str) -> _Entry | None:
        """The one named organisation in this document with this head ("the ministry")."""
        found = {entry for entry, its_head in self._doc_orgs.get(doc_id, ()) if its_head == head}
        return next(iter(found)) if len(found) == 1 else None




SMALL_BLOCK = 16  # below this, a plain loop over fuzz.ratio beats process.extract's set-up


def _closest(query: str, block: dict, cutoff: float) -> list[tuple[float, tuple]]:
    """(score, block key) of the block's names scoring at least ``cutoff``, best first."""
    if len(block) > SMALL_BLOCK:
        return [(score, found) for _, score, found in process.extract(
            query, block, scorer=fuzz.ratio, score_cutoff=cutoff, limit=3
        )]
    ratio = fuzz.ratio
    hits = []
    for found, text in block.items():
        score = ratio(query, text, score_cutoff=cutoff)
        if score:
            hits.append((score, found))
    if len(hits) > 1:
        hits.sort(key=lambda hit: -hit[0])
    return hits


def _without(key: Key, token: str) -> str:
    """The key's other tokens, joined: what is left to compare once ``token`` is shared."""
    if len(key) == 2:
        return key[1] if token == key[0] else key[0]
    rest = list(key)
    rest.remove(token)
    return " ".join(rest)


def _tokens_are_variants(a: Key, b: Key) -> bool:
    """Same token count, one token or more shared exactly, the rest close spelling variants."""
    if len(a) != len(b) or a == b:
        return len(a) == len(b)
    rest_a = list(a)
    rest_b = []
    for token in b:
        if token in rest_a:
            rest_a.remove(token)
        else:
            rest_b.append(token)
    if len(rest_a) == len(a):
        return False  # nothing shared exactly
    for token in rest_a:
        match = next((other for other in rest_b if _spelling_variants(token, other)), None)
        if match is None:
            return False
        rest_b.remove(match)
    return True


# Endings that make a different given name, not a misspelling: Daniel/Danielle,
# Christina/Christine, Francis/Frances, Robert/Roberta.
_NAME_ENDINGS = frozenset("a e i o ie le lle ne na ine ina ette is es".split()) | {""}


def _spelling_variants(a: str, b: str) -> bool:
    """Two tokens close enough to be one name spelled two ways."""
    if len(a) < TOKEN_MIN_LENGTH or len(b) < TOKEN_MIN_LENGTH:
        return False
    if fuzz.ratio(a, b) < TOKEN_MIN_RATIO:
        return False
    stem = 0
    while stem < min(len(a), len(b)) and a[stem] == b[stem]:
        stem += 1
    return not (a[stem:] in _NAME_ENDINGS and b[stem:] in _NAME_ENDINGS)
