"""The Starlette application ``argmap serve`` runs: reviewers label their statements.

Routes: ``/r/<id>.<secret>`` (a reviewer's link: swapped for a session cookie, then a
redirect, so the secret leaves the address bar), ``/review`` (the first unanswered item),
``/review/<statement id>`` (one item), ``/first``, ``/done``, and the JSON API the page's
script and other clients use: ``GET /api/items``, ``GET /api/items/<id>``, ``POST
/api/answers``. Adjudication: ``/a/<id>.<secret>`` (an analyst's link, made and printed by
``argmap serve``, its secret's hash stored), ``/adjudicate`` (the first disputed statement),
``/adjudicate/<statement id>`` and ``POST /api/adjudications``; a reviewer's session reaches
none of them, nor the analyst's the reviewers' pages. Sessions are kept in the workspace
(``argmap.web.security``): a restart signs no one out.

Each answer is saved at once by ``Workspace.set_stance`` with the reviewer (or the
adjudicator) as annotator and the time it was given, so an older answer never replaces a
newer one (the packets' rule). A statement outside the reviewer's assignment is 404, whatever
the id; so is one not disputed on the adjudication pages.

Endpoints are plain functions run in Starlette's thread pool; each thread opens its own
``Workspace`` on the target (SQLite file or PostgreSQL connection string). On SQLite, writes
take one process-wide lock, so threads never wait in SQLite's busy handler.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from argmap.store import EditError, Workspace, open_workspace
from argmap.store.errors import AccessRefused
from argmap.web import pages
from argmap.web.items import adjudication_order, dispute_view, item_view
from argmap.web.security import (
    ANSWERS_PER_MINUTE,
    BAD_LINKS_PER_MINUTE,
    CSRF_HEADER,
    SESSION_COOKIE,
    RateLimit,
    Session,
    csrf_ok,
    csrf_token,
    find_session,
    open_session,
    same_origin,
)
from argmap.web.tokens import check_analyst_link, check_link

STATIC_DIR = Path(__file__).parent / "static"
#: Every response's security headers: nothing but the server's own files, no framing, no
#: referrer (a page's address never leaves with a request elsewhere).
SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    ),
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
}
#: The longest note kept.
MAX_NOTE = 2000


@dataclass
class Settings:
    """What ``argmap serve`` sets: the workspace, extra allowed origins, the limits."""

    target: str
    allowed_origins: Collection[str] = ()
    bad_links_per_minute: int = BAD_LINKS_PER_MINUTE
    answers_per_minute: int = ANSWERS_PER_MINUTE


class Workspaces:
    """One open ``Workspace`` per thread on the server's target, and the writers' lock."""

    def __init__(self, target: str) -> None:
        self.target = target
        first = open_workspace(target)  # refuses a damaged or missing workspace at start
        self.on_server = first.on_server
        self._local = threading.local()
        self._local.workspace = first
        self._opened = [first]
        self._lock = threading.Lock()
        #: SQLite: one writer at a time in this process (PostgreSQL takes its own lock)
        self.write_lock: threading.Lock | None = None if self.on_server else threading.Lock()

    def get(self) -> Workspace:
        """This thread's workspace (opened again once its connection to the PostgreSQL server
        was lost: a server restart would otherwise leave the thread refusing every request)."""
        workspace = getattr(self._local, "workspace", None)
        if workspace is not None and workspace.connection_lost():
            workspace.close()
            with self._lock:
                if workspace in self._opened:
                    self._opened.remove(workspace)
            workspace = None
        if workspace is None:
            workspace = Workspace(self.target)
            workspace.integrity_checked()  # checked when the server started
            self._local.workspace = workspace
            with self._lock:
                self._opened.append(workspace)
        return workspace

    def close(self) -> None:
        """Close every thread's workspace."""
        with self._lock:
            for workspace in self._opened:
                workspace.close()
            self._opened.clear()


