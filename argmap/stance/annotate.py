"""Stance fields for extracted statements (``argmap extract --codebook``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from argmap.codebook import Codebook
from argmap.models import Document, Statement, Suggestion
from argmap.spans import paragraph_around

Results = Iterable[tuple[Document, Iterable[Statement]]]


def with_stances(
    results: Results, codebook: Codebook
) -> tuple[Iterator[tuple[Document, list[Statement]]], Callable[[Document, Statement], dict]]:
    """The same results, and a function giving each statement's ``stance``, ``stance_score``
    and ``stance_reason``. Each document's statements are suggested in one batch by the
    codebook model, with each statement's paragraph as context, as the document is reached."""
    from argmap.stance import codebook_model

    model = codebook_model(codebook)
    current: dict[str, dict] = {}

    def documents() -> Iterator[tuple[Document, list[Statement]]]:
        for document, statements in results:
            statements = list(statements)
            suggestions = model.suggest_many(
                [s.text for s in statements],
                [paragraph(document.text, s.start, s.end) for s in statements],
            )
            current.clear()
            current.update(
                (s.id, stance_record(g)) for s, g in zip(statements, suggestions, strict=True)
            )
            yield document, statements

    def fields(document: Document, statement: Statement) -> dict:
        found = current.get(statement.id)
        if found is None:
            found = stance_record(
                model.suggest(
                    statement.text, paragraph(document.text, statement.start, statement.end)
                )
            )
        return found

    return documents(), fields


def stance_record(suggestion: Suggestion) -> dict:
    """The three fields ``extract --codebook`` adds to a statement."""
    return {
        "stance": suggestion.label,
        "stance_score": round(suggestion.score, 4),
        "stance_reason": suggestion.explanation,
    }


def paragraph(text: str, start: int, end: int) -> str:
    """The paragraph(s) of ``text`` holding ``start``-``end``: a statement's context."""
    lo, hi = paragraph_around(text, start, end)
    return text[lo:hi]
