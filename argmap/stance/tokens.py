"""Words of a statement for stance cues: stems, clause weights (contrast) and negation scopes.

Pure functions on strings. Stems come from the Snowball English stemmer, so a cue matches
its inflections ("deter" matches "deterred", "integration" matches "integrating").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

_STEMMER = snowballstemmer.stemmer("english")

#: Words, "U.S."-style abbreviations, and the punctuation that ends a clause.
_TOKEN = re.compile(r"U\.S\.(?:A\.)?|[A-Za-z0-9]+(?:['’][A-Za-z]+)?|[,;:.!?()\"“”—–]")
#: The words ``_TOKEN`` finds, without the punctuation between them (no cue holds any).
_WORD = re.compile(r"U\.S\.(?:A\.)?|[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
#: Spellings of the United States, read as one token "usa".
_USA = frozenset("U.S. U.S.A. US USA America American Americans".split())
#: ... and, in a cue phrase, these lower-cased words too ("us" is the country there).
_USA_IN_PHRASES = frozenset("us u.s. usa america american".split())
_CLAUSE_ENDS = set(',;:.!?()"“”—–')
_SENTENCE_ENDS = set(";.!?")

#: A clause before these is conceded: "A, but B" argues B.
CONTRAST = frozenset("but however yet nevertheless nonetheless still instead".split())
#: A clause opened by these (up to its comma) is conceded: "Although A, B" argues B.
CONCESSIVE = frozenset("although though while whereas despite notwithstanding".split())
#: Words that reverse the cue after them in the same clause.
NEGATORS = frozenset(
    """
    not no never neither nor without cannot nothing none hardly against oppos reject refus
    resist lack fail
    """.split()
)
#: Before a negator, these make it an obligation rather than a denial: "Japan must not become
#: X" warns against X (whatever X's side), while "Japan is not X" denies it.
DEONTIC_BEFORE = frozenset(
    """
    should must ought shall need cannot can't mustn't shouldn't
    """.split()
)
DEONTIC_AFTER = {"allow", "let", "permit", "accept", "tolerate"}
#: How far back (in words) a negator reaches, inside its clause.
NEGATION_WINDOW = 8
#: Words that end a negation's scope: "does not want X, and Y" leaves Y alone.
SCOPE_ENDS = frozenset(
    """
    and or which who because since so while whereas although though if unless when whether
    """.split()
)
#: Words that grant the point of their clause: "Deepening the alliance is fine in principle; the
#: problem is ..." concedes the part before the semicolon.
GRANTING = {
    ("of", "course"),
    ("in", "principle"),
    ("admittedly",),
    ("granted",),
    ("to", "be", "sure"),
    ("no", "doubt"),
}
#: A clause opened by these after a semicolon argues against the one before it.
OBJECTING = {("the", "problem"), ("the", "trouble"), ("the", "catch"), ("the", "question")}
#: After "no", these make an emphasis, not a denial ("no amount of X changes ...", "no doubt").
_EMPHATIC_AFTER_NO = {"amount", "matter", "doubt"}
#: The weight of a conceded clause's evidence.
CONCEDED_WEIGHT = 0.3


@dataclass(slots=True)
class Token:
    """One word (or clause-ending mark) of a statement, in order (no offsets: nothing reads
    them, and ``re.findall`` without match objects is what keeps tokenising cheap)."""

    text: str
    stem: str
    weight: float = 1.0  # CONCEDED_WEIGHT inside a conceded clause
    negated: bool = False  # a negator precedes it in its clause
    deontic: bool = (
        False  # ... and that negation is an obligation ('should not', 'must not', 'cannot allow')
    )
    conceded: bool = False
    is_word: bool = True  # False for punctuation


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball stem of a lower-cased word; contractions keep only their negation."""
    word = word.lower().replace("’", "'")
    if word.endswith("n't") or word in {"cannot"}:
        return "not"
    word = word.split("'")[0]
    return _IRREGULAR.get(word) or _STEMMER.stemWord(word)


