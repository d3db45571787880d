"""Resolve speaker mentions inside one document.

Titles and roles are stripped ("Prime Minister Kishida Fumio" -> "Kishida
Fumio"); surname-only mentions ("Tanaka") take the full name used elsewhere
in the document; pronouns take the most recent fitting speaker; definite
descriptions ("the ministry", "the ministers") take the organisation or group
named before.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from math import floor
from operator import itemgetter
from typing import NamedTuple

from argmap.models import SpeakerKind
from argmap.speakers.descriptions import description_words, fit, head_forms, role_words
from argmap.speakers.names import clear_caches as names_clear_caches
from argmap.speakers.names import is_place, is_pronoun, pronoun_gender, split_role
from argmap.speakers.narrator import NARRATOR, signature_after, writer_named
from argmap.speakers.wordlists import (
    DAY_NAMES,
    DETERMINERS,
    LEADING_NOT_NAME,
    MONTH_NAMES,
    NAME_PARTICLE_PATTERN,
    ORG_HEADS,
    PERSON_NOUNS,
    PERSON_SUFFIXES,
    TIME_EDGE,
    TITLES,
)

# The rest of an honorific after its capital, read with the capital behind: "Mr.", "Sen.".
_HONORIFIC_REST = (
    r"(?:(?<=M)(?:r|rs|s)|(?<=D)r|(?<=S)en|(?<=R)(?:ep|ev)|(?<=G)(?:ov|en)|(?<=P)rof)\."
)
# A run of capitalised words: an honorific and up to four words, or two to five words. It
# opens with its capital as a plain character class, which lets re skip ahead to the next
# capital instead of trying every position ((?<!\w.) after it is \b before it); a word or
# a space is never given back (*+, ++): nothing that follows could match after less of it.
_NAME_RUN = re.compile(
    rf"[A-Z](?<!\w.)(?:{_HONORIFIC_REST}\s++[A-Z][\w’'-]*+(?:\s++[A-Z][\w’'-]*+){{0,3}}"
    rf"|(?!{_HONORIFIC_REST})[\w’'-]*+"
    rf"(?:\s++(?:{NAME_PARTICLE_PATTERN}\s++)?(?:[A-Z]\.\s++)?"
    r"(?!(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|Rev)\.)[A-Z][\w’'-]*+){1,4})"
)
_AGENT = re.compile(
    r"\b(?:led|represented|headed|voiced|championed|chaired)\s+by\s+(.+)$", re.IGNORECASE
)
_WANTED_KINDS = {
    "male": {SpeakerKind.PERSON},
    "female": {SpeakerKind.PERSON},
    "plural": {SpeakerKind.GROUP, SpeakerKind.ORGANISATION},  # "they" is not one person
    "thing": {SpeakerKind.ORGANISATION},  # "it said": an organisation, never a plural group
}


_NO_ANTECEDENT = "a pronoun that refers to nobody named"
# Titles that tell a candidacy, not an office or a trade: a person given only these may be
# "the Vermont senator" or "the Democratic nominee" (see SpeakerTracker._no_office).
_CANDIDACY = frozenset(
    """
    candidate nominee front-runner frontrunner presumptive former ex rival challenger
    democrat democratic republican gop presidential then
    """.split()
)
# A newspaper's name that is one word alone ("the Times", "the Post"), short for the name the
# article gives in full.
_NEWSPAPER_WORDS = frozenset("times post journal tribune herald globe gazette".split())
# Titles written in lower case that open a description of the person named before its
# comma ("Greg Raiff, chief executive officer of ...", "John Ryder, general counsel").
_LOWER_TITLES = frozenset(
    """
    chief president director chairman chairwoman spokesman spokeswoman spokesperson founder
    co-founder executive head secretary senior deputy general vice managing
    """.split()
)
# Heads of a candidate's campaign named by the candidate ("the Trump campaign", "Clinton's team").
_CAMPAIGN_HEADS = frozenset(("campaign", "team"))
# A relative named after the person they are kin to: "his wife, Jane Sanders", "her husband,
# former President Bill Clinton".
_KIN_BEFORE = re.compile(
    r"\b(?:his|her|their)\s+(?:(?:late|former|older|younger|eldest|oldest|youngest)\s+)?"
    r"(?:(wife|daughter|sister|mother|widow|aunt|niece|granddaughter|grandmother|stepdaughter)|"
    r"(husband|son|brother|father|widower|uncle|nephew|grandson|grandfather|stepson)|cousin)"
    r",\s+(?:(?:former|then|the)\s+)?(?:[A-Z][\w.]*\s+){0,2}$"
)
# The person a pronoun's own clause names as its verb's object is not the pronoun ("'...,' he
# told Hannity": not Hannity).
_CLAUSE_OBJECT = re.compile(
    r"(?:\s+(?:also|then|later|again|recently))?\s+"
    r"(?:told|tells|asked|asks|thanked|thanks|praised|attacked|criticized|urged|warned|met|"
    r"interviewed|called|endorsed|defended|answered|replied\s+to|said\s+to)\s+"
    r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.\s+)?((?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+)"
)
# Heads of descriptions that introduce someone new rather than name someone already written
# about ("the Christie supporter", "the employee of nearly four years").
_NEW_PEOPLE = frozenset(
    """
    supporter supporters employee employees voter voters member members resident residents
    friend friends fan fans worker workers staffer staffers volunteer volunteers protester
    protesters participant attendee customer student man woman person guy boy girl child
    """.split()
)
# A definite description that may stand beside a name, after its comma: "the polling guru".
_APPOSED = re.compile(r"the\s+[a-z]")
# What closes such a description: its comma or its relative clause ("Bush, the reports show"
# is a new clause, not "Bush" described).
_APPOSITION_END = re.compile(r"\s*(?:,|who\b|whose\b)")
# A definite description of lower-case words: "the retired neurosurgeon".
_EPITHET = re.compile(r"(?:[Tt]he\s+)?[a-z][a-z-]+(?:\s+[a-z][a-z-]+){1,3}")
_TWO_PEOPLE = re.compile(r"\sand\s+(?:the|a|an)\s", re.IGNORECASE)  # "the X and the Y"
_PARTIES = frozenset(("republican", "democrat", "independent", "libertarian"))
# Prepositions before a title and a name the text mentions in passing ("to President X").
_PASSING = frozenset("of to for under by with from against".split())
_POSSESSIVE_PRONOUNS = frozenset(("his", "her", "their", "its"))
_FIRST_PERSON = frozenset(("i", "me", "my", "myself"))
# "We" outside quotation marks: the writers of a column or an editorial ("We endorse ...").
_FIRST_PERSON_PLURAL = frozenset(("we", "us", "our", "ourselves"))
_IT = frozenset(("it", "its", "itself"))
_SECOND_PERSON = frozenset(("you", "your", "yours", "yourself"))
_ADDRESSEE = "'you': the reader or listener, not a speaker"
# A transcript's speaker label opening a paragraph: "FALLIN: Well, I think ...".
_TRANSCRIPT_LABEL = re.compile(r"([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}):\s")
_OPENING_MARKS = "“‘«"
_CLOSING_MARKS = "”’»"
_PRONOUN_REACH = 1500  # characters back that a pronoun may reach for a named person
_LOOKAHEAD = 3000  # characters ahead searched for a full name when none came before
_RUNS_PER_WORD = 64  # different runs of capitals kept for each capitalised word
_RUNS_KEPT = 50_000  # different runs of capitals kept in all (memory stays bounded)
_MEMORY = 200  # recent speakers kept for pronouns and descriptions
# A word written as a person's name: after an honorific or a title, or with a verb of saying.
_SAYING = (
    r"(?:said|says|told|tells|added|adds|wrote|writes|asked|asks|explained|explains|noted|"
    r"notes|argued|argues|insisted|replied|recalled|stated|declared|warned|warns|tweeted|"
    r"continued|acknowledged|contended|conceded|suggested|admitted|countered|responded|"
    r"testified|recalls|believes|thinks)"
)
# Words before a name that make it a place's or a thing's ("in Washington Heights").
_THING_BEFORE = re.compile(
    r"\b(?:the|a|an|in|at|on|of|from|near|over|across|inside|outside|throughout)\s+$"
)
# What the text writes before or after a word it writes as a person's name: an honorific
# or a title, or a word naming a person's trade or kin ("Sen. Kristen Gillibrand", "actress
# Kamala Lopez"), a verb of saying ("Gillibrand said", "said Gillibrand"), an age ("Mark
# Weddle, 55, started work"); see SpeakerTracker._said_of_a_person.
_WORD = r"[A-Z][\w’'-]*"
_TITLE_BEFORE = frozenset(  # written with a capital, with or without a full stop
    """
    Mr Mrs Ms Miss Dr Sen Rep Gov Gen Adm Lt Col Capt Prof Rev Sgt President Senator Governor
    Secretary Judge Justice Mayor Speaker Chairman Chairwoman Director Pope Sheriff Minister
    Ambassador Representative Congressman Congresswoman
    """.split()
)
_NOUN_BEFORE = frozenset(  # written in lower case
    """
    actor actress activist host anchor reporter spokesman spokeswoman chairman chairwoman founder
    executive director lawyer attorney economist professor analyst strategist pollster adviser
    aide author writer columnist candidate nominee senator governor mayor judge president
    secretary minister businessman businesswoman billionaire pastor rabbi doctor mother father
    son daughter wife husband brother sister widow
    """.split()
)
_NOT_A_PERSON_AFTER = re.compile(
    r"\s+(?:[A-Z]\w*\s+)?(?:University|College|Administration|Department)\b"
)
_SAYING_WORDS = frozenset(_SAYING[3:-1].replace("|", " ").split())
_SAID_AFTER = re.compile(rf"(?:['’]s)?,?\s+(?:also\s+|then\s+|later\s+)?{_SAYING}\b|,\s+\d{{1,3}},")
# "M" first: re skips ahead to it
_HONORIFIC_BEFORE = re.compile(rf"M(?<!\wM)(?:r|rs|s|iss)\.?\s+({_WORD})")
# (its capital opens it as a plain character class, which lets re skip ahead to the next
# capital; (?<!\w.) after it is \b before it)
_GIVEN_BEFORE = re.compile(r"([A-Z](?<!\w.)[\w’'-]+)\s+(?:[A-Z]\.\s+)?$")
# What may come before a name that is its sentence's subject: the sentence's start, an
# opening word, a comma after an opening phrase, titles and given names ("But Minnesota Gov.
# Mark Dayton", "On Sunday, Mr. Trump").
_SUBJECT_BEFORE = re.compile(
    r"(?:^|[.!?;:][\"”’')]*\s+|,\s+|[\"“]\s*)"
    r"(?:(?:But|And|Then|Yet|So|Still|Now|Meanwhile|Later|Instead|Also|However,?)\s+)?"
    r"(?:[A-Z][\w’'.-]*\s+){0,4}\Z",
    re.MULTILINE,
)
# How 'he' and 'she' weigh their candidates (lower is likelier): a sentence further back,
# and how the person is named there (see SpeakerTracker._salient_person).
SALIENCE_SENTENCE = 1.0
SALIENCE_SPEAKER = 0.0
SALIENCE_SUBJECT = 0.0
SALIENCE_MENTIONED = 1.2
# An unnamed person introduced by an indefinite description ("a 29-year-old Berlin woman",
# "an AFP reporter") costs this much more than a named person at the same distance: 'he' or
# 'she' is theirs when no named person fits better.
SALIENCE_DESCRIBED = 2.5
# Nouns that tell a described person's gender ("a 29-year-old Berlin woman" is 'she').
_FEMALE_NOUNS = frozenset(
    """
    woman women spokeswoman chairwoman congresswoman councilwoman businesswoman mother wife
    daughter sister girl lady grandmother aunt niece actress waitress widow
    """.split()
)
_MALE_NOUNS = frozenset(
    """
    man men spokesman chairman congressman councilman businessman father husband son
    brother boy grandfather uncle nephew actor waiter widower
    """.split()
)
# A capitalised word alone inside a sentence, after a lower-case word or a comma ("she saw
# Freddy, one night", "Freddy's drinking"), not beside another capitalised word (group 1).
_CAPITALISED = re.compile(r"[A-Z](?<=[a-z,;] [A-Z])[a-z]{2,}")
_LONE_WORD_END = re.compile(r"(?:['’]s)?(?![\w’'-])(?!\s+(?:[A-Z]|&))")
# The state or country after a place's name: "Palo Alto, Calif.,", "Salem, N.H.", "Des
# Moines, Iowa, on" (group 1; an abbreviation, or a word a clause's end follows).
_STATE_AFTER = re.compile(r",\s+((?:[A-Z][a-z]*\.){1,2}|[A-Z][a-z]+(?=[,;:)]|\.(?:\s|$)))")
# Words of PERSON_NOUNS that are a description's modifiers, not its head ("a former
# senator", "one top aide"), and heads too vague for 'he' or 'she' ("someone").
_NOT_HEADS = frozenset(
    """
    former senior top then ex elect first acting interim under assistant associate deputy vice
    chief head majority minority emeritus designate republican democrat gop one lady police
    someone somebody anyone anybody person
    """.split()
)
_HEADS = "|".join(
    sorted((PERSON_NOUNS | _FEMALE_NOUNS | _MALE_NOUNS) - _NOT_HEADS - {"women", "men"})
)
# An unnamed person introduced by an indefinite description: "A 29-year-old Berlin woman",
# "an AFP reporter", "one voter" (a few words before its head; its head not a possessive,
# nor a modifier of a longer head: "a police officer" is read to "officer").
_INTRODUCTION = re.compile(
    rf"(?<![\w’'-])(?:[Aa]n?|[Oo]ne)\s+(?:[\w’'.-]+\s+){{0,3}}?"
    rf"(?:(?:{_HEADS})\s+)*(?:{_HEADS})(?![\w’'-])"
)
# A copula or "as" before a description: it says what someone is ("she was a moderator",
# "celebrated as a liberal icon"), it introduces no one.
_PREDICATE_BEFORE = re.compile(
    r"\b(?:is|was|are|were|be|been|being|becomes?|became|remains?|remained|as)\s+$"
)
# A description's opening word: "a man", "an AFP reporter", "one voter", "the woman".
_INDEFINITE = re.compile(r"(?:a|an|one|the)\s", re.IGNORECASE)
_TITLE_GENDER = re.compile(r"(?:(Mr|Sir|Lord)|Mrs|Ms|Miss|Madam|Dame|Lady)\b\.?")
# Texts that speak for their authors: 'the joint statement' -> the ministers who issued it.
# Heads of descriptions that stand for whatever organisation was named last ('the company').
_GENERIC_ORG_HEADS = frozenset(
    "company firm group organization organisation corporation business outlet network".split()
)
_TEXT_NOUNS = frozenset(
    """
    statement communique communiqué release letter memo declaration readout report post
    tweet op-ed email announcement editorial
    """.split()
)


def _clear_gender(votes: list[int]) -> str | None:
    """The gender pronouns vote for (male, female) when they say one thing clearly (two votes
    at least, three times the other's), else None."""
    male, female = votes
    if male >= 2 and male >= 3 * female:
        return "male"
    if female >= 2 and female >= 3 * male:
        return "female"
    return None


class Resolved(NamedTuple):
    """A mention's speaker as resolved in its document."""

    name: str
    kind: SpeakerKind
    role: str | None
    note: str | None = None  # why the mention names no speaker ("a poll", "a date")


# A name at the start of a sentence (after an opening word such as "But"): the sentence's
# subject. Group 1 is an honorific, group 2 the name.
# (a sentence's end and its spaces, or a line's end; written to open with a plain character
# class, which lets re skip ahead to the next candidate)
_SENTENCE_START = re.compile(r"[\n.!?](?:(?<=\n)|(?<!\n)[\"”’')]*[ \t]+)(?=[\"“‘']*[A-Z])")
_SUBJECT = re.compile(
    r"(?:(?:But|And|Then|Yet|So|Still|Now|Meanwhile|Later|Instead|Also|Earlier|However,)\s+)?"
    r"((?:Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Gen|Sir|Dame)\.?\s+)?"
    r"([A-Z][\w’'-]+(?:\s+(?:[A-Z]\.\s*)*[A-Z][\w’'-]+){0,3})"
)


# A sentence whose subject is two people: "Mr. Rubio and Mr. Cruz", "Hillary Clinton and
# Senator Elizabeth Warren of Massachusetts" (groups 1 and 3 honorifics, 2 and 4 names).
_HONORIFIC_OR_TITLE = r"((?:Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Gen)\.\s+|(?:Senator|Governor)\s+)?"
_PAIR_SUBJECT = re.compile(
    rf"{_HONORIFIC_OR_TITLE}([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+and\s+"
    rf"{_HONORIFIC_OR_TITLE}([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\b"
)
# The first he/she/his/her after a name in its sentence, with no quotation mark, other
# capitalised word or sentence end between ("Trump revised his plan"; not "Trump met Clinton
# and her aides", not "Trump said, 'She ...'"). (A word or the spaces after it are never
# given back (*+, ++): a letter must follow the spaces, a space or a comma the word.)
_FOLLOWING_PRONOUN = re.compile(
    r"(?:['’]s)?(?:[ ,]++(?!(?:he|she|his|her|hers|himself|herself)\b)[a-z][\w’'-]*+){0,8}?"
    r"[ ,]+(he|she|his|hers|himself|herself|her(?= (?!(?:a|an|the|on|in|at|to|for|of|with|as|and"
    r"|or|but|that|this|if|when|from|about|by|over|after|before)\b)[a-z]))\b"
)
_MALE = frozenset("he his himself".split())
_TITLE_AND_HONORIFIC_WORDS = TITLES | frozenset("mr mrs ms miss dr sen rep gov gen".split())
_HONORIFIC_WORDS = frozenset("mr mrs ms miss dr sen rep gov gen prof rev".split())
# A sentence's first word, and the opening phrase after it up to its comma.
_FIRST_WORD = re.compile(r"[A-Z][a-z]*\b")
_OPENING_PHRASE = re.compile(
    r"(?:[^,.;:!?\"“”\n]|(?<=Mr)\.|(?<=Mrs)\.|(?<=Ms)\.|(?<=Dr)\.|(?<=Sen)\.|(?<=Rep)\.|(?<=Gov)\."
    r"|(?<=\b[A-Z])\.){0,90}+,\s+"
)  # (each step takes one character and no step takes a comma: the first comma ends the
# phrase, so taking every step first (+) matches as taking the fewest (?) would, faster)
# A sentence that opens with a person's title and then their name: "Top Republican Party
# donor Sheldon Adelson said", "Republican presidential front-runner Donald Trump is". The
# title ends with a word of the kind (group 1); the name is two to four capitalised words
# (group 2) that a verb, a comma or a possessive follows.
_TITLED_SUBJECT = re.compile(
    r"((?:[A-Z][\w’'.-]*+\s++){1,4}+(?:[a-z][\w-]*+\s++){1,3}+)"
    r"([A-Z][\w’'-]+(?:\s+(?:[A-Z]\.\s*)*[A-Z][\w’'-]+){1,3})(?=\s+[a-z]|,|['’]s\b)"
)
_TITLE_PHRASE_WORDS = (
    PERSON_NOUNS
    | _CANDIDACY
    | frozenset("presidential vice retired party senior top longtime mega real estate".split())
)
# After the comma of a description that opens a sentence: its apposition's name, then a comma.
_APPOSITION_NAME = re.compile(
    r"(?:(?:the|a|an)\s+(?:[a-z][\w’'-]*\s+){0,5})?"
    r"((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]+),"
)
# Words that open a sentence with a phrase before its subject ("During the debate, ...").
_OPENING_WORDS = (LEADING_NOT_NAME | MONTH_NAMES | DAY_NAMES | TIME_EDGE) - frozenset(
    ("who", "what", "which", "that", "this", "these", "those", "there", "here")
)
# Capitalised words before a family name that are not a given name ("Sen. Clinton", "But
# Trump").
_NOT_GIVEN = _TITLE_AND_HONORIFIC_WORDS | _OPENING_WORDS


_TITLE_CASE_SMALL = frozenset(
    """
    a an the and or but nor of for to in on at by with from as vs is are be if into than via
    """.split()
)
# Capitalised words of a headline that are not a person's name.
_NOT_HEADLINE_NAME = TITLES | DETERMINERS | LEADING_NOT_NAME | MONTH_NAMES | DAY_NAMES


def _is_title_case(line: str) -> bool:
    """A headline in title case: short, and every word but the small ones capitalised
    ("Obama Sees Personal Insult if Black Voters Spurn Clinton")."""
    words = line.split()
    if not 4 <= len(words) <= 25:
        return False
    content = 0  # words not small, each capitalised so far (prose fails at its first)
    for word in words:
        if word.strip("‘’'\"“”(),.:;!?-").casefold() in _TITLE_CASE_SMALL:
            continue
        if word[:1].isalpha() and not word.lstrip("‘’'\"“”(")[:1].isupper():
            return False
        content += 1
    return content >= 2 and not line.isupper()


def _describes_a_person(description: str) -> bool:
    """Whether a description's words name a person's trade or role ("a corporate attorney
    who", "a Washington-based developer"; not "an honor Donald")."""
    for word in description.split()[1:]:
        word = word.strip(",.;:")
        if word in PERSON_NOUNS or (len(word) > 5 and word.endswith(PERSON_SUFFIXES)):
            return True
    return False


@lru_cache(maxsize=8192)
def _is_description(name: str) -> bool:
    """Whether a person's resolved name is a description, not a name: "man", "liberal
    icon", "29-year-old Berlin woman", "AFP reporter" (its last word in lower case); not
    "Charlotte Meehan's father" (someone's kin, whom the text names by them)."""
    last = name.rsplit(None, 1)[-1]
    return last[:1].islower() and "'s " not in name and "’s " not in name


def _noun_gender(description: str) -> str | None:
    """'female' or 'male' when a description's nouns say it ("woman", "spokesman")."""
    words = set(re.findall(r"[a-z]+", description.lower()))
    female, male = bool(words & _FEMALE_NOUNS), bool(words & _MALE_NOUNS)
    if female != male:
        return "female" if female else "male"
    return None


def _without_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


_WORD_EXTRA = "’'-_"  # characters of a word besides letters and digits (see _occurrences)


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


def clear_caches() -> None:
    """Forget memoised parses, these and the name parser's (for benchmarks that must start
    cold)."""
    _person_name.cache_clear()
    _is_description.cache_clear()
    names_clear_caches()


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
        self._gender: dict[str, str] = {}  # name -> 'male' / 'female', from honorifics
        self._resolved_gender: dict[str, str] = {}  # name -> gender of a pronoun given to them
        # sentence start -> (where its subject starts, the person it names), or None
        self._subject_people: dict[int, tuple[int, Resolved] | None] = {}
        self._starts: list[int] | None = None  # where sentences start (see _all_sentence_starts)
        self._mentioned: dict[int, Resolved | None] = {}  # a run's place -> the person it names
        self._lone: dict[str, str | None] = {}  # one-word name -> the person it names
        self._known_people: set[str] = set()  # full names shown to be people's (_known_person)
        self._alone: dict[str, str] = {}  # one-word name -> the person a mention of it named
        self._role_words: dict[int, frozenset[str]] = {}  # a name's place -> its role words
        self._lowered: str | None = None  # the text in lower case, when needed
        self._given_alone: dict[tuple[str, str], int] = {}  # (given, family) -> times alone
        self._name_words: dict[str, bool] = {}  # word -> written as a name inside a sentence
        self._person_words: dict[str, bool] = {}  # word -> written as a person's name
        self._pronoun_gender: dict[str, str | None] = {}  # name -> gender its pronouns show
        # the same, for a name sharing its family name while the name alone is unresolved
        self._unsettled_gender: dict[str, str | None] = {}
        self._headlines: dict[int, bool] = {}  # a line's start -> written in title case
        self._first_honorific: dict[str, int] | None = None  # name -> first place after Mr.
        self._thing_names: dict[str, bool] = {}  # name -> written as a place's or a thing's
        self._persons_names: dict[str, bool] = {}  # name -> may be a person's (_a_persons_name)
        self._kin: dict[str, str | None] = {}  # name -> gender its kin words show (_kin_gender)
        self._pronoun_places: dict[str, list[tuple[int, int, bool]]] = {}  # _pronouns_after
        self._shared_family: dict[str, Counter[str]] = {}  # family name -> given names before it
        self._has_campaign: dict[str, bool] = {}  # family name -> the text names its campaign
        self._quoted: dict[int, bool] = {}  # a place -> inside a quotation (see _in_quotation)
        self._writer: str | None = None  # the article's writer, "" when unnamed (_narrator)
        self._labels: dict[str, str] = {}  # a transcript's label -> its person (_labelled_person)
        # a description of an unnamed person -> whether the text names them so with "the"
        # ("the woman": someone it spoke of before) rather than only "a/an/one" ("a man")
        self._introduced: dict[str, bool] = {}
        # a sentence's start -> the unnamed person a description opening it introduces
        self._introductions: dict[int, tuple[int, str, Resolved] | None] = {}
        self._given_full: dict[str, tuple[int, str | None, str | None]] = {}  # _lone_full_names

    def _scan_to(self, position: int) -> None:
        """Index the capitalised name runs of the text up to ``position``."""
        if position <= self._scanned:
            return
        runs, add_recent = self._runs, self._recent_runs.append
        all_places, unread = self._places, self._unread
        for match in _NAME_RUN.finditer(self.text, self._scanned, position):
            run, start = match.group(), match.start()
            add_recent((start, run))
            seen = runs.get(run)
            if seen is not None:  # written before: one more time, the latest place
                seen[0] += 1
                seen[2] = start
                continue
            if len(runs) >= _RUNS_KEPT:
                continue  # a very long text: the names of its first part are enough
            seen = runs[run] = [1, start, start]
            for word in run.split():
                if word[-1] in "s’'":
                    if word.endswith(("’s", "'s")):
                        word = word[:-2]  # "Hillary Clinton’s health" names Clinton
                    elif word.endswith(("s'", "s’")):
                        word = word[:-1]  # "Bernie Sanders' lock" names Sanders
                places = all_places.get(word)
                if places is None:
                    places = all_places[word] = {}
                if len(places) < _RUNS_PER_WORD:
                    places[run] = seen
                    found = unread.get(word)
                    if found is None:
                        unread[word] = [(run, seen)]
                    else:
                        found.append((run, seen))
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
                if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in _WORD_EXTRA)) and (
                    end == len(text) or not (text[end].isalnum() or text[end] in _WORD_EXTRA)
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
        when the text shows it to be a person's ("Mr. Trump", "Trump said"); None for a
        sentence's first word ("Staying", "The") and for a word the text never uses of a
        person ("Honolulu", "Democratic")."""
        if name in self._lone:  # one answer per document: the full name written most often
            return self._lone[name]
        full = self._full_name(name, start)
        known = (
            full
            if full is not None
            else name
            if self._written_as_name(name) and self._said_of_a_person(name)
            else None
        )
        self._lone[name] = known
        return known

    def _lone_person(self, name: str, start: int, gender: str | None) -> str | None:
        """A one-word person name completed as ``_lone_name`` does; after an honorific that
        tells a gender ("Mrs. Clinton"), to the full name of that gender the text writes (the
        "Hillary Clinton" written before, not the "Bill Clinton" of "the Bill Clinton era"),
        else as without it."""
        lone = self._lone_name(name, start)
        if gender is None or lone is None:
            return lone
        return self._full_name(name, start, gender) or lone

    def _a_persons_name(self, name: str) -> bool:
        """Whether ``name`` may be a person's for 'he' or 'she': the text writes one of its
        words as a person's ("Sen. Kristen Gillibrand", "Gillibrand said"), or, for a name of
        several words, never writes it the way it writes a place or a thing ("in Washington
        Heights", "the Scarborough Shoal", "a Muslim-American Gold Star family"). Read once
        a name: it is asked again at each of its mentions."""
        known = self._persons_names.get(name)
        if known is None:
            known = self._persons_names[name] = self._read_persons_name(name)
        return known

    def _read_persons_name(self, name: str) -> bool:
        """``_a_persons_name`` read from the text."""
        words = name.split()
        if any(
            self._said_of_a_person(word)
            for word in words
            if len(word) > 2 and word[:1].isupper() and not word.endswith(".")
        ):
            return True
        if len(words) == 1 or any(len(w) > 3 and w.isupper() for w in words):
            return False
        known = self._thing_names.get(name)
        if known is None:
            text = self.text
            known = self._thing_names[name] = any(
                _THING_BEFORE.search(text, max(0, at - 12), at) for at in self._occurrences(name)
            )
        return not known

    def _occurrences(self, word: str, possessive: bool = False) -> Iterator[int]:
        """Where ``word`` is written in the text as a word of its own (or, with
        ``possessive``, followed by 's)."""
        text, at = self.text, self.text.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in _WORD_EXTRA)) and (
                end == len(text)
                or not (text[end].isalnum() or text[end] in _WORD_EXTRA)
                or (possessive and text[end + 1 : end + 2] == "s" and text[end] in "'’")
            ):
                yield at
            at = text.find(word, end)

    def _said_of_a_person(self, word: str) -> bool:
        """Whether the text writes ``word`` the way it writes a person's name: after an
        honorific or a title ("Mr. Trump", "Sen. Cruz", "President Obama") or with a verb of
        saying ("Trump said", "said Trump")."""
        known = self._person_words.get(word)
        if known is None:
            known = self._person_words[word] = any(
                self._person_word_at(at, at + len(word)) for at in self._occurrences(word, True)
            )
        return known

    def _person_word_at(self, start: int, end: int) -> bool:
        """Whether the word at ``start:end`` is written as a person's name there."""
        text = self.text
        if _SAID_AFTER.match(text, end):
            return True
        before = text[max(0, start - 80) : start].rsplit(None, 3)  # the last three words
        if not before or not text[start - 1].isspace():
            return False
        if before[-1] in _SAYING_WORDS:
            return True  # "said Trump"
        for back in range(1, min(4, len(before) + 1)):
            word = before[-back]
            if word in _NOUN_BEFORE or word.rstrip(".") in _TITLE_BEFORE:
                return not _NOT_A_PERSON_AFTER.match(text, end)  # "Sen. Kristen Gillibrand"
            if not (word[:1].isupper() and back < 3):
                return False
        return False

    def _full_name(self, token: str, position: int, gender: str | None = None) -> str | None:
        """The person's full name, starting or ending with ``token``, written in the text:
        the one written most often among the last few, then the nearest before ``position``
        (or, failing that, shortly after it). Runs of capitals that are not a person's name
        ("When Trump", "Trump Wednesday", "West Virginia") are not candidates; with
        ``gender`` ("Mrs. Clinton"), nor is a person the text shows to be of the other."""
        self._scan_to(min(len(self.text), position + _LOOKAHEAD))
        named = self._names_with(token)
        if not named:
            return None
        if len(named) == 1:  # the commonest case: one full name with this word
            name, seen = named[0]
            if seen[1] < position + _LOOKAHEAD and self._may_be(name, seen[1], token, gender):
                return name
            return None
        found: dict[str, list[int]] = {}  # name -> [times written, has a place before, rank]
        for name, (count, first, last) in named:
            if first >= position + _LOOKAHEAD:
                continue
            if self._may_be(name, first, token, gender):
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
            # a name written once with a word before it is the name ("Crooked Hillary
            # Clinton" in a quoted tweet is Hillary Clinton)
            for longer in sorted(found, key=len, reverse=True):
                shorter = next(
                    (n for n in found if n != longer and " " in n and longer.endswith(" " + n)),
                    None,
                )
                if shorter is not None:
                    extra, kept = found.pop(longer), found[shorter]
                    kept[0] += extra[0]
                    kept[1], kept[2] = max(kept[1], extra[1]), max(kept[2], extra[2])
        if len(found) > 1:
            # the document's own person before one it names only in passing ("a chief of
            # staff to President Bill Clinton" in an article on Hillary Clinton)
            passing = {n for n in found if self._only_in_passing(n)}
            if passing and len(passing) < len(found):
                found = {n: v for n, v in found.items() if n not in passing}
        if len(found) > 1:
            # family members told apart: the one the text calls by given name alone most
            # ("Freddy stumbled") is not the one it calls "Mr. Trump"
            # (but a name written in full more often than any other keeps it: "Bobby" alone,
            # said of Rep. Bobby Scott, does not give "Scott" to the "Tim Scott" named once)
            alone = {n: self._given_name_alone(n, token) for n in found}
            fewest = min(alone.values())
            if max(alone.values()) >= max(3, 2 * fewest):
                most = max(v[0] for v in found.values())
                leaders = [n for n, v in found.items() if v[0] == most]
                found = {
                    n: v
                    for n, v in found.items()
                    if alone[n] == fewest or (len(leaders) == 1 and n == leaders[0])
                }
        return max(found.items(), key=lambda item: tuple(item[1]))[0]

    def _only_in_passing(self, name: str) -> bool:
        """Whether the text writes the full name ``name`` only in passing: each time after a
        preposition and a title ("the administration of former President Bill Clinton", "a
        chief of staff to President Bill Clinton") or as a relative of someone ("his wife,
        Jane Sanders"), never as a subject or a speaker."""
        text, seen = self.text, False
        for at in self._occurrences(name, True):
            seen = True
            if _KIN_BEFORE.search(text, max(0, at - 40), at):
                continue  # "at the urging of his wife, Jane Sanders, he ..."
            before = text[max(0, at - 60) : at].split()
            titles = 0
            while titles < len(before) and before[-1 - titles].casefold().rstrip(".") in TITLES:
                titles += 1
            if not titles or titles == len(before) or before[-1 - titles] not in _PASSING:
                return False
        return seen

    def _may_be(self, name: str, first: int, token: str, gender: str | None) -> bool:
        """Whether "Mr. Obama" (``token`` with an honorific of ``gender``) may be the person
        ``name``, first written at ``first``: not when the text shows them to be of the other
        gender, nor, when it shows nothing, when the honorific form came first (the article's
        "Mr. Obama" is not the "Michelle Obama" it names later in passing)."""
        if gender is None:
            return True
        shown = self._gender_of(name)
        if shown is not None:
            return shown == gender
        if self._first_honorific is None:
            self._first_honorific = {}
            for found in _HONORIFIC_BEFORE.finditer(self.text):
                word = _without_possessive(found.group(1))
                self._first_honorific.setdefault(word, found.start())
        return first <= self._first_honorific.get(token, len(self.text))

    def _names_with(self, token: str) -> list[tuple[str, list[int]]] | None:
        """The full names of people starting or ending with ``token`` in the text read so far,
        each with [times written, first place, latest place]."""
        unread = self._unread.pop(token, None)
        named = self._named.get(token)
        if unread:  # the runs with this word not yet read: which name a person, with it
            if named is None:
                named = self._named[token] = []
            for run, seen in unread:
                name = _person_name(self._without_gerund(run))
                if name is not None and not (
                    seen[0] == 1
                    and (self._in_headline(seen[1]) or self._quoted_title(seen[1], run))
                ):
                    words = name.split()
                    if len(words) > 1 and token in (words[0], words[-1]):
                        if token == words[0] != words[-1] and self._only_after_article(name):
                            continue  # "the Trump Train" is no person "Train" of family Trump
                        named.append((name, seen))
        return named

    def _only_after_article(self, name: str) -> bool:
        """Whether the text writes ``name`` only after "the", "a" or "an" ("the Trump Train",
        "the Obama White House"): a thing's name, not a person's."""
        text, seen = self.text, False
        for at in self._occurrences(name, True):
            before = text[max(0, at - 5) : at].rsplit(None, 1)
            if not before or not text[at - 1].isspace():
                return False
            if before[-1].casefold() not in ("the", "a", "an"):
                return False
            seen = True
        return seen

    def _person_in_headline(self, mention: str, start: int) -> Resolved | None:
        """The person a mention in a headline names: the first of its words the article uses
        as a person's name, completed to the full name the article gives ("Elizabeth Warren
        Hammers Wells Fargo CEO" -> Elizabeth Warren, "Gillibrand on Hillary Releasing Her
        Goldman Sachs Speech" -> Kristen Gillibrand); None when no word is one."""
        parsed = split_role(mention)
        if parsed.proper and parsed.kind is SpeakerKind.PERSON and " " in parsed.name:
            at = self.text.find(parsed.name)
            while at >= 0 and self._in_headline(at):
                at = self.text.find(parsed.name, at + 1)
            if at >= 0:
                return None  # "McCain Challenger Kelli Ward": a name the article writes
        words = [w.strip("‘’'\"“”(),.:;!?") for w in mention.split()]
        words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words]
        self._scan_to(min(len(self.text), start + _LOOKAHEAD))
        for word in words:
            if not word[:1].isupper() or word.isupper() or word.casefold() in _NOT_HEADLINE_NAME:
                continue
            names = self._names_with(word)
            if names:
                fits = [n for n, _ in names if all(part in words for part in n.split())]
                best = max(fits, key=len) if fits else self._full_name(word, start)
            elif self._said_of_a_person(word) and not is_place(word):
                best = self._full_name(word, start) or word
            else:
                continue
            if best is None:
                continue
            resolved = Resolved(best, SpeakerKind.PERSON, None)
            self._history.append((start, resolved))
            return resolved
        return None

    def _in_headline(self, position: int) -> bool:
        """Whether ``position`` lies in a line written in title case, a headline ("Obama Sees
        Personal Insult ..."): its capitals are no evidence of a name."""
        text = self.text
        start = text.rfind("\n", 0, position) + 1
        known = self._headlines.get(start)
        if known is None:
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            known = self._headlines[start] = end - start < 250 and _is_title_case(text[start:end])
        return known

    def _quoted_title(self, start: int, run: str) -> bool:
        """Whether the run of capitals at ``start`` is all a quotation holds, a headline or a
        title quoted ("''Francesco Excommunicates Trump,'' declared La Stampa"): a run of
        three words or more so quoted is no one's full name."""
        if run.count(" ") < 2:
            return False
        text = self.text
        before = text[max(0, start - 3) : start].rstrip()
        after = text[start + len(run) : start + len(run) + 4].lstrip(",.!?")
        return before.endswith(("''", '"', "“", "‘")) and after.startswith(("''", '"', "”", "’"))

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
                if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in _WORD_EXTRA)) and (
                    end == len(text) or not (text[end].isalnum() or text[end] in _WORD_EXTRA)
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
            return self._pronoun_speaker(mention, start)
        if self._in_headline(start):
            named = self._person_in_headline(mention, start)
            if named is not None:
                return named
            parsed = split_role(mention)
            if (
                parsed.proper
                and parsed.kind is SpeakerKind.PERSON
                and not any(not self._in_headline(at) for at in self._occurrences(parsed.name))
            ):  # "The Gap Goes On": capitals of a heading that no one is named by
                return Resolved(parsed.name, SpeakerKind.UNKNOWN, None, "a headline")
        if (
            (mention.startswith(("a ", "an ")) and _describes_a_person(mention))
            or mention.split(None, 1)[0] in _LOWER_TITLES
            or (
                mention.startswith("the")  # (a cheap test before _APPOSED: most mentions fail)
                and _APPOSED.match(mention)
                and self.text[max(0, start - 40) : start].rstrip().endswith(",")
                and _APPOSITION_END.match(self.text, end)
            )
        ):
            # "Angelique Brunner, a developer and spokeswoman for ...", "Greg Raiff, chief
            # executive officer of Private Jet Services, ...", "Nate Silver, the polling guru
            # who founded fivethirtyeight.com, ...": the person before it (named in full:
            # not "In June, the South Carolina senator")
            named = self._relative_antecedent(start)
            if (
                named is not None
                and named.kind is SpeakerKind.PERSON
                and (" " in named.name or not mention.startswith("the "))
            ):
                resolved = Resolved(named.name, SpeakerKind.PERSON, named.role or mention)
                self._history.append((start, resolved))
                return resolved
        agent = _AGENT.search(mention) if "by" in mention.lower() else None  # the cheap test first
        parsed = split_role(agent.group(1) if agent else mention)
        if not parsed.proper and " " not in parsed.name and is_pronoun(parsed.name):
            return self._pronoun_speaker(parsed.name, start)  # "He's" is "he"
        if parsed.note is not None:
            if parsed.note == "no name" and " " not in mention and mention.istitle():
                # a title that is also a family name: "King says Ali ..." after "Billie Jean
                # King" is King; a title alone ("the senator" aside) stays no one
                full = self._full_name(mention, start)
                if full is not None and full.rsplit(None, 1)[-1] == mention:
                    resolved = Resolved(full, SpeakerKind.PERSON, None)
                    self._history.append((start, resolved))
                    return resolved
            if (
                parsed.note == "not a name"
                and _DEFINITE.match(mention)
                and _EPITHET.fullmatch(mention)
            ):
                # "the retired neurosurgeon", "the gambling tycoon": words the name parser
                # knows no person by, but an epithet of the person the sentence before is
                # about when it fits them (see _epithet_of)
                person = self._epithet_of(mention, start)
                if person is not None:
                    resolved = Resolved(person, SpeakerKind.PERSON, None)
                    self._history.append((start, resolved))
                    return resolved
            return Resolved(parsed.name or mention, SpeakerKind.UNKNOWN, None, parsed.note)
        name, kind = parsed.name or mention, parsed.kind
        words = name.split()
        if (
            mention.isupper()
            and (start == 0 or self.text[start - 1] == "\n")
            and self.text.startswith(":", end)
        ):  # a transcript's label: "JAKE TAPPER:", "TAPPER:" (see _labelled_person)
            labelled = Resolved(self._labelled_person(mention), SpeakerKind.PERSON, None)
            self._history.append((start, labelled))
            return labelled
        if len(words) == 1 and name.isupper() and len(name) > 3 and kind is not SpeakerKind.PERSON:
            # a transcript's label ("PENCE:") or a name in capitals: the person when the text
            # names them ("Mike Pence"); otherwise an acronym ("NAACP")
            full = self._full_name(name[0] + name[1:].lower(), start)
            if full is not None:
                name, kind, words = full, SpeakerKind.PERSON, full.split()
        if parsed.proper and kind is SpeakerKind.PERSON and len(words) == 1:
            honorific = _honorific_gender(mention)
            name = self._full_name(words[0], start, honorific) or name
            if name != words[0]:
                self._alone[words[0]] = name
            if honorific is not None:
                # "Ms. Schifano recalled": she, for the pronouns after it ("he looked gaunt"
                # is not her)
                self._gender.setdefault(name, honorific)
        elif parsed.proper and len(words) == 2 and words[0] == "Team":
            # "Team Clinton": the candidate's campaign, not a person named Team
            campaign = self._campaign_of(words[1], start)
            if campaign is not None:
                name, kind = campaign, SpeakerKind.ORGANISATION
        elif parsed.proper and parsed.head in _CAMPAIGN_HEADS and len(words) > 1:
            # "The Trump campaign", "Donald Trump's campaign", "Clinton's team": one
            # campaign per candidate, named by the candidate's full name
            name = self._campaign_of(parsed.affiliation or " ".join(words[:-1]), start) or name
        elif (
            parsed.proper
            and kind is SpeakerKind.ORGANISATION
            and (len(words) == 2 or name.casefold() in _NEWSPAPER_WORDS)
        ):
            # "the Times" after "The New York Times", "the Security Council" after "the
            # United Nations Security Council": the name the article wrote in full
            name = self._organisation_in_full(name, start) or name
        elif (
            not parsed.proper
            and len(words) > 1
            and words[0].casefold() == "my"
            and not self._in_quotation(start)
        ):
            # "my father" in a column: the writer's father ("Charlotte Meehan's father")
            name = f"{self._narrator(start).name}'s {' '.join(words[1:])}"
        elif not parsed.proper and words and words[0].casefold() in _POSSESSIVE_PRONOUNS:
            # "his opponents", "her campaign": named by whose they are
            owner = self._antecedent(words[0], start)
            if owner.note is None:
                name = f"{owner.name}'s {' '.join(words[1:])}"
                if owner.kind is SpeakerKind.PERSON and words[1:] and words[-1] in _CAMPAIGN_HEADS:
                    name = self._campaign_of(owner.name, start) or name
        elif (
            not parsed.proper
            and kind is SpeakerKind.PERSON
            and _DEFINITE.match(mention)
            and (person := self._person_described(name, start)) is not None
        ):
            name = person  # 'the Vermont senator' -> Bernie Sanders
        elif (
            not parsed.proper
            and parsed.head in _CAMPAIGN_HEADS
            and mention.casefold() in ("the campaign", "the team")
            and (campaign := self._campaign_of_subject(start)) is not None
        ):
            name, kind = campaign, SpeakerKind.ORGANISATION  # "The campaign says the ..."
        elif not parsed.proper and parsed.head:
            name = self._described(parsed.head, name, start, kind is SpeakerKind.PERSON)
        if kind is SpeakerKind.GROUP:
            name = _named_members(agent.group(1) if agent else mention) or name
        resolved = Resolved(name, kind, parsed.role)
        if (
            kind is SpeakerKind.PERSON
            and _is_description(name)
            and _INDEFINITE.match(mention)
            and not _PREDICATE_BEFORE.search(self.text, max(0, start - 12), start)
        ):
            # "the man", "the woman": someone unnamed spoken of before; not "the actor", an
            # epithet of someone named the tracker did not find
            definite = mention[:4].casefold() == "the "
            if not definite or name.rsplit(None, 1)[-1].casefold() in _NEW_PEOPLE:
                self._introduced[name] = self._introduced.get(name, False) or definite
        self._history.append((start, resolved))
        return resolved

    def _organisation_in_full(self, name: str, position: int) -> str | None:
        """The longer name of an organisation that ends with ``name``, as the text writes it
        before ``position`` (or shortly after): the one written most often, then the latest;
        None when the text writes none."""
        self._scan_to(min(len(self.text), position + _LOOKAHEAD))
        last = name.split()[-1]
        found: dict[str, tuple[int, int]] = {}
        for run, (count, first, latest) in (self._places.get(last) or {}).items():
            run = _without_possessive(run)
            if run == name or not run.endswith(" " + name) or first >= position + _LOOKAHEAD:
                continue
            parsed = split_role(run)
            if not parsed.proper or parsed.kind is not SpeakerKind.ORGANISATION:
                continue
            full = parsed.name
            if not full.endswith(name) or full == name:
                continue
            known = found.get(full, (0, -1))
            found[full] = (known[0] + count, max(known[1], latest if latest < position else first))
        if not found:
            return None
        return max(found.items(), key=lambda item: item[1])[0]

    def _campaign_of(self, owner: str, position: int) -> str | None:
        """The name of a candidate's campaign, "Donald Trump campaign", from the words that
        name its candidate ("Trump", "Donald Trump’s", "Clinton's"); None when they name no
        person."""
        owner = _without_possessive(owner.strip())
        if owner.endswith(("s'", "s’")):
            owner = owner[:-1]
        person = _person_name(owner)
        if person is None or person.split()[0].casefold() in _CAMPAIGN_HEADS:
            return None
        if " " not in person:
            full = self._lone_name(person, position)
            if full is None:
                return None
            person = full
        return f"{person} campaign"

    def _campaign_of_subject(self, position: int) -> str | None:
        """'The campaign' with no candidate named: the campaign of the person the sentence
        before (or this one) is about, when the text speaks of that person's campaign
        ("Hillary Clinton plans to call on young people ... The campaign says"); None
        otherwise."""
        starts = self._sentence_starts(max(0, position - _PRONOUN_REACH), position)
        low = starts[-2] if len(starts) > 1 else max(0, position - _PRONOUN_REACH)
        people = self._people_between(low, position)
        for _, person in sorted(people, key=itemgetter(0), reverse=True):
            if " " in person.name and self._names_campaign(person.name.rsplit(None, 1)[-1]):
                return f"{person.name} campaign"
        return None

    def _people_between(self, low: int, position: int) -> list[tuple[int, Resolved]]:
        """(place, person) for each person who spoke between ``low`` and ``position`` outside
        a quotation, then each person a sentence there is about (``_subjects_between``)."""
        people = [
            seen
            for seen in self._history
            if low <= seen[0] < position
            and seen[1].kind is SpeakerKind.PERSON
            and seen[1].note is None
            and not self._in_quotation(seen[0])
        ]
        return people + self._subjects_between(low, position)

    def _names_campaign(self, family: str) -> bool:
        """Whether the text speaks of the campaign or team of ``family`` ("Clinton's
        campaign", "Team Clinton"), read once per family name."""
        known = self._has_campaign.get(family)
        if known is None:
            word = re.escape(family)
            pattern = rf"\b(?:{word}(?:['’]s)?\s+(?:campaign|team)|Team {word})\b"
            known = self._has_campaign[family] = re.search(pattern, self.text) is not None
        return known

    def _pronoun_speaker(self, pronoun: str, position: int) -> Resolved:
        """The speaker a pronoun mention stands for; 'he' or 'she' then counts as that
        person speaking there, for the pronouns after it ("he said ... he added")."""
        resolved = self._antecedent(pronoun, position)
        if resolved.note is None and pronoun_gender(pronoun) in ("male", "female"):
            self._history.append((position, resolved))
        return resolved

    def _antecedent(self, pronoun: str, position: int) -> Resolved:
        """The most recent speaker or named person a pronoun can refer to.

        'he' and 'she' skip people whose title or earlier pronoun says otherwise
        ("Ms. Kamikawa met Mr. Blinken. ... he said" -> Blinken).
        """
        word = pronoun.casefold()
        if word in _SECOND_PERSON:
            # "can you believe it": the reader or the audience the words are for, whom no
            # statement is said by (nor, in a quotation, its speaker's listener: the text
            # does not say who that is)
            return Resolved(pronoun, SpeakerKind.UNKNOWN, None, _ADDRESSEE)
        if (word in _FIRST_PERSON or word in _FIRST_PERSON_PLURAL) and not self._in_quotation(
            position
        ):
            return self._narrator(position)  # "I asked Bernie Sanders ...": the writer
        if pronoun.lower() in ("who", "whom", "which", "that"):
            named = self._relative_antecedent(position)
            if named is not None:
                return named
            return Resolved(pronoun, SpeakerKind.UNKNOWN, None, _NO_ANTECEDENT)
        gender = "thing" if word in _IT else pronoun_gender(pronoun)
        wanted = _WANTED_KINDS.get(gender or "")
        candidates: list[tuple[int, Resolved]] = [
            seen
            for seen in self._history
            if seen[0] < position and (wanted is None or seen[1].kind in wanted)
        ]
        if gender == "plural":
            candidates += self._pairs_before(position)  # "Mr. Rubio and Mr. Cruz ... They"
        quoted = self._in_quotation(position)
        clause_object = _CLAUSE_OBJECT.match(self.text, position + len(pronoun))
        disjoint = set(clause_object.group(1).split()) if clause_object else set()

        def latest_fitting(found: Iterable[tuple[int, Resolved]]) -> Resolved | None:
            """The first candidate that fits, of candidates latest first."""
            for at, seen in found:
                if disjoint and not disjoint.isdisjoint(seen.name.split()):
                    continue
                if gender in ("male", "female") and self._gender_of(seen.name) not in (
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
            found = self._salient_person(gender, position, candidates, latest_fitting)
        else:
            found = latest_fitting(candidates)
        if found is None:
            return Resolved(pronoun, SpeakerKind.UNKNOWN, None, _NO_ANTECEDENT)
        resolved = found
        if gender in ("male", "female"):
            self._resolved_gender.setdefault(resolved.name, gender)
        return resolved

    def _pairs_before(self, position: int) -> list[tuple[int, Resolved]]:
        """Two people who are the subject of the sentence before ``position`` (or of its
        own): "Mr. Rubio and Mr. Cruz, who have been fierce adversaries, ... They were" ->
        the group "Marco Rubio and Ted Cruz"."""
        starts = self._sentence_starts(max(0, position - _PRONOUN_REACH), position)
        pairs = []
        for start in starts[-2:]:
            pair = _PAIR_SUBJECT.match(self.text, start)
            if pair is None:
                continue
            first = self._subject_person(pair.start(2), pair.group(2), pair.group(1))
            second = self._subject_person(pair.start(4), pair.group(4), pair.group(3))
            if first is not None and second is not None and first.name != second.name:
                group = Resolved(f"{first.name} and {second.name}", SpeakerKind.GROUP, None)
                pairs.append((pair.start(2), group))
        return pairs

    def _narrator(self, position: int) -> Resolved:
        """The writer an "I" outside quotation marks at ``position`` stands for: in a
        transcript, the speaker its paragraph is labelled with ("FALLIN: Well, I think ...");
        else the letter's signature, else the writer the text names, else "the author" (see
        ``argmap.speakers.narrator``)."""
        paragraph = self.text.rfind("\n", 0, position) + 1
        label = _TRANSCRIPT_LABEL.match(self.text, paragraph, position)
        if label is not None:
            said = self.resolve(label.start(1), label.end(1))
            if said.note is None and said.kind is SpeakerKind.PERSON:
                return said
            return Resolved(self._labelled_person(label.group(1)), SpeakerKind.PERSON, None)
        signed = signature_after(self.text, position)
        if signed is not None:
            return Resolved(signed, SpeakerKind.PERSON, None)
        if self._writer is None:
            named = writer_named(self.text)
            self._writer = (named and self._as_named(named, position)) or ""
        if self._writer:
            return Resolved(self._writer, SpeakerKind.PERSON, None)
        return Resolved(NARRATOR, SpeakerKind.PERSON, None)

    def _labelled_person(self, label: str) -> str:
        """The person a transcript's label in capitals names: "TAPPER" is the "JAKE TAPPER"
        labelled before, or the name the text writes ("Jake Tapper"), in title case."""
        known = self._labels.get(label)
        if known is None:
            known = self._labels[label] = self._label_read(label)
        return known

    def _label_read(self, label: str) -> str:
        """``_labelled_person``'s answer, read once for each label of the text."""
        if " " not in label:
            fuller = re.search(rf"\b([A-Z][A-Z.'’-]+ {re.escape(label)}):", self.text)
            if fuller is not None:
                label = fuller.group(1)
            else:
                return self._full_name(label.title(), len(self.text)) or label.title()
        return split_role(label.title()).name or label.title()  # "MR. TRUMP" -> "Trump"

    def _as_named(self, name: str, position: int) -> str | None:
        """A writer's name as the text names the person: titles off ("OK Gov. Fallin" ->
        "Fallin"), a name alone completed ("Mary Fallin")."""
        parsed = split_role(name)
        if parsed.note is not None or parsed.kind is not SpeakerKind.PERSON or not parsed.name:
            return None
        if " " not in parsed.name:
            return self._full_name(parsed.name, position) or parsed.name
        return parsed.name

    def _salient_person(
        self,
        gender: str,
        position: int,
        speakers: list[tuple[int, Resolved]],
        fitting: Callable[[Iterable[tuple[int, Resolved]]], Resolved | None],
    ) -> Resolved | None:
        """The person 'he' or 'she' at ``position`` most likely refers to: the one named in
        the nearest sentence before it, a speaker or a sentence's subject before a person
        named in passing (a sentence further back costs more than being named in passing);
        never one the text shows to be of the other gender."""
        low = max(0, position - _PRONOUN_REACH)
        starts = self._sentence_starts(low, position)
        best: tuple[float, int, Resolved] | None = None

        def consider(
            at: int, seen: Resolved, cost: float, fits: Callable[[], bool] | None = None
        ) -> None:
            nonlocal best
            if at < low:
                return
            score = cost + (len(starts) - bisect_right(starts, at)) * SALIENCE_SENTENCE
            if best is not None and (score, -at) >= (best[0], -best[1]):
                return
            if (fits is None or fits()) and fitting(((at, seen),)) is not None:
                best = (score, at, seen)

        def since(cost: float) -> int:
            """Where a candidate of ``cost`` must be named to beat the best so far."""
            if best is None:
                return low
            back = floor((best[0] - cost) / SALIENCE_SENTENCE + 1e-9)  # sentences back
            if back < 0:
                return position
            return low if back >= len(starts) else max(low, starts[len(starts) - 1 - back])

        for at, seen in speakers:
            if at < low:
                break
            if _is_description(seen.name):
                # "liberal icon", "U.S. senator": a description is no one for 'he' or 'she';
                # someone introduced by one ("a man claiming allegiance to ISIS") is, when no
                # named person fits better
                definite = self._introduced.get(seen.name)
                if definite is not None:
                    consider(at, seen, SALIENCE_SPEAKER + (0.0 if definite else SALIENCE_DESCRIBED))
                continue
            consider(at, seen, SALIENCE_SPEAKER)
        for at, seen in self._subjects_between(since(SALIENCE_SUBJECT), position):
            consider(at, seen, SALIENCE_SUBJECT)
        cost = SALIENCE_SUBJECT + SALIENCE_DESCRIBED
        for at, seen in self._introductions_before(position, since(cost)):
            consider(at, seen, cost)
        cheapest = min(SALIENCE_SUBJECT, SALIENCE_MENTIONED)
        for at, seen in self._people_mentioned_before(position, since(cheapest)):
            asked = self.text[max(0, at - 8) : at].rstrip().endswith("asked")
            consider(at, seen, SALIENCE_SUBJECT if asked else SALIENCE_MENTIONED)
        for at, seen, family in self._lone_names_before(position, since(cheapest)):
            asked = self.text[max(0, at - 8) : at].rstrip().endswith("asked")

            def fits(name: str = seen.name, family: bool = family) -> bool:
                """A person's name, not "Compaq Computer"; by a family name alone, a person
                the text shows to be of the pronoun's gender (read only for a candidate
                that would win: it is costly)."""
                return (not family or self._gender_of(name) == gender) and self._known_person(name)

            consider(at, seen, SALIENCE_SUBJECT if asked else SALIENCE_MENTIONED, fits)
        return None if best is None else best[2]

    def _lone_names_before(self, position: int, low: int) -> list[tuple[int, Resolved, bool]]:
        """Each person one word alone inside a sentence in ``[low, position)`` may name, latest
        first, and whether by a family name: a given name the article gives a person in full
        ("the last time she saw Freddy, ... he looked gaunt": Freddy Trump), or a family name
        ("Khalif said some of Clinton's rhetoric ..., in which she said": Hillary Clinton,
        when "she" is what the text shows her to be; not Donald Trump for "she" in "if Trump
        is elected. She escalated")."""
        text, found = self.text, []
        for word in _CAPITALISED.finditer(text, low, position):
            name = word.group()
            if not _LONE_WORD_END.match(text, word.end()) or name.casefold() in _NOT_GIVEN:
                continue
            given, family = self._lone_full_names(name)
            if given is not None or family is not None:
                full = given or family or ""
                found.append(
                    (word.start(), Resolved(full, SpeakerKind.PERSON, None), given is None)
                )
        found.reverse()
        return found

    def _lone_full_names(self, name: str) -> tuple[str | None, str | None]:
        """The full names the text writes most often with ``name`` as their first word and as
        their last, of those read so far ("Freddy" -> "Freddy Trump"; "Clinton" -> "Hillary
        Clinton"), None where there is none."""
        runs = self._places.get(name)
        if not runs:
            return None, None  # in no run of capitals
        known = self._given_full.get(name)
        if known is None or known[0] != len(runs):  # (asked again when more runs are read)
            first: list[tuple[int, str]] = []
            last: list[tuple[int, str]] = []
            for named, seen in self._names_with(name) or ():
                words = named.split()
                if words[0] == name:
                    first.append((seen[0], named))
                elif words[-1] == name:
                    last.append((seen[0], named))
            known = self._given_full[name] = (
                len(runs),
                max(first)[1] if first else None,
                max(last)[1] if last else None,
            )
        return known[1], known[2]

    def _introductions_before(self, position: int, low: int) -> list[tuple[int, Resolved]]:
        """Each unnamed person an indefinite description introduces as a sentence's subject in
        ``[low, position)`` ("A 29-year-old Berlin woman, meanwhile, received ... after she had
        posted"; "In July, a ..."), latest first, as the description resolves (the speaker of a
        statement it says: "29-year-old Berlin woman"). One in passing ("her comments to a
        black radio show host in April in which she said") is no one 'she' stands for."""
        found = []
        for start in reversed(self._sentence_starts(max(0, low - 4), position)):
            if start in self._introductions:
                known = self._introductions[start]
            else:
                known = self._introductions[start] = self._introduction_at(start)
            if known is not None and low <= known[0] and known[0] + len(known[1]) <= position:
                found.append((known[0], known[2]))
        return found

    def _introduction_at(self, sentence: int) -> tuple[int, str, Resolved] | None:
        """The unnamed person an indefinite description opening the sentence at ``sentence``
        (or following its opening phrase) introduces: (where, the words, as resolved)."""
        text = self.text
        found = _INTRODUCTION.match(text, sentence)
        if found is None:
            opening = _OPENING_PHRASE.match(text, sentence)
            if opening is None or "\n" in opening.group():
                return None
            found = _INTRODUCTION.match(text, opening.end())
            if found is None:
                return None
        start, end = found.span()
        resolved = self._by_span.get((start, end))
        if resolved is None:
            parsed = split_role(found.group())
            if parsed.note is not None or parsed.proper:
                return None
            resolved = Resolved(parsed.name, parsed.kind, parsed.role)
        if resolved.kind is not SpeakerKind.PERSON or not _is_description(resolved.name):
            return None
        self._introduced.setdefault(resolved.name, False)
        return start, found.group(), resolved

    def _sentence_starts(self, low: int, high: int) -> list[int]:
        """Where the sentences that start in ``(low, high)`` start, in text order."""
        starts = self._all_sentence_starts()
        return starts[bisect_right(starts, low) : bisect_left(starts, high)]

    def _all_sentence_starts(self) -> list[int]:
        """Where the text's sentences start after its first (read once a document)."""
        if self._starts is None:
            text, self._starts = self.text, []
            for end in _SENTENCE_START.finditer(text):
                stop = end.start()
                if (
                    text[stop] == "."
                    # a word of four letters or fewer ("Mrs." opening a paragraph too)
                    and (
                        stop < 5
                        or max(text.rfind(" ", stop - 5, stop), text.rfind("\n", stop - 5, stop))
                        >= 0
                    )
                    and _ABBREVIATION_BEFORE.search(text, max(0, stop - 6), stop + 1)
                ):
                    continue  # the full stop of "Mr." or an initial is not a sentence's end
                self._starts.append(end.end())
        return self._starts

    def _gender_of(self, name: str) -> str | None:
        """'male' or 'female' as the text shows it (``_text_gender``), else as the pronouns
        already resolved to the person say; a description's as its noun says ("a 29-year-old
        Berlin woman"), else unknown."""
        if name in self._introduced:
            return _noun_gender(name)
        return self._text_gender(name) or self._resolved_gender.get(name)

    def _text_gender(self, name: str) -> str | None:
        """'male' or 'female' as the text shows it: an honorific, or the text's kin words, else
        the pronouns that follow the person's name where it is its sentence's subject ("Trump
        revised his plan"; not "beating Clinton in his home state"), when they say one thing
        clearly."""
        known = self._gender.get(name)
        if known is not None:
            return known
        if name in self._pronoun_gender:
            return self._pronoun_gender[name]
        kin = self._kin_gender(name)
        if kin is not None:
            self._pronoun_gender[name] = kin
            return kin
        word, given = name.rsplit(None, 1)[-1], name.split(None, 1)[0]
        others: frozenset[str] = frozenset()
        final = True
        if word != name:
            named = self._given_names(word)
            if len(named) > 1:
                # a family name two people share ("Bill Clinton", "Hillary Clinton"): written
                # alone, it counts for the one the document resolves it to (not where the
                # other's full name is written); the other says only their full name
                lone = self._lone.get(word) or self._alone.get(word)
                final = lone is not None  # asked again once the name alone is resolved
                if not final and name in self._unsettled_gender:
                    return self._unsettled_gender[name]
                if lone == name:
                    others = frozenset(named) - {given}
                else:
                    word = name
        subject_votes, votes = [0, 0], [0, 0]  # male, female
        text = self.text
        for at, gender, subject in self._pronouns_after(word):
            if others and text[at - 1 : at].isspace():
                before = _GIVEN_BEFORE.search(text, max(0, at - 40), at)
                if before is not None and before.group(1) in others:
                    continue  # "Bill Clinton" is not Hillary Clinton
            votes[gender] += 1
            if subject:
                subject_votes[gender] += 1
        # the name as its sentence's subject first, then anywhere ("beating rival Hillary
        # Clinton in his home state" is not Clinton's pronoun)
        found_gender = _clear_gender(subject_votes) or _clear_gender(votes)
        if final:
            self._pronoun_gender[name] = found_gender
        else:
            self._unsettled_gender[name] = found_gender
        return found_gender

    def _pronouns_after(self, word: str) -> list[tuple[int, int, bool]]:
        """Each place where ``word`` is written as a word and a pronoun follows it ("Trump
        revised his plan"), with the pronoun's gender (0 male, 1 female) and whether the word
        is its sentence's subject there ("Trump revised his plan"; "Stumpf himself"), not
        "beating Clinton in his home state". Read once a word: ``_text_gender`` asks again for
        each name that ends with it."""
        known = self._pronoun_places.get(word)
        if known is not None:
            return known
        known = self._pronoun_places[word] = []
        text, at = self.text, self.text.find(word)
        while at >= 0:
            end = at + len(word)
            found = None
            if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in _WORD_EXTRA)) and (
                end == len(text) or not (text[end].isalnum() or text[end] in _WORD_EXTRA)
            ):
                found = _FOLLOWING_PRONOUN.match(text, end)
            start, at = at, text.find(word, end)
            if found is None:
                continue
            subject = bool(_SUBJECT_BEFORE.search(text, max(0, start - 60), start)) or (
                found.group(1).endswith("self") and found.group().count(" ") == 1
            )
            known.append((start, 0 if found.group(1).casefold() in _MALE else 1, subject))
        return known

    def _kin_gender(self, name: str) -> str | None:
        """'female' or 'male' when the text names the person as someone's kin ("his wife,
        Gabriela Violeta Lazar"), else None. Read once a name (a name whose gender stays
        unsettled is asked again)."""
        if " " not in name:
            return None
        if name in self._kin:
            return self._kin[name]
        found = None
        for at in self._occurrences(name):
            kin = _KIN_BEFORE.search(self.text, max(0, at - 40), at)
            if kin is not None and (kin.group(1) or kin.group(2)):
                found = "female" if kin.group(1) else "male"
                break
        self._kin[name] = found
        return found

    def _given_names(self, word: str) -> Counter[str]:
        """The given names the text writes before the family name ``word``, with how often
        ("Donald" 12, "Melania" 2); titles and a sentence's opening words ("But Trump") are
        none."""
        known = self._shared_family.get(word)
        if known is None:
            known = self._shared_family[word] = Counter()
            text = self.text
            for at in self._occurrences(word):
                if not text[at - 1 : at].isspace():
                    continue  # (_GIVEN_BEFORE ends with a space: the cheap test first)
                found = _GIVEN_BEFORE.search(text, max(0, at - 40), at)
                if found is not None and found.group(1).casefold() not in _NOT_GIVEN:
                    known[found.group(1)] += 1
        return known

    def _in_quotation(self, position: int) -> bool:
        """Whether ``position`` lies inside a quotation opened earlier in its paragraph (read
        once for each place: candidates are asked about again for each pronoun)."""
        known = self._quoted.get(position)
        if known is None:
            start = self.text.rfind("\n", 0, position) + 1
            before = self.text[start:position]
            curly = before.count("“") + before.count("«") - before.count("”") - before.count("»")
            known = self._quoted[position] = curly > 0 or before.count('"') % 2 == 1
        return known

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

    def _subjects_between(self, low: int, high: int) -> list[tuple[int, Resolved]]:
        """The people named as sentence subjects starting in ``[low, high)``, latest first."""
        known, people = self._subject_people, []
        starts = self._sentence_starts(max(0, low - 4), high)
        if low == 0 and self.text[:1].isupper():
            starts.insert(0, 0)
        for start in reversed(starts):
            if start in known:
                found = known[start]
            else:
                found = known[start] = self._subject_at(start)
            if found is not None and low <= found[0] < high:
                people.append(found)
        return people

    def _subject_at(self, sentence: int) -> tuple[int, Resolved] | None:
        if self.text[sentence] in _OPENING_MARKS or self._in_headline(sentence):
            return None
        return self._subject_in(sentence)

    def _subject_in(self, sentence: int) -> tuple[int, Resolved] | None:
        """Where the subject of the sentence starting at ``sentence`` starts, and the person
        it names; None when it names no person. The subject may follow an opening phrase
        ("During a town hall, Tina Houchins asked") or be named in an apposition ("The
        leader of the league, Jonathan Greenblatt, warned")."""
        text = self.text
        match = _SUBJECT.match(text, sentence)
        if match is not None:
            person = self._subject_person(match.start(2), match.group(2), match.group(1))
            if person is not None:
                return match.start(2), person
        first = _FIRST_WORD.match(text, sentence)
        if first is None:
            return None
        word = first.group().casefold()
        titled = (
            None
            if word in _OPENING_WORDS or is_pronoun(word)
            else _TITLED_SUBJECT.match(text, sentence)
        )
        if titled is not None and all(
            w in _TITLE_PHRASE_WORDS for w in titled.group(1).split() if w[:1].islower()
        ):  # "Democratic presidential candidate Bernie Sanders is choosing not to respond";
            # not "While Republican presidential nominee Donald Trump has yet to endorse"
            person = self._subject_person(titled.start(2), titled.group(2), None)
            if person is not None:
                return titled.start(2), person
        apposition = word in DETERMINERS or word in _POSSESSIVE_PRONOUNS
        if not (apposition or word in _OPENING_WORDS or word.endswith("ing")):
            return None
        comma = _OPENING_PHRASE.match(text, first.end())
        if comma is None:
            return None
        if apposition:  # "His guest, the actress and activist Kamala Lopez, was ..."
            named = _APPOSITION_NAME.match(text, comma.end())
            if named is not None:
                person = self._subject_person(named.start(1), named.group(1), None)
                return None if person is None else (named.start(1), person)
        # "On Sunday, Mr. Trump was ..."; "A Democrat, Mr. Justice is running ..."
        match = _SUBJECT.match(text, comma.end())
        if match is None:
            return None
        person = self._subject_person(match.start(2), match.group(2), match.group(1))
        return None if person is None else (match.start(2), person)

    def _subject_person(self, start: int, run: str, honorific: str | None) -> Resolved | None:
        """The person a sentence's subject names, or None."""
        if run.rsplit(None, 1)[-1].casefold() in _HONORIFIC_WORDS:
            return None  # "Supporting Mr" of "Supporting Mr. Cruz, Darran Whiting said"
        if self._without_gerund(run) is not run:
            return None  # "Entrusting Donald Trump with ... is": a clause, not a person
        name = _person_name(run)
        if name is None:
            return None
        gender = _honorific_gender(honorific) if honorific else None
        name = self._person_completed(name, start, gender, bool(honorific))
        if name is None:
            return None
        if gender is not None:
            self._gender.setdefault(name, gender)
        return Resolved(name, SpeakerKind.PERSON, split_role(run).role)

    def _person_completed(
        self, name: str, start: int, gender: str | None, titled: bool
    ) -> str | None:
        """The full name of the person ``name`` at ``start`` names, when the text writes it as
        a person's (after an honorific when ``titled``); None otherwise. A name alone is
        completed first: "Sanders" in "but Sanders was in San Diego" is the "Bernie Sanders"
        the text named, though "Sanders" itself is never written with "said" or a title."""
        if " " in name:
            return name if titled or self._a_persons_name(name) else None
        if titled or self._a_persons_name(name):
            return self._lone_person(name, start, gender)
        if not self._written_as_name(name):
            return None  # "Staying", "Soon": capitals only at a sentence's start
        full = self._lone_person(name, start, gender)
        return full if full is not None and self._known_person(full) else None

    def _known_person(self, name: str) -> bool:
        """Whether the full name ``name`` is a person's by what the text says of them: a
        pronoun that follows them ("Bernie Sanders won ... He's"), or a mention of theirs
        resolved already; not "Compaq Computer", which the text writes only as a company's."""
        if name in self._known_people:
            return True
        known = self._a_persons_name(name) and (
            self._text_gender(name) is not None
            or any(
                seen.name == name and seen.kind is SpeakerKind.PERSON for _, seen in self._history
            )
        )
        if known:  # (a name not known yet may be once one of its mentions is resolved)
            self._known_people.add(name)
        return known

    def _people_mentioned_before(self, position: int, low: int) -> list[tuple[int, Resolved]]:
        """Every person named in the text in ``[low, position)``, latest first."""
        self._scan_to(position)
        people = []
        for start, run in reversed(list(self._recent_runs)):
            if start >= position:
                continue
            if start < low:
                break
            if start in self._mentioned:
                person = self._mentioned[start]
            else:
                person = self._mentioned[start] = self._run_mentioned(start, run)
            if person is not None:
                people.append((start, person))
        return people

    def _without_gerund(self, run: str) -> str:
        """The run without a first word that is a gerund the text writes capitalised only at
        a sentence's start ("Entrusting Donald Trump with our economic future ... is" ->
        "Donald Trump"); the run itself otherwise."""
        if "ing " not in run:
            return run  # the common case, read in one scan
        first, _, rest = run.partition(" ")
        if (
            len(first) > 5
            and first.endswith("ing")
            and " " in rest
            and not self._written_as_name(first)
        ):
            return rest
        return run

    def _run_mentioned(self, start: int, run: str) -> Resolved | None:
        """The person a run of capitals at ``start`` names, or None."""
        end = start + len(run)
        run = self._without_gerund(run)
        name = _person_name(run)
        if name is None or self._in_headline(start):
            return None
        state = _STATE_AFTER.match(self.text, end)
        if state is not None and is_place(state.group(1)):
            return None  # "in Palo Alto, Calif., to discuss": a place, whatever its words
        gender = _honorific_gender(self.text[start : start + 7])  # "Mrs. Clinton's ..."
        name = self._person_completed(name, start, gender, False)
        if name is None:
            return None
        if gender is not None:
            self._gender.setdefault(name, gender)
        return Resolved(name, SpeakerKind.PERSON, split_role(run).role)

    def _person_described(self, description: str, position: int) -> str | None:
        """The person named before ``position`` whom the text describes the way
        ``description`` does ("the Vermont senator" -> "Sen. Bernie Sanders (I-Vt.)"): the best
        fit, the latest of equals; None when the text describes nobody so."""
        if self._lowered is None:
            self._lowered = self.text.lower()
        lowered = self._lowered
        forms = head_forms(description)
        if not any(lowered.find(form, 0, position) >= 0 for form in forms):
            return self._latest_person_untitled(description, position) or self._epithet_of(
                description, position
            )
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
        return self._latest_person_untitled(description, position) or self._epithet_of(
            description, position
        )

    def _epithet_of(self, description: str, position: int) -> str | None:
        """The person an epithet stands for when no title the text gives fits it: "the
        Vermont senator", "the retired neurosurgeon", "the GOP presidential front-runner" said
        of the person who spoke or was the subject in the sentence before (or this one), the
        latest such person whose title the epithet's head could name, or who has no office.
        A bare "the judge" or "the man" may be someone new: it needs a word besides its head,
        and a head that tells a person's tie to others ("the Christie supporter", "the
        employee") rather than who they are introduces someone new."""
        head, others = description_words(description)
        if not head or not others or head in _NEW_PEOPLE or _TWO_PEOPLE.search(description):
            return None  # "The Kentucky Republican and the New York businessman": two people
        # the sentence before it, or before the quotation it closes ('"... a while now. And
        # ... in this country," the retired neurosurgeon said')
        anchor = self._quotation_start(position)
        starts = self._sentence_starts(max(0, anchor - _PRONOUN_REACH), anchor + 1)
        low = starts[-2] if len(starts) > 1 else max(0, anchor - _PRONOUN_REACH)
        candidates = [c for c in self._people_between(low, position) if " " in c[1].name]
        for _, person in sorted(candidates, key=itemgetter(0), reverse=True):
            words = self._titles_of(person.name, position)
            if (
                fit(head, words)
                or self._no_office(person.name, position)
                or (head in _PARTIES and not words & _PARTIES - {head})
                or (head not in PERSON_NOUNS and _EPITHET.fullmatch(description))
            ):  # "the Wisconsin Republican" after "Speaker Paul Ryan says"; "the gambling
                # tycoon" names no office or trade another could hold
                return person.name
        # a person named in passing there, whom the text gives the title the epithet names
        # ("The GOP presidential front-runner" after "talking to Donald Trump, Rubio's days
        # ...", Trump called "Republican presidential front-runner" before)
        parties = others & _PARTIES
        for at, person in self._people_mentioned_before(position, low):
            if " " not in person.name or self._in_quotation(at):
                continue
            words = self._titles_of(person.name, position)
            if fit(description if head in _PARTIES else head, words) and not (
                parties and words & _PARTIES - parties
            ):  # not "the Democratic nominee" for one the text calls Republican
                return person.name
        return None

    def _quotation_start(self, position: int) -> int:
        """When a quotation closes just before ``position`` ('"Well first of all, ...," the
        retired neurosurgeon said'), where the paragraph's first quotation opens (a speaker's
        quotation may run over several); else ``position``."""
        paragraph = self.text.rfind("\n", 0, position) + 1
        end = position
        while end > paragraph and self.text[end - 1].isspace():
            end -= 1
        if not self.text.endswith(("”", '"', ",’’", "''"), paragraph, end):
            return position
        opening = min(
            (
                at
                for at in (
                    self.text.find("“", paragraph, end),
                    self.text.find('"', paragraph, end),
                    self.text.find("''", paragraph, end),
                )
                if at >= 0
            ),
            default=-1,
        )
        return position if opening < 0 else opening

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
        if head in TITLES and " and " not in description:  # "the X and the Y": two people
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
            if latest is not None and self._no_office(latest.name, position):
                return latest.name
        return None

    def _no_office(self, name: str, position: int) -> bool:
        """Whether the text, before ``position``, gives the person ``name`` no title but a
        candidacy's: "Former Democratic candidate Bernie Sanders" may be "the Vermont
        senator"; "Gov. Chris Christie" may not be "the senator", nor "President Obama" "the
        French president" (a title the description would have fitted, had it been his), nor
        an economist "the GOP candidate"."""
        return self._titles_of(name, position) & TITLES <= _CANDIDACY

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
        word = head[:1].upper() + head[1:].lower()
        pattern = _ORGANISATION_NAME.get(head)
        if pattern is None:
            pattern = _ORGANISATION_NAME[head] = re.compile(
                rf"(?:[A-Z][\w.&'’-]*\s+)*{word}(?:\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+(?:and\s+)?[A-Z][\w.&'’-]*)*)?"
            )
        low = max(0, position - _PRONOUN_REACH)
        if self.text.find(word, low, position) < 0:
            return None  # (every match holds the head word as written: the cheap test first)
        found = None
        for match in pattern.finditer(self.text, low, position):
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

    def _described(self, head: str, name: str, position: int, one: bool = False) -> str:
        """'the ministry' -> the organisation named before whose name has that head word,
        as a speaker or anywhere in the text shortly before. A description of ``one`` person
        is not the group of their kind ("One strategist" after "many strategists")."""
        stem = head.lower().rstrip("s")
        same_kind = (
            {SpeakerKind.ORGANISATION} if one else {SpeakerKind.ORGANISATION, SpeakerKind.GROUP}
        )
        for _, prior in reversed(self._history):
            if prior.kind in same_kind and any(
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
