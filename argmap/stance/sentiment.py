"""Target-directed sentiment: how a statement speaks of each thing a codebook label is for or
against.

Word polarities come from the VADER lexicon (``vaderSentiment``, MIT licence; the lexicon ships
inside the package, nothing is downloaded). A polar word counts for the nearest target mention
in its sentence, at most ``WINDOW`` words away (each clause boundary crossed counts as
``CLAUSE_DISTANCE`` more words, so a mention in the word's own clause wins); the statement's
own negation marks (from ``argmap.stance.tokens.analyse``) reverse it ("is not dangerous"), an
obligation's negation ("must not become ...") leaves it out, and a conceded clause's words
count at that clause's weight.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from argmap.stance.tokens import Token

#: How far (in words, same sentence) a polar word reaches to the nearest target mention.
WINDOW = 8
#: VADER scales a negated word's valence by this (its ``N_SCALAR``).
NEGATED_SCALE = -0.74
CLAUSE_DISTANCE = 3
_SENTENCE_ENDS = set(";.!?")


@lru_cache(maxsize=1)
def lexicon() -> dict[str, float]:
    """VADER's word valences (-4 .. 4), lower-case words as keys."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return dict(SentimentIntensityAnalyzer().lexicon)


def valence(token: Token) -> float:
    """The polarity of one word as the statement uses it: 0 for non-polar words and for words
    under an obligation's negation, reversed (and damped) under a denial, weighted by its clause."""
    if not token.is_word:
        return 0.0
    value = lexicon().get(token.text.lower().replace("’", "'"), 0.0)
    if not value or (token.negated and token.deontic):
        return 0.0
    if token.negated:
        value *= NEGATED_SCALE
    return value * token.weight


def target_sentiment(tokens: Sequence[Token], mentions: Sequence[tuple[int, int]]) -> list[float]:
    """The summed valence of the polar words nearest each mention (``(first, last)`` token
    indexes), in mention order. A word belongs to one mention only: the nearest in its sentence."""
    totals = [0.0] * len(mentions)
    for i, m in nearest_mentions(tokens, mentions, lambda token: bool(valence(token))).items():
        totals[m] += valence(tokens[i])
    return totals


def nearest_mentions(
    tokens: Sequence[Token],
    mentions: Sequence[tuple[int, int]],
    wanted: Callable[[Token], bool] = lambda token: token.is_word,
    window: int = WINDOW,
) -> dict[int, int]:
    """For each ``wanted`` token outside the mentions, the index of the nearest mention in its
    sentence at most ``window`` words away (each clause boundary crossed adds
    ``CLAUSE_DISTANCE``); tokens with no such mention are left out."""
    found: dict[int, int] = {}
    if not mentions:
        return found
    sentence, clause = [], []
    number = clauses = 0
    for token in tokens:
        sentence.append(number)
        clause.append(clauses)
        if not token.is_word:
            clauses += 1
            number += token.text in _SENTENCE_ENDS
    inside = {i for first, last in mentions for i in range(first, last + 1)}
    word_index = [0] * len(tokens)  # position counted in words only, so punctuation is no distance
    count = 0
    for i, token in enumerate(tokens):
        word_index[i] = count
        count += token.is_word
    for i, token in enumerate(tokens):
        if i in inside or not wanted(token):
            continue
        best, best_distance = None, window + 1
        for m, (first, last) in enumerate(mentions):
            if sentence[first] != sentence[i]:
                continue
            distance = (
                word_index[first] - word_index[i] if i < first else word_index[i] - word_index[last]
            )
            distance += CLAUSE_DISTANCE * abs(clause[first] - clause[i])
            if distance < best_distance:
                best, best_distance = m, distance
        if best is not None:
            found[i] = best
    return found
