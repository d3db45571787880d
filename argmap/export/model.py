"""``MapExport``: the whole argument map as one JSON document (``argmap schema`` prints its JSON
Schema)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field

from argmap.codebook import Codebook
from argmap.models import Annotation, Speaker, Statement, Suggestion

EXPORT_FORMAT: Final = "argmap-map"
EXPORT_SCHEMA_VERSION: Final = 1


class DocumentRecord(BaseModel):
    """A document with its text, as added to the workspace."""

    model_config = ConfigDict(extra="forbid")

    id: str
    name: str
    source_path: str | None = None
    added_at: str
    text: str


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
    schema_version: Literal[1] = EXPORT_SCHEMA_VERSION
    argmap_version: str
    workspace_id: str
    exported_at: datetime
    codebook: Codebook | None = None
    documents: list[DocumentRecord] = Field(default_factory=list)
    speakers: list[Speaker] = Field(default_factory=list)
    statements: list[StatementRecord] = Field(default_factory=list)
    annotations: list[Annotation] = Field(default_factory=list)
    claims: list[ClaimRecord] = Field(default_factory=list)
    relations: list[RelationRecord] = Field(default_factory=list)
    edits: list[EditRecord] = Field(default_factory=list)
