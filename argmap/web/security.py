"""The web server's defences: sessions, CSRF tokens, the origin check and rate limits.

Standard library only, so each rule is tested on its own. A link (``tokens``) is swapped for
a session: a random id in an HttpOnly, SameSite=Strict cookie, kept in the server's memory
(a restart asks reviewers to open their link again). Every POST carries the session's CSRF
token, ``HMAC-SHA256(server secret, session id)``, in the ``X-CSRF-Token`` header, compared in
constant time, and must come from the server's own origin.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

#: The session cookie's name.
SESSION_COOKIE = "argmap_session"
#: The header a POST carries its CSRF token in.
CSRF_HEADER = "x-csrf-token"
#: Failed link lookups allowed per client address and minute.
BAD_LINKS_PER_MINUTE = 10
#: Answers allowed per session and minute (a fast reviewer gives one every few seconds).
ANSWERS_PER_MINUTE = 300


@dataclass(frozen=True)
class Session:
    """A reviewer signed in through one of their links."""

    id: str
    reviewer: str  # the adjudicator's name in an analyst's session
    token_id: str  # '' in an analyst's session (signed in with the server's own link)
    role: str = "reviewer"  # or "analyst"


@dataclass
class Sessions:
    """The server's sessions, by id (in memory; at most ``limit``, the oldest dropped first)."""

    limit: int = 10_000
    _sessions: dict[str, Session] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def open(self, reviewer: str, token_id: str, role: str = "reviewer") -> Session:
        """A new session of ``reviewer``, signed in with the link ``token_id``."""
        session = Session(secrets.token_urlsafe(32), reviewer, token_id, role)
        with self._lock:
            while len(self._sessions) >= self.limit:
                self._sessions.pop(next(iter(self._sessions)))
            self._sessions[session.id] = session
        return session

    def get(self, session_id: str | None) -> Session | None:
        """The session of that id, or None."""
        if not session_id:
            return None
        with self._lock:
            return self._sessions.get(session_id)

    def close(self, session_id: str) -> None:
        """Forget a session."""
        with self._lock:
            self._sessions.pop(session_id, None)


def csrf_token(secret: bytes, session_id: str) -> str:
    """The CSRF token of a session: HMAC-SHA256 of its id under the server's secret."""
    return hmac.new(secret, session_id.encode(), hashlib.sha256).hexdigest()


def csrf_ok(secret: bytes, session_id: str, given: str | None) -> bool:
    """Whether ``given`` is the session's CSRF token (compared in constant time)."""
    return bool(given) and hmac.compare_digest(csrf_token(secret, session_id), given or "")


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
