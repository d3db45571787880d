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

THRESHOLD = 85.0
SHINGLE = 4
MAX_BLOCK = 50
MIN_WORDS = 6
BEST = 3  # at most this many restated statements offered per statement
#: The matcher (its settings, and a version to change with the code), named with the
#: restatements a results folder stores: a folder matched by another is matched again when
#: ingested.
MATCHER = f"1: words {SHINGLE} {MAX_BLOCK} {MIN_WORDS}, ratio {THRESHOLD:g} best {BEST}"

#: What a word is (``_words`` finds the same words faster).
_WORD = re.compile(r"\w+")


class _Spaces(dict[int, str]):
    """``str.translate``'s table turning every character that is not a word character
    (``\\w``: ``isalnum()`` or ``_``) into a space; the others stay. Filled as characters
    are met."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        self[code] = kept = char if char.isalnum() or char == "_" else " "
        return kept


_SPACES = _Spaces()


def _words(text: str) -> list[str]:
    """The words of ``text`` in lower case: ``\\w+``'s matches in ``text.casefold()``
    (the same words as ``re.findall``, in about half the time)."""
    return text.casefold().translate(_SPACES).split()


def _shingles(words: list[str]) -> set[int]:
    """The hashes of the runs of ``SHINGLE`` words (``hash`` of each run's tuple)."""
    return set(map(hash, zip(*[words[i:] for i in range(SHINGLE)], strict=False)))


class RestatementIndex:
    """Statements indexed by their word 4-grams; ``match`` finds what new statements restate."""

    def __init__(self) -> None:
        self._index: dict[int, int | list[int]] = {}  # a run's hash -> its items' positions
        self._items: list[tuple[str, str, str]] = []  # (statement id, document id, normalised text)
        self._gone: set[str] = set()  # documents removed since they were indexed

    def add(self, items: Iterable[tuple[str, str, str]]) -> None:
        """Index ``(statement id, document id, text)`` items."""
        for statement_id, document_id, text in items:
            words = _words(text)
            if len(words) >= MIN_WORDS:
                self._add(statement_id, document_id, " ".join(words), _shingles(words))

    def discard_document(self, document_id: str) -> None:
        """Never offer statements of ``document_id`` again (a replaced version)."""
        self._gone.add(document_id)

    def match(self, items: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, float]]:
        """``(new id, restated id, score 0-1)`` for each item restating an indexed statement of
        another document (at most ``BEST`` each); the items are then indexed too."""
        from rapidfuzz.fuzz import ratio  # (imported when matching: a folder's pairs are read)

        found: list[tuple[str, str, float]] = []
        indexed = self._items
        for statement_id, document_id, text in items:
            words = _words(text)
            if len(words) < MIN_WORDS:
                continue
            joined = " ".join(words)
            candidates: set[int] = set()
            self._place(len(indexed), _shingles(words), candidates)  # (and the item indexed)
            indexed.append((statement_id, document_id, joined))
            best: dict[str, float] = {}
            for candidate in candidates:
                other_id, other_doc, other_text = indexed[candidate]
                if other_doc == document_id or other_id == statement_id or other_doc in self._gone:
                    continue
                score = ratio(joined, other_text, score_cutoff=THRESHOLD)
                if score:
                    best[other_id] = max(best.get(other_id, 0.0), score)
            if best:
                ranked = sorted(best.items(), key=lambda pair: (-pair[1], pair[0]))[:BEST]
                found += [(statement_id, other, round(score / 100, 3)) for other, score in ranked]
        return found

    def _add(self, statement_id: str, document_id: str, joined: str, shingles: set[int]) -> None:
        self._place(len(self._items), shingles, set())
        self._items.append((statement_id, document_id, joined))

    def _place(self, position: int, shingles: set[int], candidates: set[int]) -> None:
        """Index the item at ``position`` under each of its ``shingles`` (a run's block holds
        at most ``MAX_BLOCK`` + 1 items); the items indexed under them before, in blocks not
        full, added to ``candidates``. A run met once is held as its one position, not a
        list: most runs are (the runs new to the index are added in one call)."""
        index = self._index
        old = list(filter(index.__contains__, shingles))
        index.update(dict.fromkeys(shingles.difference(old) if old else shingles, position))
        for shingle in old:
            block = index[shingle]
            if isinstance(block, int):
                index[shingle] = [block, position]
                candidates.add(block)
            elif len(block) <= MAX_BLOCK:
                candidates.update(block)
                block.append(position)


def find_restatements(
    new: Iterable[tuple[str, str, str]], existing: Iterable[tuple[str, str, str]]
) -> list[tuple[str, str, float]]:
    """``(new id, restated id, score 0-1)`` for each new statement restating another.

    Both inputs are ``(statement id, document id, text)``; only pairs from different
    documents count. A new statement is compared with existing ones and with the new
    ones before it.
    """
    index = RestatementIndex()
    index.add(existing)
    return index.match(new)
