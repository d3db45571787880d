"""Scoring stance suggestions against gold labels: plain, cross-validated, and learning curves.

Metrics come from ``sklearn.metrics``. Cross-validation is stratified; a fold whose training
part lacks a label lets the codebook model score that label (``LearnedModel(strict=False)``).
"""

from __future__ import annotations

import random
import warnings
from collections.abc import Sequence

import numpy as np
from pydantic import BaseModel

from argmap.codebook import Codebook
from argmap.io.writers import confusion_table
from argmap.stance.codebook_model import CodebookModel
from argmap.stance.label_files import LabelledStatement
from argmap.stance.learned import LearnedModel, blend

MODELS = ("codebook", "learned", "combined")


class LabelScores(BaseModel):
    label: str
    precision: float
    recall: float
    f1: float
    support: int


class StanceReport(BaseModel):
    """How one model's labels compare with the gold labels."""

    model: str
    version: str = ""
    statements: int
    accuracy: float
    macro_f1: float
    per_label: list[LabelScores]
    labels: list[str]  # order of the confusion matrix's rows (gold) and columns (predicted)
    confusion: list[list[int]]
    folds: int | None = None  # set for cross-validated reports
    mean_score: float | None = (
        None  # mean score of the chosen labels: near accuracy when calibrated
    )


def score(
    gold: Sequence[str],
    predicted: Sequence[str],
    labels: Sequence[str],
    model: str,
    version: str = "",
    folds: int | None = None,
    scores: Sequence[float] | None = None,
) -> StanceReport:
    """Accuracy, macro-F1 (over the codebook labels present in gold or predictions), per-label
    precision/recall/F1, the confusion matrix, and the mean of ``scores`` (the predicted labels'
    scores) to compare with accuracy."""
    from sklearn.metrics import (
        accuracy_score,
        confusion_matrix,
        f1_score,
        precision_recall_fscore_support,
    )

    used = [label for label in labels if label in set(gold) | set(predicted)]
    precision, recall, f1, support = precision_recall_fscore_support(
        gold, predicted, labels=used, zero_division=0
    )
    return StanceReport(
        model=model,
        version=version,
        statements=len(gold),
        accuracy=float(accuracy_score(gold, predicted)),
        macro_f1=float(f1_score(gold, predicted, labels=used, average="macro", zero_division=0)),
        per_label=[
            LabelScores(
                label=label, precision=float(p), recall=float(r), f1=float(f), support=int(s)
            )
            for label, p, r, f, s in zip(used, precision, recall, f1, support, strict=True)
        ],
        labels=list(labels),
        confusion=confusion_matrix(gold, predicted, labels=list(labels)).tolist(),
        folds=folds,
        mean_score=float(np.mean(scores)) if scores is not None and len(scores) else None,
    )


def cross_validate(
    codebook: Codebook, examples: Sequence[LabelledStatement], folds: int = 5, seed: int = 0
) -> dict[str, StanceReport]:
    """Out-of-fold predictions of the codebook, learned and combined models, scored."""
    from sklearn.model_selection import StratifiedKFold

    gold = [e.stance for e in examples]
    if len(examples) < folds:
        raise ValueError(
            f"{len(examples)} labelled statements are too few for {folds}-fold cross-validation"
        )
    texts = [e.text for e in examples]
    contexts = [e.context for e in examples]
    cue_probabilities = CodebookModel(codebook).probabilities(texts, contexts)
    learned = np.zeros_like(cue_probabilities)
    combined = np.zeros_like(cue_probabilities)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # a class with fewer members than folds
        splits = list(splitter.split(texts, gold))
    for train, test in splits:
        model = LearnedModel(
            codebook, [texts[i] for i in train], [gold[i] for i in train], strict=False
        )
        test_texts = [texts[i] for i in test]
        test_contexts = [contexts[i] for i in test]
        learned[test] = model.learned_probabilities(test_texts, test_contexts)
        combined[test] = blend(learned[test], cue_probabilities[test], model.blend_weight)
    labels = list(codebook.label_ids)
    return {
        name: score(
            gold,
            [labels[i] for i in probabilities.argmax(axis=1)],
            labels,
            name,
            folds=folds,
            scores=probabilities.max(axis=1),
        )
        for name, probabilities in (
            ("codebook", cue_probabilities),
            ("learned", learned),
            ("combined", combined),
        )
    }


