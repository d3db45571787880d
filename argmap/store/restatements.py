"""Restatements: the same quote reported by several outlets, found with rapidfuzz.

Candidates share a run of four words (normalised: lower case, letters and digits);
a pair is offered when their ``fuzz.ratio`` (word order counts) reaches ``THRESHOLD`` (the
``BEST`` closest for each statement).
Runs shared by more than ``MAX_BLOCK`` statements (boilerplate) are not used to
find candidates, so the work grows with the number of new statements, not with
the square of the corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import fuzz

THRESHOLD = 85.0
SHINGLE = 4
MAX_BLOCK = 50
MIN_WORDS = 6
BEST = 3  # at most this many restated statements offered per statement

_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _shingles(words: list[str]) -> set[int]:
    return {hash(tuple(words[i:i + SHINGLE])) for i in range(len(words) - SHINGLE + 1)}


def find_restatements(
    new: Iterable[tuple[str, str, str]], existing: Iterable[tuple[str, str, str]]
) -> list[tuple[str, str, float]]:
    """``(new id, restated id, score 0-1)`` for each new statement restating another.

    Both inputs are ``(statement id, document id, text)``; only pairs from different
    documents count. A new statement is compared with existing ones and with the new
    ones before it.
    """
    index: dict[int, list[int]] = {}
    items: list[tuple[str, str, str]] = []

    def add(item: tuple[str, str, str], words: list[str]) -> None:
        position = len(items)
        items.append(item)
        for shingle in _shingles(words):
            block = index.setdefault(shingle, [])
            if len(block) <= MAX_BLOCK:
                block.append(position)

    for item in existing:
        words = _words(item[2])
        if len(words) >= MIN_WORDS:
            add(item, words)
    found: list[tuple[str, str, float]] = []
    for item in new:
        words = _words(item[2])
        if len(words) < MIN_WORDS:
            continue
        text = " ".join(words)
        candidates: set[int] = set()
        for shingle in _shingles(words):
            block = index.get(shingle)
            if block is not None and len(block) <= MAX_BLOCK:
                candidates.update(block)
        best: dict[str, float] = {}
        for position in candidates:
            other_id, other_doc, other_text = items[position]
            if other_doc == item[1] or other_id == item[0]:
                continue
            score = fuzz.ratio(text, " ".join(_words(other_text)), score_cutoff=THRESHOLD)
            if score:
                best[other_id] = max(best.get(other_id, 0.0), score)
        ranked = sorted(best.items(), key=lambda pair: (-pair[1], pair[0]))[:BEST]
        found += [(item[0], other, round(score / 100, 3)) for other, score in ranked]
        add(item, words)
    return found
