"""Personal links: a reviewer's ``/r/<id>.<secret>`` and an adjudicator's ``/a/<id>.<secret>``,
an unguessable secret stored as its hash.

The secret is ``secrets.token_urlsafe(32)`` (256 bits); the workspace keeps only its SHA-256
(``web_tokens``), so a copy of the workspace opens no one's page. A link is looked up by its
id, then its secret's hash compared in constant time (``hmac.compare_digest``); an unknown,
expired or revoked link is refused the same way. An adjudicator's link
(``web_analyst_links``, one per analyst name) is made by ``argmap serve`` the first time it
runs for that name and printed then only; it works until ``argmap serve
--new-analyst-link`` replaces it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.store import Workspace
    from argmap.store.web import AnalystLink, WebToken

#: How long a link works unless told otherwise (``argmap assign --web --expires DAYS``).
DEFAULT_EXPIRY_DAYS = 14
#: Where ``argmap serve`` listens by default; links are printed for it.
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
#: The path of a link, before ``<id>.<secret>``.
LINK_PATH = "/r/"
#: The path of an adjudicator's link, before ``<id>.<secret>``.
ANALYST_PATH = "/a/"


@dataclass(frozen=True)
class IssuedLink:
    """A link just made: the reviewer's URL (holding the secret: printed once, never stored)."""

    reviewer: str
    url: str
    expires_at: str


def secret_hash(secret: str) -> str:
    """The SHA-256 (hex) of a link's secret: what the workspace stores."""
    return hashlib.sha256(secret.encode()).hexdigest()


def default_base_url() -> str:
    """The server's address as ``argmap serve`` starts it by default."""
    return f"http://{DEFAULT_HOST}:{DEFAULT_PORT}"


def issue_link(
    workspace: Workspace,
    reviewer: str,
    *,
    days: float = DEFAULT_EXPIRY_DAYS,
    base_url: str | None = None,
    when: datetime | None = None,
) -> IssuedLink:
    """A new link for ``reviewer`` (who has a web assignment), working for ``days``."""
    if days <= 0:
        raise ValueError(f"--expires must be a positive number of days, not {days:g}")
    token_id = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    expires = (when or datetime.now(UTC)) + timedelta(days=days)
    stored = workspace.add_web_token(
        token_id, secret_hash(secret), reviewer, expires.isoformat(timespec="seconds")
    )
    base = (base_url or default_base_url()).rstrip("/")
    return IssuedLink(reviewer, f"{base}{LINK_PATH}{token_id}.{secret}", stored.expires_at)


def token_state(token: WebToken, when: datetime | None = None) -> str:
    """'valid', 'expired' or 'revoked'."""
    if token.revoked_at:
        return "revoked"
    moment = when or datetime.now(UTC)
    if datetime.fromisoformat(token.expires_at) <= moment:
        return "expired"
    return "valid"


def check_link(workspace: Workspace, link: str, when: datetime | None = None) -> WebToken | None:
    """The stored token a link's ``<id>.<secret>`` opens, or None (unknown, wrong secret,
    expired or revoked). The hashes are compared in constant time."""
    stored = opened(link, workspace.web_token)
    return stored if stored is not None and token_state(stored, when) == "valid" else None


def issue_analyst_link(workspace: Workspace, analyst: str, *, base_url: str | None = None) -> str:
    """A new adjudication link for ``analyst`` (its URL, holding the secret: printed once,
    never stored), replacing the one they had and ending its sessions."""
    link_id = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    workspace.set_analyst_link(link_id, secret_hash(secret), analyst)
    base = (base_url or default_base_url()).rstrip("/")
    return f"{base}{ANALYST_PATH}{link_id}.{secret}"


def check_analyst_link(workspace: Workspace, link: str) -> AnalystLink | None:
    """The stored adjudicator's link a link's ``<id>.<secret>`` opens, or None (unknown,
    wrong secret, or replaced since). The hashes are compared in constant time."""
    return opened(link, workspace.analyst_link)


def opened(link: str, find):
    """The stored row ``find(id)`` gives for a link's (or a session cookie's)
    ``<id>.<secret>`` when the secret's SHA-256 matches it, else None. The hashes are compared
    in constant time, and a missing id costs the same comparison as a wrong secret."""
    link_id, dot, secret = link.partition(".")
    if not dot or not link_id or not secret or len(link) > 200 or "\x00" in link:
        return None
    stored = find(link_id)
    expected = stored.secret_sha256 if stored else "0" * 64
    if not hmac.compare_digest(secret_hash(secret), expected) or stored is None:
        return None
    return stored
