"""Run the extractor over a corpus and resolve speakers across its documents."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Literal, overload

from argmap.extraction.extractor import statement_fields
from argmap.models import Document, Speaker, Statement
from argmap.speakers.names import split_role

if TYPE_CHECKING:
    from argmap.speakers.registry import SpeakerRegistry


@overload
def extract_corpus(
    documents: Iterable[Document],
    registry: SpeakerRegistry | None = None,
    speakers: dict[str, Speaker] | None = None,
    *,
    lazy: Literal[False] = False,
) -> Iterator[tuple[Document, list[Statement]]]: ...


@overload
def extract_corpus(
    documents: Iterable[Document],
    registry: SpeakerRegistry | None = None,
    speakers: dict[str, Speaker] | None = None,
    *,
    lazy: bool,
) -> Iterator[tuple[Document, Iterable[Statement]]]: ...


def extract_corpus(
    documents: Iterable[Document],
    registry: SpeakerRegistry | None = None,
    speakers: dict[str, Speaker] | None = None,
    *,
    lazy: bool = False,
) -> Iterator[tuple[Document, Iterable[Statement]]]:
    """Each document with its statements, speakers resolved across the whole corpus.

    Documents are processed one at a time, so callers can stream the results.
    A statement's in-document speaker name (or, failing that, its mention) is
    resolved through ``registry`` (a fresh SpeakerRegistry by default), which
    sets ``speaker`` to the canonical name and ``speaker_id``. When given,
    ``speakers`` is filled with every resolved Speaker by id. With ``lazy``,
    each document's statements come as an iterator, found as it is read, so a
    very large document never has all its statements in memory at once.
    """
    for document, found in extract_corpus_fields(documents, registry, speakers):
        statements = (Statement(**fields) for fields in found)
        yield document, (statements if lazy else list(statements))


def extract_corpus_fields(
    documents: Iterable[Document],
    registry: SpeakerRegistry | None = None,
    speakers: dict[str, Speaker] | None = None,
) -> Iterator[tuple[Document, Iterator[dict]]]:
    """What ``extract_corpus`` gives with ``lazy``, each statement as the dict of its fields
    (``argmap.extraction.extractor.statement_fields``, speakers resolved), no model built: for
    writing them out as they are (``argmap.io.writers.write_jsonl_fields``). Each document's
    statements must be read before the next document is asked for."""
    if registry is None:
        from argmap.speakers.registry import SpeakerRegistry

        registry = SpeakerRegistry()
    for document in documents:
        yield (
            document,
            (
                _resolve(fields, document, registry, speakers)
                for fields in statement_fields(document)
            ),
        )


#: The note of a statement whose mention an analyst said is no speaker.
NOT_A_SPEAKER = "marked not a speaker"


def _resolve(
    fields: dict,
    document: Document,
    registry: SpeakerRegistry,
    speakers: dict[str, Speaker] | None,
) -> dict:
    """A statement's ``fields`` with its speaker resolved across the corpus (changed in place)."""
    name = _query(fields["speaker_note"], fields["speaker"], fields["speaker_mention"])
    if name is None:
        return fields
    note = unattributed_note(name, registry)
    if note is not None:
        fields["speaker"] = None
        fields["speaker_note"] = note
        return fields
    speaker = resolve_mention(
        registry,
        name,
        doc_id=document.id,
        role=fields["speaker_role"],
        mention=fields["speaker_mention"],
        speakers=speakers,
    )
    fields["speaker"] = speaker.name
    fields["speaker_id"] = speaker.id
    return fields


# The steps of ``_resolve``, public for resolving a corpus in blocks (``argmap.cluster``).


def speaker_query(statement: Statement) -> str | None:
    """The name a statement's speaker is resolved by (its in-document speaker, else its
    mention), or None when there is nothing to resolve."""
    return _query(statement.speaker_note, statement.speaker, statement.speaker_mention)


def _query(note: str | None, speaker: str | None, mention: str | None) -> str | None:
    if note is not None:
        return None  # the mention names no speaker: left unattributed, with the reason
    return speaker or mention or None


def unattributed_note(name: str, registry: SpeakerRegistry) -> str | None:
    """Why ``name`` is left without a speaker (not a name, or marked no speaker), or None."""
    note = split_role(name).note
    if note is None and registry.is_not_a_speaker(name):
        note = NOT_A_SPEAKER
    return note


def resolve_mention(
    registry: SpeakerRegistry,
    name: str,
    *,
    doc_id: str,
    role: str | None,
    mention: str | None,
    speakers: dict[str, Speaker] | None = None,
) -> Speaker:
    """The speaker ``name`` (a statement's ``speaker_query``) resolves to in ``registry``,
    with how the text named it (``mention``) noted among its aliases; ``speakers`` (when
    given) gets it by id."""
    speaker = registry.resolve(name, doc_id=doc_id, role=role, gender=_gender_said(mention))
    _note_alias(speaker, mention)
    if speakers is not None:
        speakers[speaker.id] = speaker
    return speaker


_GENDERED = re.compile(
    r"\s*(?:(?P<male>he|mr\.?|sir)|(?P<female>she|mrs\.?|ms\.?|miss))(?:\s|$)", re.IGNORECASE
)


def _gender_said(mention: str | None) -> str | None:
    """What the mention itself says of the speaker's gender: "he" and "Mr. Trump" say
    'male', "she" and "Mrs. Clinton" 'female'; a name alone says nothing."""
    found = _GENDERED.match(mention) if mention else None
    if found is None:
        return None
    return "male" if found.group("male") else "female"


def _note_alias(speaker: Speaker, mention: str | None) -> None:
    """Record how the text named the speaker ('Tanaka' for Tanaka Hitoshi) among its aliases."""
    if not mention:
        return
    parsed = split_role(mention)
    if (
        parsed.proper
        and parsed.name
        and parsed.name != speaker.name
        and parsed.name not in speaker.aliases
    ):
        speaker.aliases.append(parsed.name)
