"""The codebook model: stance suggestions from a codebook alone, with no labelled statements.

Evidence for a label is the sum of
- its cue phrases found in the statement (stems, so inflections match; a multi-word cue may
  have up to ``MAX_GAP`` words between its words), weighted down inside a conceded clause
  ("A, but B") and reversed when negated ("does not support ...": the evidence goes to the
  other side when the codebook has exactly two non-neutral labels); a cue under an obligation's
  negation ("must not become ...", "cannot allow ...") counts for no side;
- a concession: in a two-sided codebook, evidence for one side in a conceded clause also
  counts, at half weight, for the other side (the speaker grants A to argue against it);
- its similarity (TF-IDF over word stems and character n-grams, fitted on the codebook's own
  text) to the label's description and nearest example, reading only the asserted words
  (negated words and conceded clauses left out);
- target-directed sentiment: for a label with ``targets_for`` / ``targets_against``, the
  polarity of the words around each target mention (``argmap.stance.sentiment``; negation
  reverses it): praise of a "for" target or criticism of an "against" target is evidence for
  the label, ``TARGET_WEIGHT`` times a squashed sum per mention;
- stance verbs toward a target (``argmap.stance.verbs``): "oppose / reject / condemn X" bears
  against X, "support / endorse / rally behind X" for X, a negated verb the other way
  (damped); ``VERB_WEIGHT`` per verb;
- for the neutral label, a constant ``NEUTRAL_PRIOR``: with no evidence, a statement is neutral
  (its similarity counts half: neutral examples share only actors and procedure words).
Scores are a softmax over the evidence.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

import numpy as np

from argmap.codebook import Codebook
from argmap.models import Suggestion
from argmap.stance.sentiment import nearest_mentions, target_sentiment, valence
from argmap.stance.similarity import ReferenceSimilarity, char_wb_grams, words
from argmap.stance.tokens import Token, analyse, stem_set, stems
from argmap.stance.verbs import stance_verbs

MODEL_NAME = "codebook"
#: Bump when the scoring rules change, so suggestions say which rules made them.
RULES_VERSION = "5"

MAX_GAP = 3
SINGLE_CUE_WEIGHT = 1.0
PHRASE_CUE_WEIGHT = 1.5
NEGATED_WEIGHT = 1.0  # share of a negated cue's weight moved to the other side
CONCESSION_WEIGHT = 0.5
SIMILARITY_WEIGHT = 6.0
#: Neutral examples share only the debate's actors and procedure words with a statement, so
#: likeness to them is weaker evidence than likeness to a position.
NEUTRAL_SIMILARITY_WEIGHT = 3.0
CONTEXT_WEIGHT = 0.25
NEUTRAL_PRIOR = 0.3
TEMPERATURE = 1.0
TARGET_WEIGHT = 2.0
#: Evidence of a stance verb governing a target ("oppose integration", "endorsed Trump").
VERB_WEIGHT = 3.0
#: A negative cue at most this many words from a target its own label is for ("the alliance is
#: a threat") is aimed at that target and does not count for the label.
AIM_WINDOW = 3
#: A mention's summed valence v counts as v / (|v| + TARGET_SATURATION): one strong word is
#: nearly as good as several.
TARGET_SATURATION = 2.0
SHARED_SIMILARITY_DISCOUNT = 0.5


@dataclass
class Evidence:
    """The evidence for each label of one statement, and what produced it."""

    totals: dict[str, float]
    cues: dict[str, list[str]] = field(default_factory=dict)  # label -> cue descriptions
    nearest: dict[str, tuple[float, str]] = field(
        default_factory=dict
    )  # label -> (similarity, example)


@dataclass(frozen=True)
class _Cue:
    label: str
    phrase: str
    stems: tuple[str, ...]


class CodebookModel:
    """Stance suggestions from one codebook's cues, descriptions and examples."""

    def __init__(self, codebook: Codebook):
        self.codebook = codebook
        self.labels = codebook.label_ids
        self.version = f"{RULES_VERSION}-{codebook_fingerprint(codebook)}"
        # Cues with the same stems ("cooperate", "cooperation") are one cue: a word counts once.
        unique = {
            (label.id, stems(cue)): cue
            for label in codebook.labels
            for cue in reversed(label.cues)
            if stems(cue)
        }
        self._cues = [
            _Cue(label, cue, cue_stems)
            for (label, cue_stems), cue in reversed(list(unique.items()))
        ]
        self._cue_stem_sets = [frozenset(cue.stems) for cue in self._cues]
        # Target phrases: stems -> [(label, +1 for / -1 against, phrase)].
        self._targets: dict[tuple[str, ...], list[tuple[str, int, str]]] = {}
        for label in codebook.labels:
            for sign, phrases in ((1, label.targets_for), (-1, label.targets_against)):
                for phrase in phrases:
                    if stems(phrase):
                        self._targets.setdefault(stems(phrase), []).append((label.id, sign, phrase))
        self._names = {word for target in self._targets for word in target} - {
            "the",
            "a",
            "an",
            "of",
        }
        sides = [label for label in self.labels if label != codebook.neutral]
        self._other_side = {sides[0]: sides[1], sides[1]: sides[0]} if len(sides) == 2 else {}
        # Reference texts: each label's description and examples, compared with the statement.
        self._references: list[tuple[str, str]] = []
        for label in codebook.labels:
            if label.description.strip():
                self._references.append((label.id, " ".join(label.description.split())))
            self._references.extend((label.id, example) for example in label.examples)
        self._reference_labels = np.array(
            [self.labels.index(label) for label, _ in self._references]
        )
        if self._references:
            references = [analyse(text) for _, text in self._references]
            self._words = ReferenceSimilarity(
                [_stem_string(tokens) for tokens in references], words
            )
            self._chars = ReferenceSimilarity([text for _, text in self._references], char_wb_grams)

    # -- evidence -------------------------------------------------------------------------

    def evidence(self, text: str, context: str | None = None) -> Evidence:
        """The evidence for every label in ``text`` (and, weakly, its ``context``)."""
        return self.evidence_many([text], [context])[0]

    def evidence_many(
        self, texts: Sequence[str], contexts: Sequence[str | None] | None = None
    ) -> list[Evidence]:
        """The evidence for every label in each text; the similarities are computed in one batch."""
        contexts = contexts if contexts is not None else [None] * len(texts)
        found_all, asserted_texts, asserted_stems = [], [], []
        for text, context in zip(texts, contexts, strict=True):
            found = Evidence(totals=dict.fromkeys(self.labels, 0.0))
            tokens = analyse(text)
            index = _index(tokens)
            spans = self._mentions(tokens, index)
            self._add_cues(found, tokens, 1.0, spans=spans, index=index)
            self._add_targets(found, tokens, spans)
            if context and text.strip() in context:
                context = context.replace(
                    text.strip(), " … ", 1
                )  # the statement's own words count once
            if context and context.strip(" …") and self._may_have_cues(context):
                self._add_cues(found, analyse(context), CONTEXT_WEIGHT, in_context=True)
            # Similarity reads only what the statement asserts: no negated words, no conceded
            # clause.
            asserted = [
                token
                for token in tokens
                if token.is_word and not token.negated and not token.conceded
            ]
            asserted_texts.append(" ".join(token.text for token in asserted))
            asserted_stems.append(" ".join(token.stem for token in asserted))
            if self.codebook.neutral is not None:
                found.totals[self.codebook.neutral] += NEUTRAL_PRIOR
            found_all.append(found)
        if self._references and found_all:
            # The mean of the word and character cosines (each part is L2-normalised).
            similarities = (
                self._words.similarities(asserted_stems) + self._chars.similarities(asserted_texts)
            ) / 2
            self._add_likeness(found_all, similarities)
        return found_all

    def _may_have_cues(self, text: str) -> bool:
        """Whether ``text`` has every stem of some cue: where none has, no cue can be found
        and its tokens need no reading."""
        present = stem_set(text)
        return any(cue <= present for cue in self._cue_stem_sets)

    def _add_likeness(self, found_all: list[Evidence], similarities: np.ndarray) -> None:
        """Each label's nearest reference text and its weighted likeness, then the likeness
        every position shares taken off the positions (``similarities``: a row per evidence)."""
        rows = np.arange(len(found_all))
        for index, label in enumerate(self.labels):
            columns = np.flatnonzero(self._reference_labels == index)
            if not len(columns):
                continue
            block = similarities[:, columns]
            nearest = block.argmax(axis=1)  # the first of equals, as np.argmax of a row
            values = block[rows, nearest]
            weight = (
                NEUTRAL_SIMILARITY_WEIGHT if label == self.codebook.neutral else SIMILARITY_WEIGHT
            )
            for found, alike, column, value in zip(
                found_all, np.asarray(block.any(axis=1)), nearest, values, strict=True
            ):
                if alike:
                    similarity = float(value)
                    found.nearest[label] = (similarity, self._references[columns[column]][1])
                    found.totals[label] += weight * similarity
        sides = [label for label in self.labels if label != self.codebook.neutral]
        if self.codebook.neutral is None or len(sides) < 2:
            return
        for found in found_all:
            # Likeness every position shares (the debate's own words) argues for none.
            shared = min(found.nearest.get(label, (0.0, ""))[0] for label in sides)
            for label in sides:
                found.totals[label] -= SHARED_SIMILARITY_DISCOUNT * SIMILARITY_WEIGHT * shared

    def _mentions(
        self, tokens: list[Token], index: dict[str, list[int]]
    ) -> dict[tuple[int, int], tuple[str, ...]]:
        """The target mentions of a statement: ``(first, last)`` token indexes -> target stems
        (``index``: each stem's token positions)."""
        spans: dict[tuple[int, int], tuple[str, ...]] = {}
        if not self._targets:
            return spans
        for target in sorted(self._targets, key=len, reverse=True):  # longest phrase first
            if target[0] not in index:
                continue
            for place in _find(target, tokens, index):
                span = (place[0], place[-1])
                if not any(
                    first <= span[0] <= last or first <= span[1] <= last for first, last in spans
                ):
                    spans[span] = target
        return spans

    def _add_targets(
        self, found: Evidence, tokens: list[Token], spans: dict[tuple[int, int], tuple[str, ...]]
    ) -> None:
        """Praise of a label's "for" targets and criticism of its "against" targets, as evidence."""
        if not spans:
            return
        mentions = sorted(spans)
        for hit in stance_verbs(tokens, mentions):
            shown = " ".join(tokens[i].text for i in range(hit.mention[0], hit.mention[1] + 1))
            for label, sign, _ in self._targets[spans[hit.mention]]:
                if sign * hit.sign > 0:
                    found.totals[label] += VERB_WEIGHT * hit.strength
                    found.cues.setdefault(label, []).append(
                        f"'{hit.verb}' {'for' if hit.sign > 0 else 'against'} '{shown}'"
                    )
        # A target that speaks ("Beijing warned that ...") is the source of the words after it,
        # not their target: its words bear on the other mentions.
        spoken_of = [span for span in mentions if not _speaks(tokens, span)]
        for span, value in zip(spoken_of, target_sentiment(tokens, spoken_of), strict=True):
            if not value:
                continue
            strength = abs(value) / (abs(value) + TARGET_SATURATION)
            shown = " ".join(tokens[i].text for i in range(span[0], span[1] + 1))
            for label, sign, _ in self._targets[spans[span]]:
                if sign * value > 0:
                    found.totals[label] += TARGET_WEIGHT * strength
                    tone = "praise of" if value > 0 else "criticism of"
                    found.cues.setdefault(label, []).append(f"{tone} '{shown}'")

    def _add_cues(
        self,
        found: Evidence,
        tokens: list[Token],
        scale: float,
        in_context: bool = False,
        spans: dict[tuple[int, int], tuple[str, ...]] | None = None,
        index: dict[str, list[int]] | None = None,
    ) -> None:
        conceded_for: dict[str, float] = {}
        spans = spans or {}
        mentions = sorted(spans)
        nearest = nearest_mentions(tokens, mentions, window=AIM_WINDOW) if mentions else {}
        if index is None:
            index = _index(tokens)
        for cue in self._cues:
            if cue.stems[0] not in index:
                continue
            for place in _find(cue.stems, tokens, index, self._names - set(cue.stems)):
                first = tokens[place[0]]
                weight = (
                    scale
                    * first.weight
                    * (PHRASE_CUE_WEIGHT if len(cue.stems) > 1 else SINGLE_CUE_WEIGHT)
                )
                where = " (context)" if in_context else ""
                shown = " ".join(tokens[i].text for i in range(place[0], place[-1] + 1))
                if first.negated and first.deontic:
                    if _is_a_state(tokens, place[0]) and cue.label != self.codebook.neutral:
                        # "must not become X" warns of X: the label whose cue names that state.
                        found.totals[cue.label] += weight
                        found.cues.setdefault(cue.label, []).append(
                            f"'{shown}' warned of after 'must not become'"
                        )
                        continue
                    # "should not deepen X": an obligation about an act is evidence for no side.
                    found.cues.setdefault(cue.label, []).append(
                        f"'{shown}' after 'should/must not' (not counted)"
                    )
                    continue
                if first.negated:
                    other = self._other_side.get(cue.label)
                    found.totals[cue.label] -= weight
                    if other is not None:
                        found.totals[other] += NEGATED_WEIGHT * weight
                        found.cues.setdefault(other, []).append(f"negated '{shown}'{where}")
                    continue
                aimed_at = nearest.get(place[0])
                if (
                    aimed_at is not None
                    and sum(valence(tokens[i]) for i in place) < 0
                    and (
                        (cue.label, 1)
                        in {
                            (label, sign)
                            for label, sign, _ in self._targets[spans[mentions[aimed_at]]]
                        }
                    )
                ):
                    # "the alliance is a threat": a negative cue aimed at what its own label is for.
                    target = " ".join(
                        tokens[i].text
                        for i in range(mentions[aimed_at][0], mentions[aimed_at][1] + 1)
                    )
                    found.cues.setdefault(cue.label, []).append(
                        f"'{shown}' aimed at '{target}' (not counted)"
                    )
                    continue
                found.totals[cue.label] += weight
                found.cues.setdefault(cue.label, []).append(
                    f"'{shown}'{where}" + (" (conceded)" if first.conceded else "")
                )
                if first.conceded and cue.label in self._other_side:
                    conceded_for[cue.label] = (
                        conceded_for.get(cue.label, 0.0) + weight / first.weight
                    )
        for label, weight in conceded_for.items():
            other = self._other_side[label]
            found.totals[other] += CONCESSION_WEIGHT * weight
            found.cues.setdefault(other, []).append(
                f"concession of {self.codebook.label(label).name.lower()} before 'but'"
            )

    # -- suggestions ----------------------------------------------------------------------

    def probabilities(
        self, texts: Sequence[str], contexts: Sequence[str | None] | None = None
    ) -> np.ndarray:
        """An (n_texts, n_labels) array of scores, columns in codebook order."""
        return self._probabilities(self.evidence_many(texts, contexts))

    def suggest(self, text: str, context: str | None = None) -> Suggestion:
        """The suggestion for one statement, with its explanation."""
        return self.suggest_many([text], [context])[0]

    def suggest_many(
        self, texts: Sequence[str], contexts: Sequence[str | None] | None = None
    ) -> list[Suggestion]:
        """One suggestion per statement, with its explanation."""
        found_all = self.evidence_many(texts, contexts)
        probabilities = self._probabilities(found_all)
        return [
            self._suggestion(found, best, row)
            for found, best, row in zip(
                found_all,
                probabilities.argmax(axis=1).tolist(),  # the first of equals
                probabilities.tolist(),
                strict=True,
            )
        ]

    def _probabilities(self, found_all: list[Evidence]) -> np.ndarray:
        """The softmax of each evidence's totals: an (n, n_labels) array, columns in codebook
        order (each row as ``_softmax`` gives it for that row alone)."""
        totals = np.array(
            [[found.totals[label] for label in self.labels] for found in found_all], dtype=float
        ).reshape(len(found_all), len(self.labels))
        return _softmax_rows(totals)

    def _suggestion(
        self, found: Evidence, best_index: int, probabilities: list[float]
    ) -> Suggestion:
        best = self.labels[best_index]
        evidence = list(dict.fromkeys(found.cues.get(best, [])))
        similarity, example = found.nearest.get(best, (0.0, ""))
        if example:
            evidence.append(f"nearest example ({similarity:.2f}): {example}")
        return Suggestion(
            label=best,
            score=probabilities[best_index],
            scores={
                label: round(p, 4) for label, p in zip(self.labels, probabilities, strict=True)
            },
            model=MODEL_NAME,
            model_version=self.version,
            explanation=self._explain(best, found),
            evidence=evidence,
        )

    def _explain(self, best: str, found: Evidence) -> str:
        name = self.codebook.label(best).name
        cues = found.cues.get(best, [])
        parts = []
        if cues:
            parts.append("cues: " + ", ".join(dict.fromkeys(cues)))
        elif best == self.codebook.neutral:
            parts.append(
                "no cue of a position fired"
                if not any(found.cues.values())
                else "the cues of other labels are weak"
            )
        similarity, example = found.nearest.get(best, (0.0, ""))
        if example and similarity > 0.05:
            shown = example if len(example) <= 80 else example[:79] + "…"
            parts.append(f"nearest example “{shown}” ({similarity:.2f})")
        return f"{name}: " + ("; ".join(parts) if parts else "weak evidence only")


