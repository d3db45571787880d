"""The domain model: documents, speakers and the statements attributed to them.

Every type is a pydantic model so that it validates on the way in and
serialises to JSON on the way out. Offsets are Python ``str`` indices into the
document's decoded text, so a UI can highlight exactly what was found.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class SpeakerKind(StrEnum):
    """What sort of source a speaker is."""

    PERSON = "person"
    ORGANISATION = "organisation"
    GROUP = "group"
    UNKNOWN = "unknown"


class StatementKind(StrEnum):
    """How a statement is reported."""

    DIRECT = "direct"  # all inside quotation marks
    MIXED = "mixed"  # reported speech with quoted fragments
    INDIRECT = "indirect"  # reported speech, no quotation marks


def content_id(text: str) -> str:
    """A short stable id derived from the text's content (sha256 prefix)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


#: The fields of ``DocumentMetadata``, in the order lists and exports give them.
METADATA_FIELDS = ("title", "outlet", "authors", "published", "url", "language")


class DocumentMetadata(BaseModel):
    """Where and when an article appeared: read from the page, its front matter, a metadata
    table or a corpus file's columns, or set by hand. Every field may be unknown."""

    model_config = ConfigDict(frozen=True)

    title: str | None = None
    outlet: str | None = Field(default=None, description="the publisher or site name")
    authors: tuple[str, ...] = ()
    published: str | None = Field(
        default=None,
        description="ISO 8601: a date (2016-03-11), or a date and time with its zone when "
        "known (2016-03-11T09:30:00-05:00); in the outlet's own zone, never converted",
    )
    url: str | None = None
    language: str | None = Field(default=None, description="a language tag: en, en-US")

    @field_validator("published")
    @classmethod
    def _iso_8601(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            (date if len(value) == 10 else datetime).fromisoformat(value)
        except ValueError:
            raise ValueError(f"not an ISO 8601 date or time: {value!r}") from None
        return value

    def is_empty(self) -> bool:
        """Whether no field is known."""
        return not any(getattr(self, name) for name in METADATA_FIELDS)


class Document(BaseModel):
    """A decoded article: its id is the hash of its text."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    text: str
    source_path: str | None = None
    metadata: DocumentMetadata = Field(default_factory=DocumentMetadata)
    #: What the user should know about how the file was read ("read as Windows-1252, a
    #: guess"); shown when it is read, never stored or exported.
    read_warnings: tuple[str, ...] = Field(default=(), exclude=True)

    @classmethod
    def from_text(
        cls,
        name: str,
        text: str,
        source_path: str | None = None,
        read_warnings: tuple[str, ...] = (),
        metadata: DocumentMetadata | None = None,
    ) -> Document:
        """Build a document whose id is the hash of ``text``."""
        return cls(
            id=content_id(text),
            name=name,
            text=text,
            source_path=source_path,
            read_warnings=read_warnings,
            metadata=metadata or DocumentMetadata(),
        )


class Speaker(BaseModel):
    """A resolved person, organisation or group that statements are attributed to."""

    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    kind: SpeakerKind = SpeakerKind.UNKNOWN
    role: str | None = None
    affiliation: str | None = None


class Statement(BaseModel):
    """One attributed statement: what was said, how, by which mention of whom."""

    id: str
    document: str  # Document.id
    doc_name: str
    start: int
    end: int
    text: str
    kind: StatementKind
    parts: list[tuple[int, int]] = Field(
        default_factory=list,
        description=(
            "Content pieces when a quote is split around its attribution; empty when whole."
        ),
    )
    cue: str = ""
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_mention: str | None = None  # the in-text span the statement is attributed to
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker: str | None = None  # the resolved speaker's canonical name
    speaker_role: str | None = None  # the title or role this mention gives ('Prime Minister')
    speaker_id: str | None = None
    # why the statement has no speaker although its mention was found ("a poll", "a date")
    speaker_note: str | None = None
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)

    @model_validator(mode="after")
    def _spans_are_ordered(self) -> Statement:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"content span {self.start}-{self.end} is not ordered")
        for lo, hi in ((self.cue_start, self.cue_end), (self.speaker_start, self.speaker_end)):
            if (lo is None) != (hi is None) or (lo is not None and hi is not None and lo > hi):
                raise ValueError(f"span {lo}-{hi} is incomplete or not ordered")
        return self


class Suggestion(BaseModel):
    """A model's stance suggestion for a statement, kept apart from people's annotations."""

    label: str  # a codebook label id
    score: float = Field(ge=0.0, le=1.0, description="calibrated probability of the label")
    scores: dict[str, float] = Field(default_factory=dict, description="probability of every label")
    model: str  # 'codebook' or 'learned' or 'combined'
    model_version: str
    explanation: str = ""  # one sentence a person can read
    evidence: list[str] = Field(
        default_factory=list, description="cue phrases, examples or features that decided it"
    )


class Annotation(BaseModel):
    """A person's stance label for a statement, with its provenance."""

    statement_id: str
    label: str  # a codebook label id
    annotator: str
    time: datetime
    note: str = ""
    adjudicated: bool = False  # set by an adjudicator: it overrides every other label
