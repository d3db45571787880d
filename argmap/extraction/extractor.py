"""Find attributed statements in a document (work in progress)."""

from __future__ import annotations

from argmap.models import Document, Statement


def extract_statements(document: Document) -> list[Statement]:
    """Every statement in ``document`` with its cue and speaker mention, in text order.

    ``Statement.speaker`` holds the speaker's name as resolved inside this
    document (titles stripped, surnames and pronouns resolved); ``speaker_id``
    is left for cross-document resolution to fill in.
    """
    return []
