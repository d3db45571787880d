"""What the graph exports (AIF, Argdown, DOT) share: the map read once from the store."""

from __future__ import annotations

from dataclasses import dataclass

from argmap.store.records import Claim, Relation, StatementRow


@dataclass
class MapGraph:
    """The issue, claims, accepted relations and the statements they touch."""

    issue: str
    claims: list[Claim]
    relations: list[Relation]  # accepted only
    statements: dict[str, StatementRow]  # every statement a relation touches, by id
    roles: dict[str, str | None]  # statement id -> speaker role given in the text

    def children(self, parent_id: str | None) -> list[Claim]:
        """Claims directly under ``parent_id`` (None: under the issue)."""
        return [c for c in self.claims if c.parent_id == parent_id]

    def incoming(self, node_id: str) -> list[Relation]:
        """Relations pointing at ``node_id``."""
        return [r for r in self.relations if r.target_id == node_id]


def read_graph(workspace, *, all_statements: bool = False) -> MapGraph:
    """The map as a graph; with ``all_statements``, every statement, linked or not."""
    codebook = workspace.codebook
    relations = workspace.relations(status="accepted")
    linked = {r.source_id for r in relations if r.source_type == "statement"}
    linked |= {r.target_id for r in relations if r.target_type == "statement"}
    linked |= {c.statement_id for c in workspace.claims() if c.statement_id}
    if all_statements:
        rows = workspace.statements(limit=-1)  # SQLite: no limit
    else:
        from argmap.store import StatementFilter

        ids = tuple(sorted(linked))
        rows = []
        for start in range(0, len(ids), 500):
            rows += workspace.statements(
                StatementFilter(ids=ids[start : start + 500]), limit=len(ids)
            )
    roles = (
        dict(workspace.conn.execute("SELECT id, speaker_role FROM statements").fetchall())
        if rows
        else {}
    )
    return MapGraph(
        issue=codebook.issue if codebook else "(no issue: the workspace has no codebook)",
        claims=workspace.claims(),
        relations=relations,
        statements={row.id: row for row in rows},
        roles=roles,
    )