def codebook_fingerprint(codebook: Codebook) -> str:
    """A short hash of what the models read in the codebook (everything but the colours): a
    changed codebook gives another version, a recoloured one does not."""
    content = codebook.model_dump_json(exclude={"labels": {"__all__": {"colour"}}})
    return hashlib.sha256(content.encode()).hexdigest()[:10]


def _index(tokens: list[Token]) -> dict[str, list[int]]:
    """Each stem's positions in ``tokens``."""
    index: dict[str, list[int]] = {}
    for position, token in enumerate(tokens):
        index.setdefault(token.stem, []).append(position)
    return index


def _stem_string(tokens: list[Token]) -> str:
    return " ".join(token.stem for token in tokens if token.is_word)


def _find(
    cue: tuple[str, ...],
    tokens: list[Token],
    index: dict[str, list[int]],
    names: AbstractSet[str] = frozenset(),
) -> list[list[int]]:
    """Each place where ``cue``'s stems occur in order, at most ``MAX_GAP`` words apart, in one
    clause, with none of ``names`` (targets' words) in a gap: "vote for Clinton than Trump" is
    no "vote for Trump"."""
    places = []
    for start in index.get(cue[0], ()):
        position = [start]
        for wanted in cue[1:]:
            following = None
            for j in range(position[-1] + 1, min(len(tokens), position[-1] + 2 + MAX_GAP)):
                if not tokens[j].is_word or tokens[j].stem in names:
                    break
                if tokens[j].stem == wanted:
                    following = j
                    break
            if following is None:
                break
            position.append(following)
        if len(position) == len(cue):
            places.append(position)
    return places


