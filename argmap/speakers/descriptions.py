"""Which person a definite description names: "the Vermont senator", "the former secretary
of state", "the Republican presidential candidate".

News introduces a person with their title or an apposition ("Sen. Bernie Sanders (I-Vt.)",
"Republican presidential candidate Donald Trump", "Robert McDonough, a senior executive at
Carrier,") and later calls them by it. ``role_words`` reads those words around one place a
name is written; ``fit`` scores a description against the words gathered for a person. The
words are normalised the way news copy abbreviates them (Sen. -> senator, Fla. -> florida,
R-Fla. -> republican, florida), so "the Florida senator" fits "Sen. Marco Rubio (R-Fla.)".
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["description_words", "fit", "head_forms", "role_words"]

# Abbreviations of titles, parties and US states in news copy (AP style) -> the word.
_ABBREVIATIONS = {
    "sen": "senator",
    "sens": "senator",
    "rep": "representative",
    "reps": "representative",
    "gov": "governor",
    "govs": "governor",
    "pres": "president",
    "sec": "secretary",
    "secy": "secretary",
    "gen": "general",
    "amb": "ambassador",
    "atty": "attorney",
    "supt": "superintendent",
    "congressman": "representative",
    "congresswoman": "representative",
    "chairwoman": "chairman",
    "chair": "chairman",
    "chairperson": "chairman",
    "spokeswoman": "spokesman",
    "spokesperson": "spokesman",
    "gop": "republican",
    "republicans": "republican",
    "democrats": "democrat",
    "democratic": "democrat",
    "ala": "alabama",
    "ariz": "arizona",
    "ark": "arkansas",
    "calif": "california",
    "colo": "colorado",
    "conn": "connecticut",
    "del": "delaware",
    "fla": "florida",
    "ga": "georgia",
    "ill": "illinois",
    "ind": "indiana",
    "kan": "kansas",
    "kans": "kansas",
    "ky": "kentucky",
    "la": "louisiana",
    "md": "maryland",
    "mass": "massachusetts",
    "mich": "michigan",
    "minn": "minnesota",
    "miss": "mississippi",
    "mo": "missouri",
    "mont": "montana",
    "neb": "nebraska",
    "nev": "nevada",
    "okla": "oklahoma",
    "ore": "oregon",
    "pa": "pennsylvania",
    "tenn": "tennessee",
    "tex": "texas",
    "va": "virginia",
    "vt": "vermont",
    "wash": "washington",
    "wis": "wisconsin",
    "wisc": "wisconsin",
    "wyo": "wyoming",
}
_MULTI = {  # two-letter abbreviations with a full stop inside: "N.J." -> new jersey
    "nh": ("new", "hampshire"),
    "nj": ("new", "jersey"),
    "nm": ("new", "mexico"),
    "ny": ("new", "york"),
    "nc": ("north", "carolina"),
    "nd": ("north", "dakota"),
    "ri": ("rhode", "island"),
    "sc": ("south", "carolina"),
    "sd": ("south", "dakota"),
    "wva": ("west", "virginia"),
    "dc": ("district", "columbia"),
}
# "(R-Fla.)", "D-Vt.", "I-Vt.": party and state
_PARTY_STATE = re.compile(r"\b([RDI])-([A-Z][A-Za-z.]{1,6})")
_PARTY = {"R": "republican", "D": "democrat", "I": "independent"}
# Heads of one kind: a description with one of them fits a person described with another.
_KINDRED = (
    frozenset("candidate nominee contender front-runner frontrunner hopeful".split()),
    frozenset("president leader chancellor premier prime".split()),
    frozenset("chairman head leader chief".split()),
    frozenset("executive ceo chief president".split()),
    frozenset("spokesman aide adviser advisor official".split()),
    frozenset("representative lawmaker legislator".split()),
    frozenset("senator lawmaker legislator".split()),
)
# Words that say when, not who: "the former secretary", "the new mayor", "the presumptive
# nominee" fit a person whatever the text said of their time in office.
_TIME_WORDS = frozenset("former then current new presumptive likely would-be longtime".split())
# Words that praise, weigh or age a person rather than say who they are: "the mega donor"
# fits "Top Republican Party donor Sheldon Adelson", "the 71-year-old diplomat" a diplomat whose
# age the text never gave ("71-year-old" is read as "year-old"). A description need not find
# them among a person's words.
_SOFT_WORDS = frozenset(
    """
    mega veteran top big leading prominent powerful influential well-known famous wealthy
    outspoken embattled controversial popular seasoned year-old
    """.split()
)
_STOP = frozenset("the a an of for and in at on to his her their its who is was".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*\.?")


def _normal(word: str) -> tuple[str, ...]:
    bare = word.replace("’", "'").rstrip(".").casefold()
    if bare.endswith("'s"):
        bare = bare[:-2]
    squeezed = bare.replace(".", "")
    if squeezed in _MULTI and "." in word:
        return _MULTI[squeezed]
    return (_ABBREVIATIONS.get(squeezed, squeezed),)


def _words(text: str) -> list[str]:
    found: list[str] = []
    for match in _PARTY_STATE.finditer(text):
        found.append(_PARTY[match.group(1)])
        found.extend(_normal(match.group(2)))
    for match in _WORD.finditer(_PARTY_STATE.sub(" ", text)):
        found.extend(w for w in _normal(match.group()) if w not in _STOP)
    return found


@lru_cache(maxsize=4096)
def description_words(description: str) -> tuple[str, frozenset[str]]:
    """The head and the other words of a description: 'the former Secretary of State' ->
    ('secretary', {'state'}); words of time ('former', 'new') are left out."""
    # "the Republican nominee-in-waiting" is a nominee
    words = [w.removesuffix("-in-waiting") for w in _words(description) if w not in _TIME_WORDS]
    if not words:
        return "", frozenset()
    head = words[-1]
    if "of" in description.split() and len(words) > 1:  # 'secretary of state': head first
        before_of = description.split(" of ", 1)[0]
        head_words = [w for w in _words(before_of) if w not in _TIME_WORDS]
        if head_words:
            head = head_words[-1]
    return head, frozenset(w for w in words if w != head)


def role_words(before: str, run: str, after: str) -> frozenset[str]:
    """The words that describe a person at one place their name is written: the end of the
    clause before it ("Republican presidential candidate"), the title in the name itself
    ("Sen." of "Sen. Bernie Sanders") and an apposition after it (", the Vermont senator,";
    "(I-Vt.)")."""
    tail = re.split(r"[,;:!?\"“”()\n]|\.\s", before)[-1]
    words = _words(" ".join(tail.split()[-5:]))
    words += _words(run)
    apposition = re.match(r"\s*(?:\(([^()]{1,30})\)|,\s*([^,.;:()\"“”]{1,80}))", after)
    if apposition is not None:
        words += _words(apposition.group(1) or apposition.group(2))
    return frozenset(words)


@lru_cache(maxsize=1024)
def head_forms(description: str) -> tuple[str, ...]:
    """The lowercase spellings a text must use somewhere for ``description`` to fit anyone
    it describes: its head noun, the heads of its kind and their abbreviations ('senator'
    -> 'senator', 'sen.', 'lawmaker', ...)."""
    head = description_words(description)[0]
    if not head:
        return ()
    heads = {head}
    for kin in _KINDRED:
        if head in kin:
            heads |= kin
    forms = set(heads)
    forms.update(f"{short}." for short, full in _ABBREVIATIONS.items() if full in heads)
    if "republican" in heads:
        forms.update(("gop", "r-"))
    if "democrat" in heads:
        forms.add("d-")
    return tuple(sorted(forms))


def _heads_agree(head: str, words: frozenset[str]) -> bool:
    if head in words:
        return True
    return any(head in kin and not kin.isdisjoint(words) for kin in _KINDRED)


def fit(description: str, words: frozenset[str]) -> int:
    """How well ``description`` fits a person described by ``words``: one more than the
    number of its words other than the head that are among them ('the Vermont senator' -> 2
    for {'senator', 'vermont', 'independent'}); 0 when its head noun (or one of its kind:
    'nominee' for 'candidate') is not among them, or when any other word is not ('the French
    president' does not fit a person the text only calls 'President Obama')."""
    head, others = description_words(description)
    if not head or not _heads_agree(head, words):
        return 0
    needed = others - _SOFT_WORDS
    if not needed <= words:
        return 0
    return 1 + len(others & words)
