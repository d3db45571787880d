"""Cross-document speaker resolution: one Speaker per real person, organisation or group.

``SpeakerRegistry.resolve`` maps each mention to a stable ``Speaker``:

- The same ``name_key`` is the same speaker, so name order, case, accents and
  initials do not matter ("Kishida Fumio" = "Fumio Kishida").
- Spelling variants merge ("Kenichiro Sasae" = "Kenichirou Sasae") when the two
  names have the same number of tokens, share at least one token exactly, and
  every other token is a close variant (rapidfuzz ratio >= 85, five letters or
  more). Candidates come from a block: the speakers sharing a token with the
  mention and having as many tokens, so no lookup scans all speakers.
- A person written with a middle name and without it is one ("Hillary Rodham Clinton" =
  "Hillary Clinton"), as initials already are ("George W. Bush" = "George Bush").
- People who share a surname never merge ("Hillary Clinton" / "Bill Clinton"),
  nor do given names that differ only in a name ending ("Daniel" / "Danielle",
  "Christina" / "Christine").
- A one-word person name ("Tanaka", "Mr. Trump") joins the one person of its
  document with that family (or given) name; when its document names none, the
  one person of the corpus so named, or the one quoted at least three times as
  often as all namesakes together; failing that, a speaker that stands for the
  name until the first full name with it claims it (and takes its full name).
  Two people of that name in its document, or namesakes quoted alike, leave it
  its own speaker in its document. The gender the texts show ("Mrs. Clinton",
  "she said") keeps family members apart: a name is never joined to a person
  the texts show to be of the other gender.
- A description or pronoun ("the ministry", "he") is scoped to its document:
  "the ministry" joins the one named organisation with that head noun
  ("Ministry of Defense"), if exactly one and seen earlier; across documents
  they never merge without the alias table.
- An organisation and its acronym are one ("FBI", "F.B.I." and "Federal Bureau
  of Investigation"), unless two names seen share the initials.
- An ``AliasTable`` (a TOML file the user edits) overrides all of this: its
  aliases map to their canonical speaker, its ``[[distinct]]`` names never merge.

Speaker ids are "spk-" plus a hash of the canonical key, so they are stable
across runs given the same first-seen form (or the alias table's name).

Each distinct mention string is parsed once; repeats take a fast path. 100,000
mentions of 10,000 people take about 1.5 s of CPU time on a quiet machine, 2.2-2.5 s when
other work shares its two cores (``benchmarks/speaker_resolution.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from os import PathLike
from typing import NamedTuple, cast

from rapidfuzz import fuzz, process

from argmap.models import Speaker, SpeakerKind, content_id
from argmap.speakers.aliases import AliasEntry, AliasTable
from argmap.speakers.names import name_key, split_role, surname_candidates

__all__ = ["MentionLinks", "SpeakerRegistry", "may_join"]

Key = tuple[str, ...]

TOKEN_MIN_RATIO = 85.0  # a differing token must be at least this close (rapidfuzz ratio)
TOKEN_MIN_LENGTH = 5  # ... and this long: "Jon" / "John" are not spelling variants
REST_MIN_RATIO = 70.0  # pre-filter on the unshared tokens of longer names
#: A registry made with ``forget_documents`` empties its caches of mention strings past this
#: many (a corpus-scale block sees millions of distinct ones).
CACHED_MENTIONS = 1 << 16


@dataclass(slots=True, eq=False)
class _Entry:
    """Registry bookkeeping for one speaker."""

    index: int  # position in the registry; indexes below hold this int, not the object
    speaker: Speaker
    kind_class: str  # "p" for people (and unknowns), "o" for organisations and groups
    # its name keys and spellings: tuples, as most speakers have one or two (a set costs
    # four times the memory, and a corpus-scale block holds one entry per speaker)
    keys: tuple[Key, ...] = ()
    forms: tuple[str, ...] = ()
    seen: bool = False
    mentions: int = 0  # mentions resolved to it: which of several namesakes the corpus quotes
    gender: str | None = None  # 'male' / 'female' as the texts show it ('?' when they differ)


#: What stands in the registry's list for a speaker of a forgotten document's own.
_FORGOTTEN = _Entry(-1, cast("Speaker", None), "p")


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


class MentionLinks(NamedTuple):
    """What resolving a mention may consult beyond its own name: the hook for resolving a
    corpus in independent blocks (``argmap.cluster``), which must keep together every two
    mentions one of whose resolution can depend on the other. Keep it in step with
    ``resolve``: a decision that starts consulting something new must say so here."""

    key: Key  # its name key (within its kind class and scope)
    kind_class: str  # "p": people (and unknowns); "o": organisations and groups
    scope: str  # "alias" (the alias table's entry), "global" (a name), "lone" (a one-word
    # person name: its document's people, the corpus's people with that family or given
    # name, the speaker standing for it), "document" (a description or pronoun: its document)
    alias: int | None  # the alias table's entry it names
    head: str | None  # an organisation's head noun: "the ministry" in a document takes the
    # one organisation named there (by name or by the alias table) with that head
    surnames: tuple[str, ...]  # a person's family and given names (as one-word keys): the
    # one-word names (and speakers standing for them) it may take or be taken by
    acronym: str | None  # an organisation's acronym or initials ("fbi")


def may_join(a: Key, b: Key) -> bool:
    """Whether the spelling-variant match could ever give a mention with key ``a`` the
    speaker of key ``b`` (both names of the same kind class): true for every pair ``resolve``
    might join, whatever else it has seen (a superset: it may also be true of pairs that
    something seen first keeps apart)."""
    n = len(a)
    if n != len(b):  # a name with a middle name and without it ("Hillary Rodham Clinton")
        short, long = (a, b) if n < len(b) else (b, a)
        return len(short) == 2 and set(short) < set(long)
    if n < 2 or a == b:
        return a == b
    if n > 2:
        return _tokens_are_variants(a, b)
    return any(
        _spelling_variants(_without(a, token), _without(b, token)) for token in set(a) & set(b)
    )


class SpeakerRegistry:
    """Resolves mentions from many documents to shared Speaker objects."""

    def __init__(
        self,
        alias_table: AliasTable | None = None,
        not_speakers: Iterable[str] = (),
        *,
        forget_documents: bool = False,
        speaker_type: Callable[..., Speaker] = Speaker,
    ) -> None:
        """``forget_documents``: the caller gives each document's mentions together and calls
        ``forget_document`` after its last one (what the registry keeps per document is then
        dropped as it goes). ``speaker_type`` makes each speaker from its id, name and kind:
        a class with ``Speaker``'s fields and less memory may stand in for it (a corpus-scale
        block holds one per speaker: ``argmap.cluster.tasks.BlockSpeaker``)."""
        self._speaker_type = speaker_type
        self._table = alias_table or AliasTable()
        # names an analyst said are no speaker ("On Monday", "Trump National Doral")
        self._not_speakers = {name_key(n) for n in not_speakers} - {()}
        self._apart = {  # the table's [[distinct]] names, by key
            key: self._table.kept_apart(key)
            for group in self._table.distinct
            for key in map(name_key, group.names)
        }
        self._entries: list[_Entry] = []
        # the corpus's names: kind class -> name key -> entry (the most numerous lookups,
        # without a tuple of scope and key each)
        self._names: dict[str, dict[Key, int]] = {"p": {}, "o": {}}
        self._by_key: dict[tuple[str, str, Key], int] = {}  # (kind class, scope, key) -> entry
        self._tokens: dict[str, str] = {}  # one string per name token the registry keeps
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
        # family name (or given name) token -> the named people (two words or more) with it
        self._surnames: dict[str, list[int]] = {}
        self._unindexed: list[tuple[int, str]] = []  # named people not yet in _surnames
        # a person's given and family name -> the person written with a middle name too
        # ("hillary clinton" -> Hillary Rodham Clinton), and the reverse way round
        self._middle: dict[Key, int] = {}
        # one-word person name -> the speaker it stands for until a full name claims it
        self._lone: dict[Key, int] = {}
        # acronym -> the organisation whose name's initials it is ("FBI" -> Federal Bureau ...)
        self._acronyms: dict[str, int] = {}
        self._initials: dict[str, int] = {}  # initials -> the full-named organisation
        # per document: its lookups in _by_key, when they are to be forgotten
        self._doc_lookups: dict[str, list[tuple[str, str, Key]]] | None = (
            {} if forget_documents else None
        )
        # per document: the speakers of its own (a one-word name its namesakes leave
        # ambiguous, a description): no other document's mention can reach them
        self._doc_entries: dict[str, list[int]] = {}
        self._table_entries = [self._from_table(alias) for alias in self._table.speakers]

    @classmethod
    def from_alias_file(cls, path: str | PathLike[str]) -> SpeakerRegistry:
        """A registry with the alias table in ``path`` (raises AliasFileError)."""
        return cls(AliasTable.load(path))

    def is_not_a_speaker(self, name: str) -> bool:
        """Whether an analyst said ``name`` (or the name it reads as) is no speaker."""
        if not self._not_speakers:
            return False
        if name_key(name) in self._not_speakers:
            return True
        parsed = split_role(name).name
        return bool(parsed) and name_key(parsed) in self._not_speakers

    def speakers(self) -> list[Speaker]:
        """Every speaker mentioned so far, in order of first mention (but for the forgotten
        documents' own: see ``forget_document``)."""
        return [e.speaker for e in self._entries if e.seen]

    def forget_document(self, doc_id: str) -> list[Speaker]:
        """Drop what the registry keeps for document ``doc_id`` alone (its named people and
        organisations, its mentions' lookups), once its last mention is resolved: a registry
        made with ``forget_documents=True`` must never see that document again. The
        speakers of its own go too (``speakers()`` leaves them out) and are returned, in
        order of first mention: nothing changes them any more, so the caller may write them
        out now; the corpus's speakers and everything it shares stay."""
        self._doc_people.pop(doc_id, None)
        self._doc_orgs.pop(doc_id, None)
        own: list[Speaker] = []
        if self._doc_lookups is not None:
            by_key = self._by_key
            for lookup in self._doc_lookups.pop(doc_id, ()):
                by_key.pop(lookup, None)
            entries = self._entries
            for index in self._doc_entries.pop(doc_id, ()):
                own.append(entries[index].speaker)
                entries[index] = _FORGOTTEN  # only its document's lookups led to it
        if len(self._settled) + len(self._parsed) > CACHED_MENTIONS:
            # pure caches (a mention string's parse, and its speaker once that is fixed by
            # the key it names): resolved again the slow way, a mention finds what it found
            # (the key's lookup is never changed once made), so they need not grow with
            # the corpus
            self._settled.clear()
            self._parsed.clear()
        return own

    def _in_doc(self, doc_id: str, lookup: tuple[str, str, Key], index: int) -> None:
        """A lookup of document ``doc_id`` alone, to be forgotten with it."""
        self._by_key[lookup] = index
        if self._doc_lookups is not None:
            self._doc_lookups.setdefault(doc_id, []).append(lookup)

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
        gender: str | None = None,
    ) -> Speaker:
        """The speaker that ``name`` (a mention or a clean name) in document ``doc_id``
        refers to, created if new; role, affiliation and the spelling are recorded.
        ``gender`` ('male' or 'female') is what the text says of this mention ("Mrs.
        Clinton", or "she" said it): a one-word name is never joined to a person the texts
        show to be of the other."""
        memo_key = name if kind is None else (name, kind)
        settled = self._settled.get(memo_key)
        if settled is not None:  # fast path: this mention string has been resolved before
            index, person, head = settled
            entry = self._entries[index]
            entry.mentions += 1
            if gender is not None:
                self._note_gender(entry, gender)
            if person is not None and (people := self._doc_people.get(doc_id)) is not None:
                people[index] = person
            else:
                self._note_in_doc(doc_id, index, person, head)
            speaker = entry.speaker
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
        elif parse.scoped and parse.proper and parse.cls_ == "p":
            entry = self._resolve_lone(parse, doc_id, gender)
        elif parse.scoped:
            entry = self._resolve_in_doc(parse, doc_id)
        else:
            entry = self._resolve_global(parse, gender)
        if gender is not None:
            self._note_gender(entry, gender)
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

    def links(self, name: str) -> MentionLinks:
        """What resolving ``name`` (as ``resolve`` is called by ``extract_corpus``, without a
        kind) may consult: see ``MentionLinks``."""
        parse = self._parse(name, None)
        if parse.alias is not None:
            scope = "alias"
        elif not parse.scoped:
            scope = "global"
        elif parse.proper and parse.cls_ == "p":
            scope = "lone"
        else:
            scope = "document"
        surnames: tuple[str, ...] = ()
        if parse.cls_ == "p":
            keys = (name_key(token) for token in surname_candidates(parse.surface))
            surnames = tuple(sorted({k[0] for k in keys if len(k) == 1}))
        organisation = parse.cls_ == "o"
        return MentionLinks(
            parse.key,
            parse.cls_,
            scope,
            parse.alias,
            parse.head
            if parse.kind is SpeakerKind.ORGANISATION and (parse.alias is None or not parse.scoped)
            else None,
            surnames,
            _acronym_of(parse.surface) if organisation else None,
        )

    # ------------------------------------------------------------------ internals

    def _parse(self, name: str, kind: SpeakerKind | None) -> _Parse:
        # cached: extract_corpus has parsed the name already (unattributed_note)
        parsed = split_role(name)
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
        entry.mentions += 1
        speaker = entry.speaker
        if parse.proper and parse.surface not in entry.forms:
            entry.forms += (parse.surface,)
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

    def _resolve_global(self, parse: _Parse, gender: str | None = None) -> _Entry:
        """A named speaker: same key, else a spelling variant, else (an organisation) the
        one its acronym names, else (a person) the one-word name waiting for a full name,
        else a new speaker."""
        index = self._names[parse.cls_].get(parse.key)
        if index is not None:
            return self._entries[index]
        short = _given_and_family(parse.surface, parse.key) if parse.cls_ == "p" else None
        entry = self._middle_name_match(parse.key, short) if parse.cls_ == "p" else None
        if entry is not None:
            self._add_key(entry, parse.key)
            return entry
        entry = self._fuzzy(parse.cls_, parse.key)
        if entry is None and parse.cls_ == "o":
            entry = self._by_acronym(parse)
            if entry is not None:
                self._index_acronym(entry, parse.surface)
        if entry is None and parse.cls_ == "p" and len(parse.key) > 1:
            entry = self._claim_lone(parse, gender)
            if entry is not None:
                self._add_key(entry, parse.key)
                self._unindexed.append((entry.index, parse.surface))
                return entry
        if entry is not None:
            self._add_key(entry, parse.key)
            return entry
        entry = self._new(parse.surface, parse.kind, parse.cls_, "", parse.key, indexed=True)
        if parse.cls_ == "p" and len(parse.key) > 1:
            self._unindexed.append((entry.index, parse.surface))
            self._middle.setdefault(self._interned(short) if short else entry.keys[0], entry.index)
        elif parse.cls_ == "o":
            self._index_acronym(entry, parse.surface)
        return entry

    def _middle_name_match(self, key: Key, short: Key | None) -> _Entry | None:
        """The person written with and without a middle name: "Hillary Rodham Clinton" and
        "Hillary Clinton" (``short``: a longer name's given and family name alone)."""
        if short is not None:  # the longer name: the person written without the middle one
            index = self._names["p"].get(short)
            if index is None:
                index = self._middle.get(short)
        elif len(key) == 2:  # the shorter name: a person written with a middle name
            index = self._middle.get(key)
        else:
            return None
        return None if index is None else self._entries[index]

    # one-word person names across documents ----------------------------------------

    def _resolve_lone(self, parse: _Parse, doc_id: str, gender: str | None) -> _Entry:
        """A one-word person name ("Clinton", "Mr. Trump"): the one person of its document
        with that family name; else, when its document names none, the person the corpus
        names so (the one, or the one quoted far more often than any namesake); else the
        speaker that stands for the name until a full name claims it. Two people with that
        name in its document, or namesakes quoted alike in the corpus: its own speaker in
        its document (not guessed)."""
        lookup = (parse.cls_, doc_id if gender is None else f"{doc_id}\x00{gender}", parse.key)
        index = self._by_key.get(lookup)
        if index is not None:
            return self._entries[index]
        if gender is not None:  # "Mrs. Clinton" after "Clinton" in the same document
            index = self._by_key.get((parse.cls_, doc_id, parse.key))
            if index is not None and self._entries[index].gender in (None, gender):
                return self._entries[index]
        in_doc = self._surnames_in_doc(doc_id, parse.key, gender)
        if len(in_doc) == 1:
            entry = in_doc[0]
        elif in_doc:
            entry = self._new(
                parse.surface, parse.kind, parse.cls_, doc_id, parse.key, indexed=False
            )
        else:
            entry = self._surname_in_corpus(parse.key, gender) or self._lone_entry(
                parse, doc_id, gender
            )
        self._in_doc(doc_id, lookup, entry.index)
        return entry

    def _surname_in_corpus(self, key: Key, gender: str | None) -> _Entry | None:
        """The named person with this family (or given) name: the only one, or the one
        quoted at least three times as often as all the others together."""
        found = [
            self._entries[i]
            for i in self._surnames_of(key[0])
            if _gender_fits(self._entries[i].gender, gender)
        ]
        apart = self._apart.get(key) if self._apart else None
        if apart:
            found = [e for e in found if apart.isdisjoint(e.keys)]
        if len(found) == 1:
            return found[0]
        if not found:
            return None
        found.sort(key=lambda e: -e.mentions)
        rest = sum(e.mentions for e in found[1:])
        return found[0] if found[0].mentions >= 3 * max(1, rest) else None

    def _lone_entry(self, parse: _Parse, doc_id: str, gender: str | None) -> _Entry:
        """The speaker a one-word name stands for across documents until a full name
        claims it (own to its document when namesakes make it ambiguous)."""
        index = self._lone.get(parse.key)
        if index is not None:
            entry = self._entries[index]
            if _gender_fits(entry.gender, gender):
                return entry
            return self._new(
                parse.surface, parse.kind, parse.cls_, doc_id, parse.key, indexed=False
            )
        if self._surnames_of(parse.key[0]):  # namesakes quoted alike: not guessed
            return self._new(
                parse.surface, parse.kind, parse.cls_, doc_id, parse.key, indexed=False
            )
        entry = self._new(parse.surface, parse.kind, parse.cls_, "~", parse.key, indexed=False)
        self._lone[parse.key] = entry.index
        return entry

    def _claim_lone(self, parse: _Parse, gender: str | None) -> _Entry | None:
        """The one-word name's speaker that a new full name takes over ("Obama", quoted
        before any article wrote "Barack Obama"): the first full name with that family or
        given name claims it, unless the texts show the two of different gender."""
        if not self._lone:
            return None
        apart = self._apart.get(parse.key) if self._apart else None
        # in one order whatever the hash seed: the family name as written last first
        # ("West Miami" claims "Miami" before "West"), then the others alphabetically
        candidates = sorted(
            surname_candidates(parse.surface),
            key=lambda token: (not parse.surface.endswith(token), token),
        )
        for token in candidates:
            key = name_key(token)
            index = self._lone.get(key) if len(key) == 1 else None
            if index is None:
                continue
            entry = self._entries[index]
            if not _gender_fits(entry.gender, gender):
                continue
            if apart and not apart.isdisjoint(entry.keys):
                continue
            del self._lone[key]
            entry.speaker.name = parse.surface
            if parse.surface not in entry.forms:
                entry.forms += (parse.surface,)
            return entry
        return None

    def _surnames_of(self, token: str) -> list[int]:
        """The named people with ``token`` as family or given name (indexed when first
        asked: a corpus with no surname alone never pays for it)."""
        if self._unindexed:
            for index, surface in self._unindexed:
                self._index_surnames(self._entries[index], surface)
            self._unindexed.clear()
        return self._surnames.get(token, [])

    def _index_surnames(self, entry: _Entry, surface: str) -> None:
        for token in surname_candidates(surface):
            key = name_key(token)
            if len(key) == 1:
                people = self._surnames.setdefault(key[0], [])
                if entry.index not in people:
                    people.append(entry.index)

    def _surnames_in_doc(self, doc_id: str, key: Key, gender: str | None) -> list[_Entry]:
        """The named people of this document with ``key`` as family or given name."""
        people = self._doc_people.get(doc_id)
        if not people:
            return []
        return [
            self._entries[index]
            for index, surface in people.items()
            if any(name_key(s) == key for s in surname_candidates(surface))
            and _gender_fits(self._entries[index].gender, gender)
        ]

    def _note_gender(self, entry: _Entry, gender: str) -> None:
        if entry.gender is None:
            entry.gender = gender
        elif entry.gender != gender:
            entry.gender = "?"

    # organisations and their acronyms ------------------------------------------------

    def _index_acronym(self, entry: _Entry, surface: str) -> None:
        """Remember a named organisation under its initials ("Federal Bureau of
        Investigation" -> fbi), an acronym under itself; initials two names share stand for
        neither (-1)."""
        acronym = _acronym_of(surface)
        if acronym is None:
            return
        table = self._acronyms if " " not in surface.strip() else self._initials
        known = table.get(acronym)
        if known is None:
            table[acronym] = entry.index
        elif known != entry.index:
            table[acronym] = -1

    def _by_acronym(self, parse: _Parse) -> _Entry | None:
        """The organisation an acronym abbreviates ("FBI" -> the Federal Bureau of
        Investigation), or the acronym a full name's initials spell, seen before; never one
        full name for another with the same initials."""
        acronym = _acronym_of(parse.surface)
        if acronym is None:
            return None
        table = self._initials if " " not in parse.surface.strip() else self._acronyms
        index = table.get(acronym)
        return None if index is None or index < 0 else self._entries[index]

    def _resolve_in_doc(self, parse: _Parse, doc_id: str) -> _Entry:
        """A surname, description or pronoun: resolved inside its document only."""
        lookup = (parse.cls_, doc_id, parse.key)
        index = self._by_key.get(lookup)
        if index is not None:
            return self._entries[index]
        entry = None
        if parse.head and parse.kind is SpeakerKind.ORGANISATION:
            entry = self._named_in_doc(doc_id, parse.head)
        if entry is None:
            return self._new(
                parse.surface, parse.kind, parse.cls_, doc_id, parse.key, indexed=False
            )
        self._in_doc(doc_id, lookup, entry.index)
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
        key = self._interned(key)
        entry = _Entry(
            len(self._entries),
            self._speaker_type(id=sid, name=name, kind=kind),
            cls_,
            forms=(name,),
            seen=seen,
        )
        self._entries.append(entry)
        if not scope:  # the corpus's names
            self._names[cls_][key] = entry.index
        elif scope == "~":  # the corpus's one-word names standing for a person
            self._by_key[(cls_, scope, key)] = entry.index
        else:  # a document's own
            self._in_doc(scope, (cls_, scope, key), entry.index)
            if self._doc_lookups is not None:
                self._doc_entries.setdefault(scope, []).append(entry.index)
        entry.keys = (key,)
        if indexed:
            self._index_block(entry, key)
        return entry

    def _add_key(self, entry: _Entry, key: Key) -> None:
        if key in entry.keys:
            return
        key = self._interned(key)
        entry.keys += (key,)
        self._names[entry.kind_class][key] = entry.index
        self._index_block(entry, key)

    def _interned(self, key: Key) -> Key:
        """``key`` made of the registry's one string per token, in a registry that forgets
        documents (a corpus-scale block holds hundreds of thousands of names made of a few
        thousand tokens); ``key`` itself in others."""
        if self._doc_lookups is None:
            return key
        tokens = self._tokens
        return tuple([tokens.setdefault(token, token) for token in key])

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
                    grown = _LargeBlock()
                    for r, k, i in block:
                        grown.add(r, k, i)
                    grown.add(rest, key, entry.index)
                    blocks[(cls_, token, n)] = grown
            else:
                block.add(rest, key, entry.index)

    def _fuzzy(self, cls_: str, key: Key) -> _Entry | None:
        """A spelling variant of ``key`` among the speakers sharing one of its tokens."""
        if len(key) < 2:
            return None
        apart = self._apart.get(key) if self._apart else None
        cutoff = TOKEN_MIN_RATIO if len(key) == 2 else REST_MIN_RATIO
        best: tuple[float, _Entry] | None = None
        for token in dict.fromkeys(key):  # in the key's order: never a hash seed's
            block = self._blocks.get((cls_, token, len(key)))
            if block is None:
                continue
            rest = _without(key, token)
            for score, (other, index) in _closest(rest, block, cutoff):
                if best is not None and (
                    score < best[0] or (score == best[0] and index >= best[1].index)
                ):
                    continue  # a tie goes to the speaker seen first
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

    def _named_in_doc(self, doc_id: str, head: str) -> _Entry | None:
        """The one named organisation in this document with this head ("the ministry")."""
        found = {index for index, its_head in self._doc_orgs.get(doc_id, ()) if its_head == head}
        return self._entries[found.pop()] if len(found) == 1 else None


