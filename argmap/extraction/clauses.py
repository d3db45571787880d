"""Attribution patterns inside one sentence unit.

Each function reads the quote-masked paragraph (quoted words replaced by '_',
so cue words inside quotations are never mistaken for the reporter's own) and
returns spans as paragraph offsets. Nothing here knows about documents.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from argmap.extraction import lexicon as lx
from argmap.extraction.layout import INVISIBLE
from argmap.speakers.wordlists import NUMBER_WORDS

# a number with thousands separators ("34,000 people": not "000 people"), a word (with inner
# apostrophes, dots, hyphens; a plural possessive "Sanders'") or one mark; its word characters
# are never given back (++, *+): all that may follow them is optional and starts with none, so
# the tokens are the same, and re stops sooner where a branch fails
_TOKEN = re.compile(
    r"\d{1,3}(?:,\d{3})++(?![\w,])|[’']\d\ds?\b|\w++(?:[’'.&-]\w++)*+(?:(?<=s)[’'](?![\w’']))?\.?|[^\w\s]"
)
_THAT = re.compile(r"\bthat\b", re.IGNORECASE)


def _find_that(text: str) -> re.Match[str] | None:
    """The first word 'that' in ``text`` (any case); the substring test first is much cheaper."""
    return _THAT.search(text) if "that" in text.lower() else None


_OPEN_QUOTE = re.compile(r"[\"“‘'«]_")


# Verbs that lead into a cue: 'Bryne went on to say', 'Smith declined to comment'.
_LEAD_IN = re.compile(
    r"\b(?:went|goes|go|going|has gone) on to\s+$"
    rf"|\b(?:{'|'.join(lx.LEAD_IN_TO)}|was quick|were quick) to\s+$"
)
_WHEN_BEFORE = re.compile(
    r"\s(?:(?:on|last|this|early|late|earlier|next)\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"week|month|year|night|morning|afternoon|evening)\s*$"
    r"|\s(?:(?:less|more) than\s+)?\w+\s+(?:days?|weeks?|months?|years?)\s+ago\s*$"
)
# Cheap tests before the two patterns above: the words their matches end with.
_LEAD_IN_END = "to"
_WHEN_ENDS = tuple("day week month year night morning afternoon evening ago".split())
_CONTRACTED_PRONOUN = re.compile(r"(?i)(he|she|they|we|i|it|you)[’'](?:s|ve|d|ll|re|m)$")


class Span(NamedTuple):
    """A stretch of a paragraph: ``par[start:end]``."""

    start: int
    end: int


_new_tuple = tuple.__new__  # builds a NamedTuple without its Python-level __new__


class Token(NamedTuple):
    """A word or punctuation mark of a paragraph, with its offsets: ``par[start:end] == text``."""

    start: int
    end: int
    text: str


class Finding(NamedTuple):
    """One attribution found in a unit, in paragraph offsets."""

    content: Span
    cue: Span
    mention: Span | None
    parts: tuple[Span, ...]
    pattern: str  # how it was found: pre, post, inverted, according, attitude, continuation
    confidence: float


_WINDOW = 180  # characters looked back for a speaker phrase or a clause subject


def _window_start(masked: str, lo: int, hi: int) -> int:
    """Where to start reading back from ``hi``: ``lo``, or a word start at most _WINDOW before."""
    if hi - lo <= _WINDOW:
        return lo
    start = masked.find(" ", hi - _WINDOW, hi)
    return start + 1 if start >= 0 else hi - _WINDOW


# A token and the white space before it: every character but white space is in some token, so
# the tokens follow one another with only white space between them.
_SPACED_TOKEN = re.compile(rf"(\s*+)({_TOKEN.pattern})")


def tokens(masked: str, lo: int, hi: int) -> list[Token]:
    """Word and punctuation tokens of ``masked[lo:hi]`` with paragraph offsets."""
    found = []
    at = lo
    # strings are cheaper than match objects; the space before each token gives its start
    for space, token in _SPACED_TOKEN.findall(masked, lo, hi):
        start = at + len(space)
        at = start + len(token)
        found.append(_new_tuple(Token, (start, at, token)))  # Token(...) is 3x slower
    return found


def _is_boundary_punct(tok: str) -> bool:
    return tok in {
        ";",
        ":",
        "—",
        "–",
        "(",
        ")",
        "[",
        "]",
        '"',
        "“",
        "”",
        "‘",
        "’",
        "'",
        "«",
        "»",
        "_",
        "?",
        "!",
    }


def _looks_like_np(toks: list[Token]) -> bool:
    """A plausible speaker phrase: ends in a noun-like word and has content."""
    if not toks:
        return False
    last = toks[-1].text.lower().rstrip(".")
    if last in lx.NOT_SPEAKER_END or (
        last in lx.AUXILIARIES and not _family_name(toks, len(toks) - 1)
    ):
        return False
    if toks[-1].text in {",", "-", "'"}:
        return False
    if len(toks) == 1 and toks[0].text.lower() in lx.PRONOUNS:
        return True
    words = [t for t in toks if t.text[0].isalnum()]
    if not words:
        return False
    # a lowercase phrase ending in -ly or a past participle is rarely a speaker
    return not (last.endswith("ly") and not toks[-1].text[0].isupper())


def _family_name(toks: list[Token], k: int) -> bool:
    """'May' in 'Yin Myint May' and 'Theresa May', 'Will' in 'George Will': a family name that
    is also an auxiliary, after a capitalised word."""
    return toks[k].text in ("May", "Will") and k > 0 and toks[k - 1].text[:1].isupper()


def _is_verb_like(word: str) -> bool:
    """Lowercase auxiliaries and negated verbs, which never sit inside a speaker phrase."""
    return word.islower() and (word in lx.AUXILIARIES or word.endswith(("n't", "n’t")))


def _walk_np(toks: list[Token], end_index: int) -> int | None:
    """Index of the first token of the noun phrase ending at ``end_index`` (inclusive)."""
    i = end_index
    count = 0
    while i >= 0:
        text = toks[i].text
        low = text.lower()
        if text == ")" and count == 0 and i > 0:
            # a parenthetical after a name: 'Rep. John Mica (R-Fla.) said'
            k = i - 1
            while k >= 0 and toks[k].text != "(" and i - k < 8:
                k -= 1
            if k >= 0 and toks[k].text == "(":
                i = k - 1
                continue
        if _is_boundary_punct(text) or text == ",":
            break
        if low in lx.CLAUSE_WORDS or (count and _is_verb_like(text)):
            break
        if (
            count
            and text.islower()
            and text in lx.CUE_FORMS
            and text.endswith(("ed", "said", "told"))
        ):
            break  # 'ministers announced | plans': a verb ends the speaker phrase
        if low in ("and", "or") and count:
            # "Japan and the United States", "foreign and defense ministers"
            prev = toks[i - 1].text if i > 0 else ""
            nxt = toks[i + 1].text
            if not (
                prev[:1].isupper() and (nxt[:1].isupper() or nxt in ("the", "their", "his", "her"))
            ) and not (prev.islower() and nxt.islower() and not prev.endswith(("ed", "s"))):
                break
        if low in lx.PRONOUNS and count:
            break
        count += 1
        if count > 16:
            break
        i -= 1
    start = i + 1
    return start if start <= end_index else None


def _ends_with(masked: str, lo: int, hi: int, endings: str | tuple[str, ...]) -> bool:
    """Whether ``masked[lo:hi]`` ends with one of ``endings`` once trailing white space is
    dropped."""
    return masked[lo:hi].rstrip().endswith(endings)


def speaker_before(masked: str, lo: int, cue_start: int) -> Span | None:
    """The speaker phrase that ends right before a cue, if there is one.

    Skips auxiliaries and adverbs ("has also said"), and steps over an
    appositive between commas ("Tanaka, a former minister, said").
    """
    lo = _window_start(masked, lo, cue_start)
    if _ends_with(masked, max(lo, cue_start - 30), cue_start, _LEAD_IN_END):
        lead_in = _LEAD_IN.search(masked, max(lo, cue_start - 30), cue_start)
        cue_start = lead_in.start() if lead_in else cue_start
    when = None
    if _ends_with(masked, max(lo, cue_start - 40), cue_start, _WHEN_ENDS):
        when = _WHEN_BEFORE.search(masked, max(lo, cue_start - 40), cue_start)
    if when and when.start() > lo:
        cue_start = when.start()  # 'The State Department less than two weeks ago said'
    toks = tokens(masked, lo, cue_start)
    i = len(toks) - 1
    if i > 0 and toks[i].text in _ING_LEAD_INS and _ING_AT.match(masked, cue_start):
        i -= 1  # 'and began talking about ...': the verb that leads into the cue
    while i >= 0 and (
        (toks[i].text.lower() in lx.AUXILIARIES and not _family_name(toks, i))
        or (toks[i].text.islower() and toks[i].text.endswith("ly") and len(toks[i].text) > 3)
        or (toks[i].text.islower() and toks[i].text.endswith(("n't", "n’t")))
        or (
            i > 0
            and toks[i].text in _FLOATING
            and toks[i - 1].text[0].isalnum()
            and toks[i - 1].text.lower() not in lx.CLAUSE_WORDS
            and toks[i - 1].text.lower() not in ("and", "or", "nor", "of")
        )
    ):
        # 'has also said', "I don't think", 'Cruz and Paul have all attacked', 'both condemned'
        i -= 1
    if i > 0 and toks[i].text in ("here", "there") and toks[i - 1].text[:1].isalpha():
        i -= 1  # 'Her campaign workers here said': a place word after the speaker
    if i > 0 and toks[i].text in _DASHES:
        # 'The Supreme Court justice -- who has been involved in a scuffle -- said': the speaker
        # before the parenthesis between dashes
        opening = _opening_dash(toks, i)
        if opening is None:
            return None
        i = opening - 1
    if i < 0:
        return None
    if toks[i].text.lower() in lx.PRONOUNS:
        return Span(toks[i].start, toks[i].end)
    contraction = _CONTRACTED_PRONOUN.match(toks[i].text)
    if contraction:  # "he's said", "they've argued"
        return Span(toks[i].start, toks[i].start + contraction.end(1))
    if toks[i].text == ",":
        named = _name_before_apposition(toks, i)
        return _apposition_before(toks, i) if named is _NO_CHAIN else named
    start = _walk_np(toks, i)
    if start is None:
        return None
    if (
        start > 1
        and toks[start - 1].text in ("who", "that")
        and _verb_like_word(toks[start].text)
        and toks[start - 2].text[0].isalnum()
    ):
        # 'a White House official who spoke anonymously to discuss strategy said': the
        # relative clause describes the speaker before it
        before = _walk_np(toks, start - 2)
        if before is not None and _looks_like_np(toks[before : start - 1]):
            return Span(toks[before].start, toks[start - 2].end)
    np_toks = toks[start : i + 1]
    if np_toks[0].text.lower() in PREPOSITIONS and not _counts(np_toks):
        # an adjunct: 'who in 2010 said'
        if start > 0 and toks[start - 1].text.lower() in lx.PRONOUNS:
            return Span(toks[start - 1].start, toks[start - 1].end)
        return None
    if not _looks_like_np(np_toks):
        return None
    return Span(np_toks[0].start, np_toks[-1].end)


_DASHES = frozenset("— – -".split())


def _opening_dash(toks: list[Token], close: int) -> int | None:
    """The index of the dash that opens the parenthesis closed by the dash ``toks[close]`` (a
    '--' counts as one dash), or None when there is none within 40 tokens or the closing dash
    follows no word."""
    k = close - 1 if toks[close - 1].text == "-" else close
    if k < 1 or not toks[k - 1].text[:1].isalnum():
        return None
    j = k - 1
    while j > 0 and close - j < 40:
        if toks[j].text in _DASHES:
            j = j - 1 if toks[j - 1].text == "-" else j
            return j if j > 0 else None
        if _is_boundary_punct(toks[j].text):
            return None
        j -= 1
    return None


def _counts(np_toks: list[Token]) -> bool:
    """'At least half of voters in each state', 'About four in 10 ... voters', 'Over 60 percent
    of Democrats': a count of the speakers that opens with a preposition."""
    if len(np_toks) < 3:
        return False
    first, second = np_toks[0].text, np_toks[1].text
    if first == "At":
        return second in ("least", "most")
    return first in ("About", "Around", "Over", "Under") and (
        second[:1].isdigit() or second in _AMOUNTS
    )


