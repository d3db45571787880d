"""Sessions kept in the workspace, on SQLite and on PostgreSQL: a reviewer's and an analyst's
cookie outlive a restart of the server (a second ``create_app`` on the same target) and work
on a second server at once; a revoked link ends its sessions on every server; an analyst's
link stays the same across restarts until it is replaced, which ends its sessions; the
workspace keeps only hashes, none of which signs anyone in or makes a CSRF token, and
neither the JSON export nor a copy carries the sessions or the analysts' links."""

import re
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from argmap.store import Workspace
from argmap.web.app import Settings, create_app
from argmap.web.security import SESSION_COOKIE, find_session, open_session
from argmap.web.tokens import secret_hash
from tests.helpers import run_cli
from tests.web.helpers import analyst_path, answer, client, page_of, signed_in


def _first(target, reviewer) -> str:
    with Workspace(target) as workspace:
        return workspace.web_assignment(reviewer)[0].statement_id


def _restarted(app, target):
    """The server stopped and started again on the same workspace."""
    app.state.server.workspaces.close()
    return create_app(Settings(target=target))


def _moved_to(browser, app):
    """A client of ``app`` holding ``browser``'s cookie (the same browser, another server)."""
    other = client(app)
    other.cookies.set(SESSION_COOKIE, browser.cookies[SESSION_COOKIE])
    return other


def test_a_reviewers_session_and_csrf_token_outlive_a_restart(server, assigned):
    statement = _first(assigned.target, "alice")
    alice = signed_in(server, assigned, "alice")
    _, csrf = page_of(alice, statement)
    restarted = _restarted(server, assigned.target)
    alice = _moved_to(alice, restarted)
    items = alice.get("/api/items")
    assert items.status_code == 200 and items.json()["reviewer"] == "alice"
    assert items.json()["csrf_token"] == csrf  # the page loaded before the restart still posts
    response = answer(
        alice, csrf, statement, "neutral", headers={"Origin": "http://127.0.0.1:8000"}
    )
    assert response.status_code == 200 and response.json()["applied"]
    with Workspace(assigned.target) as workspace:
        assert [(a.annotator, a.label) for a in workspace.annotations(statement)] == [
            ("alice", "neutral")
        ]
    restarted.state.server.workspaces.close()


def test_two_servers_at_once_share_sessions_and_a_revoke_ends_them_on_both(
    server, assigned, capsys
):
    second = create_app(Settings(target=assigned.target))
    alice = signed_in(server, assigned, "alice")
    bob = signed_in(second, assigned, "bob")
    alice_there, bob_here = _moved_to(alice, second), _moved_to(bob, server)
    assert alice_there.get("/api/items").json()["reviewer"] == "alice"
    assert bob_here.get("/api/items").json()["reviewer"] == "bob"
    status, out, _ = run_cli(capsys, "links", "--revoke", "alice", "-w", assigned.target)
    assert (status, out) == (0, "alice: 1 link revoked\n")
    for browser in (alice, alice_there):
        assert browser.get("/api/items").status_code == 401
        assert browser.get(f"/review/{_first(assigned.target, 'alice')}").status_code == 401
    assert bob_here.get("/api/items").status_code == 200 and bob.get("/done").status_code == 200
    restarted = _restarted(second, assigned.target)
    assert _moved_to(alice, restarted).get("/api/items").status_code == 401
    with Workspace(assigned.target) as workspace:
        standing = {(s.name, s.standing) for s in workspace.web_sessions()}
    assert standing == {("alice", False), ("bob", True)}
    restarted.state.server.workspaces.close()


def test_a_tampered_cookie_signs_no_one_in(server, assigned):
    alice = signed_in(server, assigned, "alice")
    session_id, _, secret = alice.cookies[SESSION_COOKIE].partition(".")
    with Workspace(assigned.target) as workspace:
        stored = workspace.web_session(session_id)
    for forged in (
        f"{session_id}.{secret[:-1]}{'A' if secret[-1] != 'A' else 'B'}",
        f"{session_id}.{stored.secret_sha256}",  # the hash a copy of the workspace holds
        session_id,
        f"nosuchid.{secret}",
        "",
    ):
        browser = client(server)
        browser.cookies.set(SESSION_COOKIE, forged)
        assert browser.get("/api/items").status_code == 401, forged


def test_the_analysts_link_and_session_outlive_a_restart_until_the_link_is_replaced(assigned):
    app = create_app(Settings(target=assigned.target))
    link = analyst_path(assigned.target, "erin")
    erin = client(app)
    assert erin.get(link).headers["location"] == "/start?to=adjudicate"
    restarted = _restarted(app, assigned.target)
    assert client(restarted).get(link).headers["location"] == "/start?to=adjudicate"
    kept = _moved_to(erin, restarted)
    assert kept.get("/adjudicate").status_code == 200  # nothing disputed: a page, not 403
    assert kept.get("/api/items").status_code == 401  # still no reviewer
    new_link = analyst_path(assigned.target, "erin")  # argmap serve --new-analyst-link
    assert new_link != link
    assert client(restarted).get(link).status_code == 404
    assert kept.get("/adjudicate").status_code == 403
    assert client(restarted).get(new_link).headers["location"] == "/start?to=adjudicate"
    restarted.state.server.workspaces.close()


