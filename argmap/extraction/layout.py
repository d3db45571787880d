"""Text layout for the extractor: paragraphs, quotations and sentence units.

All functions work on offsets into one paragraph string and never raise on
odd input: an unbalanced quotation mark damages at most its own paragraph.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import NamedTuple

OPENING_DOUBLE = "“„«"
CLOSING_DOUBLE = "”»"
QUOTE_CHARS = "\"“”„«»‘’'"


class Quote(NamedTuple):
    """A quotation: ``start``/``end`` include the marks; ``closed`` is False when it runs on."""

    start: int
    end: int
    closed: bool
    open_len: int = 1  # 2 for a quote opened with two apostrophes ('')
    close_len: int = 1

    @property
    def inner(self) -> tuple[int, int]:
        """The quoted words without the marks."""
        lo = min(self.start + self.open_len, self.end)
        return lo, max(lo, self.end - self.close_len if self.closed else self.end)

    def inner_text(self, par: str) -> str:
        """The quoted words of ``par`` (the paragraph, or its masked copy)."""
        lo, hi = self.inner
        return par[lo:hi]


INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\ufeff"


_ELISION = re.compile(r"['’](?:\d\ds?\b|n['’]\s|em\b|til\b|cause\b|tis\b)")


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _mark_role(par: str, i: int) -> str | None:
    """Classify the mark at ``i`` as 'open', 'close', 'either' or None (an apostrophe)."""
    ch = par[i]
    before = par[i - 1] if i > 0 else " "
    after = par[i + 1] if i + 1 < len(par) else " "
    # invisible format characters (direction marks, zero-width spaces) count as space here
    before = " " if before in INVISIBLE else before
    after = " " if after in INVISIBLE else after
    if ch in OPENING_DOUBLE:
        if (
            not before.isspace()
            and i > 0
            and before not in "([{—–-/"
            and (after.isspace() or i + 1 == len(par))
        ):
            return "close"  # an opening mark typed where a closing one belongs: 'here,“ said'
        return "open"
    if ch in CLOSING_DOUBLE:
        if i == 0 or (before.isspace() and _is_word(after)):
            return "open"  # a closing mark typed where an opening one belongs
        return "close"
    if ch == '"':
        if before.isspace() and after.isspace():
            return "either"
        if before.isspace() or before in "([{—–-/" or i == 0:
            return "open"
        if after.isspace() or after in ".,;:!?)]}—–-" or i + 1 == len(par):
            return "close"
        return "either"
    # single marks: ‘ ’ and '
    if _is_word(before) and _is_word(after):
        return None  # don't, Japan’s
    if _ELISION.match(par, i):
        return None  # the '90s, rock 'n' roll
    if ch == "‘":
        return "open" if not _is_word(before) else None
    if before.isspace() or i == 0 or before in '([{—–"“':
        return "open" if _is_word(after) or after in '“"$' else None
    if after.isspace() or after in '.,;:!?)]}—–"”' or i + 1 == len(par):
        return "close" if not before.isspace() else None
    return None


def _double_apostrophes(par: str) -> str:
    """Rewrite '' (two apostrophes used as a double quote) as " keeping length."""
    return par.replace("''", '"\u200b') if "''" in par else par


_DOUBLE_MARK = re.compile('["“”„«»]')
_SINGLE_MARK = re.compile("[‘’']")


def find_quotes(par: str) -> list[Quote]:
    """Quotations in one paragraph, outermost only.

    Double marks (straight, curly, guillemets, two apostrophes) are used when the
    paragraph has any; otherwise single marks, skipping apostrophes. An opening
    mark never closed runs to the paragraph's end (the convention for quotes
    that continue in the next paragraph).
    """
    work = _double_apostrophes(par)
    doubles = [m.start() for m in _DOUBLE_MARK.finditer(work)]
    positions = doubles or [m.start() for m in _SINGLE_MARK.finditer(work)]
    quotes: list[Quote] = []
    open_at: int | None = None
    depth = 0  # curly marks nest: “As a young woman, I'd rather live in what he calls “hell”.”
    for i in positions:
        role = _mark_role(work, i)
        if role is None:
            continue
        if open_at is None:
            if role in ("open", "either"):
                open_at, depth = i, 1
        elif role == "open" and work[i] in OPENING_DOUBLE and work[open_at] in OPENING_DOUBLE:
            depth += 1
        elif role in ("close", "either"):
            depth -= 1
            if depth <= 0 or work[i] == '"':
                close_len = 2 if work.startswith('"\u200b', i) else 1
                open_len = 2 if work.startswith('"\u200b', open_at) else 1
                quotes.append(Quote(open_at, i + close_len, True, open_len, close_len))
                open_at, depth = None, 0
    if open_at is not None and (doubles or len(quotes) == 0):
        open_len = 2 if work.startswith('"\u200b', open_at) else 1
        quotes.append(Quote(open_at, len(par), False, open_len))
    return quotes


