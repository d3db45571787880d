"""Resolve speaker mentions inside one document.

Titles and roles are stripped ("Prime Minister Kishida Fumio" -> "Kishida
Fumio"); surname-only mentions ("Tanaka") take the full name used elsewhere
in the document; pronouns take the most recent fitting speaker; definite
descriptions ("the ministry", "the ministers") take the organisation or group
named before.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from argmap.models import SpeakerKind
from argmap.speakers.descriptions import description_words, fit, head_forms, role_words
from argmap.speakers.names import is_place, is_pronoun, pronoun_gender, split_role
from argmap.speakers.wordlists import ORG_HEADS, TITLES

_NAME_RUN = re.compile(  # (?=[A-Z])(?<!\w) is \b before a capital, and lets re skip ahead
    r"(?=[A-Z])(?<!\w)(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|Rev)\.\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}"
    r"|(?!(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|Rev)\.)[A-Z][\w’'-]*"
    r"(?:\s+(?:[A-Z]\.\s+)?(?!(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|Rev)\.)[A-Z][\w’'-]*){1,4})"
)
_AGENT = re.compile(
    r"\b(?:led|represented|headed|voiced|championed|chaired)\s+by\s+(.+)$", re.IGNORECASE
)
_WANTED_KINDS = {
    "male": {SpeakerKind.PERSON},
    "female": {SpeakerKind.PERSON},
    "plural": {SpeakerKind.GROUP, SpeakerKind.ORGANISATION, SpeakerKind.PERSON},
    "thing": {SpeakerKind.ORGANISATION, SpeakerKind.GROUP},
}


_NO_ANTECEDENT = "a pronoun that refers to nobody named"
_POSSESSIVE_PRONOUNS = frozenset(("his", "her", "their", "its"))
_OPENING_MARKS = "“‘«"
_CLOSING_MARKS = "”’»"
_PRONOUN_REACH = 1500  # characters back that a pronoun may reach for a named person
_LOOKAHEAD = 3000  # characters ahead searched for a full name when none came before
_RUNS_PER_WORD = 64  # different runs of capitals kept for each capitalised word
_RUNS_KEPT = 50_000  # different runs of capitals kept in all (memory stays bounded)
_MEMORY = 200  # recent speakers kept for pronouns and descriptions
_TITLE_GENDER = re.compile(r"(?:(Mr|Sir|Lord)|Mrs|Ms|Miss|Madam|Dame|Lady)\b\.?")
# Texts that speak for their authors: 'the joint statement' -> the ministers who issued it.
# Heads of descriptions that stand for whatever organisation was named last ('the company').
_GENERIC_ORG_HEADS = frozenset(
    "company firm group organization organisation corporation business outlet network".split()
)
_TEXT_NOUNS = frozenset(
    """
    statement communique communiqué release letter memo declaration readout report post
    tweet op-ed email announcement
    """.split()
)


class Resolved(NamedTuple):
    """A mention's speaker as resolved in its document."""

    name: str
    kind: SpeakerKind
    role: str | None
    note: str | None = None  # why the mention names no speaker ("a poll", "a date")


# A name at the start of a sentence (after an opening word such as "But"): the sentence's
# subject. Group 1 is an honorific, group 2 the name.
_SENTENCE_START = re.compile(r"(?:[.!?][\"”’')]*[ \t]+|\n)(?=[A-Z])")
_SUBJECT = re.compile(
    r"(?:(?:But|And|Then|Yet|So|Still|Now|Meanwhile|Later|Instead|Also|Earlier|However,)\s+)?"
    r"((?:Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Gen|Sir|Dame)\.?\s+)?"
    r"([A-Z][\w’'-]+(?:\s+(?:[A-Z]\.\s*)*[A-Z][\w’'-]+){0,3})"
)


def _word_char(c: str) -> bool:
    return c.isalnum() or c in "’'-_"


