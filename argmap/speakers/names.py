"""Pure functions on speaker mentions and names: titles, roles, kinds and keys.

``split_role`` turns an in-text mention into a name, a role, an affiliation and
a kind:

    "former Japanese Ambassador to the U.S. Sasae Kenichiro"
        -> name "Sasae Kenichiro", role "former Japanese Ambassador to the U.S."
    "Hillary Clinton's campaign manager Robby Mook"
        -> name "Robby Mook", role "campaign manager", affiliation "Hillary Clinton"
    "the ministers" -> name "ministers", kind GROUP, proper False

``name_key`` gives an order-, case-, accent- and punctuation-insensitive key,
so "Kishida Fumio" and "Fumio Kishida" compare equal; a family name's particle is left out
of it ("De Blasio", "de Blasio" and "Bill de Blasio" share "blasio"; "Bin Laden" is a family
name alone, as "Laden" is), except a capitalised one that may be a given name ("Al Gore").

Choices, documented once here:

- Honorifics (Mr., Mrs., Ms., Mx., Sir, ...) are dropped and are not a role;
  other titles (Sen., Dr., President, Prime Minister, spokesman, ...) go to
  ``role`` exactly as written (abbreviations are not expanded).
- An appositive after a comma is the role, verbatim ("Tanaka Hitoshi, a former
  deputy minister ..."); relative clauses ("..., who ...") and ages are dropped.
- Leading determiners are dropped from names: "the Ministry of Defense" ->
  "Ministry of Defense", "the ministry" -> "ministry". A mention without a
  proper name ("the ministry", "the Republican nominee", "officials") is a
  description: ``proper`` is False and the extractor should resolve it to an
  antecedent; ``head`` carries its head noun ("ministry", "nominee").
- Documents ("the joint statement", "the poll") are kind ORGANISATION with the
  document noun as ``head`` (see ``wordlists.DOCUMENT_HEADS``): whoever issued them speaks.
- Pronouns are kind UNKNOWN, not proper; the name is the pronoun itself.
- An occupation before a full name is a role, capitalised or not ("Journalist Jorge Ramos",
  "Texas-based Matt Mackowiak"); a person noun that is also a given name is not ("Guy Cecil").
- A people named with "the" is its state, an organisation: "the Saudis" -> Saudi Arabia, "the
  Germans" -> Germany (``wordlists.NATION_OF_PEOPLE``); without "the" ("Americans", "some
  Germans", "Palestinians") it is the people, a group. The speaker gold agrees in four cases of
  five ("The Chinese" of one article is a group there).
- A share of people is a group named by the share and what it counts ("One in five", "9 in 10
  Republican primary voters"), never the person "one"; a percentage stays a poll figure.
- Whose words they are: a possessor speaks through what they say or publish ("Ryan's
  language", "Palin's posts", "his book", "her Twitter account"; the pronoun is resolved
  first), and "the rhetoric/comments/words of X" is X's; a text nobody owns names no maker
  ("the video", "its Amazon summary"), and a law, a bill, a rule or an accord without its
  maker is not a speaker ("state law", "The legislation", "The rare accord"): the speaker
  gold of the six tuning sets marks all such spans "not a speaker".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from argmap.models import SpeakerKind
from argmap.speakers.wordlists import (
    ABBREVIATIONS,
    AGENT_NOUNS,
    APPOSITION_STOPS,
    COMPLEMENT_PREPS,
    CONNECTORS,
    COORDINATORS,
    COUNTRY_NAMES,
    CUT_WORDS,
    DATE_HEADS,
    DAY_NAMES,
    DECAP_ORG,
    DEMONYMS,
    DETERMINERS,
    DOCUMENT_HEADS,
    FIGURE_HEADS,
    GIVEN_NAME_FULL_FORMS,
    GROUP_PROPER,
    GROUP_PROPER_SUFFIXES,
    GROUP_WORDS,
    HONORIFICS,
    INSTITUTION_WORDS,
    KEY_STOPWORDS,
    LEADING_NOT_NAME,
    MEDIA_HEADS,
    MONTH_NAMES,
    NAME_PARTICLES,
    NAME_SUFFIXES_KEEP,
    NATION_OF_PEOPLE,
    NON_PLURAL_S,
    NUMBER_WORDS,
    ORG_HEADS,
    PERSON_ALONE,
    PERSON_NOUNS,
    PERSON_SUFFIXES,
    PLACES,
    POSSESSIVE_PRONOUNS,
    PREPOSITIONS,
    PRONOUN_GENDER,
    QUANTIFIERS_ALONE,
    QUANTITY_WORDS,
    SUFFIXES,
    SURNAME_PARTICLES,
    SURNAME_TITLES,
    TIME_EDGE,
    TIME_WORDS,
    TITLES,
    US_STATE_PAIRS,
    US_STATES,
)

__all__ = [
    "ParsedMention",
    "clear_caches",
    "is_place",
    "is_pronoun",
    "name_key",
    "pronoun_gender",
    "split_role",
    "surname_candidates",
]


class ParsedMention(NamedTuple):
    """A speaker mention split into its parts."""

    name: str  # canonical name: titles, honorifics and determiners removed
    role: str | None  # title or role as written, or None
    kind: SpeakerKind
    affiliation: str | None = None  # "Hillary Clinton" in "Hillary Clinton's campaign manager ..."
    proper: bool = True  # False for pronouns and descriptions ("the ministry")
    head: str | None = None  # lowercase head noun of a description or organisation name
    note: str | None = None  # why the mention names no speaker ("a poll", "a date"), if it doesn't


# ------------------------------------------------------------------------- regexes

_BRACKETED = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")
_EDGE_CHARS = "\"'“”‘’«»„‚`*_ \t"
_LEAD_PHRASE = re.compile(r"^(?:according\s+to|by)\s+", re.IGNORECASE)
_SEGMENT_SPLIT = re.compile(r"\s*(?:(?<!\d),|,(?!\d)|;|\s[—–-]\s|\s--\s)\s*")  # not "34,000"
_NAME_WORD = r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?"
_PLAIN_NAME = re.compile(rf"^{_NAME_WORD}(?: (?:[A-Z]\.|{_NAME_WORD})){{0,3}}$")
_SIMPLE_NAME = re.compile(r"^[A-Za-z][a-z]+(?: [A-Za-z][a-z]+)*$")
_INITIAL = re.compile(r"^(?:[A-Z]\.){1,3}$|^[A-Z]$")
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z][A-Z0-9&]+$")
_NUMBER = re.compile(r"^\d[\d,.]*%?$")
_DATELINE = re.compile(  # a place in capitals, maybe a state and an agency, and a dash
    r"^[A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]+)*,?(?: [A-Z][A-Za-z.]+)?(?: \([A-Za-z ]+\))? "
    r"?(?:(?:--|—|–|―) ?|- )(?=[A-Z])"
)
_POSSESSIVE_S = re.compile(r"['’]s$")
_POSSESSIVE_S_ENDINGS = ("'s", "’s")  # for str.endswith on words, which hold no line breaks
_POSSESSIVE_BARE_ENDINGS = ("s'", "s’")
_APOSTROPHES = re.compile(r"['’`´.]")
_KEY_SPLIT = re.compile(r"[^\w]+|_")
_AFFILIATION = re.compile(
    r"\b(?:for|of|at|with)\s+(?:the\s+)?"
    r"((?:[A-Z][\w’'.&-]*)(?:\s+(?:of|for|and|&|the|[A-Z][\w’'.&-]*))*"
    r"(?:\s+(?:campaign|administration|government|party|committee|team|office|staff|group))?)"
)


# ------------------------------------------------------------------------- public API


def is_pronoun(word: str) -> bool:
    """True for a personal, possessive or relative pronoun ("he", "their", "who"); "US" in
    capitals is the United States."""
    word = word.strip(_EDGE_CHARS)
    return word.casefold() in PRONOUN_GENDER and word != "US"


def pronoun_gender(word: str) -> str | None:
    """'male', 'female' or 'plural' for a pronoun that tells; None otherwise."""
    return PRONOUN_GENDER.get(word.strip(_EDGE_CHARS).casefold())


@lru_cache(maxsize=1 << 16)
def split_role(mention: str) -> ParsedMention:
    """Split a speaker mention into name, role, kind and affiliation (see the module doc)."""
    quick = _titled_plain_name(mention)
    if quick is not None:
        return quick
    if mention[:1].isupper() and mention.split(" ", 1)[0].casefold() in _TITLE_OBJECTS:
        person = _after_title_object(mention)
        if person is not None:
            return person
    text = _clean(mention)
    if not text:
        return ParsedMention("", None, SpeakerKind.UNKNOWN, proper=False, note="no name")
    if " " not in text and is_pronoun(text):
        return ParsedMention(text, None, SpeakerKind.UNKNOWN, proper=False)
    pronoun, _, after = text.partition(" ")
    if (
        pronoun.casefold() in _SUBJECT_PRONOUNS
        and after[:1].islower()
        and after.split()[0] not in COORDINATORS
        and not _agent_word(_bare(after.split()[0]))  # not "he crowd", a typo's "the crowd"
    ):  # "he would deport refugees", "she warned about surprises": the pronoun and its verb
        return ParsedMention(pronoun, None, SpeakerKind.UNKNOWN, proper=False)
    if text.casefold() in _NOBODY:
        return ParsedMention(text, None, SpeakerKind.UNKNOWN, proper=False, note="nobody named")
    note = _holiday(text)
    trimmed = _trim_edges(text)
    if trimmed != text and " " not in trimmed and is_pronoun(trimmed):
        if text.startswith(("Let ", "let ")):
            return ParsedMention(trimmed, None, SpeakerKind.UNKNOWN, proper=False)  # "Let me"
        if not PREPOSITIONS.isdisjoint(map(_bare, text[: -len(trimmed)].split())):
            # "those around him": people near him, not he
            return ParsedMention(text, None, SpeakerKind.UNKNOWN, proper=False, note="not a name")
    if trimmed.casefold() in ("one", "ones") and text.split()[0].casefold() == "including":
        # a list's "including one called therapeutic cloning": one of the things listed, no
        # speaker ("one" alone may be a person: "one said")
        return ParsedMention(trimmed, None, SpeakerKind.UNKNOWN, proper=False, note="not a name")
    text = trimmed
    note = note or _not_a_name(text, _DETERMINED.match(mention) is not None)
    if note is not None:
        return ParsedMention(text, None, SpeakerKind.UNKNOWN, proper=False, note=note)
    issuer = _issuer(text)
    if issuer is not None:
        return issuer
    aside = _after_aside(text)
    if aside is not None:
        return split_role(aside)
    counted = _FIGURE_OF.search(text) if " of " in text else None
    if (
        counted is not None
        and counted.group(1) in FIGURE_HEADS
        and counted.group(1) not in _PEOPLE_COUNTED  # "significant numbers of ... voters"
    ):
        # "A CNN/ORC poll of South Carolina": a poll of a place or of people, not a speaker
        return ParsedMention(
            text, None, SpeakerKind.UNKNOWN, proper=False, head=counted.group(1), note=_FIGURES
        )
    segments = _segments(text)
    if (
        len(segments) > 1
        and segments[0].count(" ") > 1
        and segments[0].isupper()
        and segments[1][:1].isupper()
    ):
        segments = segments[1:]  # "EXPECTED TURNOUT IN IOWA ... - Michael P. McDonald"
    if segments[0].lstrip()[:1] in "RDI" and _PARTY_STATE.match(segments[0].replace(" ", "")):
        # "R -S.C., fired in June ..."
        return ParsedMention(
            segments[0], None, SpeakerKind.UNKNOWN, proper=False, note="a party and a state"
        )
    if _place_alone(segments[0]) or (
        len(segments) > 1
        and " " not in segments[0]
        and _place_after_name(segments[1])
        and not _PARTY_STATE.match(segments[1].replace(" ", ""))
    ):  # "Md., who watched ...", "Flint, Mich": a place, the end of someone's description
        return ParsedMention(
            segments[0], None, SpeakerKind.ORGANISATION, proper=False, note="a place"
        )
    first = _np(segments[0].split())
    rest = segments[1:]
    parsed = first if not rest else _with_segments(first, segments[0], rest)
    return _figures_checked(parsed, segments[0])


_FIGURES = "figures (a poll, a study, records)"
_FIGURE_OF = re.compile(r"^(?:\S+ ){0,4}?([a-z]+) of (?=[A-Z])")
_ASIDE = re.compile(r" (--|—|–) [^—–]+? \1 ")


def _after_aside(text: str) -> str | None:
    """The plain name a clause's dashed aside leads to ("Marking the end of the Republican
    primaries with an unusually formal speech -- complete with teleprompter -- Trump"), when
    the words before the aside open with a lower-case word or a participle."""
    if "--" not in text and "—" not in text and "–" not in text:
        return None  # no dash for an aside (a quick test before the regex)
    asides = list(_ASIDE.finditer(text))
    if not asides:
        return None
    found = asides[-1]
    tail = text[found.end() :].split()
    head = text[: found.start()].split()
    if not (1 <= len(tail) <= 4) or not _PLAIN_NAME.match(" ".join(tail)):
        return None
    if not _is_plain_name(tail) or len(head) < 3:
        return None
    if head[0][:1].islower() or _PARTICIPLE.match(head[0].casefold()):
        return " ".join(tail)  # the aside closes a clause that is no name
    return None


@lru_cache(maxsize=1 << 15)
def is_place(name: str) -> bool:
    """A US state, a state's abbreviation ("Md.", "N.C.") or a country or capital of the place
    lists ("Saudi Arabia"): a place, never a person (it speaks only as an institution: "Texas
    sued")."""
    words = name.split()
    if not words or not all(w[:1].isupper() for w in words):
        return False
    bares = list(map(_bare, words))
    if len(words) == 1:
        return bares[0] in US_STATES or bares[0] in PLACES or bool(_STATE_ABBREVIATION.match(name))
    joined = "-".join(bares)
    return (
        joined in US_STATE_PAIRS
        or joined in COUNTRY_NAMES
        or (len(words) == 2 and bares[1] in US_STATES and bares[0] in ("north", "south", "west"))
    )


@lru_cache(maxsize=1 << 17)
def name_key(name: str) -> tuple[str, ...]:
    """Order-insensitive normalised tokens of a name: casefolded, accents and punctuation
    stripped, suffixes (Jr., III) and "the"/"of" dropped, sorted. Initials are dropped
    ("James B. Comey" = "James Comey") unless they are all the given name has ("J.D. Vance");
    in a name of two words or more, a given name's short form that stands for one full form
    is read as it, in either order ("Chuck Grassley" = "Grassley Charles"; see
    ``wordlists.GIVEN_NAME_FULL_FORMS``)."""
    if _SIMPLE_NAME.match(name):  # fast path: "Fumio Kishida"
        tokens = name.casefold().split(" ")
        if not NAME_PARTICLES.isdisjoint(tokens):
            words = name.split(" ")
            tokens = [t for i, t in enumerate(tokens) if not _particle_at(words, i, t)]
        tokens = [t for t in tokens if t not in SUFFIXES and t not in KEY_STOPWORDS]
        if len(tokens) > 1 and not _SHORT_FORMS.isdisjoint(tokens):
            tokens = [GIVEN_NAME_FULL_FORMS.get(t, t) for t in tokens]  # "Chuck": Charles
        tokens.sort()
        return tuple(tokens)
    words = name.split()
    if len(words) > 1:
        words = [w for i, w in enumerate(words) if not _particle_at(words, i, _bare(w))]
        words = [_without_particle_prefix(w) for w in words]
        name = " ".join(words)
    initials = [w for w in words if _INITIAL.match(w)]
    text = " ".join(w for w in words if not _INITIAL.match(w)) if initials else name
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold()
    text = _APOSTROPHES.sub("", text)
    tokens = [
        t
        for t in _KEY_SPLIT.split(text)
        if len(t) > 1 and t not in SUFFIXES and t not in KEY_STOPWORDS
    ]
    if initials and len(tokens) < 2:
        tokens.append("".join(initials).replace(".", "").casefold())
    elif len(tokens) > 1 and not _SHORT_FORMS.isdisjoint(tokens):
        tokens = [GIVEN_NAME_FULL_FORMS.get(t, t) for t in tokens]  # "Len E. Burman": Leonard
    return tuple(sorted(tokens))


_SHORT_FORMS = frozenset(GIVEN_NAME_FULL_FORMS)


def _particle_at(words: list[str], i: int, bare: str) -> bool:
    """Whether ``words[i]`` is a particle of the family name after it, left out of the key so
    that "De Blasio", "de Blasio" and "Bill de Blasio" share their family name's: a particle
    written in lower case ("bin", "van", "al"), or one that is never a given name ("De",
    "Bin", "Le"), never the last word."""
    if i + 1 >= len(words) or bare not in NAME_PARTICLES:
        return False
    return words[i][:1].islower() or bare in SURNAME_PARTICLES


def _without_particle_prefix(word: str) -> str:
    """ "al-Assad" -> "Assad": a particle joined to the family name by a hyphen, in lower case."""
    prefix, dash, rest = word.partition("-")
    if dash and prefix in NAME_PARTICLES and rest[:1].isupper():
        return rest
    return word


@lru_cache(maxsize=1 << 16)
def surname_candidates(name: str) -> frozenset[str]:
    """The tokens of a person's name that may be the family name: first and last
    (family-name-first or given-name-first), as written; a particle stays attached
    ("de Gaulle")."""
    tokens = [
        t.strip(",")
        for t in name.split()
        if not _INITIAL.match(t)
        and _bare(t) not in NAME_SUFFIXES_KEEP
        and _bare(t) not in HONORIFICS
    ]
    if not tokens:
        return frozenset()
    if len(tokens) == 2 and _particle_at(tokens, 0, _bare(tokens[0])):
        return frozenset({" ".join(tokens), tokens[1]})  # "Bin Laden", "de Blasio"
    found = {tokens[0], tokens[-1]}
    if len(tokens) >= 3 and tokens[-2].casefold() in NAME_PARTICLES:
        found.add(f"{tokens[-2]} {tokens[-1]}")
    return frozenset(found)


def clear_caches() -> None:
    """Forget memoised parses (for benchmarks that must start cold)."""
    for cached in (split_role, name_key, surname_candidates, _bare, is_place):
        cached.cache_clear()


# ------------------------------------------------------------------------- helpers

_TITLE_OR_HONORIFIC = (TITLES | HONORIFICS) - SURNAME_TITLES
_LEXICON = (
    HONORIFICS
    | TITLES
    | PERSON_NOUNS
    | ORG_HEADS
    | DOCUMENT_HEADS
    | GROUP_WORDS
    | GROUP_PROPER
    | INSTITUTION_WORDS
    | PLACES
    | DEMONYMS
    | DETERMINERS
    | CONNECTORS
    | NAME_PARTICLES
    | frozenset(PRONOUN_GENDER)
    | LEADING_NOT_NAME
    | TIME_EDGE
    | US_STATES
)


# Verbs that open a sentence before the speaker's name: "Continued Stone: ...".
_REPORTING = frozenset(
    """
    said says say added adds continued continues explained explains noted notes wrote writes
    concluded concludes replied replies recalled recalls insisted insists argued argues
    """.split()
)
_NOT_FIRST_OF_A_NAME = frozenset(["No", *(w.capitalize() for w in _REPORTING)])

# What follows "of" in a title and is never a given name: a run of capitals that opens with
# one ("State William Galvin" of "Secretary of State William Galvin", "Elections Susan
# Bucher" of "Supervisor of Elections Susan Bucher") is the person after it.
_TITLE_OBJECTS = frozenset(
    """
    state defense defence homeland security treasury commerce labor labour energy education
    health human services agriculture transportation transport interior veterans affairs
    finance trade industry elections corrections revenue taxation insurance environment
    housing urban development culture public works safety welfare resources natural economic
    foreign home internal staff
    """.split()
)
_LEXICON |= _TITLE_OBJECTS  # "Elections Susan Bucher" is no plain name: the full parse reads it


# A department called by its one word ("State calls 22 emails of Clinton 'top secret'").
_DEPARTMENTS = frozenset(
    """
    state defense defence treasury commerce labor labour energy education interior
    agriculture transportation homeland
    """.split()
)


def _after_title_object(mention: str) -> ParsedMention | None:
    """The person named after the words a title's "of" governs ("State William Galvin" ->
    William Galvin), or None when no plain full name follows them."""
    words = mention.split(" ")
    n = 0
    while n < len(words) and (
        words[n].casefold() in _TITLE_OBJECTS or (n and words[n] in ("and", "&"))
    ):
        n += 1
    rest = words[n:]
    if not 2 <= len(rest) <= 4 or not _PLAIN_NAME.match(" ".join(rest)):
        return None
    if not _is_plain_name(rest):
        return None
    return ParsedMention(" ".join(rest), None, SpeakerKind.PERSON)


def _titled_plain_name(mention: str) -> ParsedMention | None:
    """Fast path for the commonest mentions: "Fumio Kishida", "Sen. Bernie Sanders"."""
    words = mention.split(" ")
    if len(words) == 1 or words[0] in _NOT_FIRST_OF_A_NAME:
        return None  # a word alone ("Tanaka", "officials") takes the full parse, as do
        # "Said Ellis" and "No one"
    if "-" in words[0] and _ORIGIN_ADJECTIVE.match(words[0]):
        return None  # "Texas-based Matt Mackowiak": a role first
    n = 0
    while n < len(words) - 1 and (
        words[n].replace(".", "").casefold() in _TITLE_OR_HONORIFIC
        or (words[n] == "Del." and n + 2 < len(words))  # a delegate: "Del. Jennifer McClellan"
    ):
        n += 1
    name = " ".join(words[n:]) if n else mention
    if not _PLAIN_NAME.match(name) or not _is_plain_name(words[n:]):
        return None
    if n == 0:
        return ParsedMention(name, None, SpeakerKind.PERSON)
    role = " ".join([w for w in words[:n] if w.replace(".", "").casefold() not in HONORIFICS])
    return ParsedMention(name, role or None, SpeakerKind.PERSON)


_TITLE_PLURALS = frozenset(f"{title}s" for title in TITLES)  # "professors", "sens"
_STATE_PAIR_FIRST = frozenset(pair.split("-")[0] for pair in US_STATE_PAIRS)
_COUNTRY_INITIALS = frozenset(("us", "uk", "un", "eu"))


def _place_alone(segment: str) -> bool:
    """A state's abbreviation ("Md.", "Mo.", "N.C.") as all a mention's first part holds:
    the end of "of Ashton, Md.", never a speaker ("Texas" and "U.S." may speak as
    institutions)."""
    if " " in segment or "." not in segment:
        return False
    bare = _bare(segment)
    if bare in _COUNTRY_INITIALS:
        return False
    return bool(_STATE_ABBREVIATION.match(segment)) or (len(bare) <= 5 and bare in US_STATES)


def _is_plain_name(words: list[str]) -> bool:
    """The words of a _PLAIN_NAME match: none a title, place or common noun, so a person's name."""
    # its words in lower case, an initial without its dot (the only dot such words hold)
    keys = " ".join(words).casefold().replace(".", "").split(" ")
    if not _LEXICON.isdisjoint(keys) or not _TITLE_PLURALS.isdisjoint(keys):
        return False  # a title, a place, a common noun, or titles ("Professors Foner")
    if (
        len(words) == 2
        and words[0].casefold() in _STATE_PAIR_FIRST
        and f"{words[0]}-{words[1]}".casefold() in US_STATE_PAIRS
    ):
        return False  # "New Hampshire"
    return not keys[-1].endswith(GROUP_PROPER_SUFFIXES)


@lru_cache(maxsize=1 << 16)
def _bare(token: str) -> str:
    """Casefolded token without dots, edge punctuation or a possessive ending."""
    t = token.strip(",;:!?").strip(_EDGE_CHARS)
    if "'" in t or "’" in t:
        t = _POSSESSIVE_S.sub("", t)
    return t.replace(".", "").casefold()


def _clean(mention: str) -> str:
    text = " ".join(mention.split()).strip(_EDGE_CHARS)  # white space runs as one space
    if "-" in text or "—" in text or "–" in text or "―" in text:
        text = _DATELINE.sub("", text)  # "WASHINGTON (AP) — Donald Trump" is Donald Trump
    if "(" in text or "[" in text:
        text = _BRACKETED.sub("", text)
    if text[:2].lower() in ("ac", "by"):  # "according to ...", "by ...": a quick test first
        text = _LEAD_PHRASE.sub("", text)
    text = text.strip(" ,;:")
    if text.endswith(".") and " " in text:
        last = text.rsplit(" ", 1)[1]
        if last.count(".") == 1 and len(last) > 3 and _bare(last) not in ABBREVIATIONS:
            text = text[:-1]
    elif text.endswith(".") and text.count(".") == 1 and len(text) > 3:
        text = text[:-1]
    # a possessive mention ("Trump's") names its possessor
    if text.endswith(_POSSESSIVE_S_ENDINGS):
        text = text[:-2]
    elif text.endswith(_POSSESSIVE_BARE_ENDINGS):
        text = text[:-1]
    return text.strip()


def _is_cap(tokens: list[str], i: int) -> bool:
    """Whether tokens[i] is a capitalised (name-like) word."""
    t = tokens[i].lstrip("\"'“‘(")
    if not t:
        return False
    if t[0].isupper():
        if i == 0 and _may_be_common(tokens):  # sentence-initial capital: "Officials said"
            b = _bare(t)
            if b in GROUP_PROPER:
                return True
            if b in GROUP_WORDS or b in DOCUMENT_HEADS or b in DECAP_ORG:
                return False
            if b not in TITLES and (b in PERSON_NOUNS or _plural_of(b, PERSON_NOUNS)):
                return False  # "Officials", "Witnesses" (not "Sanders": no "sander")
            if b.endswith("ies") and _plural_of(b, ORG_HEADS):
                return False  # "Authorities"
            if "-" in b and b.endswith(("ers", "ors", "ists")):
                return False  # "Fact-checkers", "Co-founders": doers, not a name
        return True
    if t[0].isdigit():
        return False
    if "-" in t:  # al-Assad, el-Sisi
        prefix, _, rest = t.partition("-")
        return prefix in NAME_PARTICLES and rest[:1].isupper()
    rest = t[1:]
    return rest != rest.lower()  # a capital inside: comScore, eBay


def _plural_of(bare: str, nouns: frozenset[str]) -> bool:
    """Whether ``bare`` is the plural of one of ``nouns``: "officials", "witnesses",
    "authorities"."""
    if not bare.endswith("s"):
        return False
    if bare[:-1] in nouns:
        return True
    if bare.endswith("ies"):
        return bare[:-3] + "y" in nouns
    return bare.endswith(("ses", "xes", "ches", "shes")) and bare[:-2] in nouns


def _may_be_common(tokens: list[str]) -> bool:
    """Whether a capitalised first word may be a common noun: not "Department of ..."."""
    if len(tokens) == 1:
        return True
    nxt = tokens[1]
    if nxt in NAME_PARTICLES and len(tokens) > 2 and tokens[2][:1].isupper():
        return False  # "Bill de Blasio": a given name and a family name, not a bill
    return nxt not in COMPLEMENT_PREPS and not nxt[:1].isupper()


def _is_particle(tokens: list[str], i: int) -> bool:
    return tokens[i] in NAME_PARTICLES and i + 1 < len(tokens) and _is_cap(tokens, i + 1)


def _is_title(tokens: list[str], i: int) -> bool:
    """Whether tokens[i] is a title word that belongs to the role, not the name."""
    t = tokens[i]
    b = _bare(t)
    if b not in TITLES and not ("-" in b and any(p in TITLES for p in b.split("-"))):
        if t == "Del." and i + 2 < len(tokens) and _is_cap(tokens, i + 1):
            return True  # a delegate: "Del. Jennifer L. McClellan" (not Delaware, "D-Del.")
        if i == 0 and _occupation_before_name(tokens):
            return True  # "Journalist Jorge Ramos", "Pollster Ann Selzer"
        # a plural title before names: "Professors Foner and Alba", "Sens. ..."; not a
        # team's name at the end ("the Arizona Cardinals")
        return b in _TITLE_PLURALS and _plural_title_before_name(tokens, i)
    if b in SURNAME_TITLES and i == len(tokens) - 1 and i > 0:
        prev = _bare(tokens[i - 1])
        if (
            _is_cap(tokens, i - 1)
            and prev not in TITLES
            and prev not in DEMONYMS
            and prev not in INSTITUTION_WORDS
        ):
            return False  # "Steve King"
    return True


# Person nouns that, capitalised before two capitalised words, may be a given name ("Guy
# Cecil") or make no role of them.
_NOT_OCCUPATIONS = frozenset(
    "guy one star fan son mate man woman person friend someone somebody anyone anybody".split()
)
# "Texas-based Matt Mackowiak", "Iranian-born ...": where someone works or comes from.
_ORIGIN_ADJECTIVE = re.compile(r"^[A-Z][\w.]*-(?:based|born|bred|raised)$")


def _occupation_before_name(tokens: list[str]) -> bool:
    """Whether the first of ``tokens`` is an occupation, capitalised because it opens the
    sentence, before a person's full name: "Journalist Jorge Ramos corrected ...", "-Pollster
    Ann Selzer is happy ...", "Texas-based Matt Mackowiak said" (the occupation is a role, as
    "journalist" in lower case is). The name after it must be a plain name of two to four
    words; a person noun that is also a given name ("Guy Cecil") is left alone."""
    if len(tokens) < 3 or not tokens[0][:1].isupper():
        return False
    bare = _bare(tokens[0])
    if not (
        (bare in PERSON_NOUNS and bare not in _NOT_OCCUPATIONS and bare not in SURNAME_TITLES)
        or (len(bare) > 5 and bare.endswith("ist"))
        or ("-" in tokens[0] and _ORIGIN_ADJECTIVE.match(tokens[0]))
    ):
        return False
    rest = tokens[1:]
    return (
        len(rest) <= 4
        and bool(_PLAIN_NAME.match(" ".join(rest)))
        and all(_bare(w) not in _TITLE_OR_HONORIFIC for w in rest)
        and _proper_kind(rest) is SpeakerKind.PERSON
    )


def _plural_title_before_name(tokens: list[str], i: int) -> bool:
    """Whether ``tokens[i]`` is a title of several people right before their names:
    "Professors Foner and Alba", "Florida Sens. Marco Rubio ... and Bill Nelson" (not "Board
    of Governors Chairwoman Janet Yellen", "Log Cabin Republicans president")."""
    t = tokens[i]
    bare = _bare(t)
    if not (t[:1].isupper() and bare.endswith("s") and i + 1 < len(tokens)):
        return False
    single = bare[:-1]
    if single not in TITLES or single in SURNAME_TITLES or single in _PARTY_WORDS:
        return False
    if len(single) < 4 and single not in ("sen", "rep", "gov", "gen"):
        return False  # "Press" is no plural of "Pres."
    after = tokens[i + 1]
    return after[:1].isupper() and _bare(after) not in TITLES


def _is_plural(word: str) -> bool:
    w = word.casefold()
    return (
        len(w) > 3
        and w.endswith("s")
        and not w.endswith(("ss", "us", "is", "'s", "’s"))
        and w not in NON_PLURAL_S
    )


def _person_noun(word: str) -> bool:
    return word in PERSON_NOUNS or (len(word) > 5 and word.endswith(PERSON_SUFFIXES))


def _segments(text: str) -> list[str]:
    """Comma-separated parts; an org name's own comma ("Ministry of Economy, Trade and
    Industry") is kept."""
    if not ("," in text or ";" in text or "-" in text or "—" in text or "–" in text):
        return [text]  # none of the marks _SEGMENT_SPLIT splits at
    parts = [p for p in _SEGMENT_SPLIT.split(text) if p]
    merged: list[str] = []
    for part in parts:
        if merged and _continues_complement(merged[-1], part):
            merged[-1] = f"{merged[-1]}, {part}"
        else:
            merged.append(part)
    return merged or [text]


def _continues_complement(prev: str, part: str) -> bool:
    words = prev.split()
    tail = words[-3:]
    if not any(w in ("of", "for") for w in tail[:-1]):
        return False
    toks = part.split()
    return all(_is_cap(toks, i) or toks[i] in CONNECTORS for i in range(len(toks))) and any(
        t in ("and", "&") for t in toks
    )


def _description_kind(head: str) -> SpeakerKind:
    if head in ORG_HEADS or head in DOCUMENT_HEADS:
        return SpeakerKind.ORGANISATION
    if head in GROUP_WORDS or (_is_plural(head) and head not in PERSON_NOUNS):
        return SpeakerKind.GROUP
    if _person_noun(head):
        return SpeakerKind.PERSON
    return SpeakerKind.UNKNOWN


def _head(tokens: list[str]) -> str | None:
    """Lowercase head noun: the last word before an "of/for/to" complement."""
    for i in range(1, len(tokens)):
        if tokens[i] in COMPLEMENT_PREPS:
            return _bare(tokens[i - 1])
    return _bare(tokens[-1]) if tokens else None


_INSTITUTION_NAME_WORDS = INSTITUTION_WORDS | CONNECTORS


def _proper_kind(tokens: list[str]) -> SpeakerKind:
    """Kind of a capitalised name: organisation, group or (by default) person."""
    bares = list(map(_bare, tokens))
    last = bares[-1]
    name = " ".join(tokens)
    if is_place(name):
        return SpeakerKind.ORGANISATION  # a state or country speaking as an institution
    if (last in ("state", "convention") and len(tokens) > 1) or (
        len(tokens) == 1 and last in _DEPARTMENTS
    ):  # "Islamic State", "Republican National Convention"; "State", "Treasury"
        return SpeakerKind.ORGANISATION
    if len(tokens) > 1 and name.isupper() and sum(1 for t in tokens if _LETTER.search(t)) > 1:
        return SpeakerKind.ORGANISATION  # "USA TODAY", "THE WEEKLY STANDARD"
    if last in ORG_HEADS and len(tokens) > 1:
        return SpeakerKind.ORGANISATION
    if bares[0] == "team" and len(tokens) > 1 and tokens[1][:1].isupper():
        return SpeakerKind.ORGANISATION  # "Team Clinton": a campaign, as "Clinton's team" is
    if len(tokens) == 1 and (
        (
            _ACRONYM.match(tokens[0].strip(","))
            and (not _INITIAL.match(tokens[0]) or tokens[0].count(".") >= 3)  # "F.B.I."
        )
        or last in ORG_HEADS
        or last in PLACES
        or last in {"us", "usa", "uk", "un", "eu", "nato"}
    ):
        return SpeakerKind.ORGANISATION
    if last in DOCUMENT_HEADS and len(tokens) > 1:
        return SpeakerKind.ORGANISATION  # "the Reuters/Ipsos Poll"
    if len(tokens) > 1 and _INSTITUTION_NAME_WORDS.issuperset(bares):
        return SpeakerKind.ORGANISATION  # "the United States"
    if not ORG_HEADS.isdisjoint(bares[:-1]):
        for i, b in enumerate(bares[:-1]):
            if b in ORG_HEADS and (bares[i + 1] in ("of", "for") or len(tokens) >= 3):
                return SpeakerKind.ORGANISATION
    if last in GROUP_PROPER or (tokens[-1][:1].isupper() and last.endswith(GROUP_PROPER_SUFFIXES)):
        return SpeakerKind.GROUP
    return _body_of(tokens) or SpeakerKind.PERSON


def _body_of(tokens: list[str]) -> SpeakerKind | None:
    """The kind of "X of ..." whose one word X names no person: a plural of people is a body
    ("Friends of the Earth", an organisation; "Armenians of Israel", a group) and a document
    word a document ("Bill of Rights", spoken for by no one: an organisation as "the
    Reuters/Ipsos Poll" is). None for "Comey of the FBI"."""
    if len(tokens) < 3 or tokens[1] != "of":
        return None
    if tokens[2] == "the" and len(tokens) > 3:
        tokens = tokens[:2] + tokens[3:]
    if not tokens[2][:1].isupper():
        return None
    first = _bare(tokens[0])
    if first in DOCUMENT_HEADS:
        return SpeakerKind.ORGANISATION
    if first in GROUP_PROPER or first.endswith(GROUP_PROPER_SUFFIXES):
        return SpeakerKind.GROUP
    if _plural_of(first, PERSON_NOUNS):
        return SpeakerKind.ORGANISATION
    return None


def _org_head(tokens: list[str]) -> str | None:
    bares = list(map(_bare, tokens))
    for i, b in enumerate(bares[:-1]):
        if b in ORG_HEADS and bares[i + 1] in ("of", "for"):
            return b  # "Ministry of Defense"
    for b in reversed(bares):
        if b in ORG_HEADS:
            return b
    return None


def _affiliation_in(text: str) -> str | None:
    """An organisation named in a role: "a spokesman for the Clinton campaign"."""
    if "of" not in text and "for" not in text and "at" not in text and "with" not in text:
        return None  # none of _AFFILIATION's words (a quick test before the regex)
    for m in _AFFILIATION.finditer(text):
        tokens = m.group(1).split()
        while tokens and tokens[-1] in CONNECTORS:
            tokens.pop()
        if len(tokens) == 1 and m.group(0).startswith("of") and _bare(tokens[0]) in _DEPARTMENTS:
            continue  # "Secretary of State": a title, no organisation named
        if tokens and (
            _proper_kind(tokens) is SpeakerKind.ORGANISATION or _bare(tokens[-1]) in ORG_HEADS
        ):
            return " ".join(tokens)
    return None


def _coordination(tokens: list[str]) -> int | None:
    """Index of a top-level "and"/"nor"/"&" joining two speakers, if any."""
    if COORDINATORS.isdisjoint(tokens):
        return None
    for i in range(1, len(tokens) - 1):
        if tokens[i] not in COORDINATORS:
            continue
        if tokens[i] == "&" and _is_cap(tokens, i - 1) and _is_cap(tokens, i + 1):
            continue  # Procter & Gamble
        # "and" inside an "of ..." complement: "Department of Health and Human Services"
        window = tokens[max(0, i - 3) : i]
        if _is_cap(tokens, i + 1) and any(w in ("of", "for") for w in window):
            after_prep = window[max(j for j, w in enumerate(window) if w in ("of", "for")) + 1 :]
            if all(
                _is_cap(after_prep, k) or after_prep[k] == "the" for k in range(len(after_prep))
            ):
                continue
        return i
    return None


def _given_name_before(left: list[str], right_parsed: ParsedMention, right: list[str]) -> bool:
    """Whether ``left`` is one capitalised word before "and" and a person's full name, so a
    given name sharing that person's family name: "Bill and Hillary Clinton" (not a bill)."""
    return (
        len(left) == 1
        and left[0][:1].isupper()
        and len(right) >= 2
        and right_parsed.proper
        and right_parsed.kind is SpeakerKind.PERSON
    )


def _joins_speakers(side: ParsedMention, tokens: list[str]) -> bool:
    if side.proper and side.kind is not SpeakerKind.UNKNOWN:
        return True
    first = _bare(tokens[0]) if tokens else ""
    return (
        (len(tokens) == 1 and first in PRONOUN_GENDER)
        or first in DETERMINERS
        or first in POSSESSIVE_PRONOUNS
        or side.kind is SpeakerKind.GROUP
    )


# ------------------------------------------------------------------------- edges and non-names

_STATE_ABBREVIATION = re.compile(r"^(?:[A-Z]\.){2}$")  # N.C., N.Y., D.C.
# A party and a state after a name and its comma: "R-Ky.", "D-N.Y.", "I-Vt", "R-Iowa".
_PARTY_STATE = re.compile(r"^[RDI]-(?:[A-Z][a-z]{1,6}|(?:[A-Z]\.){1,2}[A-Z]?)\.?$")
_BY_ISSUER = re.compile(r"\b(?:by|from)\s+(?=\S)", re.IGNORECASE)
# What a person says, named by its speaker's possessive ("Donald Trump's anti-Muslim
# rhetoric", "Oz's dubious medical advice"): the speaker speaks.
_SPEECH_NOUNS = frozenset(
    """
    rhetoric advice comments comment claim claims words criticism response
    answer warning warnings accusation accusations argument arguments promise promises pledge
    language ire assessment explanation rebuttal retort address post posts submission
    """.split()
)
# What a body or a person named by a description says through: "the campaign's statement"
# speaks for the campaign; "the chairman's bill" is no one's words (a document, not speech).
_SAID_BY = _SPEECH_NOUNS | frozenset(
    "statement statements remarks tweet tweets letter email emails message speech".split()
)
_ISSUED = (
    FIGURE_HEADS
    | MEDIA_HEADS
    | DOCUMENT_HEADS
    | _SPEECH_NOUNS
    | frozenset(("reporting", "investigation"))
)
_HOLIDAY = frozenset(
    """
    election labor memorial veterans independence inauguration primary caucus thanksgiving
    christmas easter
    """.split()
)
_HOLIDAY_DAYS = frozenset("super black cyber good ash holy giving small".split())
_PERCENT = frozenset(("percent", "%", "pct"))
# Party words that stand before names of people and of bodies alike ("Republican Jewish
# Coalition"): they do not make the name a person's.
_PARTY_WORDS = frozenset(
    "republican republicans democrat democratic gop conservative liberal".split()
)
# Verbs that, capitalised inside a run of capitals, make it a headline, not a name.
_HEADLINE_VERBS = frozenset(
    """
    had has have is are was were does did says said tells told asks asked calls called urges
    slams blasts rips warns vows wins loses gets got dropped drops makes made takes took
    goes sees faces looks comes gives finds shows keeps puts leads backs rejects spurns
    """.split()
)

# Function words written with a capital between two capitalised words: a headline's title
# case, never a name ("Trump And Marco Rubio Miss The Mark On Discrimination").
_HEADLINE_LINKS = frozenset("And Or Of On With For From At By Is Are".split())

_DASHES = frozenset(("-", "--", "—", "–", "―"))
# The words _trim_edges drops before a name, but for numbers and words ending a sentence,
# which end with a full stop or a comma.
_MAY_LEAD = LEADING_NOT_NAME | DAY_NAMES | MONTH_NAMES | TIME_EDGE | _REPORTING


def _trim_edges(text: str) -> str:
    """Drop the clause words before a name and the time words after it: "But Trump" and
    "Trump Wednesday" are Trump, "Tuesday. Clinton" is Clinton, "To Sexton" is Sexton."""
    words = text.split(" ")
    if "-" in text or "•" in text or "—" in text or "–" in text:
        for k in range(len(words) - 1, 0, -1):
            if words[k][:1] in "-•" and words[k][1:2].isupper() and words[k][2:3].islower():
                words = words[k:]  # "there all along -More from ...": a list's next item
                break
            if words[k] in _DASHES and words[k + 1 : k + 3] in (["More", "from"], ["more", "from"]):
                words = words[k + 1 :]  # "... election - More from Jones": the digest's next item
                break
    while len(words) > 1:
        if words[0][:1] in "-•" and words[0][1:2].isupper() and words[0][2:3].islower():
            words[0] = words[0][1:]  # a list's bullet: "-More from Jeffrey M. Jones"
        if len(words) > 2 and words[1] == "from" and words[0] in ("More", "more"):
            words = words[2:]  # a digest's "More from Blumenthal and Cohen:"
            continue
        bare = _bare(words[0])
        if bare not in _MAY_LEAD and words[0][-1:] not in (".", ","):
            break  # none of the tests below can hold (a quick test first)
        if (
            bare in LEADING_NOT_NAME
            or bare in DAY_NAMES
            or (bare in MONTH_NAMES and _NUMBER.match(_bare(words[1])))
            or (_NUMBER.match(bare) and words[0].endswith((".", ",")))
            or (bare in TIME_EDGE and words[0].endswith(".") and words[1][:1].isupper())
            or (bare in _REPORTING and words[1][:1].isupper())  # "Said Ellis", "Continued Stone"
            or (_ends_sentence(words[0]) and words[1][:1].isupper())  # "Hester. Michael Mulgrew"
        ):
            words = words[1:]
            continue
        break
    for i in range(len(words) - 2, 0, -1) if "." in text else ():
        if _ends_sentence(words[i]) and words[i + 1][:1].isupper():
            # "St. Paul Votes To Condemn Donald Trump’s Muslim Ban. The St. Paul City
            # Council": a headline, its full stop, and the name of the next sentence; but
            # "Kathryn Kates. New York": a letter's signature, a name and then its place
            after = words[i + 1 :]
            signed = is_place(" ".join(after).rstrip("."))
            words = [*words[:i], words[i][:-1]] if signed else after
            break
        if words[i] in ("I.", "II.") and words[i - 1] == "War":
            words = words[i + 1 :]  # "World War I. Clinton": a war's numeral ends a sentence
            break
    while len(words) > 1 and words[-1][:1].isupper() and _bare(words[-1]) in DAY_NAMES:
        words.pop()
    while len(words) > 1 and words[-1].islower() and _bare(words[-1]) in _TRAILING_NOT_NAME:
        words.pop()  # "Podliska himself", "Fact-checkers soon", "Trump then"
    while (
        len(words) > 1
        and words[-1] in ("and", "or", "but", "&")
        and any(w[:1].isupper() for w in words)
    ):
        words.pop()  # "the federal Securities and Exchange Commission and [a 15-count ...]"
    while (
        len(words) > 2
        and _bare(words[-1]) in TIME_EDGE
        and _bare(words[-2])
        in (
            "last",
            "this",
            "next",
            "on",
            "that",
            "the",
            "a",
        )
    ):
        words = words[:-2]  # "the administration last week", "Fiorina a month (later)"
    clause_verb = "ing" in text or not _CLAUSE_VERBS.isdisjoint(words)  # a quick test first
    for i in range(1, len(words) if clause_verb else 0):
        word = words[i]
        if not word.islower():
            continue
        before = words[i - 1]
        if before.endswith((",", ";", ":")):
            continue  # "Sullivan, struck by her story": an apposition, not a clause
        if (word in _CLAUSE_VERBS and before[:1].isupper()) or (
            word.endswith("ing")
            and len(word) > 5
            and word not in _ING_NOUNS
            and (
                (
                    _is_plural(_bare(before))
                    and (before[:1].isupper() or _bare(before)[:-1] in _HEAD_NOUNS)
                )
                or _bare(before) in FIGURE_HEADS  # "a Washington Post database tracking"
            )
        ):
            # "Trump went", "Perez lobbies for ...", "Protesters marching through ...": the
            # verb of the clause the name begins
            words = words[:i]
            break
    if "ed" not in text and "n't" not in text and "n’t" not in text:
        return " ".join(words).strip(" ,;:")
    if len(words) > 1 and words[-1].endswith(("n't", "n’t")) and words[-1].islower():
        words.pop()  # "Grassley hasn't": the auxiliary of the clause the name begins
    for i in range(1, len(words)):
        word = words[i]
        if (
            word.endswith("ed")
            and len(word) > 4
            and word.islower()
            and _bare(word) not in _NOT_PARTICIPLES
            and not _attributive(words, i)
            and (
                words[i - 1][:1].isupper()
                or _bare(words[i - 1]) in _HEAD_NOUNS
                or _bare(words[i - 1])[:-1] in _HEAD_NOUNS  # "officials involved"
                or (  # "a Wall Street Journal article published Friday", not "a lawsuit
                    # filed by ... Bradley Podliska": whoever made it is named after "by"
                    _bare(words[i - 1]) in _MADE_HEADS
                    and (i + 1 == len(words) or words[i + 1] != "by")
                )
            )
        ):
            # "The Vermont senator emailed supporters saying", "a CBS News poll conducted
            # ...": the verb of the clause the name begins, and what follows it
            words = words[:i]
            break
    return " ".join(words).strip(" ,;:")


def _attributive(words: list[str], i: int) -> bool:
    """Whether the participle ``words[i]`` qualifies the plural noun after it, after a party's
    or a people's adjective: "Nine in 10 Democratic registered voters", "Republican elected
    officials" (not "Trump emailed supporters", whose verb follows a name)."""
    before = _bare(words[i - 1])
    return (
        i + 1 < len(words)
        and (before in _PARTY_WORDS or before in DEMONYMS)
        and _is_plural(words[i + 1])
        and (
            _bare(words[i + 1])[:-1] in _HEAD_NOUNS or _plural_of(_bare(words[i + 1]), _HEAD_NOUNS)
        )
    )


# Words after a name that are no part of it: an emphatic reflexive ("Podliska himself") and
# adverbs of the clause ("Fact-checkers soon", "Trump then"), in lower case.
_TRAILING_NOT_NAME = frozenset(
    """
    himself herself themselves itself myself ourselves yourself soon too also alone instead
    again now then today yesterday tonight out
    """.split()
)
# Verbs in the past or the present that, in lower case after a name, begin its clause ("Trump
# went on", "Perez lobbies", "Mr. Baker makes no ...").
_CLAUSE_VERBS = frozenset(
    """
    went goes came comes took takes gave gives made makes got gets kept keeps held holds ran
    runs won wins lost loses struck strikes wrote writes spoke speaks began begins brought
    brings sent sends saw sees knew knows thought thinks told tells says said became becomes
    found finds felt feels stood stands left leaves met meets lobbies talks calls asks wants
    seems appears argues insists believes hopes plans tries needs go
    """.split()
)
# Nouns in -ing after a plural: not a verb that begins a clause ("the Democrats' polling").
_ING_NOUNS = frozenset(
    """
    thing things something nothing anything everything morning evening spring string wing
    king ring sibling offspring ceiling meeting building ruling hearing briefing funding
    polling landing setting being earnings holding wedding darling feeling feelings spending
    following
    """.split()
)
# Words ending with a dot that abbreviate, so end no sentence ("Sen.", "Calif.", "Jr.").
_DOTTED = (
    TITLES
    | HONORIFICS
    | ABBREVIATIONS
    | US_STATES
    | MONTH_NAMES
    | frozenset(
        """
        st mt ft dept univ ave blvd rd no vol esq hon atty dist cong assn intl natl sens reps
        govs penn messrs gen supt ret
        """.split()
    )
)
_SENTENCE_END = re.compile(r"^[A-Za-z][a-z]{2,}\.$")


def _ends_sentence(word: str) -> bool:
    """A word with a dot that is no abbreviation ends a sentence: "Hester." of "Hester.
    Michael Mulgrew, president of the United Federation of Teachers"."""
    return (
        word.endswith(".")
        and _SENTENCE_END.match(word) is not None
        and word[:-1].casefold() not in _DOTTED
    )


# Words in -ed that are no verb after a name ("Ted", "Alfred" are capitalised anyway).
_NOT_PARTICIPLES = frozenset("red bed shed seed speed creed need feed deed bled".split())


_HEAD_NOUNS = PERSON_NOUNS | ORG_HEADS | FIGURE_HEADS | GROUP_WORDS
_MADE_HEADS = MEDIA_HEADS | DOCUMENT_HEADS


def _agent_word(word: str) -> bool:
    """Can a lowercase head word name a speaker ("officials", "the company", "a spokesman")?"""
    return (
        word in AGENT_NOUNS
        or word in PERSON_NOUNS
        or word in GROUP_WORDS
        or word in ORG_HEADS
        or word in DOCUMENT_HEADS
        or word in PERSON_ALONE
        or _is_plural(word)
        or _person_noun(word)
    )


def _holiday(text: str) -> str | None:
    """ "Super Tuesday", "Election Day": a date, though it is capitalised like a name."""
    words = text.split()
    if not 1 < len(words) <= 3 or not (words[-2][:1].isupper() and words[-1][:1].isupper()):
        return None
    last, before = _bare(words[-1]), _bare(words[-2])
    if (last in DAY_NAMES and before in _HOLIDAY_DAYS) or (
        last in DATE_HEADS and before in _HOLIDAY
    ):
        return "a date"
    return None


_LETTER = re.compile(r"[^\W\d_]")
_DETERMINED = re.compile(r"\s*(?:the|this|that)\s+\S", re.IGNORECASE)


_NOBODY = frozenset(("no one", "nobody", "no-one", "none", "not one"))
_SUBJECT_PRONOUNS = frozenset("he she they we i".split())


_IT_IS = frozenset("it's that's there's here's what's".split())


def _not_a_name(text: str, determined: bool = False) -> str | None:
    """Why ``text`` (edges trimmed) names no speaker, or None when it may name one;
    ``determined``: the mention began with "the" ("the senator" is a description)."""
    if not text[:1].isalpha() and _LETTER.search(text) is None:
        return "a number"
    words = text.split()
    bares = list(map(_bare, words))
    if (("%" in text or "p" in text.lower()) and not _PERCENT.isdisjoint(bares)) or (
        "%" in text and any(b.endswith("%") for b in bares)
    ):
        return "a poll figure"  # "67 percent of voters", "12% of Democrats"
    if (
        len(bares) <= 8
        and (bares[-1] in TIME_EDGE or bares[-1] in TIME_WORDS or _NUMBER.match(bares[-1]))
        and _share_of(words) is None  # "about 4 in 10" is a share of people, not a date
    ):
        content = [b for b in bares if b not in DETERMINERS and b not in LEADING_NOT_NAME]
        if content and all(b in TIME_EDGE or b in TIME_WORDS or _NUMBER.match(b) for b in content):
            return "a date"
    if len(words) == 1:
        word, bare = words[0], bares[0]
        if bare in HONORIFICS or (bare in TITLES and not (determined and text.islower())):
            return "no name"  # "Mr" cut from "Mr. Trump", a title alone (but "the senator")
        if bare in LEADING_NOT_NAME or bare in TIME_EDGE or bare in ("the", "a", "an"):
            return "not a name"  # "Yet", "There", "In", "The" at the start of a sentence
        if bare in NUMBER_WORDS:
            return "a number"  # "Nine" of "Nine months of Trump soaring ..."
        if (
            not determined
            and bare in DEMONYMS
            and bare not in GROUP_PROPER
            and bare not in US_STATES
            and bare not in _DEPARTMENTS
            and "." not in word
            and not word.isupper()
        ):
            return "not a name"  # "European" of "BRUSSELS - European [leaders]", "Democratic"
    if (words[0].islower() and bares[0] in _CLAUSE_VERBS) or (
        len(words) == 1 and (bares[0] in _HEADLINE_VERBS or bares[0] in ("having", "being"))
    ):
        return "not a name"  # "keeps", "made other public", a headline's "Spurns", "Having"
    if ("'" in words[0] or "’" in words[0]) and words[0].replace("’", "'").casefold() in _IT_IS:
        return "not a name"  # "It's worth", "It's another riposte": a clause, not its subject
    if len(words) >= 3 and text.isupper() and sum(1 for w in words if _LETTER.search(w)) >= 3:
        return "a headline"
    if (
        len(words) > 2
        and not _HEADLINE_VERBS.isdisjoint(bares[:-1])
        and any(
            w[:1].isupper() and b in _HEADLINE_VERBS
            for w, b in zip(words[:-1], bares, strict=False)
        )
    ):
        return "a headline"  # "Had Dropped Out Ted Cruz", "Trump Says ..."
    if len(words) >= 3 and any(
        words[i] in _HEADLINE_LINKS and words[i - 1][:1].isupper() and words[i + 1][:1].isupper()
        for i in range(1, len(words) - 1)
    ):
        return "a headline"  # "Trump And Marco Rubio Miss", "Mark On Discrimination"
    if not text.islower():
        return None  # a capital somewhere: a name may be there
    if len(bares) <= 2 and bares[-1] in QUANTIFIERS_ALONE:
        return "nobody named"  # "many", "some", "others"
    tokens = [w for w in words if _bare(w) not in DETERMINERS]
    cut = next((i for i, w in enumerate(tokens) if i and w in CUT_WORDS), len(tokens))
    tokens = tokens[:cut]  # "a person familiar with the planning": a person, a source
    head = _head(tokens) if tokens else None
    if head is None or head.endswith(("n't", "n’t")) or not _agent_word(head):
        return "not a name"  # "helped", "to prevail", "brought together", "pitch"
    return None


def _issuer(text: str) -> ParsedMention | None:
    """The maker of a document the mention names: "a study by ... Mikhail E. Dmitriyev" and
    "an analysis of FEC data by Crowdpac" speak for Dmitriyev and Crowdpac."""
    lowered = text.lower()
    by = _BY_ISSUER.search(text) if "by" in lowered or "from" in lowered else None
    if by is not None:
        before = list(map(_bare, text[: by.start()].split()[:6]))
        if any(b in _ISSUED for b in before):
            issuer = split_role(text[by.end() :])
            if issuer.note is None and issuer.name and issuer.kind is not SpeakerKind.UNKNOWN:
                return issuer
    said_of = _SAID_OF.match(text) if " of " in text else None
    if said_of is not None and said_of.group(1) in _SAID_OF_NOUNS:
        sayer = split_role(text[said_of.end() :])  # "The rhetoric of Republican candidates"
        if sayer.note is None and sayer.name and sayer.kind is not SpeakerKind.UNKNOWN:
            return sayer
    if "s" not in lowered or ("'" not in text and "’" not in text):
        return None  # no possessive
    words = text.split()
    for p, word in enumerate(words[:-1]):
        if not word.endswith(_POSSESSIVE_S_ENDINGS):
            continue
        named = word[:1].isupper()
        # a description's possessor: "the campaign's statement", not "Tuesday's results"
        described = not named and p == 1 and words[0].casefold() == "the"
        if named or described:
            for k, after in enumerate(words[p + 1 :], p + 1):  # "Trump's tweet"
                if after[:1].isupper() and k + 1 < len(words) and words[k + 1][:1].islower():
                    continue  # "Ivanka Trump's Twitter account", not "The Post's Ruth Marcus"
                if not after[:1].islower() or after in PREPOSITIONS:
                    break  # not "Mr. Obama's reaction to the attacks"
                if _bare(after) in (_ISSUED if named else _SAID_BY):
                    start = _after_last_of(words[:p])  # "Much of Beck's ire": Beck's
                    owner = split_role(" ".join(words[start : p + 1]))
                    if owner.note is None and owner.name and (owner.proper or described):
                        return owner
                    break
        break
    return None


# "the rhetoric of", "The harsh words of": what is said, then "of" and who says it (not
# "the criticism of Trump", "accusations of fraud", "the promise of jobs": their object)
_SAID_OF_NOUNS = frozenset(
    "rhetoric comments comment words remarks statement statements advice language response "
    "answer testimony explanation".split()
)
_SAID_OF = re.compile(r"(?:[Tt]he |[Tt]his )?(?:[a-z-]+ ){0,2}?([a-z]+) of (?=\S)")


def _after_last_of(words: list[str]) -> int:
    """Where a possessor begins after a share of what they said ("More than half of Clinton's
    address", "Much of Beck's ire"): after an "of" that words of quantity lead to (not "Bank
    of America's statement")."""
    if (
        len(words) > 1
        and words[-1] == "of"
        and all(_bare(w) in QUANTITY_WORDS or _bare(w) == "much" for w in words[:-1])
    ):
        return len(words)
    return 0


_FIGURE_OR_MEDIA = FIGURE_HEADS | MEDIA_HEADS


# "figures" and "numbers" that are people: "party figures", "numbers of Republican voters".
_PEOPLE_COUNTED = frozenset(("figures", "numbers"))
_FIGURES_OF_STANDING = frozenset(
    """
    party gop republican democratic political public prominent leading senior top key
    establishment conservative liberal religious business labor opposition administration
    """.split()
)


def _people_counted(bares: list[str], head: str) -> bool:
    """Whether ``head`` ("figures", "numbers") counts people here: after a word of standing
    ("some GOP figures") or before "of" and people ("significant numbers of Republican
    voters")."""
    at = bares.index(head) if head in bares else -1
    if at < 0:
        return False
    if head == "figures" and at > 0 and bares[at - 1] in _FIGURES_OF_STANDING:
        return True
    rest = bares[at + 1 :]
    return head == "numbers" and len(rest) > 1 and rest[0] == "of" and _is_plural(rest[-1])


def _figures_checked(parsed: ParsedMention, first: str) -> ParsedMention:
    """A poll, figures or a picture named without its maker is not a speaker; neither is a
    share of respondents ("67 percent of voters")."""
    if parsed.kind is SpeakerKind.GROUP and _share_of(first.split()) is not None:
        return parsed  # "One in four voters in a New York Times poll": its respondents
    if _a_law(parsed):
        return parsed._replace(note="a law or a rule, not a speaker")
    if parsed.kind is SpeakerKind.PERSON and parsed.proper:
        if " " not in parsed.name and _bare(parsed.name) in _FIGURE_OR_MEDIA:
            return parsed._replace(note="a picture, a recording or figures, not their maker")
        return parsed
    bares = list(map(_bare, first.split()))
    if not _PERCENT.isdisjoint(bares) or ("%" in first and any(b.endswith("%") for b in bares)):
        return parsed._replace(note="a poll figure")
    last = bares[-1] if bares else ""
    head = parsed.head or last
    if head in _PEOPLE_COUNTED and _people_counted(bares, head):
        return parsed._replace(kind=SpeakerKind.GROUP)  # "some GOP figures", "numbers of voters"
    if head in FIGURE_HEADS or last in FIGURE_HEADS:
        return parsed._replace(note="figures (a poll, a study, records)")
    if head in MEDIA_HEADS or last in MEDIA_HEADS:
        if bares and bares[0] in _PERSONAL_POSSESSIVES:
            return parsed  # "His program on Wednesday", "his book": its maker, a pronoun names
        return parsed._replace(note="a picture, a recording or a text, not its maker")
    return parsed


_PERSONAL_POSSESSIVES = frozenset(("his", "her", "their"))
# Texts that bind rather than say: a law, a bill, a rule, an accord speaks for no one ("state
# law", "The legislation", "Federal Election Commission regulations", "the Affordable Care
# Act", "The rare accord").
_LAW_HEADS = frozenset(
    """
    law laws legislation bill bills rule rules regulation regulations amendment amendments
    statute statutes ordinance ordinances accord accords agreement agreements treaty treaties
    pact pacts
    """.split()
)


def _a_law(parsed: ParsedMention) -> bool:
    """Whether ``parsed`` names a law or a rule (its last word one in lower case, or "Act"
    ending a name), not its maker: no person ("Bill", "Ben Law") nor body ("the Rules
    Committee") named by it."""
    words = parsed.name.split()
    if not words or parsed.affiliation is not None:
        return False
    if words[-1] in ("Act", "Amendment"):
        return len(words) > 1 or words[-1] == "Amendment"  # "the Patriot Act"
    last = words[-1]
    if not last.islower() or (parsed.kind is SpeakerKind.PERSON and parsed.proper):
        return False  # "Bill", "Ben Law": a person's name
    return last in _LAW_HEADS and (parsed.head is None or parsed.head == last)


def _said_through(tokens: list[str]) -> str | None:
    """The head of "his/her/their ... <a text or a recording>" (its first lower-case word
    after the pronoun), when it is one a person speaks through: "book", "account", "videos"."""
    if _bare(tokens[0]) not in _PERSONAL_POSSESSIVES:
        return None
    for token in tokens[1:]:
        if token[:1].islower():
            bare = _bare(token)
            if bare in MEDIA_HEADS or bare in DOCUMENT_HEADS or bare in _SPEECH_NOUNS:
                return bare
            return None
    return None


# ------------------------------------------------------------------------- noun phrases


def _np(tokens: list[str]) -> ParsedMention:
    """Parse one noun phrase (no commas) into a mention; a part of a party or another
    group named by a plural ("some Democrats", "prominent Republicans", "Democrats on the
    panel") is a description of its own, not the whole group (see ``_part_of_group``)."""
    parsed = _np_whole(tokens)
    if parsed.proper and parsed.kind is SpeakerKind.GROUP:
        return _part_of_group(tokens, parsed)
    return parsed


def _part_of_group(tokens: list[str], parsed: ParsedMention) -> ParsedMention:
    """``parsed`` (a group named by one capitalised plural: "Democrats") as the part of it
    the whole phrase names, when a quantifier or an adjective before it or a qualifier after it
    picks some of them: "some Democrats", "other Republicans", "prominent Republicans",
    "Democrats on the panel" are speakers of their own in their article, not the party ("all
    Democrats", "the Democrats", "Democrats who ..." are the party)."""
    words = [t for t in tokens if t]
    while words and _bare(words[0]) in _WHOLE_WORDS:
        words = words[1:]
    bares = list(map(_bare, words))
    head = _bare(parsed.name)
    if " " in parsed.name or head not in bares:
        return parsed
    at = bares.index(head)
    after = words[at + 1 :]
    if not at and not (after and after[0] in CUT_WORDS and after[0] not in _RELATIVES):
        return parsed
    phrase = " ".join(words).strip(",;:")
    if at:  # "Some Democrats" opening a sentence is "some Democrats"
        phrase = phrase[:1].lower() + phrase[1:]
    return ParsedMention(phrase, None, SpeakerKind.GROUP, parsed.affiliation, proper=False)


_WHOLE_WORDS = frozenset("the these those all".split())
_RELATIVES = frozenset("who whom whose".split())


def _np_whole(tokens: list[str]) -> ParsedMention:
    """Parse one noun phrase (no commas) into a mention."""
    if "" in tokens:
        tokens = [t for t in tokens if t]
    if not tokens:
        return ParsedMention("", None, SpeakerKind.UNKNOWN, proper=False)
    # leading determiners: "the", "both", "some"
    first = _bare(tokens[0])
    if len(tokens) == 1:
        if first in PRONOUN_GENDER and tokens[0].strip(",;:") not in ("US", "U.S.", "U.S"):
            return ParsedMention(tokens[0], None, SpeakerKind.UNKNOWN, proper=False)
        if first in QUANTIFIERS_ALONE:
            return ParsedMention(
                tokens[0].lower(), None, SpeakerKind.GROUP, proper=False, head=first
            )
        if first in PERSON_ALONE:
            return ParsedMention(
                tokens[0].lower(), None, SpeakerKind.PERSON, proper=False, head=first
            )
    quantity = _share_of(tokens) or _quantity_of(tokens)
    if quantity is not None:
        return quantity
    if len(tokens) == 2 and first == "the" and _is_cap(tokens, 1):
        word = _bare(tokens[1])
        if word in NATION_OF_PEOPLE:  # "the Saudis": Saudi Arabia (see the word list)
            return ParsedMention(NATION_OF_PEOPLE[word], None, SpeakerKind.ORGANISATION)
        if word not in TITLES and word not in PERSON_NOUNS and word not in GROUP_PROPER:
            # "The Guardian", "the Hill", "The Advocate": people are not called "the Smith";
            # "The Brujas", "the Beatles": a capitalised plural after "the" is a group
            kind = (
                SpeakerKind.GROUP
                if _is_plural(tokens[1]) and word not in ORG_HEADS
                else SpeakerKind.ORGANISATION
            )
            return ParsedMention(tokens[1], None, kind, proper=True, head=word)
    while (
        len(tokens) > 1
        and _bare(tokens[0]) in DETERMINERS
        and not tokens[0].endswith(_POSSESSIVE_S_ENDINGS)
    ):
        tokens = tokens[1:]
    possessive_det = _bare(tokens[0]) in POSSESSIVE_PRONOUNS and len(tokens) > 1
    # the phrase ends at a relative pronoun or a locative preposition
    cuts = not CUT_WORDS.isdisjoint(tokens) or "like" in tokens or "that" in tokens
    for i in range(1, len(tokens) if cuts else 0):
        if tokens[i] in CUT_WORDS or (
            tokens[i] == "like"
            and _is_plural(tokens[i - 1])
            and (tokens[i - 1].islower() or _bare(tokens[i - 1]) in GROUP_PROPER)
        ):  # "candidates like Marco Rubio": the candidates, of whom Rubio is one
            tokens = tokens[:i]
            break
        if (
            tokens[i] == "that"
            and tokens[i - 1].islower()
            and i + 1 < len(tokens)
            and tokens[i + 1].islower()
        ):  # "a new poll that shows more voters view Clinton unfavorably": its relative clause
            tokens = tokens[:i]
            break
    member = _member_of(tokens)
    if member is not None:
        return member
    coord = _coordination(tokens)
    if coord is not None:
        left, right = tokens[:coord], tokens[coord + 1 :]
        lp, rp = _np(left), _np(right)
        if _joins_speakers(rp, right) and (
            _joins_speakers(lp, left) or _given_name_before(left, rp, right)
        ):
            proper = lp.proper or rp.proper
            return ParsedMention(" ".join(tokens), None, SpeakerKind.GROUP, proper=proper)
    if possessive_det:
        said = _said_through(tokens)
        if said is not None:
            # "his book ''The Art of the Deal.''", "her Twitter account": theirs, whatever
            # its title (the pronoun's person speaks: see _issuer)
            return ParsedMention(
                " ".join(tokens), None, SpeakerKind.ORGANISATION, proper=False, head=said
            )
        inner = _np(tokens[1:])
        return inner._replace(name=" ".join(tokens), proper=False) if not inner.proper else inner
    if _has_apostrophe(tokens):
        for p in range(len(tokens) - 1):
            if tokens[p].endswith(_POSSESSIVE_S_ENDINGS) or (
                tokens[p].endswith(_POSSESSIVE_BARE_ENDINGS) and tokens[p][0].isupper()
            ):
                return _possessive(tokens, p)
    return _scan(tokens)


def _has_apostrophe(words: list[str]) -> bool:
    """A quick test before looking for a possessive word by word."""
    text = " ".join(words)
    return "'" in text or "’" in text


_ABOUT = frozenset("about nearly almost roughly around approximately just only some".split())


def _count_word(token: str) -> bool:
    bare = _bare(token)
    return bare == "one" or bare in NUMBER_WORDS or bool(_NUMBER.match(bare))


def _share_of(tokens: list[str]) -> ParsedMention | None:
    """A share of people, "one in five", "About 9 in 10 Republican primary voters", "two out
    of three Americans": a group, named by the share and the people it counts (up to a word
    that cuts the phrase), never the person "one"."""
    if "in" not in tokens and "out" not in tokens:
        return None
    words = list(tokens)
    while len(words) > 3 and _bare(words[0]) in _ABOUT:
        words = words[1:]
    if len(words) < 3 or not _count_word(words[0]):
        return None
    if words[1] == "in" and _count_word(words[2]):
        end = 3
    elif words[1:3] == ["out", "of"] and len(words) > 3 and _count_word(words[3]):
        end = 4
    else:
        return None
    while end < len(words) and words[end] not in CUT_WORDS and not words[end].endswith(","):
        end += 1
    name = " ".join(words[:end]).strip(",;:")
    head = _bare(words[end - 1])
    return ParsedMention(name, None, SpeakerKind.GROUP, proper=False, head=head)


def _member_of(tokens: list[str]) -> ParsedMention | None:
    """A person's full name, then "of" or "for" and the body they speak for: "Robert Antonacci
    of the New York delegation", "Cameron Easley for Morning Consult" are the person, the body
    their affiliation. Only a plain name of two or three words ("Bank of America", "Americans
    for Prosperity", "Center for American Progress" are bodies' names)."""
    if "of" not in tokens and "for" not in tokens:
        return None
    at = next((i for i in (2, 3) if i < len(tokens) and tokens[i] in ("of", "for")), 0)
    if not at or at + 1 >= len(tokens):
        return None
    person = tokens[:at]
    if not _PLAIN_NAME.match(" ".join(person)) or not _is_plain_name(person):
        return None
    body = tokens[at + 1 :]
    if body[0].casefold() == "the":
        body = body[1:]
    if not body or not (body[0][:1].isupper() or _bare(body[-1]) in ORG_HEADS):
        return None  # "John Smith of all people"
    return ParsedMention(" ".join(person), None, SpeakerKind.PERSON, " ".join(body))


def _quantity_of(tokens: list[str]) -> ParsedMention | None:
    """ "54 percent of Democratic voters", "one of the attackers"."""
    if "of" not in tokens:
        return None
    i = tokens.index("of")
    before = list(map(_bare, tokens[:i]))
    if not before or i == len(tokens) - 1:
        return None
    if not all(b in QUANTITY_WORDS or _NUMBER.match(b) for b in before):
        return None
    inner_tokens = tokens[i + 1 :]
    for k in range(len(inner_tokens) - 1):
        word, after = inner_tokens[k], inner_tokens[k + 1 :]
        if (
            word.islower()
            and _is_plural(word)
            and not _agent_word(_bare(word)[:-1])
            and _bare(word)[:-1] not in GROUP_WORDS
            and all(t[:1].isupper() for t in after)
        ):
            # "One of the jobs Perez [talks about]": the name begins a relative clause
            person = _np(after)
            if person.proper and person.kind is SpeakerKind.PERSON:
                return person
            break
    inner = _np(inner_tokens)
    kind = SpeakerKind.PERSON if before == ["one"] else SpeakerKind.GROUP
    return ParsedMention(
        " ".join(tokens), None, kind, inner.affiliation, proper=False, head=inner.head
    )


def _possessive(tokens: list[str], p: int) -> ParsedMention:
    """ "Hillary Clinton's campaign manager Robby Mook", "Sanders's top advisers"."""
    owner_tokens = tokens[: p + 1]
    last = owner_tokens[-1]
    owner_tokens[-1] = last[:-2] if last.endswith(_POSSESSIVE_S_ENDINGS) else last[:-1]
    owner = _np(owner_tokens)
    is_time = any(_bare(t) in TIME_WORDS for t in owner_tokens)
    affiliation = owner.name if owner.proper and not is_time else None
    rest = _scan(tokens[p + 1 :])
    if rest.proper and rest.kind is SpeakerKind.PERSON:
        return rest._replace(affiliation=affiliation or rest.affiliation)
    # "Sanders's top advisers", "Rubio's campaign": the whole phrase names the group
    proper = rest.proper or (affiliation is not None and rest.kind is not SpeakerKind.PERSON)
    name = " ".join(tokens)
    if affiliation is not None and owner.role and owner.kind is SpeakerKind.PERSON:
        # "Congressman Trey Gowdy’s office" is "Trey Gowdy’s office": the owner's title is
        # theirs, no part of the name of what they own
        mark = last[len(owner_tokens[-1]) :]  # "’s", "'s" or "'"
        name = f"{owner.name}{mark} {' '.join(tokens[p + 1 :])}"
    return rest._replace(name=name, affiliation=affiliation, proper=proper)


def _scan(tokens: list[str]) -> ParsedMention:
    """Split role words from the trailing proper name and classify the mention."""
    honorific = False
    surname_at = -1  # the word after an honorific: a family name, even "King" or "Bishop"
    if not HONORIFICS.isdisjoint(map(_bare, tokens)):
        kept: list[str] = []
        for i, t in enumerate(tokens):
            if _bare(t) in HONORIFICS and i + 1 < len(tokens) and tokens[i + 1][:1].isupper():
                honorific = True
                surname_at = len(kept)
                continue
            kept.append(t)
        tokens = kept
    n = len(tokens)
    role_end = 0
    i = 0
    while i < n:
        t = tokens[i]
        if t in CONNECTORS or (t in NAME_PARTICLES and _is_particle(tokens, i)):
            i += 1
            continue
        if (
            _is_title(tokens, i) and not (i == surname_at and _bare(t) in SURNAME_TITLES)
        ) or not _is_cap(tokens, i):
            role_end = i + 1
            if i + 1 < n and tokens[i + 1] in COMPLEMENT_PREPS:
                j = i + 2
                if j < n and tokens[j].casefold() == "the":
                    j += 1
                start = j
                while j < n and (
                    _is_cap(tokens, j)
                    or (tokens[j] in CONNECTORS and j + 1 < n and _is_cap(tokens, j + 1))
                ):
                    j += 1
                if j > start:
                    if j < n:
                        role_end = i = j
                        continue
                    if _bare(tokens[-1]) in ORG_HEADS and _person_noun(_bare(t)):
                        # "The head of the Service Employees International Union": a person
                        # of the organisation, no one named (not "International Union")
                        role_end = n
                        break
                    role_end = _complement_end(tokens, start)
                    break
            i += 1
            continue
        i += 1
    role_tokens, name_tokens = tokens[:role_end], tokens[role_end:]
    if not name_tokens:
        return _description(role_tokens)
    agent = _speaks_for(tokens)
    if agent:
        # "a spokesman for Bernie Sanders", "advisers to Mr. Obama": someone else speaks
        noun = tokens[agent - 1]
        kind = SpeakerKind.GROUP if _is_plural(noun) else SpeakerKind.PERSON
        owner = " ".join(tokens[agent + 1 :])
        return ParsedMention(" ".join(tokens), None, kind, owner, proper=False, head=_bare(noun))
    return _named(role_tokens, name_tokens, honorific)


_AGENT_LINKS = frozenset("of the and".split())


def _speaks_for(tokens: list[str]) -> int:
    """Where "for" or "to" makes a mention an agent of the name after it, not the name's
    holder ("a spokesman for Bernie Sanders", "advisers to Obama", "A reporter for USA
    Today"); 0 when it does not ("former Japanese Ambassador to the U.S. Sasae Kenichiro",
    "candidate for president Hillary Clinton")."""
    if "to" not in tokens and "for" not in tokens:
        return 0
    for p in range(1, len(tokens) - 1):
        if tokens[p] not in ("to", "for"):
            continue
        noun = tokens[p - 1]
        if not noun.islower():
            continue
        bare = _bare(noun)
        if not (_person_noun(bare) or (_is_plural(bare) and _person_noun(bare[:-1]))):
            return 0
        rest = tokens[p + 1 :]
        while len(rest) > 1 and rest[0] in ("both", "the", "all"):
            rest = rest[1:]  # "a longtime adviser to both Clintons"
        if rest[0][:1].isupper() and all(t[:1].isupper() or t in _AGENT_LINKS for t in rest):
            return p
        if (
            rest[0][:1].isupper()
            and rest[-1][:1].isupper()
            and any(t.islower() and _is_title(rest, k) for k, t in enumerate(rest))
        ):  # "A spokesman for Democratic presidential candidate Hillary Clinton"
            return p
        return 0
    return 0


def _complement_end(tokens: list[str], start: int) -> int:
    """Where the name begins in "... of Homeland Security Jeh Johnson" (index)."""
    n = len(tokens)
    k = start
    while k < n and (
        _bare(tokens[k]) in INSTITUTION_WORDS
        or _ACRONYM.match(tokens[k])
        or tokens[k] in CONNECTORS
    ):
        k += 1
    if n - k >= 3:
        name_len = (
            3
            if (_INITIAL.match(tokens[n - 2]) or _bare(tokens[n - 1]) in NAME_SUFFIXES_KEEP)
            else 2
        )
        k = n - name_len
    return k


def _description(tokens: list[str]) -> ParsedMention:
    """A mention without a proper name: "the ministry", "a spokesman for the X campaign"."""
    text = " ".join(tokens)
    head = _head(tokens)
    kind = _description_kind(head or "")
    affiliation = _affiliation_in(text)
    if kind is SpeakerKind.PERSON:
        return ParsedMention(text, text, kind, affiliation, proper=False, head=head)
    proper = kind is not SpeakerKind.UNKNOWN and any(
        _is_cap(tokens, i) and _bare(tokens[i]) not in TITLES for i in range(len(tokens))
    )
    return ParsedMention(text, None, kind, affiliation, proper=proper, head=head)


_PARTICIPLE = re.compile(r"^[a-z]{2,}ing$")


def _named(role_tokens: list[str], name_tokens: list[str], honorific: bool) -> ParsedMention:
    """A proper name, possibly after a role."""
    while (
        role_tokens
        and role_tokens[-1][:1].isupper()
        and _bare(role_tokens[-1]) in _PARTY_WORDS
        and _proper_kind(name_tokens) is SpeakerKind.ORGANISATION
    ):  # "The Republican National Committee", "Republican Jewish Coalition"
        name_tokens = [role_tokens[-1], *name_tokens]
        role_tokens = role_tokens[:-1]
    if (
        role_tokens
        and _bare(role_tokens[-1]) in _TITLE_PLURALS
        and _plural_title_before_name([*role_tokens, *name_tokens[:1]], len(role_tokens) - 1)
    ):
        # "Florida Sens. Marco Rubio (R), ... and Bill Nelson", "Professors Foner and Alba":
        # several people, whom the title names together
        return ParsedMention(" ".join(role_tokens + name_tokens), None, SpeakerKind.GROUP)
    if (
        len(role_tokens) >= 2
        and _PARTICIPLE.match(role_tokens[-1])
        and (_person_noun(noun := _bare(role_tokens[-2])) or _plural_of(noun, PERSON_NOUNS))
    ):
        # "One pastor supporting Mr. Cruz": someone the participle ties to the name, not
        # its bearer (a description; an appositive name after it names them)
        kind = SpeakerKind.GROUP if _plural_of(noun, PERSON_NOUNS) else SpeakerKind.PERSON
        text = " ".join([*role_tokens, *name_tokens])
        return ParsedMention(text, None, kind, " ".join(name_tokens), proper=False, head=noun)
    role = " ".join(role_tokens) or None
    affiliation = _affiliation_in(role) if role else None
    if "of" in name_tokens:
        # "Jeffrey Lewis of the James Martin Center for Nonproliferation Studies"
        i = name_tokens.index("of")
        person, owner = name_tokens[:i], name_tokens[i + 1 :]
        if owner and owner[0].casefold() == "the":
            owner = owner[1:]
        if (
            1 <= i <= 3
            and owner
            and _proper_kind(person) is SpeakerKind.PERSON
            and _body_of(name_tokens) is None
        ):
            return ParsedMention(" ".join(person), role, SpeakerKind.PERSON, " ".join(owner))
    kind = _proper_kind(name_tokens)
    if honorific:
        kind = SpeakerKind.PERSON
    elif role_tokens:
        role_head = _head(role_tokens) or ""
        if role_head in ORG_HEADS or role_head in DOCUMENT_HEADS:
            kind = SpeakerKind.ORGANISATION  # "the conservative group Judicial Watch"
        elif (
            _person_noun(role_head)
            and kind is not SpeakerKind.GROUP
            and role_head not in DEMONYMS
            and role_head not in _PARTY_WORDS
        ):
            kind = SpeakerKind.PERSON  # "Rules Committee Chairman Bruce Ash"
    if kind is SpeakerKind.GROUP:
        role = None  # "Only two Democrats": quantities are not roles
    head = _org_head(name_tokens) if kind is SpeakerKind.ORGANISATION else None
    if kind is SpeakerKind.GROUP:
        head = _bare(name_tokens[0 if _body_of(name_tokens) else -1])  # "Armenians of Israel"
    return ParsedMention(" ".join(name_tokens), role, kind, affiliation, proper=True, head=head)


def _with_segments(first: ParsedMention, first_text: str, rest: list[str]) -> ParsedMention:
    """Combine the first comma segment with appositives or list items."""
    appositives: list[str] = []
    for k, seg in enumerate(rest):
        words = seg.split()
        lead = _bare(words[0])
        if lead in CUT_WORDS and lead in {"who", "whom", "whose", "which", "where", "when"}:
            break
        if _NUMBER.match(lead):
            continue  # an age: "Courtney Johnson, 23, a social worker"
        if _PARTY_STATE.match(seg):
            appositives.append(seg)  # "Mitch McConnell, R-Ky.": a party and a state
            continue
        if first.kind is SpeakerKind.PERSON and (lead in ("of", "from") or _place_after_name(seg)):
            appositives.append(seg)  # "Donna Sampson Rawlings, 59, of Ashton, Md."
            continue
        if lead in ("and", "or", "&"):
            return _group_of([first_text, *rest])
        if lead in APPOSITION_STOPS:
            break  # "New Jersey officials, including Gov. Chris Christie"
        parsed = _np(words)
        if (
            not first.proper
            and first.kind in (SpeakerKind.PERSON, SpeakerKind.UNKNOWN)
            and k == 0
            and parsed.proper
            and parsed.kind is SpeakerKind.PERSON
        ):
            # "Mr. Trump's campaign chairman, Paul Manafort"; "His opponent, Rep. Alan Grayson"
            role = first.role or first.name or None
            if parsed.role:
                role = f"{role}, {parsed.role}" if role else parsed.role
            return parsed._replace(role=role, affiliation=parsed.affiliation or first.affiliation)
        if parsed.proper and parsed.role is None and words[0][:1].isupper() and first.proper:
            return _group_of([first_text, *rest])  # "President Obama, Hillary Clinton, ..."
        appositives.append(_trim_relative(seg))
    if not appositives:
        return first
    apposition = ", ".join(a for a in appositives if a)
    role = f"{first.role}, {apposition}" if first.role else apposition
    if not first.proper:
        return first
    affiliation = first.affiliation or _affiliation_in(apposition)
    kind = first.kind
    if kind is SpeakerKind.PERSON and not first.role and not _place_after_name(appositives[0]):
        described = _np(appositives[0].split())
        if described.kind is SpeakerKind.ORGANISATION and described.head not in DOCUMENT_HEADS:
            kind = SpeakerKind.ORGANISATION  # "The Union Leader, New Hampshire's largest newspaper"
    return first._replace(role=role, affiliation=affiliation, kind=kind)


def _place_after_name(segment: str) -> bool:
    """A state or a city's state after a person's name and its comma: "D.C.", "Md.", "Ohio"."""
    if _place_alone(segment) or _STATE_INITIALS.match(segment):
        return True
    return " " not in segment and _bare(segment) in US_STATES


_STATE_INITIALS = re.compile(r"^(?:[A-Z]\.){1,2}[A-Z]\.?$")  # "D.C", "N.Y."


def _trim_relative(segment: str) -> str:
    words = segment.split()
    for i, w in enumerate(words[1:], 1):
        if w in ("who", "whom", "whose", "which"):
            return " ".join(words[:i])
    return segment


def _group_of(parts: list[str]) -> ParsedMention:
    text = ", ".join(parts)
    words = text.split()
    while len(words) > 1 and _bare(words[0]) in DETERMINERS:
        words = words[1:]
    return ParsedMention(" ".join(words), None, SpeakerKind.GROUP, proper=True)