# Words that count or measure after "About", "Over" or "said about": 'About half of ...',
# 'Over two dozen ...', 'about a dozen ...'.
_AMOUNTS = NUMBER_WORDS | frozenset("half a one dozen dozens hundreds thousands".split())


def _apposition_before(toks: list[Token], i: int) -> Span | None:
    """A noun phrase and the one apposition after it, ending at the comma ``toks[i]``: 'his
    top aide, Tad Devine,' and 'The chief, Paul Manafort,' (the name is the apposition)."""
    j = i - 1
    while j >= 0 and toks[j].text != "," and not _is_boundary_punct(toks[j].text) and i - j < 25:
        j -= 1
    if toks[i - 1].text == ")" and (j < 1 or toks[j].text != ","):
        i -= 1  # 'Gov. John Kasich (R-OH), said': a stray comma after a parenthetical
        start = _walk_np(toks, i)
        return Span(toks[start].start, toks[i].end) if start is not None else None
    if j < 1 or toks[j].text != "," or j == i - 1:
        return None
    start = _walk_np(toks, j - 1)
    if start is None or not _looks_like_np(toks[start:j]):
        return None
    return Span(toks[start].start, toks[i - 1].end)


_ING_LEAD_INS = frozenset(lx.LEAD_IN_ING)
_ING_AT = re.compile(r"\w+ing\b")