def _given_and_family(surface: str, key: Key) -> Key | None:
    """The key of a person's first and last name alone, for a name of three words or more
    ("Hillary Rodham Clinton" -> ("clinton", "hillary")); None for shorter names."""
    if len(key) < 3:
        return None
    words = surface.split()
    short = name_key(f"{words[0]} {words[-1]}") if len(words) > 2 else ()
    return short if len(short) == 2 and set(short) < set(key) else None


def _gender_fits(known: str | None, wanted: str | None) -> bool:
    return wanted is None or known is None or known == wanted


_ACRONYM_SKIP = frozenset("of the and for on in at to de la".split())


def _acronym_of(name: str) -> str | None:
    """The acronym an organisation goes by: itself ("FBI", "F.B.I." -> 'fbi'), or the
    initials of a name of three capitalised words or more ("Federal Bureau of
    Investigation" -> 'fbi'); None for other names."""
    words = name.replace("&", " ").split()
    if len(words) == 1:
        bare = words[0].replace(".", "")
        if 2 <= len(bare) <= 6 and bare.isalpha() and bare.isupper():
            return bare.casefold()
        return None
    initials = [w[0] for w in words if w.casefold() not in _ACRONYM_SKIP]
    if len(initials) < 3 or not all(c.isupper() for c in initials):
        return None
    return "".join(initials).casefold()


