"""The argument map: claims grouped under the issue and positions, and relations."""

from __future__ import annotations

import uuid
from enum import Enum
from typing import Final

from argmap.store.base import WorkspaceBase
from argmap.store.core import default_actor, now
from argmap.store.errors import EditError
from argmap.store.records import (
    CLAIM_COLUMNS,
    RELATION_COLUMNS,
    Claim,
    Relation,
    RelationKind,
    RelationStatus,
)

CLAIM_KINDS = ("position", "claim")


class _Unset(Enum):
    """The type of ``_UNSET``, an argument not given (where None means "none")."""

    UNSET = "unset"


_UNSET: Final = _Unset.UNSET

# Which relation joins which kinds of node: (source type, target type) -> allowed kinds.
ALLOWED = {
    ("statement", "claim"): {RelationKind.SUPPORTS, RelationKind.ATTACKS},
    ("claim", "claim"): {RelationKind.SUPPORTS, RelationKind.ATTACKS, RelationKind.REBUTS},
    ("statement", "statement"): {RelationKind.RESTATES},
}


def node_type(node_id: str) -> str:
    """'claim' for claim ids (``clm-...``), else 'statement'."""
    return "claim" if node_id.startswith("clm-") else "statement"


def relation_id(kind: str, source_id: str, target_id: str) -> str:
    """The stable id of a relation."""
    from argmap.models import content_id

    return "rel-" + content_id(f"{kind}|{source_id}|{target_id}")[:12]