# Words that float after a plural subject or its auxiliary: 'Cruz and Paul have all attacked'.
_FLOATING = frozenset(("all", "both", "each"))


_NO_CHAIN = Span(-1, -1)  # no name and appositions before the comma: try the older reading


def _name_before_apposition(toks: list[Token], comma: int) -> Span | None:
    """The name before the appositions that end at ``toks[comma]``, a comma right before a cue.

    'Johnnie Wilson, of Springfield, Va., said', 'Richard Burr, 56, who has served on the
    committee, said', 'Clinton, during a town hall meeting in Columbus, Ohio, said': the
    segments between commas after the name (a description, an age, a place, a relative clause,
    an adjunct) are passed over, and the name alone is the mention. None when what comes before
    is no name and appositions ('In the world of politics, it is unusual for ..., said Matt
    Latimer' names its speaker after the cue).
    """
    # the comma-separated segments before the comma, nearest first: (first, last) token indexes
    segments: list[tuple[int, int]] = []
    end = comma - 1
    k = end
    while k >= 0 and comma - k < 40 and len(segments) < 5:
        text = toks[k].text
        if text == ",":
            if k == end:
                return _NO_CHAIN  # ', ,'
            segments.append((k + 1, end))
            end = k - 1
        elif _is_boundary_punct(text) and text not in ("(", ")"):
            break
        k -= 1
    if k >= 0 and comma - k >= 40:
        return _NO_CHAIN
    if end >= k + 1:
        segments.append((k + 1, end))  # the segment that opens the clause
    if len(segments) < 2:
        return _NO_CHAIN
    # join a place to the segment before it: 'Flint, Mich.', 'Springfield, Va.'
    merged: list[tuple[int, int]] = []
    for seg_start, seg_end in reversed(segments):  # from the first segment on
        if merged and _is_place_tail(toks, seg_start, seg_end, merged[-1]):
            merged[-1] = (merged[-1][0], seg_end)
        else:
            merged.append((seg_start, seg_end))
    # the first segment that is no apposition, from the nearest back, is the name
    for index in range(len(merged) - 1, 0, -1):
        if not _is_apposition(toks, *merged[index]):
            break
    else:
        index = 0
    head_start, head_end = merged[index]
    if index == len(merged) - 1:
        # nothing passed over: no apposition; a clause before the comma is no speaker ('In the
        # world of politics, it is unusual for ..., said Matt Latimer')
        return None if _is_clause(toks, *merged[index]) else _NO_CHAIN
    if index == 0 and len(merged) > 1 and _opening_adjunct(toks, head_start, head_end):
        # 'On Sunday, Pastor Bradley Cranston, 52, said': the adjunct opens the sentence
        index = 1
        head_start, head_end = merged[1]
        if index == len(merged) - 1:
            return _NO_CHAIN
    start = _walk_np(toks, head_end)
    if start is None or (
        start > head_start and index > 0 and toks[start - 1].text.lower() not in lx.CLAUSE_WORDS
    ):
        return None  # the segment holds more than a name: a clause of the reporter's
    np_toks = toks[start : head_end + 1]
    if (
        not _looks_like_np(np_toks)
        or np_toks[0].text.lower() in PREPOSITIONS
        or any(t.text.lower() in lx.AUXILIARIES and t.text.islower() for t in np_toks)
    ):
        return None
    end = np_toks[-1].end
    described = merged[index + 1]
    if _describes(toks, *described):
        # 'Tanaka, a former minister': the role stays with the name (not a place after it)
        last = next((k - 1 for k in range(*described) if toks[k].text == ","), described[1])
        end = toks[last].end
    return Span(np_toks[0].start, end)


