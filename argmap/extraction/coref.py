"""Resolve speaker mentions inside one document.

Titles and roles are stripped ("Prime Minister Kishida Fumio" -> "Kishida
Fumio"); surname-only mentions ("Tanaka") take the full name used elsewhere
in the document; pronouns take the most recent fitting speaker; definite
descriptions ("the ministry", "the ministers") take the organisation or group
named before.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from argmap.models import SpeakerKind
from argmap.names import is_pronoun, pronoun_gender, split_role

_NAME_RUN = re.compile(r"\b[A-Z][\w’'-]*(?:\s+(?:[A-Z]\.\s+)?[A-Z][\w’'-]*){1,4}")
_AGENT = re.compile(r"\b(?:led|represented|headed|voiced|championed|chaired)\s+by\s+(.+)$", re.IGNORECASE)
_WANTED_KINDS = {
    "male": {SpeakerKind.PERSON},
    "female": {SpeakerKind.PERSON},
    "plural": {SpeakerKind.GROUP, SpeakerKind.ORGANISATION, SpeakerKind.PERSON},
    "thing": {SpeakerKind.ORGANISATION, SpeakerKind.GROUP},
}


class Resolved(NamedTuple):
    """A mention's speaker as resolved in its document."""

    name: str
    kind: SpeakerKind
    role: str | None


class SpeakerTracker:
    """Speaker resolution state for one document, fed mentions in text order."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._runs: list[tuple[int, str]] | None = None
        self._history: list[tuple[int, Resolved]] = []

    def _full_name(self, token: str, position: int) -> str | None:
        """The person's full name in the document that starts or ends with ``token``."""
        if self._runs is None:
            self._runs = [(m.start(), m.group()) for m in _NAME_RUN.finditer(self.text)]
        best: tuple[int, str] | None = None
        for start, run in self._runs:
            if token not in run:
                continue
            parsed = split_role(run)
            words = parsed.name.split()
            if parsed.kind is SpeakerKind.PERSON and len(words) > 1 and token in (words[0], words[-1]):
                if best is None or start < position:
                    best = (start, parsed.name)
                if start >= position:
                    break
        return best[1] if best else None

    def resolve(self, start: int, end: int) -> Resolved:
        """The speaker for the mention at ``text[start:end]``."""
        mention = self.text[start:end].strip(" ,.;:")
        if is_pronoun(mention):
            return self._antecedent(mention, start)
        agent = _AGENT.search(mention)
        parsed = split_role(agent.group(1) if agent else mention)
        name, kind = parsed.name or mention, parsed.kind
        words = name.split()
        if parsed.proper and kind is SpeakerKind.PERSON and len(words) == 1:
            name = self._full_name(words[0], start) or name
        elif not parsed.proper and parsed.head:
            name = self._described(parsed.head, name)
        resolved = Resolved(name, kind, parsed.role)
        self._history.append((start, resolved))
        return resolved

    def _antecedent(self, pronoun: str, position: int) -> Resolved:
        """The most recent speaker a pronoun can refer to ('he' -> a person)."""
        gender = pronoun_gender(pronoun)
        wanted = _WANTED_KINDS.get(gender or "", None)
        for _, prior in reversed(self._history):
            if wanted is None or prior.kind in wanted:
                return prior
        return Resolved(pronoun, SpeakerKind.UNKNOWN, None)

    def _described(self, head: str, name: str) -> str:
        """'the ministry' -> the organisation named before whose name has that head word."""
        stem = head.lower().rstrip("s")
        for _, prior in reversed(self._history):
            if prior.kind in (SpeakerKind.ORGANISATION, SpeakerKind.GROUP) and stem in prior.name.lower():
                return prior.name
        return name