_ABBREVIATIONS = set(
    """
mr mrs ms dr sen rep gov gen lt col sgt capt cmdr adm st jr sr prof rev hon pres supt insp
sens reps govs messrs mmes maj atty ret univ assn dist ave blvd
jan feb mar apr jun jul aug sep sept oct nov dec inc co corp ltd bros no vs etc fig approx dept
est mt ft vol
""".split()
)

# "[.?!][.?!]*" rather than "[.?!]+": a pattern that opens with a plain character class lets
# the regex engine skip ahead to the next candidate character instead of trying every position
_SENTENCE_END = re.compile(r"[.?!][.?!]*[\"”’'»)\]]*(?=\s+[\"“‘'«(\[]{0,2}[A-Z0-9])")


def is_abbreviation(par: str, dot: int) -> bool:
    """True when the full stop at ``dot`` ends an abbreviation or an initial."""
    start = dot
    while start > 0 and (par[start - 1].isalpha() or par[start - 1] == "."):
        start -= 1
    word = par[start:dot]
    if not word:
        return False
    if word.lower().rstrip(".") in _ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isupper():
        return True  # an initial: "Lloyd J. Austin"
    return "." in word  # U.S., U.N., a.m.


def sentence_units(par: str, quotes: list[Quote]) -> list[tuple[int, int]]:
    """Split a paragraph into sentences, never inside a quotation.

    A quotation that spans several sentences keeps them in one unit, so a
    quote and its attribution are always seen together.
    """
    cuts: list[int] = []
    for match in _SENTENCE_END.finditer(par):
        dot, end = match.span()
        if any(q.start < dot and end < q.end for q in quotes):
            continue
        if match.group().rstrip("\"”’'»)]") == "." and is_abbreviation(par, dot):
            continue
        cuts.append(match.end())
    units = []
    start = 0
    for cut in [*cuts, len(par)]:
        s, e = start, cut
        while s < e and par[s].isspace():
            s += 1
        if e > s:
            units.append((s, e))
        start = cut
    return units


_DATELINE = re.compile(
    r"[A-Z][A-Z.'’ -]{2,}(?:,\s*[A-Z][\w.]*\.?)*(?:,?\s+[A-Z][a-z]{2,}\.?\s+\d{1,2})?"
    r"\s*\([^()\n]{1,40}\)\s*[-—–―]+\s+"
)


def dateline_end(par: str) -> int:
    """Where a wire dateline ('TOKYO (Reuters) - ', 'FLINT, Mich., Oct. 4 (UPI) — ') ends, else
    0."""
    match = _DATELINE.match(par)
    return match.end() if match else 0


_MARKUP = re.compile(
    r"^[ \t]{0,3}(?:#{1,6}|>+(?:[ \t]*>)*|[-*+]|\d{1,3}[.)])[ \t]+"  # headings, quotes, list items
    r"|\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|`+"  # emphasis and code
    r"|!?\[(?=[^\]\n]*\]\()|\]\([^)\s]*\)",  # links: keep the link text, drop the address
    re.MULTILINE,
)


def blank_markup(text: str) -> str:
    """Markdown markup replaced by spaces (offsets unchanged): what a reader sees of the text."""
    return _MARKUP.sub(lambda m: " " * len(m.group()), text)


def mask_quotes(par: str, quotes: list[Quote]) -> str:
    """The paragraph with every quoted word replaced by '_' (offsets unchanged)."""
    if not quotes:
        return par
    pieces, at = [], 0
    for q in quotes:
        lo, hi = q.inner
        pieces += [par[at:lo], _blank(par[lo:hi])]
        at = hi
    pieces.append(par[at:])
    return "".join(pieces)


_NOT_SPACE = re.compile(r"\S")


def _blank(text: str) -> str:
    """``text`` with every character but white space replaced by '_'."""
    if text.isprintable():  # then its only white space is " ": blank word by word, much faster
        return " ".join(["_" * len(word) for word in text.split(" ")])
    return _NOT_SPACE.sub("_", text)


_WORD = re.compile(r"[\w’'-]+")


def word_count(text: str) -> int:
    """Number of words in ``text``."""
    return len(_WORD.findall(text))


def has_words(text: str, count: int) -> bool:
    """Whether ``text`` has at least ``count`` words (``word_count(text) >= count``), read no
    further than the last of them."""
    return count <= 0 or next(islice(_WORD.finditer(text), count - 1, None), None) is not None