def _describes(toks: list[Token], lo: int, hi: int) -> bool:
    """An apposition that gives a role: 'a former minister', 'the mayor of Flint, Mich.',
    'chief executive of Intel'; not an age, a party, a place or a relative clause."""
    low = toks[lo].text.lower()
    return (low in _DETERMINERS or toks[lo].text.islower()) and not (
        low in PREPOSITIONS or low in ("of", "who", "whose", "whom", "which")
    )


_STATE_ABBREVIATION = re.compile(r"^(?:[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.|[RDI]-[\w.-]+)$")
_PARTY = re.compile(r"[RDI]-")


def _is_place_tail(toks: list[Token], lo: int, hi: int, before: tuple[int, int]) -> bool:
    """'Mich.' after 'Flint', 'Ohio' after 'Columbus', 'R-Utah' after a name: a short
    capitalised segment that completes the segment before it, itself ending capitalised."""
    if hi - lo > 1 or not toks[before[1]].text[:1].isupper() or _PARTY.match(toks[lo].text):
        return False
    word = toks[lo].text
    return bool(_STATE_ABBREVIATION.match(word)) or (
        word[:1].isupper()
        and word.isalpha()
        and before[1] > before[0]
        and toks[before[1] - 1].text.lower() in ("in", "of", "from", "at", "near")
    )


def _is_apposition(toks: list[Token], lo: int, hi: int) -> bool:
    """A segment that describes the name before it: 'a former minister', 'the mayor of Flint,
    Mich.', '56', 'who has served ...', 'of Springfield, Va.', 'during a town hall', 'chief
    executive of Intel', 'R-Utah'; not a clause ('it is highly unusual ...') nor a name."""
    first = toks[lo].text
    low = first.lower()
    if low in ("who", "whose", "whom", "which"):
        return hi > lo  # a relative clause; a lone 'who' is the subject ('who, on Friday, said')
    if first[0].isdigit():
        return True  # an age, a share: 'Benjamin Green, 83,', 'Just over a quarter, 26 percent,'
    if hi == lo and (
        _STATE_ABBREVIATION.match(first)
        or (first.islower() and (low in lx.AUXILIARIES or low in lx.CLAUSE_WORDS))
    ):
        return True  # 'R-Utah'; 'Democrats, meanwhile, blasted'
    if low in lx.PRONOUNS or low in lx.CLAUSE_WORDS:
        return False
    for t in toks[lo : hi + 1]:
        if t.text in ("who", "whose", "whom", "which", "that"):
            break  # 'a Republican who has refused to endorse Mr. Trump'
        if t.text in FINITE_VERBS or t.text in _IRREGULAR_PAST:
            return False  # a verb: a clause, not a description
    return low in _DETERMINERS or low in PREPOSITIONS or low == "of" or first.islower()


def _is_clause(toks: list[Token], lo: int, hi: int) -> bool:
    """A segment with a subject pronoun and a verb, or a finite auxiliary before any relative
    pronoun: 'it is highly unusual for ...'."""
    if toks[lo].text.lower() in ("it", "there", "this") and hi > lo:
        return True
    for t in toks[lo : hi + 1]:
        if t.text in ("who", "whose", "whom", "which", "that"):
            return False
        if t.text in FINITE_VERBS:
            return True
    return False