def _html(text: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(text, status_code=status, headers={"cache-control": "no-store"})


def _refused(status: int, title: str, text: str, api: bool) -> Response:
    if api:
        return JSONResponse({"error": text}, status_code=status)
    return _html(pages.message_page(title, text), status)


class ReviewServer:
    """The routes' handlers over one workspace target."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.workspaces = Workspaces(settings.target)
        self.bad_links = RateLimit(settings.bad_links_per_minute, 60.0)
        self.answers = RateLimit(settings.answers_per_minute, 60.0)

    # ------------------------------------------------------------------ sessions

    def _session(self, request: Request) -> Session | None:
        """The request's reviewer session while it and its link still stand (not revoked,
        not expired), read from the workspace as the server's own login."""
        session = find_session(self.workspaces.get(), request.cookies.get(SESSION_COOKIE))
        return session if session is not None and session.role == "reviewer" else None

    def _analyst(self, request: Request) -> Session | None:
        """The request's analyst session, if it is one (and its link was not replaced)."""
        session = find_session(self.workspaces.get(), request.cookies.get(SESSION_COOKIE))
        return session if session is not None and session.role == "analyst" else None

    def _no_session(self, api: bool) -> Response:
        return _refused(
            401,
            "Not signed in",
            "Open your personal link to start (a link that expired or was revoked no longer "
            "works; ask for a new one).",
            api,
        )

    # ------------------------------------------------------------------ pages

    def home(self, request: Request) -> Response:
        return _html(pages.message_page("argmap", "Open your personal link to start."))

    def link(self, request: Request) -> Response:
        client = request.client.host if request.client else "?"
        if self.bad_links.exceeded(client):
            return _refused(429, "Too many tries", "Too many wrong links: wait a minute.", False)
        workspace = self.workspaces.get()
        token = check_link(workspace, request.path_params["link"])
        if token is None:
            self.bad_links.hit(client)
            return self._bad_link()
        session = self._write(
            lambda: open_session(workspace, token.reviewer, token.id, token.expires_at)
        )
        return self._sign_in(request, session, "review")

    def analyst_link(self, request: Request) -> Response:
        client = request.client.host if request.client else "?"
        if self.bad_links.exceeded(client):
            return _refused(429, "Too many tries", "Too many wrong links: wait a minute.", False)
        workspace = self.workspaces.get()
        link = check_analyst_link(workspace, request.path_params["secret"])
        if link is None:
            self.bad_links.hit(client)
            return self._bad_link()
        session = self._write(
            lambda: open_session(workspace, link.analyst, link.id, "", role="analyst")
        )
        return self._sign_in(request, session, "adjudicate")

    def _bad_link(self) -> Response:
        return _refused(
            404,
            "Link not valid",
            "This link is unknown, expired or revoked; ask for a new one.",
            False,
        )

    def _sign_in(self, request: Request, session: Session, target: str) -> Response:
        """Set the session's cookie and leave the link's address (via ``/start``)."""
        response = RedirectResponse(f"/start?to={target}", status_code=303)
        response.set_cookie(
            SESSION_COOKIE,
            session.cookie,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
            path="/",
        )
        return response

    def start(self, request: Request) -> Response:
        target = "/adjudicate" if request.query_params.get("to") == "adjudicate" else "/review"
        return _html(pages.start_page(target))

    def review(self, request: Request) -> Response:
        session = self._session(request)
        if session is None:
            return self._no_session(False)
        workspace = self.workspaces.get()
        answered = workspace.web_answered(session.reviewer)
        order = workspace.web_assignment(session.reviewer)
        open_item = next((i for i in order if i.statement_id not in answered), None)
        if open_item is None:
            return RedirectResponse("/done", status_code=303)
        return RedirectResponse(f"/review/{open_item.statement_id}", status_code=303)

    def first(self, request: Request) -> Response:
        session = self._session(request)
        if session is None:
            return self._no_session(False)
        order = self.workspaces.get().web_assignment(session.reviewer)
        if not order:
            return RedirectResponse("/done", status_code=303)
        return RedirectResponse(f"/review/{order[0].statement_id}", status_code=303)

    def item(self, request: Request) -> Response:
        session = self._session(request)
        if session is None:
            return self._no_session(False)
        view = self._view(session, request.path_params["statement_id"])
        if view is None:
            return _refused(404, "Not found", "No such statement in your assignment.", False)
        return _html(pages.item_page(view, csrf_token(session.secret)))

    def done(self, request: Request) -> Response:
        session = self._session(request)
        if session is None:
            return self._no_session(False)
        workspace = self.workspaces.get()
        answered = workspace.web_answered(session.reviewer)
        order = workspace.web_assignment(session.reviewer)
        open_item = next((i.statement_id for i in order if i.statement_id not in answered), None)
        return _html(pages.done_page(session.reviewer, len(answered), len(order), open_item))

    def _view(self, session: Session, statement_id: str):
        if not usable_id(statement_id):
            return None
        workspace = self.workspaces.get()
        with workspace.acting_as(session.reviewer):  # the database's limits, where it has them
            item = workspace.assigned_item(session.reviewer, statement_id)
            if item is None:
                return None
            return item_view(
                workspace, session.reviewer, item, workspace.web_assignment(session.reviewer)
            )

    # ------------------------------------------------------------------ adjudication

    def _no_analyst(self, api: bool) -> Response:
        return _refused(
            403,
            "For the analyst",
            "Adjudication needs an analyst's link (argmap serve prints it when it makes it).",
            api,
        )

    def adjudicate(self, request: Request) -> Response:
        session = self._analyst(request)
        if session is None:
            return self._no_analyst(False)
        order = adjudication_order(self.workspaces.get())
        first = next((sid for sid, state in order if state == "disputed"), None)
        if first is None:
            return _html(
                pages.message_page(
                    "Nothing to decide",
                    f"No statement is disputed now ({len(order)} adjudicated).",
                )
            )
        return RedirectResponse(f"/adjudicate/{first}", status_code=303)

    def dispute(self, request: Request) -> Response:
        session = self._analyst(request)
        if session is None:
            return self._no_analyst(False)
        statement_id = request.path_params["statement_id"]
        order = adjudication_order(self.workspaces.get())
        ids = [sid for sid, _ in order]
        if not usable_id(statement_id) or statement_id not in ids:
            return _refused(404, "Not found", "No such disputed statement.", False)
        view = dispute_view(self.workspaces.get(), statement_id, ids)
        open_count = sum(state == "disputed" for _, state in order)
        csrf = csrf_token(session.secret)
        return _html(pages.dispute_page(view, csrf, session.reviewer, open_count))

    async def api_adjudication(self, request: Request) -> Response:
        return await _in_thread(self._adjudication, request)

    def _adjudication(self, request: Request, body: bytes) -> Response:
        session = self._analyst(request)
        if session is None:
            return self._no_analyst(True)
        posted = self._posted(request, session, body)
        if isinstance(posted, Response):
            return posted
        statement_id, label, note, _ = posted
        workspace = self.workspaces.get()
        if not usable_id(statement_id) or statement_id not in {
            sid for sid, _ in adjudication_order(workspace)
        }:
            return JSONResponse({"error": "no such disputed statement"}, 404)
        stored = self._save(workspace, session, posted, adjudicated=True)
        if isinstance(stored, Response):
            return stored
        return JSONResponse(_saved(statement_id, stored, label, note))

    def _posted(
        self, request: Request, session: Session, body: bytes
    ) -> Response | tuple[str, str, str, datetime]:
        """A POSTed answer (statement id, label, note, time), or the refusal of one from
        another origin, without the session's CSRF token, past the session's rate, or not
        the JSON expected."""
        if not same_origin(request.headers, self.settings.allowed_origins):
            return JSONResponse({"error": "cross-origin request refused"}, 403)
        if not csrf_ok(session.secret, request.headers.get(CSRF_HEADER)):
            return JSONResponse({"error": "missing or wrong CSRF token"}, 403)
        if not self.answers.hit(session.id):
            return JSONResponse({"error": "too many answers: wait a minute"}, 429)
        try:
            return _read_answer(body)
        except (ValueError, KeyError, TypeError, AttributeError):
            return JSONResponse({"error": ANSWER_FORMAT}, 400)

    # ------------------------------------------------------------------ the JSON API

    def api_items(self, request: Request) -> Response:
        session = self._session(request)
        if session is None:
            return self._no_session(True)
        workspace = self.workspaces.get()
        answered = workspace.web_answered(session.reviewer)
        order = workspace.web_assignment(session.reviewer)
        return JSONResponse(
            {
                "reviewer": session.reviewer,
                "total": len(order),
                "answered": len(answered),
                "csrf_token": csrf_token(session.secret),
                "items": [
                    {"statement_id": i.statement_id, "label": answered.get(i.statement_id)}
                    for i in order
                ],
            }
        )

    def api_item(self, request: Request) -> Response:
        session = self._session(request)
        if session is None:
            return self._no_session(True)
        view = self._view(session, request.path_params["statement_id"])
        if view is None:
            return JSONResponse({"error": "no such statement in your assignment"}, 404)
        return JSONResponse(
            {
                "statement_id": view.statement_id,
                "text": "".join(p.text for p in view.pieces if p.statement),
                "paragraph": "".join(p.text for p in view.pieces),
                "speaker": view.speaker,
                "document": view.document,
                "labels": [lb.id for lb in view.labels],
                "suggestion": view.suggestion,
                "label": view.label,
                "note": view.note,
                "index": view.index,
                "total": view.total,
                "previous": view.previous,
                "next": view.next,
            }
        )

    async def api_answer(self, request: Request) -> Response:
        return await _in_thread(self._answer, request)

    def _answer(self, request: Request, body: bytes) -> Response:
        session = self._session(request)
        if session is None:
            return self._no_session(True)
        posted = self._posted(request, session, body)
        if isinstance(posted, Response):
            return posted
        statement_id, label, note, _ = posted
        workspace = self.workspaces.get()
        if (
            not usable_id(statement_id)
            or workspace.assigned_item(session.reviewer, statement_id) is None
        ):
            return JSONResponse({"error": "no such statement in your assignment"}, 404)
        stored = self._save(workspace, session, posted)
        if isinstance(stored, Response):
            return stored
        answered = workspace.web_answered(session.reviewer)
        return JSONResponse(
            {
                **_saved(statement_id, stored, label, note),
                "time": stored.time.isoformat()
                if isinstance(stored.time, datetime)
                else str(stored.time),
                "answered": len(answered),
            }
        )

    def _save(self, workspace, session: Session, posted: tuple, *, adjudicated: bool = False):
        """The posted label stored as ``session``'s annotation (through the write lock), or
        the 400 response saying why it was refused."""
        statement_id, label, note, when = posted

        def save():
            return workspace.set_stance(
                statement_id,
                label,
                annotator=session.reviewer,
                note=note,
                time=when,
                adjudicated=adjudicated,
            )

        try:
            if adjudicated:  # the analyst's own connection
                return self._write(save)
            with workspace.acting_as(session.reviewer):  # as the reviewer's database role
                return self._write(save)
        except AccessRefused as problem:
            return JSONResponse({"error": str(problem)}, 403)
        except EditError as problem:
            return JSONResponse({"error": str(problem)}, 400)

    def _write(self, action):
        lock = self.workspaces.write_lock
        if lock is None:
            return action()
        with lock:
            return action()


