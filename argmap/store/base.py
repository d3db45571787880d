"""What the parts of a ``Workspace`` share, and the methods they call on each other.

``Workspace`` (``argmap.store.workspace``) is one class assembled from parts, a module per
area of the map: ``statements.py``, ``speakers.py``, ``argument.py``, ``documents.py``,
``suggest.py`` and ``search.py``. Each part subclasses ``WorkspaceBase``: it has the
connection, transactions and edit log of ``Core``, the checks below, and the few methods one
part calls on another, declared here as abstract methods. So mypy checks every call one part
makes on another, and ``Workspace`` cannot be built without each of them.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.store.core import Core
from argmap.store.editlog import ChangeSet
from argmap.store.errors import EditError
from argmap.store.kept_model import ModelInDatabase, ModelInFolder, ModelPlace
from argmap.store.records import CodebookOutline, LabelOutline, Relation, StatementRow

if TYPE_CHECKING:  # imported where used: opening a workspace needs no pydantic models
    from argmap.codebook import Codebook
    from argmap.models import Speaker
    from argmap.speakers.aliases import AliasTable
    from argmap.store.statements import StatementFilter


class WorkspaceBase(Core, ABC):
    """The connection and edit log (``Core``), the checks every part uses, the codebook, alias
    table and model directory, and the cross-part calls."""

    @property
    def codebook_outline(self) -> CodebookOutline | None:
        """The codebook's issue and labels (id, name, colour) without building the pydantic
        ``Codebook``: what lists and the UI's first screen need."""
        text = self.meta("codebook")
        if not text:
            return None
        data = json.loads(text)
        labels = tuple(
            LabelOutline(label["id"], label["name"], label.get("colour", "#888888"))
            for label in data["labels"]
        )
        return CodebookOutline(data["id"], data["issue"], labels)

    @property
    def codebook(self) -> Codebook | None:
        """The debate's codebook, if one was given."""
        text = self.meta("codebook")
        if not text:
            return None
        from argmap.codebook import Codebook

        return Codebook.model_validate_json(text)

    @property
    def alias_table(self) -> AliasTable | None:
        """The alias table kept in the workspace (``argmap add --aliases FILE``), or None."""
        from argmap.speakers.aliases import AliasTable

        text = self.meta("aliases")
        return AliasTable.model_validate_json(text) if text else None

    @property
    def model_place(self) -> ModelPlace:
        """Where the learned stance model of this workspace is saved: the folder beside the
        workspace file (``ModelInFolder``); for a workspace on PostgreSQL, its database
        (``ModelInDatabase``), shared by every analyst of the workspace."""
        if isinstance(self.path, Path):
            return ModelInFolder(self.path.parent / "argmap-model")
        return ModelInDatabase(self.conn, self.name)

    def _check_label(self, label: str) -> None:
        """``EditError`` unless ``label`` is one of the codebook's labels."""
        codebook = self.codebook_outline
        if codebook is None:
            raise EditError("the workspace has no codebook (argmap codebook FILE sets one)")
        ids = [outline.id for outline in codebook.labels]
        if label not in ids:
            raise EditError(f"unknown label {label!r} (expected one of {', '.join(ids)})")

    def _require_statement(self, statement_id: str) -> None:
        if (
            self.conn.execute("SELECT 1 FROM statements WHERE id = ?", (statement_id,)).fetchone()
            is None
        ):
            raise EditError(f"no statement {statement_id!r}")

    def _require_speaker(self, speaker_id: str) -> None:
        if (
            self.conn.execute("SELECT 1 FROM speakers WHERE id = ?", (speaker_id,)).fetchone()
            is None
        ):
            raise EditError(f"no speaker {speaker_id!r}")

    def _touch_dependents(self, changes: ChangeSet, statement_id: str) -> None:
        for key in self.conn.execute(
            "SELECT statement_id, annotator, adjudicated FROM annotations WHERE statement_id = ?",
            (statement_id,),
        ).fetchall():
            changes.touch("annotations", *key)
        changes.touch("suggestions", statement_id)
        for (rid,) in self.conn.execute(
            "SELECT id FROM relations WHERE source_id = ? OR target_id = ?",
            (statement_id, statement_id),
        ).fetchall():
            changes.touch("relations", rid)

    # ------------------------------------------------------------------ provided by the parts

    @abstractmethod
    def statement_row(self, statement_id: str) -> StatementRow:
        """One statement as a list row (``statements.py``)."""

    @abstractmethod
    def statements(
        self,
        filter: StatementFilter | None = None,
        *,
        sort: str = "document",
        descending: bool = False,
        offset: int = 0,
        limit: int = 100,
    ) -> list[StatementRow]:
        """A page of statements (``statements.py``)."""

    @abstractmethod
    def tally(self, *by: str) -> list[tuple]:
        """Statement counts grouped by speaker, label or review state (``statements.py``)."""

    @abstractmethod
    def context(self, statement_id: str) -> tuple[str, int]:
        """A statement's paragraph and its offset (``statements.py``)."""

    @abstractmethod
    def speaker(self, speaker_id: str) -> Speaker:
        """One speaker (``speakers.py``)."""

    @abstractmethod
    def relations(
        self, node_id: str | None = None, *, kind: str | None = None, status: str | None = None
    ) -> list[Relation]:
        """The support and attack links, of one node or all (``argument.py``)."""