def test_the_workspace_keeps_only_hashes_and_the_export_and_copy_carry_no_session(
    server, assigned, capsys, tmp_path
):
    alice = signed_in(server, assigned, "alice")
    link = analyst_path(assigned.target, "erin")
    analyst = client(server)
    analyst.get(link)
    cookies = [alice.cookies[SESSION_COOKIE], analyst.cookies[SESSION_COOKIE]]
    secrets = [cookie.partition(".")[2] for cookie in cookies] + [link.partition(".")[2]]
    with Workspace(assigned.target) as workspace:
        rows = [
            *workspace.conn.execute("SELECT * FROM web_sessions").fetchall(),
            *workspace.conn.execute("SELECT * FROM web_analyst_links").fetchall(),
        ]
        hashes = {s.secret_sha256 for s in workspace.web_sessions()}
        hashes.add(workspace.analyst_link(analyst="erin").secret_sha256)
    assert len(rows) == 3 and hashes == {secret_hash(s) for s in secrets}
    assert not any(secret in str(value) for secret in secrets for row in rows for value in row)
    status, exported, _ = run_cli(capsys, "export", "--format", "json", "-w", assigned.target)
    assert status == 0 and exported.startswith("{")
    leaked = [h for h in hashes if h in exported] + [c for c in cookies if c in exported]
    assert leaked == [] and "web_sessions" not in exported
    status, _, err = run_cli(capsys, "workspace", "copy", assigned.target, tmp_path / "copy")
    assert status == 0, err
    with Workspace(tmp_path / "copy" / "argmap.sqlite") as copy:
        assert copy.web_sessions() == [] and copy.analyst_link(analyst="erin") is None
        assert len(copy.web_tokens("alice")) == 1  # the reviewers' links go along
    copied = create_app(Settings(target=str(tmp_path / "copy" / "argmap.sqlite")))
    assert _moved_to(alice, copied).get("/api/items").status_code == 401
    assert client(copied).get(link).status_code == 404
    assert signed_in(copied, assigned, "alice").get("/api/items").status_code == 200
    copied.state.server.workspaces.close()


def test_a_session_ends_when_it_expires(assigned):
    with Workspace(assigned.target) as workspace:
        token = workspace.web_tokens("alice")[0]
        session = open_session(workspace, "alice", token.id, token.expires_at)
        cookie = session.cookie
        assert find_session(workspace, cookie) == session
        ends = datetime.fromisoformat(token.expires_at)
        assert find_session(workspace, cookie, when=ends - timedelta(seconds=1)) == session
        assert find_session(workspace, cookie, when=ends) is None
        link = workspace.set_analyst_link("a1", secret_hash("s"), "erin")
        analyst = open_session(workspace, "erin", link.id, "", role="analyst")
        week = datetime.now(UTC) + timedelta(days=7, minutes=1)
        assert find_session(workspace, analyst.cookie).role == "analyst"
        assert find_session(workspace, analyst.cookie, when=week) is None


def test_serve_prints_an_analysts_link_once_and_replaces_it_when_told(
    assigned, capsys, monkeypatch
):
    import uvicorn

    from argmap.web.tokens import check_analyst_link

    started = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: started.append(app))
    made = re.compile(r"^adjudication, as ann \(a new link, printed this once; .*: (\S+)$", re.M)
    status, out, err = run_cli(capsys, "serve", "--as", "ann", "-w", assigned.target)
    assert status == 0, err
    first = urlsplit(made.search(out).group(1)).path
    status, out, _ = run_cli(capsys, "serve", "--as", "ann", "-w", assigned.target)
    assert status == 0 and not made.search(out)
    assert (
        "adjudication, as ann: the link printed when it was made "
        "(argmap serve --new-analyst-link replaces it)\n"
    ) in out
    browser = client(started[-1])
    assert browser.get(first).headers["location"] == "/start?to=adjudicate"
    assert browser.get("/adjudicate").status_code == 200
    status, out, _ = run_cli(
        capsys, "serve", "--as", "ann", "--new-analyst-link", "-w", assigned.target
    )
    second = urlsplit(made.search(out).group(1)).path
    assert second != first
    with Workspace(assigned.target) as workspace:
        assert check_analyst_link(workspace, first.removeprefix("/a/")) is None
        assert check_analyst_link(workspace, second.removeprefix("/a/")).analyst == "ann"
    assert browser.get("/adjudicate").status_code == 403  # its session ended with the old link
    status, out, _ = run_cli(capsys, "serve", "--as", "bo", "-w", assigned.target)
    assert re.search(r"^adjudication, as bo \(a new link", out, re.M)  # one link per analyst
    with Workspace(assigned.target) as workspace:
        assert check_analyst_link(workspace, second.removeprefix("/a/")) is not None
    for app in started:
        app.state.server.workspaces.close()
