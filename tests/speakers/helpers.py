"""Helpers for the speaker tests."""

import re

from argmap.models import SpeakerKind
from argmap.speakers.coref import SpeakerTracker
from argmap.speakers.registry import SpeakerRegistry

#: The speaker kinds, short, for tables of expected parses.
PERSON, ORG, GROUP, UNKNOWN = (
    SpeakerKind.PERSON,
    SpeakerKind.ORGANISATION,
    SpeakerKind.GROUP,
    SpeakerKind.UNKNOWN,
)


def resolve_all(registry: SpeakerRegistry, *mentions: tuple[str, str]) -> list[str]:
    """Speaker ids of (mention, doc_id) pairs, resolved in order."""
    return [registry.resolve(name, doc_id=doc).id for name, doc in mentions]


def resolve(text: str, mention: str, nth: int = 1) -> str:
    """The speaker name of the ``nth`` ``mention`` in ``text``, resolved in a fresh tracker."""
    at = -1
    for _ in range(nth):
        at = text.index(mention, at + 1)
    return SpeakerTracker(text).resolve(at, at + len(mention)).name


def resolve_in_order(text: str, *mentions: tuple[str, int]) -> list[str]:
    """The speakers of (mention, nth) pairs resolved in order in one tracker, as the
    extractor asks them: the ``nth`` place the mention is written as words of its own."""
    tracker, names = SpeakerTracker(text), []
    for mention, nth in mentions:
        found = list(re.finditer(rf"(?<!\w){re.escape(mention)}(?!\w)", text))[nth - 1]
        names.append(tracker.resolve(found.start(), found.end()).name)
    return names
