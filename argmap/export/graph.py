"""What the graph exports (AIF, Argdown, DOT) share: the map read once from the store."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from argmap.store.exports import speaker_roles
from argmap.store.records import Claim, DocumentRow, Relation, StatementRow

if TYPE_CHECKING:
    from argmap.store.statements import StatementFilter


@dataclass
class MapGraph:
    """The issue, claims, accepted relations and the statements they touch."""

    issue: str
    claims: list[Claim]
    relations: list[Relation]  # accepted only
    statements: dict[str, StatementRow]  # every statement a relation touches, by id
    roles: dict[str, str | None]  # statement id -> speaker role given in the text
    documents: dict[str, DocumentRow] = field(default_factory=dict)  # by id, with metadata

    def source(self, statement: StatementRow) -> str:
        """Where a statement appeared, for people: "outlet, date" when known, else the
        document's name."""
        document = self.documents.get(statement.document)
        if document is None or not (document.outlet or document.published):
            return statement.doc_name
        day = document.published[:10] if document.published else None
        return ", ".join(part for part in (document.outlet, day) if part)

    def children(self, parent_id: str | None) -> list[Claim]:
        """Claims directly under ``parent_id`` (None: under the issue)."""
        return [c for c in self.claims if c.parent_id == parent_id]

    def incoming(self, node_id: str) -> list[Relation]:
        """Relations pointing at ``node_id``."""
        return [r for r in self.relations if r.target_id == node_id]


def read_graph(
    workspace, *, all_statements: bool = False, filter: StatementFilter | None = None
) -> MapGraph:
    """The map as a graph; with ``all_statements``, every statement, linked or not; with
    ``filter``, only the statements it keeps (and the relations among them and the claims)."""
    from argmap.store import StatementFilter

    codebook = workspace.codebook
    relations = workspace.relations(status="accepted")
    linked = {r.source_id for r in relations if r.source_type == "statement"}
    linked |= {r.target_id for r in relations if r.target_type == "statement"}
    linked |= {c.statement_id for c in workspace.claims() if c.statement_id}
    if all_statements:
        rows = workspace.statements(filter, limit=-1)  # SQLite: no limit
    else:
        ids = tuple(sorted(linked))
        rows = []
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows += workspace.statements(
                replace(filter, ids=chunk) if filter else StatementFilter(ids=chunk),
                limit=len(ids),
            )
    if filter is not None:
        kept = {row.id for row in rows}
        relations = [
            r
            for r in relations
            if (r.source_type == "claim" or r.source_id in kept)
            and (r.target_type == "claim" or r.target_id in kept)
        ]
    roles = speaker_roles(workspace) if rows else {}
    return MapGraph(
        issue=codebook.issue if codebook else "(no issue: the workspace has no codebook)",
        claims=workspace.claims(),
        relations=relations,
        statements={row.id: row for row in rows},
        roles=roles,
        documents={d.id: d for d in workspace.documents()} if rows else {},
    )