def _saved(statement_id: str, stored, label: str, note: str) -> dict:
    """What an answer's response says of the stored annotation: its label and note, and
    whether they are the ones posted (an older answer never replaces a newer one)."""
    return {
        "statement_id": statement_id,
        "label": stored.label,
        "note": stored.note,
        "applied": stored.label == label and stored.note == note,
    }


def usable_id(value: str) -> bool:
    """Whether an id from a request can be looked up at all (not empty, not too long, no NUL,
    which PostgreSQL's text refuses): anything else is simply not found."""
    return 0 < len(value) <= 200 and "\x00" not in value


async def _in_thread(handler, request: Request) -> Response:
    """``handler(request, body)`` in the thread pool (it reads and writes the workspace)."""
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(handler, request, await request.body())


#: What an answer's body holds.
ANSWER_FORMAT = "expected JSON: statement_id, label, note, answered_at (ISO 8601)"


def _read_answer(body: bytes) -> tuple[str, str, str, datetime]:
    """An answer's statement id, label, note and time, from its JSON body."""
    data = json.loads(body)
    statement_id, label = str(data["statement_id"]), str(data["label"])
    note = str(data.get("note") or "").replace("\x00", "")[:MAX_NOTE]
    return statement_id, label, note, _answer_time(data.get("answered_at"))


