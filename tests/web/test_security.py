"""The web server's defences, on SQLite and on PostgreSQL: wrong, expired and revoked links
refused (a revoke ends open sessions), CSRF tokens on every answer, answers from another
origin refused, no statement outside a reviewer's assignment reachable by changing the id,
and rate limits on wrong links and on answers. Nothing refused is written."""

from datetime import UTC, datetime, timedelta

import pytest

from argmap.store import Workspace
from argmap.web.app import Settings, create_app
from argmap.web.security import RateLimit, csrf_ok, csrf_token, same_origin
from argmap.web.tokens import check_link, issue_link, secret_hash
from tests.web.helpers import answer, client, page_of, signed_in


def _annotations(target) -> list:
    with Workspace(target) as workspace:
        return [(a.statement_id, a.annotator, a.label) for a in workspace.annotations()]


def _remove_alices_answer(target) -> None:
    with Workspace(target) as workspace:
        for a in workspace.annotations():
            if a.annotator == "alice":
                workspace.clear_stance(a.statement_id, annotator="alice")


def _first(target, reviewer) -> str:
    with Workspace(target) as workspace:
        return workspace.web_assignment(reviewer)[0].statement_id


def test_a_wrong_link_is_refused_without_a_session(server, assigned):
    good = assigned.path("alice")
    token_id, secret = good.removeprefix("/r/").split(".")
    wrong_secret = secret[:-1] + ("A" if secret[-1] != "A" else "B")
    for path in (
        f"/r/{token_id}.{wrong_secret}",  # the right id, a wrong secret
        f"/r/{'0' * 12}.{secret}",  # an unknown id
        f"/r/{token_id}",  # no secret
        f"/r/.{secret}",
        f"/r/{token_id}%00.{secret}",
        f"/r/{assigned.path('bob').removeprefix('/r/').split('.')[0]}.{secret}",  # bob's id
    ):
        browser = client(server)
        response = browser.get(path)
        assert response.status_code == 404, path
        assert "set-cookie" not in response.headers and "unknown, expired or revoked" in (
            response.text
        )
        assert browser.get("/review").status_code == 401
        assert browser.get("/api/items").status_code == 401


def test_expired_and_revoked_links_are_refused_and_a_revoke_ends_open_sessions(
    server, assigned, capsys
):
    from tests.helpers import run_cli

    with Workspace(assigned.target) as workspace:
        old = issue_link(workspace, "bob", days=1, when=datetime.now(UTC) - timedelta(days=2))
        assert check_link(workspace, old.url.rsplit("/", 1)[1]) is None
    expired = client(server).get("/r/" + old.url.rsplit("/", 1)[1])
    assert expired.status_code == 404 and "set-cookie" not in expired.headers
    alice = signed_in(server, assigned, "alice")
    statement = _first(assigned.target, "alice")
    _, csrf = page_of(alice, statement)
    assert alice.get(f"/review/{statement}").status_code == 200
    status, _, _ = run_cli(capsys, "links", "--revoke", "alice", "-w", assigned.target)
    assert status == 0
    # the open session stops at once: pages, the API and answers
    assert alice.get(f"/review/{statement}").status_code == 401
    assert alice.get("/api/items").status_code == 401
    assert answer(alice, csrf, statement, "neutral").status_code == 401
    again = client(server).get(assigned.path("alice"))
    assert again.status_code == 404 and "set-cookie" not in again.headers
    assert _annotations(assigned.target) == []


def test_every_answer_needs_the_sessions_csrf_token(server, assigned):
    alice = signed_in(server, assigned, "alice")
    bob = signed_in(server, assigned, "bob")
    statement = _first(assigned.target, "alice")
    _, alice_csrf = page_of(alice, statement)
    _, bob_csrf = page_of(bob, _first(assigned.target, "bob"))
    for token in (None, "", "0" * 64, bob_csrf, alice_csrf[:-1]):
        response = answer(alice, token, statement, "neutral")
        assert response.status_code == 403, token
        assert response.json() == {"error": "missing or wrong CSRF token"}
    assert _annotations(assigned.target) == []
    assert answer(alice, alice_csrf, statement, "neutral").status_code == 200
    assert _annotations(assigned.target) == [(statement, "alice", "neutral")]