def learning_curve(
    codebook: Codebook,
    examples: Sequence[LabelledStatement],
    sizes: Sequence[int | None] = (0, 10, 25, 50, 100, None),
    folds: int = 5,
    repeats: int = 3,
) -> list[dict]:
    """Macro-F1 of the three models against the number of training labels.

    For each repeat and each stratified fold, the training part is subsampled (stratified,
    at least one example per label when the size allows) to each size (``None`` = all of it)
    and the models are scored on the held-out fold. Returns one row per size with the mean
    and standard deviation of each model's macro-F1 (``None`` when a model cannot be fitted).
    """
    from sklearn.model_selection import StratifiedKFold

    texts = [e.text for e in examples]
    contexts = [e.context for e in examples]
    gold = [e.stance for e in examples]
    labels = list(codebook.label_ids)
    cue_probabilities = CodebookModel(codebook).probabilities(texts, contexts)
    results: dict[tuple[int | None, str], list[float]] = {}
    actual_sizes: dict[int | None, list[int]] = {}
    for repeat in range(repeats):
        splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=repeat)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            splits = list(splitter.split(texts, gold))
        for fold, (train, test) in enumerate(splits):
            rng = random.Random(repeat * 1000 + fold)
            test_gold = [gold[i] for i in test]
            cue_f1 = _macro_f1(
                test_gold, [labels[i] for i in cue_probabilities[test].argmax(axis=1)], labels
            )
            for size in sizes:
                n = len(train) if size is None else min(size, len(train))
                if size is not None and size > len(train):
                    continue
                actual_sizes.setdefault(size, []).append(n)
                results.setdefault((size, "codebook"), []).append(cue_f1)
                chosen = stratified_sample([gold[i] for i in train], n, rng)
                train_labels = [gold[train[i]] for i in chosen]
                if len(set(train_labels)) < 2:
                    continue
                model = LearnedModel(
                    codebook, [texts[train[i]] for i in chosen], train_labels, strict=False
                )
                probabilities = model.learned_probabilities(
                    [texts[i] for i in test], [contexts[i] for i in test]
                )
                results.setdefault((size, "learned"), []).append(
                    _macro_f1(test_gold, [labels[i] for i in probabilities.argmax(axis=1)], labels)
                )
                mixed = blend(probabilities, cue_probabilities[test], model.blend_weight)
                results.setdefault((size, "combined"), []).append(
                    _macro_f1(test_gold, [labels[i] for i in mixed.argmax(axis=1)], labels)
                )
    rows = []
    for size in sizes:
        if size not in actual_sizes:
            continue
        row: dict[str, str | int | float | None] = {
            "size": "all" if size is None else size,
            "labels": round(float(np.mean(actual_sizes[size])), 1),
            "runs": len(actual_sizes[size]),
        }
        for name in MODELS:
            values = results.get((size, name))
            row[name] = None if not values else round(float(np.mean(values)), 3)
            row[f"{name}_std"] = None if not values else round(float(np.std(values)), 3)
        rows.append(row)
    return rows


def stratified_sample(labels: Sequence[str], size: int, rng: random.Random) -> list[int]:
    """``size`` indices into ``labels``, each label in proportion and at least once when
    possible."""
    if size >= len(labels):
        return list(range(len(labels)))
    by_label: dict[str, list[int]] = {}
    for index, label in enumerate(labels):
        by_label.setdefault(label, []).append(index)
    for members in by_label.values():
        rng.shuffle(members)
    chosen: list[int] = []
    if size >= len(by_label):
        chosen = [members[0] for members in by_label.values()]
    rest = [i for members in by_label.values() for i in members if i not in set(chosen)]
    # Proportional fill: take from the shuffled remainder, which keeps the label shares on average.
    rng.shuffle(rest)
    chosen.extend(rest[: size - len(chosen)])
    return sorted(chosen)


def _macro_f1(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> float:
    from sklearn.metrics import f1_score

    used = [label for label in labels if label in set(gold) | set(predicted)]
    return float(f1_score(gold, predicted, labels=used, average="macro", zero_division=0))


def format_reports(reports: Sequence[StanceReport], title: str) -> str:
    """The reports as rich tables: a summary, per-label scores and each confusion matrix."""
    import io

    from rich.console import Console
    from rich.table import Table

    buffer = io.StringIO()
    console = Console(file=buffer, width=110)
    summary = Table(
        title=title,
        caption=(
            "mean score: the average score of the chosen labels; "
            "close to accuracy when scores are calibrated"
        ),
    )
    for column in ("model", "version", "statements", "accuracy", "macro-F1", "mean score"):
        summary.add_column(
            column, justify="right" if column not in ("model", "version") else "left"
        )
    for report in reports:
        model = report.model + (f" ({report.folds}-fold CV)" if report.folds else "")
        mean = "" if report.mean_score is None else f"{report.mean_score:.3f}"
        summary.add_row(
            model,
            report.version,
            str(report.statements),
            f"{report.accuracy:.3f}",
            f"{report.macro_f1:.3f}",
            mean,
        )
    console.print(summary)
    for report in reports:
        if report.folds and report.model == "codebook":
            continue  # it learns nothing: the same figures as the codebook model on all the gold
        per_label = Table(title=f"{report.model}: per label")
        for column in ("label", "precision", "recall", "F1", "support"):
            per_label.add_column(column, justify="left" if column == "label" else "right")
        for row in report.per_label:
            per_label.add_row(
                row.label,
                f"{row.precision:.3f}",
                f"{row.recall:.3f}",
                f"{row.f1:.3f}",
                str(row.support),
            )
        console.print(per_label)
        console.print(
            confusion_table(
                f"{report.model}: confusion (rows gold, columns predicted)",
                "gold \\ predicted",
                report.labels,
                report.confusion,
            )
        )
    return buffer.getvalue()