_TIME_OPENING = re.compile(r"^(?:[Oo]n|[Ii]n|[Aa]t|[Ll]ast|[Tt]his|[Ee]arlier|[Ll]ater)$")


def _opening_adjunct(toks: list[Token], lo: int, hi: int) -> bool:
    """'On Sunday', 'In 2010', 'Last week', 'Earlier': an adjunct opening the sentence."""
    low = toks[lo].text.lower()
    return low in PREPOSITIONS or low in lx.DAY_WORDS or bool(_TIME_OPENING.match(toks[lo].text))


PREPOSITIONS = frozenset(
    """
    in on at during after before since for with without by from into over under about across
    through throughout following despite amid among like unlike
    """.split()
)


def speaker_after(masked: str, cue_end: int, hi: int, strict: bool = False) -> Span | None:
    """The speaker phrase right after an inverted cue ('..., said Smith, a spokesman.').

    ``strict``: the phrase must end the sentence or meet a comma, as it does when
    nothing but a comma (no quotation mark) separates it from its content.
    """
    toks = tokens(masked, cue_end, hi)
    out = []
    for tok in toks:
        if tok.text in {",", ".", ";", ":", "?", "!"} or _is_boundary_punct(tok.text):
            break
        if tok.text.lower() in lx.CLAUSE_WORDS or tok.text.lower() in (
            "in",
            "on",
            "at",
            "during",
            "who",
        ):
            if strict and tok.text.lower() not in ("who", "whose"):
                return None
            break
        out.append(tok)
        if len(out) > 10:
            return None
    if not out or not _looks_like_np(out):
        return None
    return Span(out[0].start, out[-1].end)


def content_after(masked: str, cue_end: int, hi: int, base: str) -> Span | None:
    """The content that follows a cue: after 'that', a colon or the audience of 'tell'."""
    pos = cue_end
    window = masked[pos : min(hi, pos + 90)]
    that = _find_that(window)
    if that and _only_circumstance(window[: that.start()], base):
        pos = pos + that.end()
    if pos == cue_end:
        toks = tokens(masked, pos, min(hi, pos + 90))
        k = 0
        if base in ("tell", "inform", "assure", "remind", "brief", "warn", "urge", "ask"):
            while (
                k < len(toks)
                and k < 4
                and (toks[k].text.lower() in lx.AUDIENCE_WORDS or toks[k].text[0].isupper())
                and toks[k].text not in ('"', "“", "«", "‘")
                and not (k and toks[k].text in _DETERMINERS)  # 'told CNN the plan was dead'
            ):
                k += 1
        while k < len(toks) and _is_time_word(toks, k):
            k += 1
        if k < len(toks) and (
            toks[k].text.lower() in ("in", "on", "at", "during", "via")
            or (
                toks[k].text.lower() == "to"
                and k + 1 < len(toks)
                and (
                    toks[k + 1].text[:1].isupper() or toks[k + 1].text.lower() in lx.AUDIENCE_WORDS
                )
            )
        ):
            # "said in a statement:", "wrote on Twitter,"
            for m in range(k + 1, min(len(toks), k + 9)):
                if toks[m].text in (",", ":"):
                    k = m + 1
                    break
                if _is_boundary_punct(toks[m].text):
                    break
        if k < len(toks):
            pos = toks[k].start
        else:
            return None
    while pos < hi and (masked[pos].isspace() or masked[pos] in ",:—–"):
        pos += 1
    end = trim_end(masked, pos, _new_clause_stop(masked, pos, content_stop(masked, pos, hi)))
    if end - pos < 3 or _TOPIC_ONLY.match(masked, pos, end):
        return None  # 'has written widely on the alliance' names a topic, not content
    return Span(pos, end)


_TOPIC_ONLY = re.compile(r"\w+ly\s+(?:on|about|of|for)\b")


def _is_time_word(toks: list[Token], k: int) -> bool:
    """'Tuesday', 'yesterday'; 'this', 'last' and 'next' only before a time noun ('last week')."""
    word = toks[k].text.lower().rstrip(".")
    if word in ("this", "last", "next"):
        return k + 1 < len(toks) and toks[k + 1].text.lower().rstrip(".,") in lx.DAY_WORDS
    return word in lx.DAY_WORDS


# Where the reporter's own words resume after reported content. Every alternative opens with a
# plain character, so the regex engine skips ahead between candidates (the third looks behind
# its space for the closing quotation).
_CONTENT_STOP = re.compile(
    r"; |,[\"”’']? but (?![“\"‘'])| (?<=_[\"”’'] )but (?![“\"‘'])|, while |, which |, when "
    r"|, even |, compared with "
)


def content_stop(masked: str, lo: int, hi: int) -> int:
    """Where reported content ends: at a new clause that is the reporter's own."""
    stop = _CONTENT_STOP.search(masked, lo, hi)
    return stop.start() if stop else hi


_AND_CLAUSE = re.compile(
    r", and (?=[A-Z]|the |a |an |his |her |their |its |some |many |he |she |they |we )"
)