def test_answers_from_another_origin_are_refused(assigned):
    app = create_app(Settings(target=assigned.target, allowed_origins=("https://review.example",)))
    alice = signed_in(app, assigned, "alice")
    statement = _first(assigned.target, "alice")
    _, csrf = page_of(alice, statement)
    for headers in (
        {"Origin": "http://evil.example"},
        {"Origin": "http://127.0.0.1:8001"},
        {"Origin": "null"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
    ):
        response = answer(alice, csrf, statement, "neutral", headers=headers)
        assert response.status_code == 403, headers
        assert response.json() == {"error": "cross-origin request refused"}
    assert _annotations(assigned.target) == []
    for headers in (
        {"Origin": "http://127.0.0.1:8000"},
        {"Origin": "https://review.example"},
        {"Sec-Fetch-Site": "same-origin"},
    ):
        assert answer(alice, csrf, statement, "neutral", headers=headers).status_code == 200
    app.state.server.workspaces.close()


def test_no_statement_outside_the_assignment_is_reachable_by_changing_the_id(server, assigned):
    with Workspace(assigned.target) as workspace:
        mine = {i.statement_id for i in workspace.web_assignment("alice")}
        others = [r.id for r in workspace.statements(limit=1000) if r.id not in mine]
        assert others  # bob's statements, which alice does not hold
    alice = signed_in(server, assigned, "alice")
    _, csrf = page_of(alice, sorted(mine)[0])
    for statement in (*others, "no-such-id", "%00", "s%2F1"):
        page = alice.get(f"/review/{statement}")
        assert page.status_code == 404
        if "%" not in statement:  # (an id holding a slash matches no route at all)
            assert "No such statement in your assignment" in page.text
        assert alice.get(f"/api/items/{statement}").status_code == 404
        response = answer(alice, csrf, statement, "neutral")
        assert response.status_code == 404, statement
    note = answer(alice, csrf, sorted(mine)[0], "neutral", note="a\x00b")
    assert note.status_code == 200 and note.json()["note"] == "ab"
    _remove_alices_answer(assigned.target)
    assert _annotations(assigned.target) == []
    listed = {i["statement_id"] for i in alice.get("/api/items").json()["items"]}
    assert listed == mine


def test_a_wrong_label_or_body_is_refused_and_nothing_is_written(server, assigned):
    alice = signed_in(server, assigned, "alice")
    statement = _first(assigned.target, "alice")
    _, csrf = page_of(alice, statement)
    response = answer(alice, csrf, statement, "maybe")
    assert response.status_code == 400 and "unknown label 'maybe'" in response.json()["error"]
    bad = alice.post("/api/answers", content=b"not json", headers={"X-CSRF-Token": csrf})
    assert bad.status_code == 400
    naive = answer(alice, csrf, statement, "neutral", answered_at="2026-01-01T10:00:00")
    assert naive.status_code == 400
    assert _annotations(assigned.target) == []


def test_too_many_wrong_links_from_one_address_are_429_even_for_a_good_link(server, assigned):
    browser = client(server)
    for n in range(10):
        assert browser.get(f"/r/{n:012x}.{'x' * 43}").status_code == 404
    assert browser.get(f"/r/{'f' * 12}.{'x' * 43}").status_code == 429
    assert browser.get(assigned.path("alice")).status_code == 429
    assert "set-cookie" not in browser.get(assigned.path("alice")).headers


def test_answers_are_rate_limited_per_session(assigned):
    app = create_app(Settings(target=assigned.target, answers_per_minute=3))
    alice = signed_in(app, assigned, "alice")
    statement = _first(assigned.target, "alice")
    _, csrf = page_of(alice, statement)
    codes = [answer(alice, csrf, statement, "neutral").status_code for _ in range(5)]
    assert codes == [200, 200, 200, 429, 429]
    bob = signed_in(app, assigned, "bob")  # another session has its own allowance
    _, bob_csrf = page_of(bob, _first(assigned.target, "bob"))
    assert answer(bob, bob_csrf, _first(assigned.target, "bob"), "neutral").status_code == 200
    app.state.server.workspaces.close()


# ---------------------------------------------------------------------- the rules on their own


def test_csrf_tokens_belong_to_one_session_and_need_its_secret_not_its_stored_hash():
    secret, other = "k" * 43, "j" * 43
    token = csrf_token(secret)
    assert csrf_ok(secret, token)
    assert not csrf_ok(other, token)
    assert not csrf_ok(secret, None) and not csrf_ok(secret, "")
    # what the workspace keeps of a session (its secret's hash) makes no token
    assert not csrf_ok(secret, csrf_token(secret_hash(secret)))
    assert token not in (secret_hash(secret), secret_hash(token))


@pytest.mark.parametrize(
    ("headers", "allowed"),
    [
        ({"host": "127.0.0.1:8000", "origin": "http://127.0.0.1:8000"}, True),
        ({"host": "127.0.0.1:8000", "origin": "http://localhost:8000"}, False),
        ({"host": "review.example", "origin": "https://review.example"}, True),
        ({"host": "127.0.0.1:8000", "origin": "https://review.example/"}, True),
        ({"host": "127.0.0.1:8000"}, True),  # not a browser: the CSRF token still counts
        ({"host": "127.0.0.1:8000", "sec-fetch-site": "cross-site"}, False),
    ],
)
def test_the_origin_check(headers, allowed):
    assert same_origin(headers, ("https://review.example",)) is allowed


def test_a_rate_limit_opens_again_after_its_window():
    now = [0.0]
    limit = RateLimit(2, 60.0, clock=lambda: now[0])
    assert [limit.hit("a"), limit.hit("a"), limit.hit("a"), limit.hit("b")] == [
        True, True, False, True,
    ]  # fmt: skip
    assert limit.exceeded("a") and not limit.exceeded("b")
    now[0] = 60.5
    assert not limit.exceeded("a") and limit.hit("a")