#: Words that may stand between a speaking target and its verb ("China's foreign ministry said").
SPEAKER_GAP = 3


def _speaks(tokens: list[Token], span: tuple[int, int]) -> bool:
    """Whether the mention ``span`` is the subject of a verb of saying or thinking after it,
    at most ``SPEAKER_GAP`` words later with no punctuation or preposition in between."""
    from argmap.extraction.lexicon import CUE_FORMS

    for j in range(span[1] + 1, min(span[1] + 2 + SPEAKER_GAP, len(tokens))):
        word = tokens[j].text.lower()
        if not tokens[j].is_word or word in _NOT_BEFORE_A_VERB:
            return False
        if word in CUE_FORMS and word != CUE_FORMS[word]:  # an inflected verb: "warned", "says"
            return True
    return False


_NOT_BEFORE_A_VERB = frozenset(
    """
    of to in on at with by for from against and or that which who
    """.split()
)


#: Verbs that name a state: "must not become X", "should not end up as X".
_STATE_VERBS = frozenset("becom be turn end serv act remain".split())
_FILLERS = frozenset(
    """
    a an the mere merely simply just into up as its their anyone someone
    """.split()
)


def _is_a_state(tokens: list[Token], start: int) -> bool:
    """Whether the cue at ``start`` is the state after a copula ("must not become the front
    line")."""
    j = start - 1
    while j >= 0 and tokens[j].is_word and tokens[j].text.lower() in _FILLERS:
        j -= 1
    return j >= 0 and tokens[j].is_word and tokens[j].stem in _STATE_VERBS


def _softmax(values: np.ndarray) -> np.ndarray:
    scaled = values / TEMPERATURE
    exp = np.exp(scaled - scaled.max())
    return exp / exp.sum()


def _softmax_rows(values: np.ndarray) -> np.ndarray:
    """``_softmax`` of each row, in one pass."""
    scaled = values / TEMPERATURE
    exp = np.exp(scaled - scaled.max(axis=1, keepdims=True))
    return exp / exp.sum(axis=1, keepdims=True)