def _new_clause_stop(masked: str, lo: int, hi: int) -> int:
    """Where reported content ends at ', and' opening a clause with its own named subject: 'a
    boycott of his speech, and the Anti-Defamation League strongly denounced ...'."""
    for match in _AND_CLAUSE.finditer(masked, lo, hi):
        toks = tokens(masked, match.end(), min(hi, match.end() + 80))
        if toks and _subject_at(toks, 0) is not None:
            return match.start()
    return hi


_STOP_PUNCT = re.compile(r"[.;:]")


def _only_circumstance(between: str, base: str) -> bool:
    """True when the words between a cue and its 'that' are adjuncts or an audience.

    'told reporters on Monday that', 'said in a statement that', 'argued Tuesday that';
    not 'said she could not support the deal that ...'.
    """
    words = between.split()
    if not words:
        return True
    if (
        "_" in between
        or len(words) > 8
        or _STOP_PUNCT.search(between)
        or ", " in between.strip(", ")
    ):
        return False
    first = words[0].lower().strip(",")
    if any(w.lower() in FINITE_VERBS for w in words[1:]):
        return False  # 'said Thursday his biggest worry about Trump is that ...'
    if first == "to" and (
        len(words) < 2 or not (words[1][:1].isupper() or words[1].lower() in lx.AUDIENCE_WORDS)
    ):
        return False  # 'hopes to be elected ... that' is not 'said to reporters that'
    if base in ("tell", "inform", "assure", "remind", "brief", "warn", "convince", "persuade"):
        return first in lx.AUDIENCE_WORDS or words[0][:1].isupper() or first in _ADJUNCT_STARTS
    return (
        first in _ADJUNCT_STARTS
        or first in lx.DAY_WORDS
        or first in ("again", "repeatedly", "publicly", ",")
    )


def trim_end(masked: str, lo: int, hi: int, marks: str = ".,;:") -> int:
    """Where ``masked[lo:hi]`` ends without trailing white space and ``marks`` (a sentence's
    final punctuation by default; quotation marks always stay)."""
    end = hi
    while end > lo and (masked[end - 1].isspace() or masked[end - 1] in marks):
        end -= 1
    return end


def content_before(masked: str, lo: int, boundary: int) -> Span | None:
    """Content that precedes its attribution: from the unit start to the comma before it."""
    end = boundary
    while end > lo and (masked[end - 1].isspace() or masked[end - 1] in ",—–"):
        end -= 1
    start = lo
    while start < end and (masked[start].isspace() or masked[start] in INVISIBLE):
        start += 1
    if end - start < 3:
        return None
    return Span(start, end)


def tail_is_adjunct(masked: str, cue_end: int, hi: int) -> bool:
    """True when what follows a cue is only circumstance ('said on Tuesday in Ohio.')."""
    tail = masked[cue_end:hi]
    that = _find_that(tail)
    if (that and _THAT.match(tail.lstrip())) or tail.lstrip()[:1] in (":",):
        return False
    if that and _only_circumstance(tail[: that.start()], ""):
        return False  # 'said on the record that ...'
    if _OPEN_QUOTE.search(tail):
        return False
    words = tail.split()
    if not words:
        return True
    if (tail.lstrip().startswith(",") and words[0].strip(",").lower().endswith("ing")) or (
        words[0] == "," and len(words) > 1 and words[1].lower().endswith("ing")
    ):
        return True  # '..., she said, referencing the bank's drive': a participial clause follows
    first = words[0].lower().strip(",.")
    if first == "to" and len(words) > 1 and words[1].lower().strip(",.") not in lx.AUDIENCE_WORDS:
        return False  # 'declined to comment': an infinitive is content
    if (
        len(words) <= 3
        and first not in lx.PRONOUNS
        and not first.endswith("’s")
        and "'" not in first
    ):
        # 'said Tuesday.', 'said in Ohio.'; but a clause with a verb is content: 'said taxes
        # would rise.'
        return not any(w.lower().strip(",.") in FINITE_VERBS for w in words[1:])
    if first in ("last", "this", "next"):
        if words[1].lower().strip(",.") not in lx.DAY_WORDS:
            return False
        rest = [w.lower().strip(",.") for w in words[2:]]
        # 'vowed last month to take his campaign ...': content after the time
        return not (
            rest
            and (
                (rest[0] == "to" and len(rest) > 1 and rest[1] not in lx.AUDIENCE_WORDS)
                or rest[0] == "that"
                or rest[0] in ("he", "she", "they", "we", "i")
                or any(w in FINITE_VERBS for w in rest[:5])
            )
        )
    if (
        first in lx.DAY_WORDS
        and (
            re.split("[’']", words[1].lower())[0] in ("he", "she", "they", "we", "i")  # "he’s"
            or any(w.lower() in FINITE_VERBS for w in words[1:6])
        )
    ):
        return False  # 'said Tuesday the party would win': a clause after the day
    if (
        first == "about"
        and (words[1][:1].isdigit() or words[1].lower() in _AMOUNTS)
        and any(w in FINITE_VERBS or (w.endswith("ed") and looks_finite(w)) for w in words[2:12])
    ):
        return False  # 'said about half of the adjustment reflected ...': an amount, no topic
    return first in _ADJUNCT_STARTS