_DEFINITE = re.compile(r"\s*the\s", re.IGNORECASE)
_ABBREVIATION_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|St|Jr|Sr|Rev|Prof|No|Vol)|\b[A-Z])\.[\"”’')]*\s*$"
)
_NAME_BEFORE_COMMA = re.compile(r"((?:[A-Z][\w’'.-]*\s+)*[A-Z][\w’'.-]*)\s*(?:\([^()]{1,30}\))?,$")
_NAME_OF_PLACE = re.compile(r"((?:[A-Z][\w’'.-]*\s+)*[A-Z][\w’'.-]*)\s+(?:of|from)$")
_ORGANISATION_NAME: dict[str, re.Pattern[str]] = {}  # head word -> pattern of names built on it
_MEMBER_SPLIT = re.compile(r",\s*|\s+and\s+")


def _named_members(mention: str) -> str | None:
    """'Foreign Minister Kamikawa Yoko and Defense Minister Kihara Minoru and their U.S.
    counterparts, Antony Blinken and Lloyd Austin' -> 'Kamikawa Yoko, Kihara Minoru, Antony
    Blinken and Lloyd Austin': a group named by its members is called by their names."""
    names = []
    for part in _MEMBER_SPLIT.split(mention):
        parsed = split_role(part)
        if parsed.proper and parsed.kind is SpeakerKind.PERSON and len(parsed.name.split()) > 1:
            names.append(parsed.name)
    if len(names) < 2:
        return None
    return ", ".join(names[:-1]) + " and " + names[-1]


@lru_cache(maxsize=1 << 16)
def _person_name(run: str) -> str | None:
    """The person a run of capitalised words names, or None when it names no person (a
    clause's first words, a date, a place, a headline, an organisation)."""
    parsed = split_role(run)
    if parsed.note is not None or parsed.kind is not SpeakerKind.PERSON or not parsed.proper:
        return None
    if not parsed.name or is_place(parsed.name) or is_pronoun(parsed.name):
        return None
    return parsed.name


def _honorific_gender(mention: str) -> str | None:
    """'male' for "Mr. X", 'female' for "Mrs./Ms. X": what the text itself says."""
    title = _TITLE_GENDER.match(mention.strip())
    if title is None:
        return None
    return "male" if title.group(1) else "female"


