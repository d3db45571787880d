"""How far reviewers agree: Krippendorff's alpha, Cohen's kappa, percent agreement, confusion.

``agreement(ratings, labels)`` takes one label per (item, reviewer) and returns an
``AgreementReport``. Every statistic is a ``Statistic``: a value, or ``None``
with the reason it is undefined (one label only, no item labelled twice, a pair
sharing fewer than 2 items, no variation), never a silent 0 or 1.

- Alpha is nominal Krippendorff's alpha over every item (``krippendorff.alpha``),
  and per label one-vs-rest (the label against all others).
- Kappa is Cohen's kappa for each pair of reviewers over the items both labelled
  (``sklearn.metrics.cohen_kappa_score``); it and the pair's percent agreement are
  undefined when the pair shares fewer than 2 items.
- Percent agreement is the share of agreeing pairs among all pairs of labels given
  to the same item by two reviewers.
- The pooled confusion matrix counts those pairs: cell (a, b) and cell (b, a) both
  hold the number of pairs where one reviewer said a and the other b; the diagonal
  holds the agreeing pairs.
"""

from __future__ import annotations

import warnings
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from itertools import combinations

from pydantic import BaseModel, Field

from argmap.review.ratings import Rating

UNKNOWN_DOCUMENT = "(no document)"

#: A pair of reviewers needs this many shared items for kappa and percent agreement (one item says
#: nothing of chance).
MIN_SHARED = 2


class Statistic(BaseModel):
    """A figure, or ``None`` with the reason it is undefined; ``items`` is how many items it rests
    on."""

    value: float | None
    reason: str | None = None
    items: int = 0

    @classmethod
    def undefined(cls, reason: str, items: int = 0) -> Statistic:
        """An undefined statistic and why."""
        return cls(value=None, reason=reason, items=items)

    def __str__(self) -> str:
        return "undefined" if self.value is None else f"{self.value:.3f}"


class PairAgreement(BaseModel):
    """Two reviewers on the items both labelled."""

    reviewers: tuple[str, str]
    shared_items: int
    kappa: Statistic
    percent_agreement: Statistic
    confusion: list[list[int]] = Field(
        description="rows: the first reviewer's label, columns: the second's"
    )


class DocumentAgreement(BaseModel):
    """Agreement on one document's items."""

    document: str
    items: int = Field(description="items of the document with any label")
    paired_items: int = Field(description="items with labels from two reviewers or more")
    alpha: Statistic
    percent_agreement: Statistic


class LabelCounts(BaseModel):
    """How many items have one label, two, three or more."""

    one: int = 0
    two: int = 0
    three_or_more: int = 0


class AgreementReport(BaseModel):
    """Every agreement figure for one table of ratings."""

    labels: list[str] = Field(description="the label ids, in codebook order; matrices follow it")
    reviewers: list[str]
    items: int
    ratings: int
    label_counts: LabelCounts
    alpha: Statistic
    alpha_per_label: dict[str, Statistic]
    percent_agreement: Statistic
    pairs: list[PairAgreement]
    documents: list[DocumentAgreement]
    confusion: list[list[int]] = Field(description="pooled over every pair of reviewers, symmetric")


def agreement(ratings: Iterable[Rating], labels: Sequence[str] | None = None) -> AgreementReport:
    """The agreement report for ``ratings`` (one per item and reviewer).

    ``labels`` gives the label ids in display order (the codebook's); without it the
    labels used are sorted. A label outside ``labels`` or a second rating of an
    item by the same reviewer raises ``ValueError``.
    """
    table = list(ratings)
    by_item: dict[str, dict[str, str]] = defaultdict(dict)
    documents: dict[str, str] = {}
    for rating in table:
        if rating.reviewer in by_item[rating.item]:
            raise ValueError(f"item {rating.item} is labelled twice by {rating.reviewer}")
        by_item[rating.item][rating.reviewer] = rating.label
        documents.setdefault(rating.item, rating.document or UNKNOWN_DOCUMENT)
    used = sorted({rating.label for rating in table})
    if labels is None:
        labels = used
    else:
        labels = list(labels)
        unknown = [label for label in used if label not in labels]
        if unknown:
            raise ValueError(f"label {unknown[0]!r} is not one of {', '.join(labels)}")
    reviewers = sorted({rating.reviewer for rating in table})
    sizes = Counter(min(len(coders), 3) for coders in by_item.values())
    items_by_document: dict[str, list[str]] = defaultdict(list)
    for item in by_item:
        items_by_document[documents[item]].append(item)
    return AgreementReport(
        labels=list(labels),
        reviewers=reviewers,
        items=len(by_item),
        ratings=len(table),
        label_counts=LabelCounts(one=sizes[1], two=sizes[2], three_or_more=sizes[3]),
        alpha=nominal_alpha(by_item.values(), labels),
        alpha_per_label={label: label_alpha(by_item.values(), label) for label in labels},
        percent_agreement=percent_agreement(by_item.values()),
        pairs=[pair_agreement(by_item, a, b, labels) for a, b in combinations(reviewers, 2)],
        documents=[
            DocumentAgreement(
                document=document,
                items=len(items),
                paired_items=sum(len(by_item[item]) >= 2 for item in items),
                alpha=nominal_alpha([by_item[item] for item in items], labels),
                percent_agreement=percent_agreement([by_item[item] for item in items]),
            )
            for document, items in sorted(items_by_document.items())
        ],
        confusion=pooled_confusion(by_item.values(), labels),
    )


