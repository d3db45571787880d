"""The web server's defences: sessions, CSRF tokens, the origin check and rate limits.

A link (``tokens``) is swapped for a session: ``<id>.<secret>`` in an HttpOnly,
SameSite=Strict cookie. The workspace keeps the session (``web_sessions``) with the SHA-256
of its secret, never the secret, so a restarted server, or a second one on the same
PostgreSQL workspace, takes the same cookie, while a copy of the workspace signs no one in.
A session stands until it expires (with its reviewer's link; an analyst's after
``ANALYST_SESSION_DAYS``), is revoked (``argmap links --revoke``) or its analyst's link is
replaced. Every POST carries the session's CSRF token, ``HMAC-SHA256(session secret,
'csrf')``, in the ``X-CSRF-Token`` header, compared in constant time, and must come from the
server's own origin: the token needs the cookie's secret, which neither the workspace nor
any server secret holds, so nothing is drawn at start and nothing stored can forge one.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from argmap.web.tokens import opened, secret_hash

if TYPE_CHECKING:
    from argmap.store import Workspace

#: The session cookie's name.
SESSION_COOKIE = "argmap_session"
#: The header a POST carries its CSRF token in.
CSRF_HEADER = "x-csrf-token"
#: Failed link lookups allowed per client address and minute.
BAD_LINKS_PER_MINUTE = 10
#: Answers allowed per session and minute (a fast reviewer gives one every few seconds).
ANSWERS_PER_MINUTE = 300
#: How long an analyst's session lasts (a reviewer's lasts as long as its link).
ANALYST_SESSION_DAYS = 7


@dataclass(frozen=True)
class Session:
    """A browser signed in through a link: the cookie's id and secret (the secret only ever
    in the cookie and here), whose it is and the link it came from."""

    id: str
    secret: str
    reviewer: str  # the adjudicator's name in an analyst's session
    token_id: str  # the reviewer's link, or the analyst's
    role: str = "reviewer"  # or "analyst"

    @property
    def cookie(self) -> str:
        """The cookie's value: ``<id>.<secret>``."""
        return f"{self.id}.{self.secret}"


def open_session(
    workspace: Workspace,
    reviewer: str,
    token_id: str,
    expires_at: str,
    role: str = "reviewer",
    when: datetime | None = None,
) -> Session:
    """A new session of ``reviewer`` through the link ``token_id``, stored in the workspace
    until ``expires_at`` (an analyst's: ``ANALYST_SESSION_DAYS`` from ``when``)."""
    if role == "analyst":
        moment = (when or datetime.now(UTC)) + timedelta(days=ANALYST_SESSION_DAYS)
        expires_at = moment.isoformat(timespec="seconds")
    expiry = datetime.fromisoformat(expires_at).astimezone(UTC).isoformat(timespec="seconds")
    session = Session(secrets.token_hex(8), secrets.token_urlsafe(32), reviewer, token_id, role)
    workspace.add_web_session(
        session.id, secret_hash(session.secret), role, reviewer, token_id, expiry
    )
    return session


def find_session(
    workspace: Workspace, cookie: str | None, when: datetime | None = None
) -> Session | None:
    """The standing session a cookie's ``<id>.<secret>`` names, or None (unknown, wrong
    secret, expired, revoked, or its link no longer valid). Hashes compared in constant time."""
    stored = opened(cookie or "", workspace.web_session)
    if stored is None:
        return None
    secret = (cookie or "").partition(".")[2]
    moment = when or datetime.now(UTC)
    if not stored.standing or datetime.fromisoformat(stored.expires_at) <= moment:
        return None
    return Session(stored.id, secret, stored.name, stored.link_id, stored.role)


def csrf_token(session_secret: str) -> str:
    """The CSRF token of a session: HMAC-SHA256 of 'csrf' under the session's own secret."""
    return hmac.new(session_secret.encode(), b"csrf", hashlib.sha256).hexdigest()


def csrf_ok(session_secret: str, given: str | None) -> bool:
    """Whether ``given`` is the session's CSRF token (compared in constant time)."""
    return bool(given) and hmac.compare_digest(csrf_token(session_secret), given or "")


def same_origin(headers: Mapping[str, str], allowed: Collection[str] = ()) -> bool:
    """Whether a request comes from the server's own pages: its ``Origin`` names the host it
    was sent to (or one of ``allowed``, e.g. a TLS proxy's ``https://`` address); without an
    ``Origin``, a browser's ``Sec-Fetch-Site`` must say same-origin (other clients send
    neither, and still need the CSRF token)."""
    origin = headers.get("origin")
    if origin is not None:
        if origin.rstrip("/") in {a.rstrip("/") for a in allowed}:
            return True
        host = headers.get("host", "")
        return bool(host) and urlsplit(origin).netloc == host
    site = headers.get("sec-fetch-site")
    return site is None or site in ("same-origin", "none")


class RateLimit:
    """At most ``limit`` events per key within ``window`` seconds (a sliding window kept in
    memory: failed link lookups per client address, answers per session)."""

    def __init__(
        self, limit: int, window: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._events: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str) -> deque[float]:
        events = self._events.setdefault(key, deque())
        horizon = self._clock() - self.window
        while events and events[0] <= horizon:
            events.popleft()
        return events

    def exceeded(self, key: str) -> bool:
        """Whether ``key`` has used up its events in the current window."""
        with self._lock:
            return len(self._recent(key)) >= self.limit

    def hit(self, key: str) -> bool:
        """Count one event of ``key``; False (not counted) when its limit is reached."""
        with self._lock:
            events = self._recent(key)
            if len(events) >= self.limit:
                return False
            events.append(self._clock())
            if len(self._events) > 100_000:  # forget idle keys now and then
                for idle in [k for k, v in self._events.items() if not v]:
                    del self._events[idle]
            return True
