"""Cross-document speaker resolution: one Speaker per real person, organisation or group.

``SpeakerRegistry.resolve`` maps each mention to a stable ``Speaker``:

- The same ``name_key`` is the same speaker, so name order, case, accents and
  initials do not matter ("Kishida Fumio" = "Fumio Kishida").
- Spelling variants merge ("Kenichiro Sasae" = "Kenichirou Sasae") when the two
  names have the same number of tokens, share at least one token exactly, and
  every other token is a close variant (rapidfuzz ratio >= 85, five letters or
  more). Candidates come from a block: the speakers sharing a token with the
  mention and having as many tokens, so no lookup scans all speakers.
- People who share a surname never merge ("Hillary Clinton" / "Bill Clinton"),
  nor do given names that differ only in a name ending ("Daniel" / "Danielle",
  "Christina" / "Christine").
- A one-word person name ("Tanaka") and a description or pronoun ("the
  ministry", "he") are scoped to their document: within it a surname joins the
  one full name seen there with that surname, and "the ministry" the one named
  organisation with that head noun ("Ministry of Defense"), if exactly one and
  seen earlier; across documents they never merge without the alias table.
- An ``AliasTable`` (a TOML file the user edits) overrides all of this: its
  aliases map to their canonical speaker, its ``[[distinct]]`` names never merge.

Speaker ids are "spk-" plus a hash of the canonical key, so they are stable
across runs given the same first-seen form (or the alias table's name).

Each distinct mention string is parsed once; repeats take a fast path. 100,000
mentions of 10,000 people take about 1.5 s of CPU time on a quiet machine, 2.2-2.5 s when
other work shares its two cores (``benchmarks/speaker_resolution.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from os import PathLike
from typing import NamedTuple

from rapidfuzz import fuzz, process

from argmap.models import Speaker, SpeakerKind, content_id
from argmap.speakers.aliases import AliasEntry, AliasTable
from argmap.speakers.names import name_key, split_role, surname_candidates

__all__ = ["SpeakerRegistry"]

Key = tuple[str, ...]

TOKEN_MIN_RATIO = 85.0  # a differing token must be at least this close (rapidfuzz ratio)
TOKEN_MIN_LENGTH = 5  # ... and this long: "Jon" / "John" are not spelling variants
REST_MIN_RATIO = 70.0  # pre-filter on the unshared tokens of longer names


@dataclass(slots=True, eq=False)
class _Entry:
    """Registry bookkeeping for one speaker."""

    index: int  # position in the registry; indexes below hold this int, not the object
    speaker: Speaker
    kind_class: str  # "p" for people (and unknowns), "o" for organisations and groups
    keys: set[Key] = field(default_factory=set)
    forms: set[str] = field(default_factory=set)
    seen: bool = False


class _Parse(NamedTuple):
    """A mention string parsed once."""

    surface: str
    role: str | None
    affiliation: str | None
    kind: SpeakerKind
    proper: bool
    head: str | None
    key: Key
    cls_: str
    scoped: bool  # resolved within its document only
    alias: int | None  # the alias table entry it names


class SpeakerRegistry:
    """Resolves mentions from many documents to shared Speaker objects."""

    def __init__(self, alias_table: AliasTable | None = None) -> None:
        self._table = alias_table or AliasTable()
        self._apart = {  # the table's [[distinct]] names, by key
            key: self._table.kept_apart(key)
            for group in self._table.distinct
            for key in map(name_key, group.names)
        }
        self._entries: list[_Entry] = []
        self._by_key: dict[tuple[str, str, Key], int] = {}  # (kind class, scope, key) -> entry
        # blocks for fuzzy matching: (kind class, token, token count) -> the speakers' keys
        # with that token, each with its other tokens (what a spelling variant changes);
        # see _Block
        self._blocks: dict[tuple[str, str, int], _Block] = {}
        self._parsed: dict[object, _Parse] = {}  # mention string -> parse, for per-document ones
        # mention string -> (entry, surface if a person, head if an organisation) once its
        # speaker is fixed whatever the document: the fast path for repeated mentions
        # (plain tuples of ints and strings, which the garbage collector stops tracking)
        self._settled: dict[object, tuple[int, str | None, str | None]] = {}
        self._doc_people: dict[str, dict[int, str]] = {}  # per document: named person -> surface
        self._doc_orgs: dict[
            str, set[tuple[int, str]]
        ] = {}  # per document: (named organisation, head)
        self._table_entries = [self._from_table(alias) for alias in self._table.speakers]

    @classmethod
    def from_alias_file(cls, path: str | PathLike[str]) -> SpeakerRegistry:
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
        memo_key = name if kind is None else (name, kind)
        settled = self._settled.get(memo_key)
        if settled is not None:  # fast path: this mention string has been resolved before
            index, person, head = settled
            if person is not None and (people := self._doc_people.get(doc_id)) is not None:
                people[index] = person
            else:
                self._note_in_doc(doc_id, index, person, head)
            speaker = self._entries[index].speaker
            if role and speaker.role is None:
                speaker.role = role
            if affiliation and speaker.affiliation is None:
                speaker.affiliation = affiliation
            return speaker
        parse = self._parsed.get(memo_key)  # only mentions resolved per document are kept
        if parse is None:
            parse = self._parse(name, kind)
            if parse.scoped and parse.alias is None:
                self._parsed[memo_key] = parse
        if parse.alias is not None:
            entry = self._table_entries[parse.alias]
        elif parse.scoped:
            entry = self._resolve_in_doc(parse, doc_id)
        else:
            entry = self._resolve_global(parse)
        person = (
            parse.surface
            if parse.alias is None and not parse.scoped and parse.cls_ == "p"
            else None
        )
        head = parse.head if not parse.scoped and parse.kind is SpeakerKind.ORGANISATION else None
        self._note_in_doc(doc_id, entry.index, person, head)
        self._record(entry, parse, role, affiliation)
        if parse.alias is not None or not parse.scoped:
            self._settled[memo_key] = (entry.index, person, head)
        return entry.speaker

    # ------------------------------------------------------------------ internals

    def _parse(self, name: str, kind: SpeakerKind | None) -> _Parse:
        parsed = split_role.__wrapped__(name)  # uncached: the registry memoises per string itself
        surface = parsed.name or name.strip()
        kind = kind or parsed.kind
        key = name_key(surface) or (surface.casefold(),)
        cls_ = "o" if kind in (SpeakerKind.ORGANISATION, SpeakerKind.GROUP) else "p"
        scoped = not parsed.proper or (cls_ == "p" and len(key) == 1)
        return _Parse(
            surface,
            parsed.role,
            parsed.affiliation,
            kind,
            parsed.proper,
            parsed.head,
            key,
            cls_,
            scoped,
            self._alias_index(name, surface) if self._table.speakers else None,
        )

    def _record(
        self, entry: _Entry, parse: _Parse, role: str | None, affiliation: str | None
    ) -> None:
        """Note this mention's spelling, role, affiliation and kind on its speaker."""
        entry.seen = True
        speaker = entry.speaker
        if parse.proper and parse.surface not in entry.forms:
            entry.forms.add(parse.surface)
            speaker.aliases.append(parse.surface)
        role = role or parse.role
        if role and speaker.role is None:
            speaker.role = role
        affiliation = affiliation or parse.affiliation
        if affiliation and speaker.affiliation is None:
            speaker.affiliation = affiliation
        if speaker.kind is SpeakerKind.UNKNOWN and parse.kind is not SpeakerKind.UNKNOWN:
            speaker.kind = parse.kind

    def _note_in_doc(self, doc_id: str, index: int, person: str | None, head: str | None) -> None:
        """Remember the named people and organisations of each document."""
        if person is not None:
            people = self._doc_people.get(doc_id)
            if people is None:
                people = self._doc_people[doc_id] = {}
            people[index] = person
        elif head is not None:
            orgs = self._doc_orgs.get(doc_id)
            if orgs is None:
                orgs = self._doc_orgs[doc_id] = set()
            orgs.add((index, head))

    def _resolve_global(self, parse: _Parse) -> _Entry:
        """A named speaker: same key, else a spelling variant, else a new speaker."""
        index = self._by_key.get((parse.cls_, "", parse.key))
        if index is not None:
            return self._entries[index]
        entry = self._fuzzy(parse.cls_, parse.key)
        if entry is not None:
            self._add_key(entry, parse.key)
            return entry
        return self._new(parse.surface, parse.kind, parse.cls_, "", parse.key, indexed=True)

    def _resolve_in_doc(self, parse: _Parse, doc_id: str) -> _Entry:
        """A surname, description or pronoun: resolved inside its document only."""
        lookup = (parse.cls_, doc_id, parse.key)
        index = self._by_key.get(lookup)
        if index is not None:
            return self._entries[index]
        entry = None
        if parse.proper:
            entry = self._surname_in_doc(doc_id, parse.key)
        elif parse.head and parse.kind is SpeakerKind.ORGANISATION:
            entry = self._named_in_doc(doc_id, parse.head)
        if entry is None:
            return self._new(
                parse.surface, parse.kind, parse.cls_, doc_id, parse.key, indexed=False
            )
        self._by_key[lookup] = entry.index
        return entry

    def _alias_index(self, mention: str, surface: str) -> int | None:
        i = self._table.index_of_key(name_key(mention))
        return self._table.index_of_key(name_key(surface)) if i is None else i

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
        self,
        name: str,
        kind: SpeakerKind,
        cls_: str,
        scope: str,
        key: Key,
        *,
        indexed: bool,
        seen: bool = True,
    ) -> _Entry:
        sid = "spk-" + content_id(f"{cls_}|{scope}|{' '.join(key)}")[:12]
        entry = _Entry(
            len(self._entries), Speaker(id=sid, name=name, kind=kind), cls_, forms={name}, seen=seen
        )
        self._entries.append(entry)
        self._by_key[(cls_, scope, key)] = entry.index
        entry.keys.add(key)
        if indexed:
            self._index_block(entry, key)
        return entry

    def _add_key(self, entry: _Entry, key: Key) -> None:
        if key in entry.keys:
            return
        entry.keys.add(key)
        self._by_key[(entry.kind_class, "", key)] = entry.index
        self._index_block(entry, key)

    def _index_block(self, entry: _Entry, key: Key) -> None:
        if len(key) < 2:
            return  # one-word names are never fuzzy-matched
        blocks, cls_, n = self._blocks, entry.kind_class, len(key)
        for token in set(key):
            block = blocks.get((cls_, token, n))
            rest = _without(key, token)
            if block is None:
                blocks[(cls_, token, n)] = ((rest, key, entry.index),)
            elif isinstance(block, tuple):
                if len(block) < SMALL_BLOCK:
                    blocks[(cls_, token, n)] = (*block, (rest, key, entry.index))
                else:
                    grown = {(k, i): r for r, k, i in block}
                    grown[(key, entry.index)] = rest
                    blocks[(cls_, token, n)] = grown
            else:
                block[(key, entry.index)] = rest

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
            rest = _without(key, token)
            for score, (other, index) in _closest(rest, block, cutoff):
                if best is not None and score <= best[0]:
                    continue
                if len(key) == 2:  # one token shared, the other scored above the cutoff
                    if not _spelling_variants(rest, _without(other, token), score):
                        continue
                elif not _tokens_are_variants(key, other):
                    continue
                entry = self._entries[index]
                if apart and not apart.isdisjoint(entry.keys):
                    continue  # the alias table keeps these apart
                best = (score, entry)
        return None if best is None else best[1]

    def _surname_in_doc(self, doc_id: str, key: Key) -> _Entry | None:
        """The one full name in this document whose first or last token is ``key``."""
        found = {
            index
            for index, surface in self._doc_people.get(doc_id, {}).items()
            if any(name_key(s) == key for s in surname_candidates(surface))
        }
        return self._entries[found.pop()] if len(found) == 1 else None

    def _named_in_doc(self, doc_id: str, head: str) -> _Entry | None:
        """The one named organisation in this document with this head ("the ministry")."""
        found = {index for index, its_head in self._doc_orgs.get(doc_id, ()) if its_head == head}
        return self._entries[found.pop()] if len(found) == 1 else None


