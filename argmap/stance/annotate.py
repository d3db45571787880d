"""Stance fields for extracted statements (``argmap extract --codebook``)."""

from __future__ import annotations

from collections.abc import Callable

from argmap.codebook import Codebook
from argmap.models import Document, Statement


def stance_fields(codebook: Codebook) -> Callable[[Document, Statement], dict]:
    """A function giving ``stance``, ``stance_score`` and ``stance_reason`` for a statement,
    from the codebook model, with the statement's paragraph as context."""
    from argmap.stance import codebook_model

    model = codebook_model(codebook)

    def fields(document: Document, statement: Statement) -> dict:
        suggestion = model.suggest(statement.text, paragraph(document.text, statement.start, statement.end))
        return {"stance": suggestion.label, "stance_score": round(suggestion.score, 4), "stance_reason": suggestion.explanation}

    return fields


def paragraph(text: str, start: int, end: int) -> str:
    """The line(s) of ``text`` holding ``start``-``end`` (a statement's paragraph)."""
    begin = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", end)
    return text[begin: stop if stop != -1 else len(text)]