#: Irregular forms the stemmer leaves apart.
_IRREGULAR = {
    "goes": "go",
    "went": "go",
    "gone": "go",
    "going": "go",
    "is": "be",
    "are": "be",
    "was": "be",
    "were": "be",
    "been": "be",
    "being": "be",
    "am": "be",
    "has": "have",
    "had": "have",
    "having": "have",
    "does": "do",
    "did": "do",
    "done": "do",
    "made": "make",
    "making": "make",
    "said": "say",
    "says": "say",
    "saying": "say",
    "drew": "draw",
    "drawn": "draw",
    "dragged": "drag",
    "stood": "stand",
    "standing": "stand",
    "fought": "fight",
    "lost": "lose",
    "losing": "lose",
    "brought": "bring",
    "led": "lead",
    "met": "meet",
    "sold": "sell",
    "bought": "buy",
    "held": "hold",
    "told": "tell",
    "gave": "give",
    "given": "give",
}
_STATES = stem("states")


def tokenize(text: str, *, phrase: bool = False) -> list[Token]:
    """The tokens of ``text`` with their stems; ``phrase`` reads a cue ("us" is the country)."""
    if not phrase:
        return _tokenize(text)[0]
    tokens: list[Token] = []
    append = tokens.append
    for word in _TOKEN.findall(text):
        if word in _USA or word.lower() in _USA_IN_PHRASES:
            append(Token(word, "usa"))
        elif not word[0].isalnum():
            append(Token(word, word, is_word=False))
        elif (
            len(word) == 6
            and tokens
            and word.lower() == "states"
            and tokens[-1].stem == "unit"
            and tokens[-1].text.istitle()
        ):
            tokens[-1] = Token(tokens[-1].text + " " + word, "usa")
        else:
            append(Token(word, stem(word)))
    return tokens


def _tokenize(text: str) -> tuple[list[Token], list[str]]:
    """``tokenize(text)`` and each token's lower-cased text."""
    tokens: list[Token] = []
    lower: list[str] = []
    append, append_lower = tokens.append, lower.append
    for word in _TOKEN.findall(text):
        word_stem, is_word, word_lower = _read(word)
        if (
            word_lower == "states"
            and tokens
            and tokens[-1].stem == "unit"
            and tokens[-1].text.istitle()
        ):
            tokens[-1] = Token(tokens[-1].text + " " + word, "usa")
            lower[-1] = lower[-1] + " " + word_lower
        else:
            append(Token(word, word_stem, 1.0, False, False, False, is_word))
            append_lower(word_lower)
    return tokens, lower


@lru_cache(maxsize=65536)
def _read(word: str) -> tuple[str, bool, str]:
    """What ``tokenize`` reads in one word: its stem, whether it is a word, its lower case."""
    lower = word.lower()
    if word in _USA:
        return "usa", True, lower
    if not word[0].isalnum():
        return word, False, lower
    return stem(word), True, lower


def stem_set(text: str) -> set[str]:
    """The stems of ``tokenize(text)``'s words, and perhaps a few more (the stems of "United"
    and "States" where they make one "usa" token): whether a cue can match needs no tokens."""
    found = {_read(word)[0] for word in _WORD.findall(text)}
    if _STATES in found:
        found.add("usa")
    return found


def stems(text: str) -> tuple[str, ...]:
    """The word stems of a cue phrase, in order."""
    return tuple(token.stem for token in tokenize(text, phrase=True) if token.is_word)