SMALL_BLOCK = 16  # below this, a plain loop over fuzz.ratio beats process.extract's set-up

# A block is a tuple of (other tokens, key, entry index) while small: most are, and plain
# tuples of strings and ints cost the garbage collector nothing. A large one is a dict
# {(key, entry index): other tokens} searched with rapidfuzz.process.extract.
_Block = tuple[tuple[str, Key, int], ...] | dict[tuple[Key, int], str]


def _closest(query: str, block: _Block, cutoff: float) -> list[tuple[float, tuple[Key, int]]]:
    """(score, (key, entry index)) of the block's names scoring at least ``cutoff``, best first."""
    if isinstance(block, dict):
        return [
            (score, found)
            for _, score, found in process.extract(
                query, block, scorer=fuzz.ratio, score_cutoff=cutoff, limit=3
            )
        ]
    ratio = fuzz.ratio
    hits = []
    for text, key, index in block:
        score = ratio(query, text, score_cutoff=cutoff)
        if score:
            hits.append((score, (key, index)))
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


def _spelling_variants(a: str, b: str, score: float | None = None) -> bool:
    """Two tokens close enough to be one name spelled two ways (``score``: their
    fuzz.ratio, if known)."""
    if len(a) < TOKEN_MIN_LENGTH or len(b) < TOKEN_MIN_LENGTH:
        return False
    if (fuzz.ratio(a, b) if score is None else score) < TOKEN_MIN_RATIO:
        return False
    # differing only in a name ending? (endings are at most four letters)
    n = min(len(a), len(b))
    stem = max(0, n - 4)
    if a[:stem] != b[:stem]:
        return True
    while stem < n and a[stem] == b[stem]:
        stem += 1
    return not (a[stem:] in _NAME_ENDINGS and b[stem:] in _NAME_ENDINGS)
