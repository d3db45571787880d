"""Helpers for the speaker tests."""

from argmap.speakers.registry import SpeakerRegistry


def resolve_all(registry: SpeakerRegistry, *mentions: tuple[str, str]) -> list[str]:
    """Speaker ids of (mention, doc_id) pairs, resolved in order."""
    return [registry.resolve(name, doc_id=doc).id for name, doc in mentions]
