"""Resolve speaker mentions inside one document.

Surname-only mentions ("Tanaka") take the full name used elsewhere in the
document ("Tanaka Hitoshi"); pronouns take the most recent fitting speaker;
definite descriptions ("the ministry") take the organisation named before.
"""

from __future__ import annotations

import re

from argmap.extraction.lexicon import PRONOUNS

_NAME_RUN = re.compile(r"\b[A-Z][\w’'-]*(?:\s+(?:[A-Z]\.\s+)?[A-Z][\w’'-]*){1,3}")
_POSSESSIVE = re.compile(r"[’']s$")


def _strip(mention: str) -> str:
    mention = mention.strip(" ,.;:")
    mention = _POSSESSIVE.sub("", mention)
    return re.sub(r"^(?:the|a|an)\s+", "", mention, flags=re.IGNORECASE)


class SpeakerTracker:
    """Speaker resolution state for one document, fed mentions in text order."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._by_token: dict[str, list[tuple[int, str]]] = {}
        for match in _NAME_RUN.finditer(text):
            name = match.group()
            for token in {name.split()[0], name.split()[-1]}:
                self._by_token.setdefault(token, []).append((match.start(), name))
        self._history: list[tuple[int, str, str]] = []  # position, name, kind

    def _full_name(self, token: str, position: int) -> str | None:
        """The fullest name in the document that starts or ends with ``token``."""
        candidates = self._by_token.get(token, [])
        before = [c for c in candidates if c[0] < position] or candidates
        if not before:
            return None
        return before[-1][1]

    def resolve(self, start: int, end: int) -> str:
        """The speaker's name for the mention at ``text[start:end]``."""
        mention = self.text[start:end]
        low = mention.lower().strip()
        if low in PRONOUNS:
            kind = PRONOUNS[low]
            wanted = {"male": "person", "female": "person", "self": "person", "relative": None,
                      "plural": "group", "thing": "organisation"}[kind]
            for _, name, k in reversed(self._history):
                if wanted is None or k == wanted or (kind == "plural"):
                    return name
            return mention
        name = _strip(mention)
        kind = "person" if name[:1].isupper() else "group"
        words = name.split()
        if len(words) == 1 and name[:1].isupper():
            full = self._full_name(words[0], start)
            if full:
                name = full
        elif not name[:1].isupper() and words:
            head = words[-1].lower()
            for _, prior, k in reversed(self._history):
                if head.rstrip("s") and head.rstrip("s") in prior.lower() and prior.lower() != name.lower():
                    name = prior
                    break
        self._history.append((start, name, kind))
        return name
