"""What the store's queries return: typed rows for the CLI and the UI.

These are plain frozen dataclasses (cheap to build for a page of rows); the
domain types (``Statement``, ``Speaker``, ``Annotation``, ``Suggestion``) come
from ``argmap.models``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import StrEnum


class ReviewState(StrEnum):
    """Where a statement stands in review."""

    UNLABELLED = "unlabelled"  # no suggestion, no annotation
    SUGGESTED = "suggested"  # a model's suggestion only
    LABELLED = "labelled"  # people's annotations, all agreeing
    DISPUTED = "disputed"  # people's annotations disagree, no adjudication
    ADJUDICATED = "adjudicated"  # an adjudicator set the final label


class RelationKind(StrEnum):
    """The relations of the argument map."""

    SUPPORTS = "supports"  # statement or claim -> claim
    ATTACKS = "attacks"  # statement or claim -> claim
    REBUTS = "rebuts"  # claim -> claim
    RESTATES = "restates"  # statement -> statement (the same quote in several outlets)


class RelationStatus(StrEnum):
    """Whether a relation is part of the map or only offered."""

    ACCEPTED = "accepted"
    SUGGESTED = "suggested"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class StatementRow:
    """One statement as lists and tables show it."""

    id: str
    seq: int
    document: str
    doc_name: str
    start: int
    end: int
    text: str
    kind: str
    speaker_id: str | None
    speaker: str | None  # the speaker's current name
    speaker_mention: str | None
    cue: str
    confidence: float
    origin: str  # extracted | manual
    label: str | None  # the current stance
    label_source: str | None  # adjudicated | human | suggestion
    review: str  # a ReviewState value
    suggestion_label: str | None
    suggestion_score: float | None
    uncertainty: float | None  # the suggestion's (argmap.stance.uncertainty): higher = less sure
    speaker_start: int | None  # the speaker mention's span in the document
    speaker_end: int | None
    cue_start: int | None  # the cue's span
    cue_end: int | None
    outlet: str | None = None  # where its document appeared (its metadata), when known
    published: str | None = None  # the document's date, or time with its zone (ISO 8601)

    def appeared(self) -> str | None:
        """Its document's day and outlet ("2016-09-12 nyt"), or None when neither is known."""
        parts = [self.published[:10] if self.published else None, self.outlet]
        return " ".join(part for part in parts if part) or None


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    """A speaker with the number of statements and their stances."""

    id: str
    name: str
    kind: str
    role: str | None
    affiliation: str | None
    aliases: tuple[str, ...]
    statements: int
    stances: dict[str, int] = field(default_factory=dict)  # label -> count ('' = no label)


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """A document with its statement count and its metadata (None: not known)."""

    id: str
    seq: int
    name: str
    source_path: str | None
    added_at: str
    statements: int
    title: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None  # ISO 8601: a date, or a date and time with its zone
    url: str | None = None
    language: str | None = None
    set_by_hand: tuple[str, ...] = ()  # the fields people set (`argmap document set`)


@dataclass(frozen=True, slots=True)
class OutletCount:
    """An outlet with how many documents and statements it has (``Workspace.outlets``)."""

    outlet: str
    documents: int
    statements: int


@dataclass(frozen=True, slots=True)
class Claim:
    """A proposition in the map: a position (under the issue) or a claim (under a position or
    claim)."""

    id: str
    kind: str  # position | claim
    text: str
    parent_id: str | None
    label: str | None
    statement_id: str | None
    created_by: str
    created_at: str


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed link between two statements or claims."""

    id: str
    kind: str  # a RelationKind value
    source_type: str  # statement | claim
    source_id: str
    target_type: str
    target_id: str
    status: str  # a RelationStatus value
    score: float | None
    created_by: str
    created_at: str


#: The columns of ``claims`` and ``relations`` a ``Claim`` and a ``Relation`` are built from, in
#: their fields' order: named, not ``SELECT *``, since a table may hold more (PostgreSQL's ``seq``).
CLAIM_COLUMNS = ", ".join(f.name for f in fields(Claim))
RELATION_COLUMNS = ", ".join(f.name for f in fields(Relation))


@dataclass(frozen=True, slots=True)
class Edit:
    """One entry of the edit log."""

    id: int
    time: str
    actor: str
    action: str
    summary: str
    undoable: bool
    state: str  # done | undone | discarded


@dataclass(frozen=True, slots=True)
class Status:
    """What ``argmap status`` shows."""

    path: str
    workspace_id: str
    issue: str | None
    documents: int
    speakers: int
    statements: int
    review: dict[str, int]  # ReviewState value -> count
    labels: dict[str, int]  # current label -> count
    annotators: dict[str, int]  # annotator -> annotations
    claims: int
    relations: dict[str, int]  # 'kind/status' -> count
    edits: int
    suggestions_available: bool

    @property
    def labelled_share(self) -> float:
        """Share of statements with a human or adjudicated label."""
        done = sum(self.review.get(s, 0) for s in ("labelled", "adjudicated"))
        return done / self.statements if self.statements else 0.0


@dataclass(frozen=True, slots=True)
class LabelOutline:
    """A stance label as lists show it: id, name, colour."""

    id: str
    name: str
    colour: str


@dataclass(frozen=True, slots=True)
class CodebookOutline:
    """The workspace's codebook as the UI's first screen shows it (the issue, each label's id,
    name and colour), read from the stored codebook without validating it again: it was
    validated when it was set. ``Workspace.codebook`` gives the whole ``Codebook``."""

    id: str
    issue: str
    labels: tuple[LabelOutline, ...]

    @property
    def label_ids(self) -> tuple[str, ...]:
        """The label ids in codebook order."""
        return tuple(label.id for label in self.labels)