def nominal_alpha(units: Iterable[dict[str, str]], labels: Sequence[str]) -> Statistic:
    """Krippendorff's alpha (nominal) over ``units`` (each: reviewer -> label).

    Undefined when no unit has two labels, or when every label given to a unit
    with two labels or more is the same (no variation: expected disagreement 0).
    """
    import krippendorff
    import numpy as np

    paired = [unit for unit in units if len(unit) >= 2]
    if not paired:
        return Statistic.undefined("no item has labels from two reviewers")
    values = {label for unit in paired for label in unit.values()}
    if len(values) < 2:
        return Statistic.undefined(
            f"every paired label is {next(iter(values))!r}: no variation", len(paired)
        )
    code = {label: index for index, label in enumerate(labels)}
    counts = np.zeros((len(paired), len(labels)), dtype=int)
    for row, unit in enumerate(paired):
        for label in unit.values():
            counts[row, code[label]] += 1
    value = krippendorff.alpha(value_counts=counts, level_of_measurement="nominal")
    return Statistic(value=float(value), items=len(paired))


def label_alpha(units: Iterable[dict[str, str]], label: str) -> Statistic:
    """Alpha for ``label`` against every other label (one-vs-rest, nominal)."""
    paired = [unit for unit in units if len(unit) >= 2]
    given = [value == label for unit in paired for value in unit.values()]
    if paired and not any(given):
        return Statistic.undefined(f"no paired item was labelled {label!r}", len(paired))
    if paired and all(given):
        return Statistic.undefined(f"every paired label is {label!r}: no variation", len(paired))
    binary = [
        {coder: "yes" if value == label else "no" for coder, value in unit.items()}
        for unit in paired
    ]
    return nominal_alpha(binary, ("yes", "no"))


def percent_agreement(units: Iterable[dict[str, str]]) -> Statistic:
    """The share of agreeing pairs among all pairs of labels given to the same item."""
    agreeing = total = items = 0
    for unit in units:
        given = list(unit.values())
        if len(given) < 2:
            continue
        items += 1
        for first, second in combinations(given, 2):
            total += 1
            agreeing += first == second
    if not total:
        return Statistic.undefined("no item has labels from two reviewers")
    return Statistic(value=agreeing / total, items=items)


def pair_agreement(
    by_item: dict[str, dict[str, str]], first: str, second: str, labels: Sequence[str]
) -> PairAgreement:
    """Cohen's kappa, percent agreement and confusion of two reviewers on the items both
    labelled."""
    shared = [
        (unit[first], unit[second]) for unit in by_item.values() if first in unit and second in unit
    ]
    index = {label: number for number, label in enumerate(labels)}
    confusion = [[0] * len(labels) for _ in labels]
    for a, b in shared:
        confusion[index[a]][index[b]] += 1
    if len(shared) < MIN_SHARED:
        reason = _too_few_shared(len(shared))
        return PairAgreement(
            reviewers=(first, second),
            shared_items=len(shared),
            kappa=Statistic.undefined(reason, len(shared)),
            percent_agreement=Statistic.undefined(reason, len(shared)),
            confusion=confusion,
        )
    observed = sum(a == b for a, b in shared) / len(shared)
    return PairAgreement(
        reviewers=(first, second),
        shared_items=len(shared),
        kappa=cohen_kappa([a for a, _ in shared], [b for _, b in shared]),
        percent_agreement=Statistic(value=observed, items=len(shared)),
        confusion=confusion,
    )


def cohen_kappa(first: Sequence[str], second: Sequence[str]) -> Statistic:
    """Cohen's kappa of two equally long label lists; undefined for fewer than 2 items or when
    chance agreement is 1."""
    n = len(first)
    if n < MIN_SHARED:
        return Statistic.undefined(_too_few_shared(n), n)
    first_counts, second_counts = Counter(first), Counter(second)
    expected = sum(first_counts[label] * second_counts[label] for label in first_counts) / (n * n)
    if expected >= 1.0:
        return Statistic.undefined(f"both gave only {first[0]!r}: chance agreement is 1", n)
    from sklearn.metrics import cohen_kappa_score

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        value = float(cohen_kappa_score(list(first), list(second)))
    if value != value:  # nan
        return Statistic.undefined("kappa is not a number for these labels", n)
    return Statistic(value=value, items=n)


def _too_few_shared(count: int) -> str:
    """Why a pair's figures are undefined when it shares ``count`` (< 2) items."""
    return "fewer than 2 shared items" + (": no item labelled by both" if count == 0 else "")


def pooled_confusion(units: Iterable[dict[str, str]], labels: Sequence[str]) -> list[list[int]]:
    """Symmetric label-pair counts over every pair of reviewers on every item."""
    index = {label: number for number, label in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for unit in units:
        for a, b in combinations(unit.values(), 2):
            matrix[index[a]][index[b]] += 1
            if a != b:
                matrix[index[b]][index[a]] += 1
    return matrix