def analyse(text: str) -> list[Token]:
    """The tokens of a statement with clause weights (contrast) and negation marks."""
    tokens, lower = _tokenize(text)
    sentence_start = 0
    opener: int | None = None  # index of a concessive word opening a clause
    for i, word in enumerate(lower):
        if word not in _CLAUSE_WORDS:  # none of the cases below
            continue
        token = tokens[i]
        if token.stem in _SENTENCE_ENDS:
            if word == ";" and _grants(lower, sentence_start, i):
                _concede(tokens, sentence_start, i)
            sentence_start = i + 1
            opener = None
        elif word in _REJECTING and _rejects(lower, i):
            # "A instead of B", "A rather than B": B is the alternative the speaker turns down.
            end = next((j for j in range(i + 2, len(tokens)) if not tokens[j].is_word), len(tokens))
            for rejected in tokens[i + 2 : end]:
                rejected.weight = min(rejected.weight, CONCEDED_WEIGHT)
        elif (
            word in CONTRAST
            and not _is_also(lower, i)
            and not (word == "still" and i > sentence_start and tokens[i - 1].is_word)
        ):
            _concede(tokens, sentence_start, i)
        elif word in CONCESSIVE and (i == sentence_start or not tokens[i - 1].is_word):
            opener = i
        elif opener is not None and token.stem == ",":
            _concede(tokens, opener, i)
            opener = None
    # Negation: the nearest negator before a word, within NEGATION_WINDOW words of its clause.
    negator: int | None = None
    deontic = False
    for i, token in enumerate(tokens):
        if negator is None and token.stem not in NEGATORS:
            continue  # no scope open, none opened (a scope's end changes nothing)
        if not token.is_word or lower[i] in CONTRAST or lower[i] in SCOPE_ENDS:
            negator = None  # the word that ends a negation's scope is outside it
            continue
        if (
            negator is not None
            and i - negator <= NEGATION_WINDOW
            and not _not_a_negation(lower, negator, i)
        ):
            token.negated = True
            token.deontic = deontic
        if token.stem in NEGATORS:
            negator = i
            deontic = (
                lower[i] in DEONTIC_BEFORE
                or (i > 0 and lower[i - 1] in DEONTIC_BEFORE)
                or (i + 1 < len(lower) and lower[i + 1] in DEONTIC_AFTER)
            )
    return tokens


def _concede(tokens: list[Token], start: int, stop: int) -> None:
    for token in tokens[start:stop]:
        token.conceded = True
        token.weight = CONCEDED_WEIGHT


def _not_a_negation(lower: list[str], negator: int, word: int) -> bool:
    """'not only X', and emphatic comparatives ('has never been stronger', 'no closer ally')."""
    following = lower[negator + 1] if negator + 1 < len(lower) else ""
    if following in {"only", "just", "merely"} or (
        lower[negator] == "no" and following in _EMPHATIC_AFTER_NO
    ):
        return True
    text = lower[word]
    comparative = text.endswith(("er", "est")) or lower[word - 1] == "more"
    return comparative and lower[negator] in {"never", "no"}


#: The first words of "instead of" and "rather than".
_REJECTING = frozenset({"instead", "rather"})
#: The lower-cased tokens ``analyse``'s clause pass acts on: sentence ends, "instead" and
#: "rather", contrasts, concessive openers, and the comma that closes a concession.
_CLAUSE_WORDS = frozenset(_SENTENCE_ENDS | _REJECTING | CONTRAST | CONCESSIVE | {","})


def _rejects(lower: list[str], i: int) -> bool:
    """Whether ``lower[i:i+2]`` is "instead of" or "rather than"."""
    return tuple(lower[i : i + 2]) in {("instead", "of"), ("rather", "than")}


def _grants(lower: list[str], start: int, stop: int) -> bool:
    """Whether the clause ``lower[start:stop]`` (ended by a semicolon) is granted before an
    objection: it holds a granting phrase ("in principle"), or the next clause objects ("the
    problem is")."""
    words = lower[start:stop]
    if any(
        tuple(words[j : j + len(phrase)]) == phrase
        for phrase in GRANTING
        for j in range(len(words))
    ):
        return True
    return any(tuple(lower[stop + 1 : stop + 1 + len(phrase)]) == phrase for phrase in OBJECTING)


def _is_also(lower: list[str], i: int) -> bool:
    """'but also' (after 'not only') is not a contrast."""
    return lower[i] == "but" and i + 1 < len(lower) and lower[i + 1] == "also"
