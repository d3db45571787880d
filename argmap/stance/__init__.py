"""Stance annotation: suggestions from a codebook, a model learned from people's labels,
uncertainty for review, and a statement's final label.

This is the API the workspace and the UI call:

    suggest_stances(codebook, texts, contexts=None, model=None) -> list[Suggestion]
    fit_stance_model(codebook, texts, labels) -> LearnedModel   # .save(dir)
    load_stance_model(dir, codebook) -> LearnedModel
    uncertainty(suggestion) -> float                              # higher = less sure
    final_label(suggestion, annotations) -> (label | None, source)
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from argmap.codebook import Codebook
from argmap.models import Suggestion
from argmap.stance.codebook_model import CodebookModel, codebook_fingerprint
from argmap.stance.label_files import LabelledStatement, LabelsError, read_labels
from argmap.stance.learned import (
    LearnedModel,
    StanceTrainingError,
    fit_stance_model,
    load_stance_model,
)
from argmap.stance.triage import SOURCES, entropy, final_label, most_uncertain_first, uncertainty

__all__ = [
    "SOURCES",
    "CodebookModel",
    "LabelledStatement",
    "LabelsError",
    "LearnedModel",
    "StanceTrainingError",
    "codebook_model",
    "entropy",
    "final_label",
    "fit_stance_model",
    "load_stance_model",
    "most_uncertain_first",
    "read_labels",
    "suggest_stances",
    "uncertainty",
]


def suggest_stances(
    codebook: Codebook,
    texts: Sequence[str],
    *,
    contexts: Sequence[str | None] | None = None,
    model: LearnedModel | None = None,
) -> list[Suggestion]:
    """One suggestion per text: from ``model`` (combined with the codebook) when given, else
    from the codebook alone. ``contexts`` (e.g. each statement's paragraph) are weak evidence."""
    if contexts is not None and len(contexts) != len(texts):
        raise ValueError(f"{len(texts)} texts but {len(contexts)} contexts")
    if model is not None:
        if codebook_fingerprint(model.codebook) != codebook_fingerprint(codebook):
            raise ValueError("the model was trained with another codebook")
        return model.suggest(texts, contexts)
    return codebook_model(codebook).suggest_many(texts, contexts)


@lru_cache(maxsize=8)
def codebook_model(codebook: Codebook) -> CodebookModel:
    """The codebook model for ``codebook`` (built once per codebook)."""
    return CodebookModel(codebook)