SMALL_BLOCK = 16  # below this, a plain loop over fuzz.ratio beats process.extract's set-up


class _LargeBlock:
    """A large block: its names' other tokens, keys and entries in three lists, in the order
    they came (about 24 bytes a name, where a dict of (key, entry) tuples took some 110)."""

    __slots__ = ("indexes", "keys", "rests")

    def __init__(self) -> None:
        self.rests: list[str] = []
        self.keys: list[Key] = []
        self.indexes: list[int] = []

    def add(self, rest: str, key: Key, index: int) -> None:
        self.rests.append(rest)
        self.keys.append(key)
        self.indexes.append(index)


# A block is a tuple of (other tokens, key, entry index) while small: most are, and plain
# tuples of strings and ints cost the garbage collector nothing. A large one is a
# _LargeBlock searched with rapidfuzz.process.extract (ties in the order the names came).
_Block = tuple[tuple[str, Key, int], ...] | _LargeBlock


def _closest(query: str, block: _Block, cutoff: float) -> list[tuple[float, tuple[Key, int]]]:
    """(score, (key, entry index)) of the block's names scoring at least ``cutoff``, best first."""
    if isinstance(block, _LargeBlock):
        keys, indexes = block.keys, block.indexes
        return [
            (score, (keys[at], indexes[at]))
            for _, score, at in process.extract(
                query, block.rests, scorer=fuzz.ratio, score_cutoff=cutoff, limit=3
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
# Christina/Christine, Francis/Frances, Robert/Roberta, Ivana/Ivanka.
_NAME_ENDINGS = frozenset("a e i o ie le lle ne na ine ina ette is es ka".split()) | {""}


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