def _answer_time(value: Any) -> datetime:
    """When the answer was given: the page's clock, never later than the server's."""
    moment = datetime.now(UTC)
    if value in (None, ""):
        return moment
    given = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    if given.tzinfo is None:
        raise ValueError("answered_at needs a time zone")
    return min(given.astimezone(UTC), moment)


def create_app(settings: Settings) -> Starlette:
    """The application serving ``settings.target``'s reviewers."""
    server = ReviewServer(settings)
    routes = [
        Route("/", server.home),
        Route("/favicon.ico", lambda request: Response(status_code=204)),
        Route("/r/{link}", server.link),
        Route("/a/{secret}", server.analyst_link),
        Route("/adjudicate", server.adjudicate),
        Route("/adjudicate/{statement_id}", server.dispute),
        Route("/api/adjudications", server.api_adjudication, methods=["POST"]),
        Route("/start", server.start),
        Route("/review", server.review),
        Route("/review/{statement_id}", server.item),
        Route("/first", server.first),
        Route("/done", server.done),
        Route("/api/items", server.api_items),
        Route("/api/items/{statement_id}", server.api_item),
        Route("/api/answers", server.api_answer, methods=["POST"]),
        Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"),
    ]

    @contextlib.asynccontextmanager
    async def lifespan(app):
        yield
        server.workspaces.close()

    app = Starlette(
        routes=routes,
        middleware=[Middleware(SecurityHeaders)],
        lifespan=lifespan,
        exception_handlers={AccessRefused: _refused_by_database},
    )
    app.state.server = server
    return app


async def _refused_by_database(request: Request, problem: Exception) -> Response:
    """What the database refused a reviewer (in a workspace whose roles are set up): 403."""
    return _refused(
        403,
        "Not allowed",
        "The workspace's database does not let this link do that; ask the analyst.",
        request.url.path.startswith("/api/"),
    )


class SecurityHeaders:
    """ASGI middleware adding ``SECURITY_HEADERS`` to every response, errors included."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
