"""``MapExport``: the whole argument map as one JSON document (``argmap schema`` prints its JSON
Schema)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from argmap.codebook import Codebook
from argmap.models import Annotation, DocumentMetadata, Speaker, Statement, Suggestion

EXPORT_FORMAT: Final = "argmap-map"
#: 2: documents' metadata (title, outlet, authors, published, url, language, set_by_hand) and
#: ``subset`` (its ``dated`` came later, read as None where absent). Version 1 files are still
#: read (their documents have no metadata).
EXPORT_SCHEMA_VERSION: Final = 2
READ_SCHEMA_VERSIONS: Final = (1, 2)


class DocumentRecord(BaseModel):
    """A document with its text and metadata, as added to the workspace."""

    model_config = ConfigDict(extra="forbid")

    id: str
    name: str
    source_path: str | None = None
    added_at: str
    title: str | None = None
    outlet: str | None = Field(default=None, description="the publisher or site name")
    authors: list[str] = Field(default_factory=list)
    published: str | None = Field(
        default=None,
        description="ISO 8601: a date, or a date and time with its zone, in the outlet's zone",
    )
    url: str | None = None
    language: str | None = None
    set_by_hand: list[Literal["title", "outlet", "authors", "published", "url", "language"]] = (
        Field(
            default_factory=list,
            description="the metadata fields people set, which adding the document again keeps",
        )
    )
    text: str

    @field_validator("published")
    @classmethod
    def _iso_8601(cls, value: str | None) -> str | None:
        return DocumentMetadata.model_validate({"published": value}).published


class Subset(BaseModel):
    """What a filtered export holds: the documents of these outlets, authors and days, their
    statements and what hangs on them, every claim, the relations among them; no edit log."""

    model_config = ConfigDict(extra="forbid")

    outlets: list[str] | None = None
    authors: list[str] | None = None
    since: str | None = None
    until: str | None = None
    dated: bool | None = Field(
        default=None,
        description="false: only the documents without a date of publication (--since none or "
        "--until none); none: dated or not (older exports have no such key)",
    )


class StatementRecord(Statement):
    """A statement with where it came from and the model's suggestion."""

    model_config = ConfigDict(extra="forbid")

    origin: Literal["extracted", "manual"] = "extracted"
    suggestion: Suggestion | None = None


class ClaimRecord(BaseModel):
    """A position or claim of the map."""

    model_config = ConfigDict(extra="forbid")

    id: str
    kind: Literal["position", "claim"]
    text: str
    parent_id: str | None = None
    label: str | None = None
    statement_id: str | None = Field(default=None, description="the statement it was promoted from")
    created_by: str
    created_at: str


class RelationRecord(BaseModel):
    """A relation between statements and claims."""

    model_config = ConfigDict(extra="forbid")

    id: str
    kind: Literal["supports", "attacks", "rebuts", "restates"]
    source_type: Literal["statement", "claim"]
    source_id: str
    target_type: Literal["statement", "claim"]
    target_id: str
    status: Literal["accepted", "suggested", "rejected"]
    score: float | None = None
    created_by: str
    created_at: str


class EditRecord(BaseModel):
    """One entry of the edit log: who changed what, when, with the rows before and after."""

    model_config = ConfigDict(extra="forbid")

    id: int
    time: str
    actor: str
    action: str
    summary: str
    changes: Any
    undoable: bool
    state: Literal["done", "undone", "discarded"]


class MapExport(BaseModel):
    """Everything in a workspace: documents, speakers, statements with spans and suggestions,
    annotations with provenance, claims, relations, the codebook and the edit log."""

    model_config = ConfigDict(extra="forbid")

    format: Literal["argmap-map"] = EXPORT_FORMAT
    schema_version: Literal[1, 2] = EXPORT_SCHEMA_VERSION
    argmap_version: str
    workspace_id: str
    exported_at: datetime
    subset: Subset | None = Field(
        default=None, description="the filter of a partial export (None: the whole map)"
    )
    codebook: Codebook | None = None
    documents: list[DocumentRecord] = Field(default_factory=list)
    speakers: list[Speaker] = Field(default_factory=list)
    statements: list[StatementRecord] = Field(default_factory=list)
    annotations: list[Annotation] = Field(default_factory=list)
    claims: list[ClaimRecord] = Field(default_factory=list)
    relations: list[RelationRecord] = Field(default_factory=list)
    edits: list[EditRecord] = Field(default_factory=list)
