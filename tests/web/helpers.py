"""Helpers of the web tests: reviewers' links and a signed-in client."""

import re
import warnings
from dataclasses import dataclass
from urllib.parse import urlsplit

#: Where the test client says it is (the links are printed for argmap serve's default).
BASE = "http://127.0.0.1:8000"


@dataclass
class Reviewers:
    """A workspace target and each reviewer's link as ``argmap assign --web`` printed it."""

    target: str
    links: dict[str, str]

    def path(self, reviewer: str) -> str:
        """The path of a reviewer's link: ``/r/<id>.<secret>``."""
        return urlsplit(self.links[reviewer]).path


def client(app):
    """A test client of ``app`` (keeps cookies, does not follow redirects by itself)."""
    with warnings.catch_warnings():  # Starlette 1.x would rather have httpx2; httpx works
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    return TestClient(app, base_url=BASE, follow_redirects=False)


def analyst_path(target: str, analyst: str) -> str:
    """A new adjudication link of ``analyst`` (as ``argmap serve`` makes it): its path,
    ``/a/<id>.<secret>``."""
    from argmap.store import Workspace
    from argmap.web.tokens import issue_analyst_link

    with Workspace(target) as workspace:
        return urlsplit(issue_analyst_link(workspace, analyst)).path


def signed_in(app, reviewers: Reviewers, reviewer: str):
    """A client signed in through ``reviewer``'s link."""
    browser = client(app)
    response = browser.get(reviewers.path(reviewer))
    assert response.status_code == 303 and response.headers["location"] == "/start?to=review"
    return browser


def page_of(browser, statement_id: str):
    """The item page of a statement: (response, CSRF token or None)."""
    response = browser.get(f"/review/{statement_id}")
    found = re.search(r'name="csrf-token" content="([0-9a-f]+)"', response.text)
    return response, found.group(1) if found else None


def answer(browser, csrf, statement_id, label, *, note="", answered_at=None, headers=None):
    """POST one answer as the page's script sends it."""
    body = {"statement_id": statement_id, "label": label, "note": note}
    if answered_at is not None:
        body["answered_at"] = answered_at
    sent = {"X-CSRF-Token": csrf} if csrf else {}
    return browser.post("/api/answers", json=body, headers={**sent, **(headers or {})})
