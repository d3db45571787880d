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

    def similarities(self, texts: Iterable[str]) -> np.ndarray:
        """An (n_texts, n_references) array of cosines."""
        from scipy.sparse import csr_matrix  # type: ignore[import-untyped]  # 0.15 s to import

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
        at = np.array(columns, dtype=np.intp)
        weights = (np.log(np.array(counts, dtype=float)) + 1) * self._idf[at]
        rows = np.repeat(np.arange(len(ends) - 1), np.diff(ends))
        norms = np.sqrt(np.bincount(rows, weights=weights * weights, minlength=len(ends) - 1))
        weights /= norms[rows]
        found = csr_matrix((weights, at, ends), shape=(len(ends) - 1, len(index)))
        return np.asarray(found @ self._references.T)

    def _weights(self, found: Counter[str]) -> tuple[np.ndarray, np.ndarray]:
        """The vocabulary columns of ``found``'s features and their L2-normalised weights."""
        if not found:
            return np.zeros(0, dtype=int), np.zeros(0)
        columns = np.fromiter((self._index[f] for f in found), dtype=int, count=len(found))
        tf = np.fromiter(found.values(), dtype=float, count=len(found))
        weights = (np.log(tf) + 1) * self._idf[columns]
        return columns, weights / np.sqrt(weights @ weights)
