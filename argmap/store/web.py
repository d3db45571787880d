"""Reviewers in a browser, in the store: their assignments, links and sessions.

``argmap assign --web`` stores who reviews which statements (``assign_web``) and one token
per link (``add_web_token``: its id and the SHA-256 of its secret; the secret itself is
never stored). ``argmap serve`` reads them back: a link's token by its id, a reviewer's
statements in hand-out order, whether a statement is in a reviewer's assignment. It keeps
its sessions here too (``add_web_session``, ``web_session``: the SHA-256 of each session's
secret), and each adjudicator's link (``set_analyst_link``), so a restarted server, or a
second one on the same PostgreSQL workspace, knows the same cookies and links. These rows
are the hand-out's bookkeeping, not the map: they are written in their own transaction and
not in the edit log (undo never takes an assignment back); the answers themselves are
annotations, written by ``set_stance`` as any other.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from argmap.store.base import WorkspaceBase
from argmap.store.core import now
from argmap.store.errors import EditError


@dataclass(frozen=True)
class AssignedItem:
    """One statement of a reviewer's assignment: its place in the hand-out order, whether the
    model's suggestion is hidden from the reviewer (blind)."""

    statement_id: str
    position: int
    blind: bool


@dataclass(frozen=True)
class WebToken:
    """A reviewer's link as stored: its id, the SHA-256 (hex) of its secret, and its dates
    (ISO 8601, UTC; ``revoked_at`` None while it stands)."""

    id: str
    secret_sha256: str
    reviewer: str
    created_at: str
    expires_at: str
    revoked_at: str | None


@dataclass(frozen=True)
class WebSession:
    """A signed-in browser as stored: the SHA-256 (hex) of its secret, whose it is (``role``
    'reviewer' or 'analyst', and the name its answers carry), the link it was opened with,
    its dates, and whether it still stands: not revoked and its link neither revoked nor
    replaced (its expiry is the caller's to compare)."""

    id: str
    secret_sha256: str
    role: str
    name: str
    link_id: str
    created_at: str
    expires_at: str
    standing: bool


#: Each session with whether it still stands (``WebSession``'s fields in order), for a WHERE
#: or ORDER BY to follow.
_SESSIONS = (
    "SELECT s.id, s.secret_sha256, s.role, s.name, s.link_id, s.created_at, "
    "s.expires_at, s.revoked = 0 AND CASE s.role "
    "WHEN 'reviewer' THEN EXISTS (SELECT 1 FROM web_tokens t WHERE t.id = s.link_id "
    "AND t.reviewer = s.name AND t.revoked_at IS NULL) "
    "WHEN 'analyst' THEN EXISTS (SELECT 1 FROM web_analyst_links a "
    "WHERE a.id = s.link_id AND a.analyst = s.name) ELSE false END "
    "FROM web_sessions s"
)


def _web_session(row) -> WebSession:
    """A row of ``_SESSIONS`` as a ``WebSession``."""
    return WebSession(*row[:7], bool(row[7]))  # type: ignore[call-arg]


@dataclass(frozen=True)
class AnalystLink:
    """An adjudicator's link as stored: its id, the SHA-256 (hex) of its secret, whose."""

    id: str
    secret_sha256: str
    analyst: str
    created_at: str


