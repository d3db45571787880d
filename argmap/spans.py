"""Offsets into a document's text: its paragraphs, and the paragraph around a statement.

Every offset is a Python ``str`` index into the document's decoded, newline-normalised
text (see ``argmap.io.reading``). A paragraph is a non-blank line without the white space
at its ends; a line longer than ``MAX_PARAGRAPH`` is cut at sentence ends into pieces.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

MAX_PARAGRAPH = 20_000  # characters; longer lines are cut at sentence ends so work stays linear

_LINE = re.compile(r"[^\n]+")


def paragraphs(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each paragraph of ``text`` (or of ``text[start:end]``).

    >>> list(paragraphs("Tanaka said so.\\n\\n  He left. \\n"))
    [(0, 15), (19, 27)]
    """
    for match in _LINE.finditer(text, start, len(text) if end is None else end):
        for lo, hi in _pieces(text, *match.span()):
            while hi > lo and text[hi - 1].isspace():
                hi -= 1
            while lo < hi and text[lo].isspace():
                lo += 1
            if hi > lo:
                yield lo, hi


def paragraph_around(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` of the paragraph(s) holding ``text[start:end]``: a statement's context.

    From the first paragraph the span touches to the last one (a quote running over
    several paragraphs gets them all), never less than the span itself.

    >>> text = "Intro.\\nTanaka warned that Japan may become too subservient.\\nMore."
    >>> text[slice(*paragraph_around(text, 14, 20))]
    'Tanaka warned that Japan may become too subservient.'
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", max(start, end - 1))
    touched = [
        (lo, hi)
        for lo, hi in paragraphs(text, line_start, len(text) if line_end < 0 else line_end)
        if hi > start and lo < end
    ]
    if not touched:
        return start, end
    return min(touched[0][0], start), max(touched[-1][1], end)


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``start``-``end`` cut into pieces of at most ``MAX_PARAGRAPH`` characters, at a sentence
    end or a space where there is one."""
    while end - start > MAX_PARAGRAPH:
        limit = start + MAX_PARAGRAPH
        cut = max(text.rfind(". ", start, limit), text.rfind(" ", start, limit))
        cut = cut + 1 if cut > start else limit
        yield start, cut
        start = cut
    yield start, end