#: Auxiliaries and modals that make a clause finite.
FINITE_VERBS = frozenset(
    """
    would will could can may might should must is are was were has have had did does do
    """.split()
)
_ADJUNCT_STARTS = frozenset(
    """
    in on at during after before while when to via from earlier later of about recently as
    monday tuesday wednesday thursday friday saturday sunday yesterday today told adding
    according tonight late
    """.split()
)


_QUOTE_ENDS = {"”", '"', "’", "»", "'"}
_DETERMINERS = frozenset(
    """
    the a an this that these those his her their its our some many several most both all
    other another one
    """.split()
)


def clause_subject(masked: str, lo: int, hi: int, main: bool = False) -> Span | None:
    """The subject of the last clause in ``masked[lo:hi]`` (for '..., saying ...').

    Clause starts are tried from the last one back (after a subordinating
    word, a comma, a dash or a quotation); the subject is a run of
    capitalised words, a pronoun or a determiner phrase followed by a verb.
    With ``main``, subordinate and relative clauses are passed over ('Bradley
    apologized after they came out, saying ...' -> Bradley), and a name that
    opens the sentence may be followed by its appositive ('Mr. Trump, who ..., issued').
    """
    window = _window_start(masked, lo, hi)
    toks = tokens(masked, window, hi)
    last = _last_subject(
        toks, [0] + [k + 1 for k, tok in enumerate(toks) if _opens_clause(tok.text)]
    )
    if not main:
        return last
    starts = [0] + [
        k + 1
        for k, tok in enumerate(toks)
        if _opens_clause(tok.text) and tok.text.lower() not in lx.CLAUSE_WORDS
    ]
    starts = [
        k
        for k in starts
        if not (
            k
            and toks[k - 1].text == ","
            and k < len(toks)
            and (
                toks[k].text.lower() in lx.CLAUSE_WORDS
                or toks[k].text.lower() in ("who", "which", "whom")
            )
        )
    ]
    principal = _last_subject(toks, starts)
    if principal is None and window == lo and toks and toks[0].text[:1].isupper():
        principal = _leading_name(toks)
    # the main clause's subject, unless it cannot speak ('The move came ... after Kishida
    # addressed Congress, saying') and the last clause's subject can
    if principal is not None and (
        _can_speak(masked, principal) or last is None or not _can_speak(masked, last)
    ):
        return principal
    return last


def _last_subject(toks: list[Token], starts: list[int]) -> Span | None:
    for start in reversed(starts):
        found = _subject_at(toks, start)
        if found is not None:
            return found
    return None


def _can_speak(masked: str, span: Span) -> bool:
    """A name or a personal pronoun, not a common noun phrase ('The move') or a relative pronoun."""
    text = masked[span.start : span.end]
    first = text.split()[0].lower() if text.split() else ""
    if first in ("who", "which", "whom", "that", "it", "they"):
        return False
    return first in lx.PRONOUNS or (text[:1].isupper() and first not in _DETERMINERS)


def _leading_name(toks: list[Token]) -> Span | None:
    """The capitalised name that opens a sentence, before its appositive: 'Mr. Trump, who ...'."""
    end = 0
    while end + 1 < len(toks) and toks[end + 1].text[:1].isupper():
        end += 1
    after = end + 1
    if after < len(toks) and toks[after].text == "(":
        # 'Sen. Jack Reed (D-R.I.), said ...': a party and state after the name
        close = next((k for k in range(after, min(len(toks), after + 8)) if toks[k].text == ")"), 0)
        if close:
            end = close
    if (
        end + 1 < len(toks)
        and toks[end + 1].text == ","
        and toks[0].text.lower() not in lx.CLAUSE_WORDS
        and not _opening_adjunct(toks, 0, end)
    ):
        return Span(toks[0].start, toks[end].end)
    return None


def _opens_clause(word: str) -> bool:
    return (
        word.lower() in lx.CLAUSE_WORDS
        or word in (";", ":", ",", "—", "–", "―", ")")
        or word in _QUOTE_ENDS
    )


def _verb_like_word(word: str) -> bool:
    """A lowercase finite verb that is no auxiliary: 'spoke', 'asked', 'runs'."""
    return looks_finite(word) and word not in lx.AUXILIARIES


def looks_finite(word: str) -> bool:
    """A lowercase word that may be a finite verb: 'said', 'mused', 'riffs', 'went'."""
    if not word.isalpha() or not word.islower():
        return False
    if word in lx.AUXILIARIES or word in lx.CUE_FORMS or word in _IRREGULAR_PAST:
        return True
    return word.endswith("ed") or (word.endswith("s") and not word.endswith("ss"))


_IRREGULAR_PAST = frozenset(
    """
    said told wrote shot went spoke sang began kept put threw bit struck swore broke rang
    took made gave sent held led cast got came ran left brought sought set stood sat won lost
    met heard saw knew grew drew fought paid built spent became fell rose chose hit
    """.split()
)


