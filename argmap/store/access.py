"""Who may do what in a shared workspace: its analysts' and reviewers' database roles.

On PostgreSQL the database enforces it (``argmap.store.pg.roles``): an analyst's role edits
everything, a reviewer's role adds only its own labels and notes to the statements assigned
to it. ``argmap serve`` saves each reviewer's answers as that reviewer's role
(``acting_as``), so a fault in the server cannot write past what the reviewer may. An
SQLite workspace is one person's file: its file permissions are its access control, and
these calls refuse it in one line.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from argmap.store.base import WorkspaceBase
from argmap.store.core import now
from argmap.store.errors import AccessRefused, WorkspaceError


class AccessPart(WorkspaceBase):
    """The workspace's roles: granting, revoking, listing, and acting as a reviewer."""

    def roles(self) -> list:
        """The workspace's analysts' and reviewers' roles (``RoleGrant``s), none on SQLite."""
        if not self.on_server:
            return []
        from argmap.store.pg import roles

        return roles.grants(self.conn)

    def secured(self) -> bool:
        """Whether the database enforces who may do what (its roles are set up)."""
        if not self.on_server:
            return False
        from argmap.store.pg import roles

        return roles.is_secured(self.conn)

    def grant(self, role: str, kind: str, *, reviewer: str | None = None):
        """Make the server role ``role`` an ``analyst`` or a ``reviewer`` of this workspace
        (``reviewer``: the name the reviewer's labels carry); returns a ``Granted``."""
        pg = self._roles_module("grant a role")
        with self.transaction() as conn:
            granted = pg.grant(conn, role, kind, reviewer)
            if kind == "reviewer":  # a reviewer named here may be handed statements later
                conn.execute(
                    "INSERT INTO web_reviewers (name, created_at) VALUES (?, ?) "
                    "ON CONFLICT (name) DO NOTHING",
                    (reviewer or role, now()),
                )
            return granted

    def revoke(self, role: str):
        """Take ``role`` out of the workspace; returns what it was (a ``RoleGrant``) or None."""
        pg = self._roles_module("revoke a role")
        with self.transaction() as conn:
            return pg.revoke(conn, role)

    def reviewer_role(self, reviewer: str) -> str | None:
        """The database role a reviewer's answers are saved as, if the workspace has one."""
        if not self.on_server:
            return None
        from argmap.store.pg import roles

        return roles.reviewer_role(self.conn, reviewer)

    def may_act_as(self, role: str) -> bool:
        """Whether this connection's login may work as ``role`` (``argmap serve`` needs it)."""
        from argmap.store.pg import roles

        return self.on_server and roles.may_act_as(self.conn, role)

    @contextmanager
    def acting_as(self, reviewer: str) -> Iterator[None]:
        """Reads and writes inside are the reviewer's, as the database sees them: in a
        secured workspace through the reviewer's role (``AccessRefused`` when they have
        none); elsewhere unchanged (argmap's own checks hold there)."""
        if not self.on_server or not self.secured():
            yield
            return
        from argmap.store.pg import roles

        role = roles.reviewer_role(self.conn, reviewer)
        if role is None:
            raise AccessRefused(
                f"{self.name}: reviewer {reviewer} has no role in this workspace's database: "
                f"an owner runs argmap workspace grant reviewer ROLE --as {reviewer}"
            )
        with self._lock:
            roles.act_as(self.conn, role)
            try:
                yield
            finally:
                roles.act_as(self.conn, None)

    def _roles_module(self, what: str):
        if not self.on_server:
            raise WorkspaceError(
                f"{self.name}: cannot {what}: roles are for a workspace on PostgreSQL (an "
                "SQLite file is one person's; its file permissions decide who opens it)"
            )
        from argmap.store.pg import roles

        return roles
