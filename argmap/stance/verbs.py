"""Stance verbs: "oppose / reject / condemn X" bears against X, "support / back / endorse X" for X.

A stance verb (or verb phrase, matched on Snowball stems so inflections count: "opposed",
"endorsing") governs the first target mention after it in its clause, at most ``GAP`` words
later, with no preposition and no other name in between ("a vote for Kasich helps Trump")
("supported by Trump" is passive, "back to the alliance" no support). An adverb may sit inside
a phrase ("is firmly against", "rallied solidly behind"). A negated verb ("does not support",
"would never endorse", "is not against") bears the other way, damped by ``NEGATED_SCALE``: not
supporting X is weaker than opposing it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from argmap.stance.tokens import Token, stems

#: Verb phrases that bear against their object.
AGAINST = (
    "oppose",
    "opposition to",
    "reject",
    "rejection of",
    "resist",
    "resistance to",
    "object to",
    "objection to",
    "be against",
    "vote against",
    "campaign against",
    "speak out against",
    "turn against",
    "fight against",
    "criticise",
    "criticize",
    "condemn",
    "denounce",
    "decry",
    "repudiate",
    "disavow",
    "slam",
)
#: Verb phrases that bear for their object.
FOR = (
    "support",
    "support for",
    "back",
    "backing for",
    "endorse",
    "endorsement of",
    "favour",
    "favor",
    "in favour of",
    "in favor of",
    "welcome",
    "champion",
    "rally behind",
    "rally around",
    "embrace",
    "praise",
    "applaud",
    "defend",
    "side with",
    "stand with",
    "stand by",
    "vote for",
    "campaign for",
)
#: Words between a verb and its object, at most.
GAP = 3
NEGATED_SCALE = 0.75
#: A preposition between a verb and a target means the target is not the verb's object.
PREPOSITIONS = frozenset(
    """
    to of in on at from with by into about over than after before for against behind around
    under between among toward towards and or that which who because if while but
    """.split()
)
#: Adverbs that may sit inside a verb phrase ("is firmly against").
_INNER = frozenset("not never also still all now so very squarely openly".split())


#: Nouns whose stem is a stance verb's: "Critics oppose X" is no "criticise X".
_NOT_VERBS = {"critic", "critics"}
_NOUN_ENDINGS = tuple("ment ments er ers ion ions".split())


@dataclass(frozen=True)
class VerbHit:
    """A stance verb bearing on one target mention: ``sign`` +1 for, -1 against (negation
    applied)."""

    verb: str  # the verb as written
    mention: tuple[int, int]
    sign: int
    strength: float


@lru_cache(maxsize=1)
def _phrases() -> tuple[tuple[tuple[str, ...], int], ...]:
    found = {stems(p): -1 for p in AGAINST}
    found.update({stems(p): 1 for p in FOR})
    return tuple(sorted(found.items(), key=lambda item: -len(item[0])))


def stance_verbs(tokens: Sequence[Token], mentions: Sequence[tuple[int, int]]) -> list[VerbHit]:
    """The stance verbs of a statement (tokens from ``analyse``) and the mention each governs."""
    starts = {first: (first, last) for first, last in mentions}
    hits, used = [], set()
    for i, token in enumerate(tokens):
        if not token.is_word or i in used or token.text.lower() in _NOT_VERBS:
            continue
        for phrase, sign in _phrases():
            if token.stem != phrase[0]:
                continue
            if len(phrase) == 1 and token.text.lower().endswith(_NOUN_ENDINGS):
                continue  # "Endorsements prove ...", "supporters": nouns, not verbs
            place = _match(tokens, i, phrase)
            if place is None:
                continue
            mention = _object(tokens, place[-1], starts)
            if mention is None:
                continue
            used.update(place)
            negated = any(tokens[j].negated for j in place)
            shown = " ".join(tokens[j].text for j in range(place[0], place[-1] + 1))
            strength = tokens[i].weight * (NEGATED_SCALE if negated else 1.0)
            hits.append(VerbHit(shown, mention, -sign if negated else sign, strength))
            break
    return hits


def _match(tokens: Sequence[Token], start: int, phrase: tuple[str, ...]) -> list[int] | None:
    place = [start]
    for wanted in phrase[1:]:
        j = place[-1] + 1
        if (
            j < len(tokens)
            and tokens[j].is_word
            and tokens[j].stem != wanted
            and (tokens[j].text.lower() in _INNER or tokens[j].text.lower().endswith("ly"))
        ):
            j += 1
        if j >= len(tokens) or tokens[j].stem != wanted:
            return None
        place.append(j)
    return place


def _object(
    tokens: Sequence[Token], end: int, starts: dict[int, tuple[int, int]]
) -> tuple[int, int] | None:
    """The target mention a verb ending at ``end`` governs, if any."""
    # the GAP + 1 words after the verb: the target may start on the last of them
    for j in range(end + 1, min(len(tokens), end + GAP + 2)):
        if j in starts:
            return starts[j]
        token = tokens[j]
        if not token.is_word or token.text.lower() in PREPOSITIONS or token.text[:1].isupper():
            return None  # a preposition, or another name: the verb's object is not the target
    return None