def _subject_at(toks: list[Token], start: int) -> Span | None:
    """A subject starting at token ``start`` and followed by a verb, if there is one."""
    if start >= len(toks) or not toks[start].text[0].isalnum():
        return None
    first = toks[start].text
    if first in _SENTENCE_OPENERS and start + 1 < len(toks):
        return _subject_at(toks, start + 1)  # 'And then Trump went on the attack, saying'
    if first.lower() in PREPOSITIONS or first.lower() in ("of", "to"):
        return None
    if first.lower() in lx.PRONOUNS and first.lower() not in ("it", "which", "that"):
        return Span(toks[start].start, toks[start].end)
    end: int | None  # the subject's last token; None: no common noun phrase (``_common_end``)
    if first[:1].isupper():
        last = start
        while last + 1 < len(toks) and (
            toks[last + 1].text[:1].isupper()
            or (
                toks[last + 1].text.lower() in ("of", "the", "'s", "’s", "-", "and")
                and last + 2 < len(toks)
                and toks[last + 2].text[:1].isupper()
            )
            or _title_words_before_name(toks, last + 1)
        ):
            last += 1
        end = _common_end(toks, start) if first.lower() in _DETERMINERS and last == start else last
        if (
            end == last
            and toks[last].text.endswith(("'s", "’s"))
            and last + 1 < len(toks)
            and toks[last + 1].text.islower()
        ):
            end = _common_end(toks, last + 1)  # "Hillary Clinton’s right-hand woman rallied"
    elif first.lower() in _DETERMINERS:
        end = _common_end(toks, start)
    elif first.islower():
        if (
            first in ("and", "but", "or", "nor")
            or first in lx.AUXILIARIES
            or (looks_finite(first) and not first.endswith("s"))
            or first.endswith(("ing", "ly"))
        ):
            return None  # 'and took a heckler in stride': no subject of its own
        end = _common_end(toks, start)
    else:
        end = start
    if end is None:
        return None
    after_the = end + 3 < len(toks) and toks[end + 2].text.lower() in _DETERMINERS
    if (
        end + 2 < len(toks)
        and toks[end + 1].text in ("on", "in", "at", "of", "from", "for")
        and (after_the or toks[end + 2].text[:1].isupper())
    ):
        # 'Republicans on Capitol Hill seized ...', 'A spokeswoman for the House Armed Services
        # Committee emailed ...', 'A footnote in the report makes': a place or body after the head
        k = end + 2 + after_the
        while (
            k + 1 < len(toks)
            and k - end < 7
            and toks[k + 1].text[0].isalnum()
            and (toks[k + 1].text[:1].isupper() or not looks_finite(toks[k + 1].text))
            and toks[k + 1].text.lower() not in lx.CLAUSE_WORDS
        ):
            k += 1
        if k + 1 < len(toks) and looks_finite(toks[k + 1].text):
            return Span(toks[start].start, toks[k].end)
    if end + 1 < len(toks) and toks[end + 1].text == "(":
        close = next(
            (k for k in range(end + 1, min(len(toks), end + 9)) if toks[k].text == ")"), None
        )
        if close is not None and close + 1 < len(toks) and looks_finite(toks[close + 1].text):
            return Span(toks[start].start, toks[close].end)  # 'Rep. Jason Chaffetz (R-Utah) said'
    if end + 1 >= len(toks) or not looks_finite(toks[end + 1].text.lstrip("_")):
        nxt = toks[end + 1].text if end + 1 < len(toks) else ""
        if not (nxt.endswith("ly") and nxt.islower()):
            return None
    return Span(toks[start].start, toks[end].end)


def _title_words_before_name(toks: list[Token], k: int) -> bool:
    """'presidential candidate' in 'Republican presidential candidate Donald Trump': lowercase
    words (two at most, no verb) between capitalised words of one name and its title."""
    for j in (k, k + 1):
        if j >= len(toks):
            return False
        word = toks[j].text
        if word[:1].isupper():
            return j > k
        if not (word.isalpha() and word.islower()) or looks_finite(word) or word in lx.AUXILIARIES:
            return False
        if word in lx.CLAUSE_WORDS or word in PREPOSITIONS or word in _DETERMINERS:
            return False
    return k + 2 < len(toks) and toks[k + 2].text[:1].isupper()


# Capitalised words that open a sentence before its subject: 'And then Trump went ...'.
_SENTENCE_OPENERS = frozenset(
    "And But Or Nor So Yet Then Now Still Also Even Just Instead Meanwhile Indeed Plus".split()
)


def _common_end(toks: list[Token], start: int) -> int | None:
    """The last token of a lowercase subject ('several environmental groups') before its verb."""
    end = None
    for k in range(start, min(len(toks), start + 6)):
        word = toks[k].text
        if not word[0].isalnum():
            break
        if (
            k > start
            and looks_finite(word)
            and not word.endswith("s")
            and toks[k - 1].text.lower() not in _DETERMINERS
        ):
            break
        if k > start and word.islower() and word in lx.AUXILIARIES:
            break
        if k > start and word in ("for", "of", "on", "in", "at", "from"):
            break  # the head ends before its prepositional phrase
        end = k
        if (
            k + 1 < len(toks)
            and looks_finite(toks[k + 1].text)
            and k > start
            and word.lower() not in _DETERMINERS  # 'the report makes': a noun after 'the'
        ):
            break
    if end is None or toks[end].text.lower() in _DETERMINERS:
        return None
    return end