class SpeakerTracker:
    """Speaker resolution state for one document, fed mentions in text order.

    Memory stays bounded on very long documents: names are indexed as the
    text is read, keeping the latest few places of each word, and only the
    most recent speakers are remembered.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._scanned = 0
        # word -> {name run with that word: [times written, first start, last start]}
        self._places: dict[str, dict[str, list[int]]] = {}
        self._runs: dict[str, list[int]] = {}  # run -> [times written, first, last start]
        # word -> its runs not yet read for a person's name; the full names read, with places
        self._unread: dict[str, list[tuple[str, list[int]]]] = {}
        self._named: dict[str, list[tuple[str, list[int]]]] = {}
        self._history: deque[tuple[int, Resolved]] = deque(maxlen=_MEMORY)
        self._recent_runs: deque[tuple[int, str]] = deque(maxlen=_MEMORY)  # latest name runs read
        self._by_span: dict[tuple[int, int], Resolved] = {}  # mentions already resolved
        self._gender: dict[str, str] = {}  # name -> 'male' / 'female', from titles and pronouns
        # sentence start -> (where its subject starts, the person it names), or None
        self._subject_people: dict[int, tuple[int, Resolved] | None] = {}
        self._lone: dict[str, str | None] = {}  # one-word name -> the person it names
        self._role_words: dict[int, frozenset[str]] = {}  # a name's place -> its role words
        self._lowered: str | None = None  # the text in lower case, when needed
        self._given_alone: dict[tuple[str, str], int] = {}  # (given, family) -> times alone
        self._name_words: dict[str, bool] = {}  # word -> written as a name inside a sentence

    def _scan_to(self, position: int) -> None:
        """Index the capitalised name runs of the text up to ``position``."""
        if position <= self._scanned:
            return
        runs, recent = self._runs, self._recent_runs
        for match in _NAME_RUN.finditer(self.text, self._scanned, position):
            run, start = match.group(), match.start()
            recent.append((start, run))
            seen = runs.get(run)
            if seen is not None:  # written before: one more time, the latest place
                seen[0] += 1
                seen[2] = start
                continue
            if len(runs) >= _RUNS_KEPT:
                continue  # a very long text: the names of its first part are enough
            seen = runs[run] = [1, start, start]
            for word in run.split():
                places = self._places.get(word)
                if places is None:
                    places = self._places[word] = {}
                if len(places) < _RUNS_PER_WORD:
                    places[run] = seen
                    self._unread.setdefault(word, []).append((run, seen))
        self._scanned = position

    def _written_as_name(self, word: str) -> bool:
        """Whether the text writes ``word`` capitalised inside a sentence ("said Trump",
        "in Orlando") and not only at a sentence's start ("Staying", "Soon", "The")."""
        known = self._name_words.get(word)
        if known is None:
            known = False
            text, at = self.text, self.text.find(word)
            while at >= 0:
                end = at + len(word)
                if (at == 0 or not _word_char(text[at - 1])) and (
                    end == len(text) or not _word_char(text[end])
                ):
                    before = text[max(0, at - 3) : at].rstrip(" \t")
                    if (before and (before[-1].isalnum() or before[-1] in ",;:")) or (
                        _ABBREVIATION_BEFORE.search(text, max(0, at - 6), at)
                    ):
                        known = True  # "said Trump", "Mr. Trump"
                        break
                at = text.find(word, end)
            self._name_words[word] = known
        return known

    def _lone_name(self, name: str, start: int) -> str | None:
        """A one-word person name completed from the text ("Trump" -> "Donald Trump"), or kept
        when the text writes it as a name inside a sentence; None for a sentence's first word
        ("Staying", "Similarly", "The")."""
        if name in self._lone:  # one answer per document: the full name written most often
            return self._lone[name]
        full = self._full_name(name, start)
        known = full if full is not None else name if self._written_as_name(name) else None
        self._lone[name] = known
        return known

    def _full_name(self, token: str, position: int, gender: str | None = None) -> str | None:
        """The person's full name, starting or ending with ``token``, written in the text:
        the one written most often among the last few, then the nearest before ``position``
        (or, failing that, shortly after it). Runs of capitals that are not a person's name
        ("When Trump", "Trump Wednesday", "West Virginia") are not candidates; with
        ``gender`` ("Mrs. Clinton"), nor is a person the text shows to be of the other."""
        self._scan_to(min(len(self.text), position + _LOOKAHEAD))
        unread = self._unread.pop(token, None)
        named = self._named.get(token)
        if unread:  # the runs with this word not yet read: which name a person, with it
            if named is None:
                named = self._named[token] = []
            for run, seen in unread:
                name = _person_name(run)
                if name is not None:
                    words = name.split()
                    if len(words) > 1 and token in (words[0], words[-1]):
                        named.append((name, seen))
        if not named:
            return None
        if len(named) == 1:  # the commonest case: one full name with this word
            name, seen = named[0]
            if seen[1] < position + _LOOKAHEAD and (
                gender is None or self._gender.get(name) in (None, gender)
            ):
                return name
            return None
        found: dict[str, list[int]] = {}  # name -> [times written, has a place before, rank]
        for name, (count, first, last) in named:
            if first >= position + _LOOKAHEAD:
                continue
            if gender is None or self._gender.get(name) in (None, gender):
                latest = last if last < position else first if first < position else -first
                known = found.get(name)
                if known is None:
                    found[name] = [count, int(latest >= 0), latest]
                else:
                    known[0] += count
                    known[1] = max(known[1], int(latest >= 0))
                    known[2] = max(known[2], latest)
        if not found:
            return None
        if len(found) > 1:
            # family members told apart: the one the text calls by given name alone most
            # ("Freddy stumbled") is not the one it calls "Mr. Trump"
            alone = {n: self._given_name_alone(n, token) for n in found}
            fewest = min(alone.values())
            if max(alone.values()) >= max(3, 2 * fewest):
                found = {n: found[n] for n in found if alone[n] == fewest}
        return max(found.items(), key=lambda item: tuple(item[1]))[0]

    def _given_name_alone(self, name: str, token: str) -> int:
        """How often the text calls the person ``name`` by the other part of their name
        alone ("Freddy" for Freddy Trump, when ``token`` is "Trump")."""
        words = name.split()
        given = words[0] if words[-1] == token else words[-1]
        if given == token or len(given) < 3 or given.endswith("."):
            return 0
        key = (given, token)
        known = self._given_alone.get(key)
        if known is None:
            text, count, at = self.text, 0, self.text.find(given)
            while at >= 0:
                end = at + len(given)
                if (at == 0 or not _word_char(text[at - 1])) and (
                    end == len(text) or not _word_char(text[end])
                ):
                    after = text[end : end + len(token) + 6].split()
                    if token not in after[:2] or (after[0] != token and len(after[0]) != 2):
                        count += 1  # not "Freddy Trump" nor "Donald J. Trump"
                at = text.find(given, end)
            known = self._given_alone[key] = count
        return known

    def resolve(self, start: int, end: int) -> Resolved:
        """The speaker for the mention at ``text[start:end]`` (the same answer each time it is
        asked)."""
        known = self._by_span.get((start, end))
        if known is None:
            known = self._by_span[(start, end)] = self._resolve(start, end)
        return known

    def _resolve(self, start: int, end: int) -> Resolved:
        mention = self.text[start:end].strip(" ,.;:")
        if is_pronoun(mention):
            return self._antecedent(mention, start)
        agent = _AGENT.search(mention) if "by" in mention.lower() else None  # the cheap test first
        parsed = split_role(agent.group(1) if agent else mention)
        if parsed.note is not None:
            return Resolved(parsed.name or mention, SpeakerKind.UNKNOWN, None, parsed.note)
        name, kind = parsed.name or mention, parsed.kind
        words = name.split()
        if len(words) == 1 and name.isupper() and len(name) > 3 and kind is not SpeakerKind.PERSON:
            # a transcript's label ("PENCE:") or a name in capitals: the person when the text
            # names them ("Mike Pence"); otherwise an acronym ("NAACP")
            full = self._full_name(name[0] + name[1:].lower(), start)
            if full is not None:
                name, kind, words = full, SpeakerKind.PERSON, full.split()
        if parsed.proper and kind is SpeakerKind.PERSON and len(words) == 1:
            name = self._full_name(words[0], start, _honorific_gender(mention)) or name
        elif not parsed.proper and words and words[0].casefold() in _POSSESSIVE_PRONOUNS:
            # "his opponents", "her campaign": named by whose they are
            owner = self._antecedent(words[0], start)
            if owner.note is None:
                name = f"{owner.name}'s {' '.join(words[1:])}"
        elif (
            not parsed.proper
            and kind is SpeakerKind.PERSON
            and _DEFINITE.match(mention)
            and (person := self._person_described(name, start)) is not None
        ):
            name = person  # 'the Vermont senator' -> Bernie Sanders
        elif not parsed.proper and parsed.head:
            name = self._described(parsed.head, name, start)
        if kind is SpeakerKind.GROUP:
            name = _named_members(agent.group(1) if agent else mention) or name
        resolved = Resolved(name, kind, parsed.role)
        self._history.append((start, resolved))
        return resolved

    def _antecedent(self, pronoun: str, position: int) -> Resolved:
        """The most recent speaker or named person a pronoun can refer to.

        'he' and 'she' skip people whose title or earlier pronoun says otherwise
        ("Ms. Kamikawa met Mr. Blinken. ... he said" -> Blinken).
        """
        if pronoun.lower() in ("who", "whom", "which", "that"):
            named = self._relative_antecedent(position)
            if named is not None:
                return named
            return Resolved(pronoun, SpeakerKind.UNKNOWN, None, _NO_ANTECEDENT)
        gender = pronoun_gender(pronoun)
        wanted = _WANTED_KINDS.get(gender or "")
        candidates: list[tuple[int, Resolved]] = [
            seen
            for seen in self._history
            if seen[0] < position and (wanted is None or seen[1].kind in wanted)
        ]
        quoted = self._in_quotation(position)

        def latest_fitting(found: Iterable[tuple[int, Resolved]]) -> Resolved | None:
            """The first candidate that fits, of candidates latest first."""
            for at, seen in found:
                if gender in ("male", "female") and self._gender.get(seen.name) not in (
                    None,
                    gender,
                ):
                    continue
                # a name inside a quotation is not who the words after it report
                # ('"... Jeb Bush spent $100 million ...," he wrote': not Bush)
                if not quoted and self._in_quotation(at):
                    continue
                return seen
            return None

        candidates.sort(key=itemgetter(0), reverse=True)  # latest first (equals kept in order)
        if gender in ("male", "female"):
            # the latest speaker or sentence subject that fits (a speaker first at one place):
            # subjects are read only after the latest speaker that fits
            speaker = next((c for c in candidates if latest_fitting((c,)) is not None), None)
            low = max(0, position - _PRONOUN_REACH)
            if speaker is not None:
                low = max(low, speaker[0] + 1)
            found = latest_fitting(self._subjects_between(low, position))
            if found is None and speaker is not None:
                found = speaker[1]
            if found is None:  # no speaker or subject fits: a person named in passing
                mentioned = self._people_mentioned_before(position)
                mentioned.sort(key=itemgetter(0), reverse=True)
                found = latest_fitting(mentioned)
        else:
            found = latest_fitting(candidates)
        if found is None:
            return Resolved(pronoun, SpeakerKind.UNKNOWN, None, _NO_ANTECEDENT)
        resolved = found
        if gender in ("male", "female"):
            self._gender.setdefault(resolved.name, gender)
        return resolved

    def _in_quotation(self, position: int) -> bool:
        """Whether ``position`` lies inside a quotation opened earlier in its paragraph."""
        start = self.text.rfind("\n", 0, position) + 1
        before = self.text[start:position]
        curly = before.count("“") + before.count("«") - before.count("”") - before.count("»")
        return curly > 0 or before.count('"') % 2 == 1

    def _relative_antecedent(self, position: int) -> Resolved | None:
        """The name a relative pronoun follows: 'Mr. Trump, who said ...' -> Trump."""
        before = self.text[max(0, position - 120) : position].rstrip()
        if not before.endswith(","):
            return None
        run = _NAME_BEFORE_COMMA.search(before)
        if run is None:
            return None
        parsed = split_role(run.group(1))
        if parsed.name and is_place(parsed.name):
            # "Sen. Marco Rubio of Florida, who ...": the person the place follows
            owner = _NAME_OF_PLACE.search(before[: run.start(1)].rstrip())
            if owner is None:
                return None
            parsed = split_role(owner.group(1))
        if not parsed.proper or not parsed.name or is_place(parsed.name):
            return None
        name = parsed.name
        if parsed.kind is SpeakerKind.PERSON and len(name.split()) == 1:
            name = self._full_name(name, position) or name
        return Resolved(name, parsed.kind, parsed.role)

    def _people_named_before(self, position: int) -> list[tuple[int, Resolved]]:
        """People named as the subject of a sentence within a few paragraphs before
        ``position``: "Trump also offered ..." is a candidate for a later "he", the object of
        "... between the Broncos and the Carolina Panthers" is not."""
        people = self._subjects_between(max(0, position - _PRONOUN_REACH), position)
        people.reverse()
        return people

    def _subjects_between(self, low: int, high: int) -> list[tuple[int, Resolved]]:
        """The people named as sentence subjects starting in ``[low, high)``, latest first."""
        text, known, people = self.text, self._subject_people, []
        starts = [0] if low == 0 and text[:1].isupper() else []
        for end in _SENTENCE_START.finditer(text, max(0, low - 4), high):
            start, stop = end.end(), end.start()
            if (
                text[stop] == "."
                and text.rfind(" ", stop - 5, stop) >= 0  # a word of four letters or fewer
                and _ABBREVIATION_BEFORE.search(text, max(0, stop - 6), stop + 1)
            ):
                continue  # the full stop of "Mr." or an initial is not a sentence's end
            starts.append(start)
        for start in reversed(starts):
            if start in known:
                found = known[start]
            else:
                found = known[start] = self._subject_at(start)
            if found is not None and low <= found[0] < high:
                people.append(found)
        return people

    def _subject_at(self, sentence: int) -> tuple[int, Resolved] | None:
        """Where the subject of the sentence starting at ``sentence`` starts, and the person
        it names; None when it names no person."""
        match = _SUBJECT.match(self.text, sentence)
        if match is None:
            return None
        person = self._subject_person(match.start(2), match.group(2), match.group(1))
        return None if person is None else (match.start(2), person)

    def _subject_person(self, start: int, run: str, honorific: str | None) -> Resolved | None:
        """The person a sentence's subject names, or None."""
        name = _person_name(run)
        if name is None:
            return None
        if len(name.split()) == 1:
            lone = self._lone_name(name, start)
            if lone is None:
                return None
            name = lone
        if honorific:
            title = _TITLE_GENDER.match(honorific)
            if title:
                self._gender.setdefault(name, (title.group(1) and "male") or "female")
        return Resolved(name, SpeakerKind.PERSON, split_role(run).role)

    def _people_mentioned_before(self, position: int) -> list[tuple[int, Resolved]]:
        """Every person named in the text within a few paragraphs before ``position``."""
        self._scan_to(position)
        people = []
        low = position - _PRONOUN_REACH
        for start, run in reversed(list(self._recent_runs)):
            if start >= position:
                continue
            if start < low:
                break
            name = _person_name(run)
            if name is None:
                continue
            if len(name.split()) == 1:
                lone = self._lone_name(name, start)
                if lone is None:
                    continue
                name = lone
            title = _TITLE_GENDER.match(self.text, start)
            if title:
                self._gender.setdefault(name, (title.group(1) and "male") or "female")
            people.append((start, Resolved(name, SpeakerKind.PERSON, split_role(run).role)))
        return people

    def _person_described(self, description: str, position: int) -> str | None:
        """The person named before ``position`` whom the text describes the way
        ``description`` does ("the Vermont senator" -> "Sen. Bernie Sanders (I-Vt.)"): the best
        fit, the latest of equals; None when the text describes nobody so."""
        if self._lowered is None:
            self._lowered = self.text.lower()
        lowered = self._lowered
        forms = head_forms(description)
        if not any(lowered.find(form, 0, position) >= 0 for form in forms):
            return self._latest_person_untitled(description, position)
        described: dict[str, tuple[int, frozenset[str]]] = {}  # person -> (latest, words)
        for run, at, seen in self._runs_before(position):
            low, high = max(0, at - 80), at + 90 + len(run)
            if not any(lowered.find(form, low, high) >= 0 for form in forms):
                continue  # nothing here describes anyone the way the description does
            name = self._run_person(run, at)
            if name is not None:
                known = described.get(name)
                words = self._role_words_at(run, at)
                if known is not None:
                    seen, words = max(seen, known[0]), words | known[1]
                described[name] = (seen, words)
        best: tuple[int, int, str] | None = None
        for name, (seen, words) in described.items():
            score = fit(description, words)
            if score and (best is None or (score, seen) > best[:2]):
                best = (score, seen, name)
        if best is not None:
            return best[2]
        return self._latest_person_untitled(description, position)

    def _runs_before(self, position: int) -> Iterator[tuple[str, int, int]]:
        """(run, a place it is written, its latest place) for each run of capitals written
        before ``position``, at its first place and at its latest one: titles and appositions
        come with a name's first mention, and sometimes later."""
        self._scan_to(position)
        for run, (_, first, last) in list(self._runs.items()):  # reading a name may read on
            if first >= position:
                continue
            latest = last if last < position else first
            yield run, first, latest
            if latest != first:
                yield run, latest, latest

    def _latest_person_untitled(self, description: str, position: int) -> str | None:
        """For a description with a title for head ("the senator") that fits nobody: the
        person named or quoted last, when the text gives them no title at all."""
        head = description_words(description)[0]
        if head in TITLES:
            speakers = [
                h
                for h in self._history
                if h[0] < position
                and h[1].kind is SpeakerKind.PERSON
                and not self._in_quotation(h[0])
            ]
            speaker = max(speakers, key=itemgetter(0)) if speakers else None
            low = max(0, position - _PRONOUN_REACH, speaker[0] + 1 if speaker else 0)
            subjects = [
                c for c in self._subjects_between(low, position) if not self._in_quotation(c[0])
            ]
            latest = subjects[0][1] if subjects else speaker[1] if speaker else None
            if latest is not None and self._titles_of(latest.name, position).isdisjoint(TITLES):
                return latest.name
        return None

    def _titles_of(self, name: str, position: int) -> frozenset[str]:
        """The words the text describes the person ``name`` with before ``position``."""
        words: frozenset[str] = frozenset()
        last = name.split()[-1]
        for run, at, _ in self._runs_before(position):
            if last in run and self._run_person(run, at) == name:
                words |= self._role_words_at(run, at)
        return words

    def _run_person(self, run: str, at: int) -> str | None:
        """The person a run of capitals names, completed from the text, or None."""
        name = _person_name(run)
        if name is not None and len(name.split()) == 1:
            return self._lone_name(name, at)
        return name

    def _role_words_at(self, run: str, at: int) -> frozenset[str]:
        """The words describing the person named by ``run`` where it is written at ``at``."""
        known = self._role_words.get(at)
        if known is None:
            text, end = self.text, at + len(run)
            known = self._role_words[at] = role_words(
                text[max(0, at - 80) : at], run, text[end : end + 90]
            )
        return known

    def _organisation_named_before(self, head: str, position: int) -> str | None:
        """The last capitalised name with ``head`` in it within the text shortly before
        ('the Ministry of Foreign Affairs in Tokyo' for 'the ministry')."""
        if head.lower() not in ORG_HEADS:
            return None  # only institutions are named this way: 'the ministry', 'the committee'
        pattern = _ORGANISATION_NAME.get(head)
        if pattern is None:
            word = head[:1].upper() + head[1:].lower()
            pattern = _ORGANISATION_NAME[head] = re.compile(
                rf"(?:[A-Z][\w.&'’-]*\s+)*{word}(?:\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+(?:and\s+)?[A-Z][\w.&'’-]*)*)?"
            )
        found = None
        for match in pattern.finditer(self.text, max(0, position - _PRONOUN_REACH), position):
            found = match.group()
        if found is None:
            return None
        parsed = split_role(found)
        return parsed.name if parsed.kind is SpeakerKind.ORGANISATION and parsed.name else None

    def _organisation_before(self, position: int) -> str | None:
        """The organisation named or quoted last before ``position``, within a few
        paragraphs, outside quotations."""
        self._scan_to(position)
        low = position - _PRONOUN_REACH
        best: tuple[int, str] | None = None
        for start, prior in reversed(self._history):
            if low <= start < position and prior.kind is SpeakerKind.ORGANISATION:
                best = (start, prior.name)
                break
        for start, run in reversed(self._recent_runs):
            if start >= position:
                continue
            if start < low or (best is not None and start <= best[0]):
                break
            parsed = split_role(run)
            if (
                parsed.kind is SpeakerKind.ORGANISATION
                and parsed.proper
                and parsed.note is None
                and not is_place(parsed.name)
                and not self._in_quotation(start)
            ):
                best = (start, parsed.name)
                break
        return None if best is None else best[1]

    def _described(self, head: str, name: str, position: int) -> str:
        """'the ministry' -> the organisation named before whose name has that head word,
        as a speaker or anywhere in the text shortly before."""
        stem = head.lower().rstrip("s")
        for _, prior in reversed(self._history):
            if prior.kind in (SpeakerKind.ORGANISATION, SpeakerKind.GROUP) and any(
                word.rstrip("s") == stem for word in prior.name.lower().split()
            ):
                return prior.name  # 'the ministers' -> 'ministers'; not 'the man' -> 'Germans'
        named = self._organisation_named_before(head, position)
        if named:
            return named
        if head.lower() in _GENERIC_ORG_HEADS and _DEFINITE.match(self.text, position):
            # 'the company' after 'Carrier': the organisation named last
            latest = self._organisation_before(position)
            if latest is not None:
                return latest
        if head.lower() in _TEXT_NOUNS:
            # 'the joint statement' was issued by several: a group, not one organisation
            kinds = (
                {SpeakerKind.GROUP}
                if "joint" in name.lower()
                else {SpeakerKind.GROUP, SpeakerKind.ORGANISATION}
            )
            for _, prior in reversed(self._history):
                if prior.kind in kinds and prior.name.lower() != name.lower():
                    return prior.name
        return name