class WebPart(WorkspaceBase):
    """Assignments and link tokens of reviewers working in a browser."""

    def assign_web(self, packets: Mapping[str, Sequence[str]], *, blind: bool = False) -> int:
        """Add each reviewer's statements (reviewer -> ids in hand-out order) after what the
        reviewer already holds; a statement a reviewer holds already keeps its place. Returns
        how many statements were added."""
        stamp = now()
        added = 0
        with self.transaction() as conn:
            for reviewer, ids in packets.items():
                if not ids:
                    continue
                conn.execute(
                    "INSERT INTO web_reviewers (name, created_at) VALUES (?, ?) "
                    "ON CONFLICT (name) DO NOTHING",
                    (reviewer, stamp),
                )
                (last,) = conn.execute(
                    "SELECT coalesce(max(position), 0) FROM assignments WHERE reviewer = ?",
                    (reviewer,),
                ).fetchone()
                for statement_id in ids:
                    last += 1
                    added += conn.execute(
                        "INSERT INTO assignments "
                        "(reviewer, statement_id, position, blind, assigned_at) "
                        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (reviewer, statement_id) DO NOTHING",
                        (reviewer, statement_id, last, int(blind), stamp),
                    ).rowcount
        return added

    def web_assignment(self, reviewer: str) -> list[AssignedItem]:
        """A reviewer's statements in hand-out order (those still in the workspace)."""
        rows = self.conn.execute(
            "SELECT a.statement_id, a.position, a.blind FROM assignments a "
            "JOIN statements s ON s.id = a.statement_id "
            "WHERE a.reviewer = ? ORDER BY a.position",
            (reviewer,),
        ).fetchall()
        return [AssignedItem(sid, int(position), bool(blind)) for sid, position, blind in rows]

    def assigned_item(self, reviewer: str, statement_id: str) -> AssignedItem | None:
        """The statement as an item of the reviewer's assignment, or None when it is not one
        (or no longer in the workspace)."""
        row = self.conn.execute(
            "SELECT a.statement_id, a.position, a.blind FROM assignments a "
            "JOIN statements s ON s.id = a.statement_id "
            "WHERE a.reviewer = ? AND a.statement_id = ?",
            (reviewer, statement_id),
        ).fetchone()
        return AssignedItem(row[0], int(row[1]), bool(row[2])) if row else None

    def web_answered(self, reviewer: str) -> dict[str, str]:
        """The reviewer's own labels of the statements assigned to them: id -> label."""
        return dict(
            self.conn.execute(
                "SELECT a.statement_id, n.label FROM assignments a JOIN annotations n "
                "ON n.statement_id = a.statement_id AND n.annotator = a.reviewer "
                "AND n.adjudicated = 0 WHERE a.reviewer = ? ORDER BY a.position",
                (reviewer,),
            ).fetchall()
        )

    def web_holders(self) -> dict[str, set[str]]:
        """The reviewers holding each statement in a web assignment."""
        holders: dict[str, set[str]] = {}
        for statement_id, reviewer in self.conn.execute(
            "SELECT statement_id, reviewer FROM assignments ORDER BY statement_id, reviewer"
        ):
            holders.setdefault(statement_id, set()).add(reviewer)
        return holders

    def web_reviewers(self) -> list[str]:
        """Every reviewer given a web assignment, by name."""
        return [
            name for (name,) in self.conn.execute("SELECT name FROM web_reviewers ORDER BY name")
        ]

    # ------------------------------------------------------------------ link tokens

    def add_web_token(
        self, token_id: str, secret_sha256: str, reviewer: str, expires_at: str
    ) -> WebToken:
        """Store a new link of ``reviewer`` (who must have been assigned statements)."""
        if reviewer not in self.web_reviewers():
            raise EditError(f"{reviewer!r} has no web assignment (argmap assign --web first)")
        stamp = now()
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO web_tokens (id, secret_sha256, reviewer, created_at, expires_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (token_id, secret_sha256, reviewer, stamp, expires_at),
            )
        return WebToken(token_id, secret_sha256, reviewer, stamp, expires_at, None)

    def web_token(self, token_id: str) -> WebToken | None:
        """The link of that id, or None."""
        row = self.conn.execute(
            "SELECT id, secret_sha256, reviewer, created_at, expires_at, revoked_at "
            "FROM web_tokens WHERE id = ?",
            (token_id,),
        ).fetchone()
        return WebToken(*row) if row else None

    def web_tokens(self, reviewer: str | None = None) -> list[WebToken]:
        """Every link (of one reviewer), oldest first."""
        sql = (
            "SELECT id, secret_sha256, reviewer, created_at, expires_at, revoked_at FROM web_tokens"
        )
        rows = self.conn.execute(
            sql + (" WHERE reviewer = ?" if reviewer else "") + " ORDER BY created_at, id",
            (reviewer,) if reviewer else (),
        ).fetchall()
        return [WebToken(*row) for row in rows]

    def revoke_web_tokens(self, reviewer: str) -> int:
        """Revoke every standing link of ``reviewer`` and end its sessions; returns how many
        links were revoked."""
        with self.transaction() as conn:
            conn.execute(
                "UPDATE web_sessions SET revoked = 1 WHERE role = 'reviewer' AND name = ?",
                (reviewer,),
            )
            return conn.execute(
                "UPDATE web_tokens SET revoked_at = ? WHERE reviewer = ? AND revoked_at IS NULL",
                (now(), reviewer),
            ).rowcount

    # ------------------------------------------------------------------ sessions

    def add_web_session(
        self,
        session_id: str,
        secret_sha256: str,
        role: str,
        name: str,
        link_id: str,
        expires_at: str,
    ) -> None:
        """Store a new session (``expires_at``: ISO 8601 in UTC, to the second, as every
        session's, so that expired ones, removed here, compare as text)."""
        stamp = now()
        with self.transaction() as conn:
            conn.execute("DELETE FROM web_sessions WHERE expires_at <= ?", (stamp[:19] + "+00:00",))
            conn.execute(
                "INSERT INTO web_sessions "
                "(id, secret_sha256, role, name, link_id, created_at, expires_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (session_id, secret_sha256, role, name, link_id, stamp, expires_at),
            )

    def web_session(self, session_id: str) -> WebSession | None:
        """The session of that id, or None; ``standing`` is False once it was revoked, its
        reviewer's link revoked or gone, or its analyst's link replaced."""
        row = self.conn.execute(_SESSIONS + " WHERE s.id = ?", (session_id,)).fetchone()
        return None if row is None else _web_session(row)

    def web_sessions(self) -> list[WebSession]:
        """Every stored session, oldest first."""
        rows = self.conn.execute(_SESSIONS + " ORDER BY s.created_at, s.id").fetchall()
        return [_web_session(row) for row in rows]

    # ------------------------------------------------------------------ analysts' links

    def set_analyst_link(self, link_id: str, secret_sha256: str, analyst: str) -> AnalystLink:
        """Store ``analyst``'s adjudication link, replacing the one they had (whose sessions
        end with it)."""
        stamp = now()
        with self.transaction() as conn:
            conn.execute(
                "UPDATE web_sessions SET revoked = 1 WHERE role = 'analyst' AND name = ?",
                (analyst,),
            )
            conn.execute("DELETE FROM web_analyst_links WHERE analyst = ?", (analyst,))
            conn.execute(
                "INSERT INTO web_analyst_links (id, secret_sha256, analyst, created_at) "
                "VALUES (?, ?, ?, ?)",
                (link_id, secret_sha256, analyst, stamp),
            )
        return AnalystLink(link_id, secret_sha256, analyst, stamp)

    def analyst_link(
        self, link_id: str | None = None, *, analyst: str | None = None
    ) -> AnalystLink | None:
        """The adjudication link of that id (or of that analyst), or None."""
        column, value = ("id", link_id) if analyst is None else ("analyst", analyst)
        row = self.conn.execute(
            "SELECT id, secret_sha256, analyst, created_at FROM web_analyst_links "
            f"WHERE {column} = ?",
            (value,),
        ).fetchone()
        return AnalystLink(*row) if row else None
