"""The adjudication pages of ``argmap serve``, on SQLite and on PostgreSQL: an analyst's link
(made by argmap serve, its secret stored as a hash) opens the disputed statements one at a
time with every reviewer's label and note; a key's answer becomes the final label; reviewers
reach none of it, and the analyst's session none of the reviewers' pages."""

import re
from html import unescape

import pytest

from argmap.store import Workspace
from argmap.web.app import Settings, create_app
from tests.web.helpers import analyst_path, answer, client, page_of, signed_in


@pytest.fixture
def disputes(assigned):
    """Two statements alice and carol labelled differently (disputed), one they agree on."""
    with Workspace(assigned.target) as workspace:
        alice = [i.statement_id for i in workspace.web_assignment("alice")]
        carol = {i.statement_id for i in workspace.web_assignment("carol")}
        shared = [sid for sid in alice if sid in carol]
        labels = workspace.codebook_outline.label_ids
        for n, statement_id in enumerate(shared[:3]):
            workspace.set_stance(statement_id, labels[0], annotator="alice", note=f"alice {n}")
            other = labels[0] if n == 2 else labels[1]
            workspace.set_stance(statement_id, other, annotator="carol", note=f"carol {n}")
        disputed = [r.id for r in workspace.statements(limit=1000) if r.review == "disputed"]
    assert len(disputed) == 2
    return disputed


@pytest.fixture
def adjudicating(assigned):
    app = create_app(Settings(target=assigned.target))
    app.state.analyst_path = analyst_path(assigned.target, "erin")
    yield app
    app.state.server.workspaces.close()


def _analyst(app):
    browser = client(app)
    response = browser.get(app.state.analyst_path)
    assert response.status_code == 303 and response.headers["location"] == "/start?to=adjudicate"
    assert "HttpOnly" in response.headers["set-cookie"]
    return browser


def test_the_analyst_decides_each_disputed_statement_with_a_key(adjudicating, assigned, disputes):
    browser = _analyst(adjudicating)
    assert 'data-continue="/adjudicate"' in browser.get("/start?to=adjudicate").text
    first = browser.get("/adjudicate")
    assert first.headers["location"] == f"/adjudicate/{disputes[0]}"
    page, csrf = page_of_dispute(browser, disputes[0])
    rows = re.findall(r"<tr><td>(\w+)</td><td>([^<]+)</td><td>([^<]*)</td>", page.text)
    with Workspace(assigned.target) as workspace:
        names = {lb.id: lb.name for lb in workspace.codebook_outline.labels}
        labels = workspace.codebook_outline.label_ids
        statement = workspace.statement(disputes[0])
    assert sorted(rows) == [
        ("alice", names[labels[0]], "alice 0"),
        ("carol", names[labels[1]], "carol 0"),
    ]
    assert statement.text in unescape(re.sub(r"<[^>]+>", "", page.text))
    assert "Disputed 1 of 2" in page.text and "2 to decide" in page.text
    assert 'data-post="/api/adjudications"' in page.text
    decided = browser.post(
        "/api/adjudications",
        json={"statement_id": disputes[0], "label": labels[2], "note": "neither"},
        headers={"X-CSRF-Token": csrf},
    )
    assert decided.status_code == 200 and decided.json()["applied"]
    with Workspace(assigned.target) as workspace:
        final = [a for a in workspace.annotations(disputes[0]) if a.adjudicated]
        assert [(a.annotator, a.label, a.note) for a in final] == [("erin", labels[2], "neither")]
        row = workspace.statement_row(disputes[0])
        assert (row.review, row.label) == ("adjudicated", labels[2])
    # on to the next undecided one; the decided one can still be opened and changed
    assert browser.get("/adjudicate").headers["location"] == f"/adjudicate/{disputes[1]}"
    again, _ = page_of_dispute(browser, disputes[0])
    assert "Final label: " + names[labels[2]] in again.text and "1 to decide" in again.text
    with Workspace(assigned.target) as workspace:
        agreed = [r.id for r in workspace.statements(limit=1000) if r.review == "labelled"]
    assert browser.get(f"/adjudicate/{agreed[0]}").status_code == 404  # not disputed
    browser.post(
        "/api/adjudications",
        json={"statement_id": disputes[1], "label": labels[0]},
        headers={"X-CSRF-Token": csrf},
    )
    done = browser.get("/adjudicate")
    assert done.status_code == 200 and "No statement is disputed now (2 adjudicated)" in done.text


def page_of_dispute(browser, statement_id):
    response = browser.get(f"/adjudicate/{statement_id}")
    assert response.status_code == 200
    return response, re.search(r'name="csrf-token" content="([0-9a-f]+)"', response.text).group(1)


def test_reviewers_cannot_adjudicate_and_the_analyst_is_no_reviewer(
    adjudicating, assigned, disputes
):
    alice = signed_in(adjudicating, assigned, "alice")
    _, csrf = page_of(alice, disputes[0])
    assert alice.get("/adjudicate").status_code == 403
    assert alice.get(f"/adjudicate/{disputes[0]}").status_code == 403
    refused = alice.post(
        "/api/adjudications",
        json={"statement_id": disputes[0], "label": "neutral"},
        headers={"X-CSRF-Token": csrf},
    )
    assert refused.status_code == 403
    analyst = _analyst(adjudicating)
    assert analyst.get("/review").status_code == 401
    assert analyst.get("/api/items").status_code == 401
    _, analyst_csrf = page_of_dispute(analyst, disputes[0])
    assert answer(analyst, analyst_csrf, disputes[0], "neutral").status_code == 401
    # CSRF and origin hold here too
    body = {"statement_id": disputes[0], "label": "neutral"}
    assert analyst.post("/api/adjudications", json=body).status_code == 403
    assert (
        analyst.post(
            "/api/adjudications",
            json=body,
            headers={"X-CSRF-Token": analyst_csrf, "Origin": "http://evil.example"},
        ).status_code
        == 403
    )
    with Workspace(assigned.target) as workspace:
        assert not [a for a in workspace.annotations() if a.adjudicated]


def test_a_wrong_analyst_link_is_refused_and_counted(adjudicating):
    browser = client(adjudicating)
    path = adjudicating.state.analyst_path
    wrong = path[:-1] + ("A" if path[-1] != "A" else "B")
    for _ in range(10):
        response = browser.get(wrong)
        assert response.status_code == 404 and "set-cookie" not in response.headers
    assert browser.get(path).status_code == 429
