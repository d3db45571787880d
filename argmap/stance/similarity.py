"""How like a codebook's reference texts (descriptions, examples) a statement is: TF-IDF cosines.

The same numbers as scikit-learn's ``TfidfVectorizer(sublinear_tf=True)`` fitted on the
references (smooth idf, L2-normalised rows, features outside the references' vocabulary
dropped), for the two analysers the codebook model uses: words as given, and character 3-5
grams inside word boundaries. Written here because importing scikit-learn costs about a second
of every process that suggests a stance; ``tests/stance/test_similarity.py`` holds it equal to
scikit-learn.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from itertools import chain

import numpy as np

__all__ = ["ReferenceSimilarity", "char_wb_grams", "words"]


def words(text: str) -> list[str]:
    """The features of a text of stems: its whitespace-separated words, as they are."""
    return text.split()


def char_wb_grams(text: str, shortest: int = 3, longest: int = 5) -> list[str]:
    """The lower-cased character n-grams of each word padded with one space each side, as
    scikit-learn's ``analyzer="char_wb"`` gives them (a word shorter than ``n``: once)."""
    grams: list[str] = []
    for word in text.lower().split():
        grams += _word_grams(word, shortest, longest)
    return grams


@lru_cache(maxsize=16384)
def _word_grams(word: str, shortest: int, longest: int) -> tuple[str, ...]:
    padded = f" {word} "
    size = len(padded)
    grams: list[str] = []
    for n in range(shortest, longest + 1):
        if size <= n:
            grams.append(padded)
            break
        grams += [padded[offset : offset + n] for offset in range(size - n + 1)]
    return tuple(grams)


class ReferenceSimilarity:
    """Cosine similarities of texts to fixed reference texts under one analyser."""

    def __init__(self, references: Sequence[str], analyser: Callable[[str], list[str]]):
        self._analyser = analyser
        counts = [Counter(analyser(text)) for text in references]
        frequency: Counter[str] = Counter()
        for found in counts:
            frequency.update(found.keys())
        self._index = {feature: i for i, feature in enumerate(sorted(frequency))}
        n = len(references)
        self._idf = np.array(
            [math.log((1 + n) / (1 + frequency[feature])) + 1 for feature in sorted(frequency)]
        )
        self._references = np.zeros((n, len(self._index)))
        for row, found in enumerate(counts):
            columns, weights = self._weights(found)
            self._references[row, columns] = weights
        # For the two analysers that read a text word by word: each word's vocabulary columns,
        # in the order the analyser gives its features, read once per word.
        self._split: Callable[[str], list[str]] | None = _SPLITS.get(analyser)
        self._columns = _WordColumns(self._index, analyser)
        self._by_feature = np.ascontiguousarray(self._references.T)

    def similarities(self, texts: Iterable[str]) -> np.ndarray:
        """An (n_texts, n_references) array of cosines."""
        at, counts, ends = self._features(list(texts))
        weights = (np.log(counts) + 1) * self._idf[at]
        rows = np.repeat(np.arange(len(ends) - 1), np.diff(ends))
        norms = np.sqrt(np.bincount(rows, weights=weights * weights, minlength=len(ends) - 1))
        weights /= norms[rows]
        return self._product(rows, at, weights, ends)

    def _product(
        self, rows: np.ndarray, at: np.ndarray, weights: np.ndarray, ends: np.ndarray
    ) -> np.ndarray:
        """The sparse rows (``rows``, columns ``at``, ``weights``) times the references: each
        row's terms added in its own order, one multiplication and one addition each, as
        scipy's CSR product adds them (without importing scipy, 0.15 s)."""
        found = np.zeros((len(ends) - 1, len(self._references)))
        if not len(at):
            return found
        place = np.arange(len(at)) - ends[rows]  # each term's place in its row
        order = np.argsort(place, kind="stable")
        starts = np.concatenate(([0], np.cumsum(np.bincount(place))))
        features = self._by_feature
        for first, last in zip(starts[:-1].tolist(), starts[1:].tolist(), strict=True):
            terms = order[first:last]  # the n-th term of each row that has one
            found[rows[terms]] += weights[terms, None] * features[at[terms]]
        return found

    def _features(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Each text's vocabulary columns, in the order their features first occur in it (as
        ``Counter(analyser(text))`` lists them), with their counts (float), and the rows'
        ends in those two arrays."""
        split = self._split
        if split is None:  # any other analyser: text by text
            index = self._index
            columns: list[int] = []
            counts: list[int] = []
            ends = [0]
            for text in texts:
                for feature, count in Counter(self._analyser(text)).items():
                    column = index.get(feature)
                    if column is not None:
                        columns.append(column)
                        counts.append(count)
                ends.append(len(columns))
            return (
                np.array(columns, dtype=np.intp),
                np.array(counts, dtype=float),
                np.array(ends, dtype=np.intp),
            )
        # Every text's columns, one after the other; then the (row, column) pairs in the order
        # they first occur, with how often each occurs.
        found = self._columns.__getitem__
        sizes: list[int] = []
        read: list[int] = []
        for text in texts:
            before = len(read)
            read += chain.from_iterable(map(found, split(text)))
            sizes.append(len(read) - before)
        width = max(len(self._index), 1)
        rows = np.repeat(np.arange(len(texts), dtype=np.intp), sizes)
        keys = rows * width + np.array(read, dtype=np.intp)
        unique, first, occurrences = np.unique(keys, return_index=True, return_counts=True)
        order = np.argsort(first, kind="stable")
        keys, occurrences = unique[order], occurrences[order]
        row_ends = np.zeros(len(texts) + 1, dtype=np.intp)
        np.cumsum(np.bincount(keys // width, minlength=len(texts)), out=row_ends[1:])
        return keys % width, occurrences.astype(float), row_ends

    def _weights(self, found: Counter[str]) -> tuple[np.ndarray, np.ndarray]:
        """The vocabulary columns of ``found``'s features and their L2-normalised weights."""
        if not found:
            return np.zeros(0, dtype=int), np.zeros(0)
        columns = np.fromiter((self._index[f] for f in found), dtype=int, count=len(found))
        tf = np.fromiter(found.values(), dtype=float, count=len(found))
        weights = (np.log(tf) + 1) * self._idf[columns]
        return columns, weights / np.sqrt(weights @ weights)


class _WordColumns(dict[str, tuple[int, ...]]):
    """word -> the vocabulary columns of its features (those the references have), in order."""

    def __init__(self, index: dict[str, int], analyser: Callable[[str], list[str]]):
        super().__init__()
        self._index = index
        self._grams = analyser is char_wb_grams

    def __missing__(self, word: str) -> tuple[int, ...]:
        get = self._index.get
        if not self._grams:
            column = get(word)
            found: tuple[int, ...] = () if column is None else (column,)
        else:  # _word_grams(word, 3, 5), each looked up as it is cut
            padded = f" {word} "
            size = len(padded)
            columns: list[int | None] = []
            for n in (3, 4, 5):
                if size <= n:
                    columns.append(get(padded))
                    break
                columns += map(get, [padded[offset : offset + n] for offset in range(size - n + 1)])
            found = tuple(column for column in columns if column is not None)
        self[word] = found
        return found


def _lower_split(text: str) -> list[str]:
    return text.lower().split()


#: How each word-by-word analyser cuts a text into the words it reads.
_SPLITS: dict[Callable[[str], list[str]], Callable[[str], list[str]]] = {
    words: str.split,
    char_wb_grams: _lower_split,
}