class ArgumentPart(WorkspaceBase):
    """Claims and relations: queries and edits."""

    # ------------------------------------------------------------------ queries

    def claims(self, parent_id: str | _Unset | None = _UNSET) -> list[Claim]:
        """Every claim, or the children of ``parent_id`` (None: the positions and claims under
        the issue)."""
        sql = f"SELECT {CLAIM_COLUMNS} FROM claims"
        if parent_id is _UNSET:
            rows = self.conn.execute(sql + " ORDER BY created_at, rowid").fetchall()
        elif parent_id is None:
            rows = self.conn.execute(
                sql + " WHERE parent_id IS NULL ORDER BY created_at, rowid"
            ).fetchall()
        else:
            rows = self.conn.execute(
                sql + " WHERE parent_id = ? ORDER BY created_at, rowid", (parent_id,)
            ).fetchall()
        return [Claim(*r) for r in rows]

    def claim(self, claim_id: str) -> Claim:
        """One claim; ``EditError`` when unknown."""
        row = self.conn.execute(
            f"SELECT {CLAIM_COLUMNS} FROM claims WHERE id = ?", (claim_id,)
        ).fetchone()
        if row is None:
            raise EditError(f"no claim {claim_id!r}")
        return Claim(*row)

    def relations(
        self, node_id: str | None = None, *, kind: str | None = None, status: str | None = None
    ) -> list[Relation]:
        """Relations (touching ``node_id`` when given), filtered by kind and status."""
        parts, params = [], []
        if node_id is not None:
            parts.append("(source_id = ? OR target_id = ?)")
            params += [node_id, node_id]
        if kind is not None:
            parts.append("kind = ?")
            params.append(_enum(RelationKind, kind, "relation kind"))
        if status is not None:
            parts.append("status = ?")
            params.append(_enum(RelationStatus, status, "relation status"))
        where = (" WHERE " + " AND ".join(parts)) if parts else ""
        rows = self.conn.execute(
            f"SELECT {RELATION_COLUMNS} FROM relations{where} ORDER BY created_at, rowid", params
        ).fetchall()
        return [Relation(*r) for r in rows]

    # ------------------------------------------------------------------ claim edits

    def add_claim(
        self,
        text: str,
        *,
        kind: str = "claim",
        parent_id: str | None = None,
        label: str | None = None,
        statement_id: str | None = None,
        actor: str | None = None,
    ) -> Claim:
        """A new position (under the issue) or claim (under a position or claim)."""
        text = " ".join(text.split())
        if not text:
            raise EditError("a claim needs text")
        if kind not in CLAIM_KINDS:
            raise EditError(f"unknown claim kind {kind!r} (expected position or claim)")
        if label is not None:
            self._check_label(label)
        claim_id = "clm-" + uuid.uuid4().hex[:12]
        actor = actor or default_actor()
        with self.edit("add-claim", f"{kind} {claim_id}: {text[:60]}", actor) as changes:
            if parent_id is not None:
                self.claim(parent_id)
            self._check_position_place(kind, parent_id)
            changes.touch("claims", claim_id)
            self.conn.execute(
                "INSERT INTO claims "
                "(id, kind, text, parent_id, label, statement_id, created_by, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (claim_id, kind, text, parent_id, label, statement_id, actor, now()),
            )
        return self.claim(claim_id)

    def edit_claim(
        self,
        claim_id: str,
        *,
        text: str | None = None,
        kind: str | None = None,
        parent_id: str | _Unset | None = _UNSET,
        label: str | _Unset | None = _UNSET,
        actor: str | None = None,
    ) -> Claim:
        """Change a claim's text, kind, parent or label (arguments not given are kept)."""
        with self.edit("edit-claim", f"{claim_id} edited", actor) as changes:
            row = changes.touch("claims", claim_id)
            if row is None:
                raise EditError(f"no claim {claim_id!r}")
            new = dict(row)
            if text is not None:
                new["text"] = " ".join(text.split())
                if not new["text"]:
                    raise EditError("a claim needs text")
            if kind is not None:
                if kind not in CLAIM_KINDS:
                    raise EditError(f"unknown claim kind {kind!r} (expected position or claim)")
                new["kind"] = kind
            if parent_id is not _UNSET:
                if parent_id is not None:
                    self._check_no_cycle(claim_id, parent_id)
                new["parent_id"] = parent_id
            if label is not _UNSET:
                if label is not None:
                    self._check_label(label)
                new["label"] = label
            self._check_position_place(new["kind"], new["parent_id"])
            self.conn.execute(
                "UPDATE claims SET text = ?, kind = ?, parent_id = ?, label = ? WHERE id = ?",
                (new["text"], new["kind"], new["parent_id"], new["label"], claim_id),
            )
        return self.claim(claim_id)

    def delete_claim(self, claim_id: str, *, actor: str | None = None) -> list[Relation]:
        """Remove a claim and its relations (returned); its children move up to its parent."""
        with self.edit("delete-claim", f"{claim_id} deleted", actor) as changes:
            row = changes.touch("claims", claim_id)
            if row is None:
                raise EditError(f"no claim {claim_id!r}")
            removed = self.relations(claim_id)
            for (child,) in self.conn.execute(
                "SELECT id FROM claims WHERE parent_id = ?", (claim_id,)
            ).fetchall():
                changes.touch("claims", child)
            for (rid,) in self.conn.execute(
                "SELECT id FROM relations WHERE source_id = ? OR target_id = ?",
                (claim_id, claim_id),
            ).fetchall():
                changes.touch("relations", rid)
            self.conn.execute(
                "UPDATE claims SET parent_id = ? WHERE parent_id = ?", (row["parent_id"], claim_id)
            )
            self.conn.execute(
                "DELETE FROM relations WHERE source_id = ? OR target_id = ?", (claim_id, claim_id)
            )
            self.conn.execute("DELETE FROM claims WHERE id = ?", (claim_id,))
        return removed

    def promote_statement(
        self, statement_id: str, *, parent_id: str | None = None, actor: str | None = None
    ) -> Claim:
        """A claim with a statement's text and stance; the statement supports it."""
        row = self.statement_row(statement_id)
        promoted = self.conn.execute(
            "SELECT id FROM claims WHERE statement_id = ?", (statement_id,)
        ).fetchone()
        if promoted is not None:
            raise EditError(f"{statement_id} is already promoted: claim {promoted[0]}")
        with self.edit_group("promote-statement", f"{statement_id} promoted to a claim", actor):
            claim = self.add_claim(
                row.text,
                kind="claim",
                parent_id=parent_id,
                label=row.label,
                statement_id=statement_id,
                actor=actor,
            )
            self.link(statement_id, claim.id, RelationKind.SUPPORTS, actor=actor)
        return claim

    # ------------------------------------------------------------------ relation edits

    def link(
        self,
        source_id: str,
        target_id: str,
        kind: RelationKind | str,
        *,
        status: RelationStatus | str = RelationStatus.ACCEPTED,
        score: float | None = None,
        actor: str | None = None,
    ) -> Relation:
        """Relate two nodes (statement or claim ids); an existing suggestion is accepted."""
        kind = RelationKind(_enum(RelationKind, kind, "relation kind"))
        status = RelationStatus(_enum(RelationStatus, status, "relation status"))
        types = (node_type(source_id), node_type(target_id))
        if kind not in ALLOWED.get(types, ()):
            raise EditError(f"a {types[0]} cannot {kind.value.removesuffix('s')} a {types[1]}")
        if source_id == target_id:
            raise EditError("a node cannot be related to itself")
        rid = relation_id(kind.value, source_id, target_id)
        actor = actor or default_actor()
        with self.edit("link", f"{source_id} {kind.value} {target_id}", actor) as changes:
            for node, typ in zip((source_id, target_id), types, strict=True):
                if typ == "claim":
                    self.claim(node)
                else:
                    self._require_statement(node)
            opposite = OPPOSITE.get(kind)
            if opposite is not None and status is not RelationStatus.REJECTED:
                clash = self.conn.execute(
                    "SELECT status FROM relations WHERE id = ? AND status != 'rejected'",
                    (relation_id(opposite.value, source_id, target_id),),
                ).fetchone()
                if clash is not None:
                    raise EditError(
                        f"{source_id} already {opposite.value} {target_id} ({clash[0]}); "
                        f"unlink that first: a node cannot both support and attack a claim"
                    )
            changes.touch("relations", rid)
            self.conn.execute(
                "INSERT INTO relations (id, kind, source_type, source_id, target_type, target_id, "
                "status, score, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET status = excluded.status",
                (
                    rid,
                    kind.value,
                    types[0],
                    source_id,
                    types[1],
                    target_id,
                    status.value,
                    score,
                    actor,
                    now(),
                ),
            )
        return self._relation(rid)

    def unlink(self, relation_id: str, *, actor: str | None = None) -> None:
        """Remove a relation."""
        with self.edit("unlink", f"{relation_id} removed", actor) as changes:
            if changes.touch("relations", relation_id) is None:
                raise EditError(f"no relation {relation_id!r}")
            self.conn.execute("DELETE FROM relations WHERE id = ?", (relation_id,))

    def set_relation_status(
        self, relation_id: str, status: RelationStatus | str, *, actor: str | None = None
    ) -> Relation:
        """Accept or reject a suggested relation (a rejected one is not offered again)."""
        status = RelationStatus(status)
        with self.edit("relation-status", f"{relation_id} {status.value}", actor) as changes:
            if changes.touch("relations", relation_id) is None:
                raise EditError(f"no relation {relation_id!r}")
            self.conn.execute(
                "UPDATE relations SET status = ? WHERE id = ?", (status.value, relation_id)
            )
        return self._relation(relation_id)

    def _relation(self, rid: str) -> Relation:
        row = self.conn.execute(
            f"SELECT {RELATION_COLUMNS} FROM relations WHERE id = ?", (rid,)
        ).fetchone()
        if row is None:
            raise EditError(f"no relation {rid!r}")
        return Relation(*row)

    def _check_position_place(self, kind: str, parent_id: str | None) -> None:
        """``EditError`` when a position would sit below another position."""
        if kind != "position":
            return
        node = parent_id
        while node is not None:
            above = self.claim(node)
            if above.kind == "position":
                raise EditError(
                    f"a position cannot sit under position {above.id}; make it a claim, "
                    "or move it under the issue first (--parent '')"
                )
            node = above.parent_id

    def _check_no_cycle(self, claim_id: str, parent_id: str) -> None:
        node: str | None = parent_id
        while node is not None:
            if node == claim_id:
                raise EditError(
                    f"{parent_id} is {claim_id} or below it; a claim cannot be its own ancestor"
                )
            node = self.claim(node).parent_id


#: Relations that cannot hold together between the same two nodes.
OPPOSITE = {
    RelationKind.SUPPORTS: RelationKind.ATTACKS,
    RelationKind.ATTACKS: RelationKind.SUPPORTS,
}


def _enum(kind, value, what: str) -> str:
    """``value`` as a member value of enum ``kind`` (case-insensitive); ``EditError`` when
    unknown."""
    try:
        return kind(value.lower() if isinstance(value, str) else value).value
    except ValueError:
        raise EditError(
            f"unknown {what} {value!r} (expected {', '.join(m.value for m in kind)})"
        ) from None
