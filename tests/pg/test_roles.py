"""Who may do what, enforced by PostgreSQL itself: an analyst's role edits everything, a
reviewer's role adds only its own labels and notes to the statements assigned to it.

The workspace is made by an owner who is not a superuser (superusers and a table's owner pass
every row-level policy), and each role is tried through SQL directly, not only through argmap.
"""

import json
import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.store import Workspace
from argmap.store.derived import derive_label
from argmap.store.errors import AccessRefused, WorkspaceError
from tests.helpers import run_cli, seed_workspace
from tests.postgres import create_database, database_url, drop_database


@dataclass
class Team:
    """A seed workspace on PostgreSQL made by ``owner``, with alice a reviewer (three
    statements assigned), bob an analyst, and mallory a login with no grant."""

    server: str
    database: str
    names: dict[str, str]  # person -> their role on the server
    assigned: list[str]  # alice's statements
    others: list[str]  # statements not assigned to alice

    def url(self, person: str) -> str:
        """The workspace's URL for ``person``'s login."""
        import psycopg.conninfo

        params = psycopg.conninfo.conninfo_to_dict(database_url(self.server, self.database))
        params["user"] = self.names[person]
        return psycopg.conninfo.make_conninfo(**params)

    def sql(self, person: str):
        """A plain psycopg connection as ``person`` (autocommit)."""
        import psycopg

        return psycopg.connect(self.url(person), autocommit=True)


def _role(server: str, statement: str) -> None:
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(statement)


@pytest.fixture
def team(postgres_server):
    tag = secrets.token_hex(3)
    names = {p: f"{p}_{tag}" for p in ("owner", "alice", "bob", "mallory")}
    _role(postgres_server, f'CREATE ROLE "{names["owner"]}" LOGIN CREATEROLE')
    for person in ("alice", "bob", "mallory"):
        _role(postgres_server, f'CREATE ROLE "{names[person]}" LOGIN')
    database = f"roles_{tag}"
    create_database(postgres_server, database)
    _role(database_url(postgres_server, database), f'ALTER DATABASE "{database}" OWNER TO '
          f'"{names["owner"]}"')  # fmt: skip
    _role(database_url(postgres_server, database), f'ALTER SCHEMA public OWNER TO '
          f'"{names["owner"]}"')  # fmt: skip
    team = Team(postgres_server, database, names, [], [])
    with seed_workspace(team.url("owner")) as workspace:
        ids = [s.id for s in workspace.statements(limit=-1)]
        team.assigned, team.others = ids[:3], ids[3:]
        workspace.assign_web({"alice": team.assigned, "carol": ids[3:6]})
        workspace.grant(names["alice"], "reviewer", reviewer="alice")
        workspace.grant(names["bob"], "analyst")
    yield team
    drop_database(postgres_server, database)
    groups = [f"{database}_argmap_analysts", f"{database}_argmap_reviewers"]
    for role in [*names.values(), *groups]:
        _role(postgres_server, f'DROP ROLE IF EXISTS "{role}"')


def _refused(conn, statement: str, parameters=()) -> str:
    """The error the database gives ``statement`` (which must fail), as text."""
    import psycopg

    with pytest.raises(psycopg.errors.InsufficientPrivilege) as refused:
        conn.execute(statement, parameters)
    return str(refused.value)


def test_a_reviewers_role_cannot_write_the_analysts_data_through_sql(team):
    some = team.others[0]
    with team.sql("alice") as alice:
        for statement, parameters in (
            ("UPDATE statements SET text = 'rewritten' WHERE id = %s", (some,)),
            ("UPDATE statements SET label = 'neutral' WHERE id = %s", (team.assigned[0],)),
            ("UPDATE statements SET speaker_id = NULL WHERE id = %s", (team.assigned[0],)),
            ("DELETE FROM speakers", ()),
            (
                "INSERT INTO claims (id, kind, text, created_by, created_at) "
                "VALUES ('c1', 'claim', 'x', 'alice', '2026')",
                (),
            ),
            ("UPDATE meta SET value = '{}' WHERE key = 'codebook'", ()),
            (
                "INSERT INTO assignments (reviewer, statement_id, position, assigned_at) "
                "VALUES ('alice', %s, 9, '2026')",
                (some,),
            ),
            ("UPDATE suggestions SET label = 'neutral'", ()),
            ("DELETE FROM edits", ()),
            ("UPDATE edits SET changes = '[]'", ()),
            ("SELECT * FROM web_tokens", ()),
            (
                "INSERT INTO workspace_roles (role, kind, reviewer) VALUES ('x', 'analyst', NULL)",
                (),
            ),
            ("TRUNCATE annotations", ()),
        ):
            message = _refused(alice, statement, parameters)
            assert "permission denied" in message or "row-level security" in message
    with team.sql("owner") as owner:
        text = owner.execute("SELECT text FROM statements WHERE id = %s", (some,)).fetchone()[0]
        assert text != "rewritten"
        assert owner.execute("SELECT count(*) FROM claims").fetchone()[0] == 0


def test_a_reviewer_adds_only_their_own_labels_on_their_own_statements(team):
    mine, not_mine = team.assigned[0], team.others[0]
    add = (
        "INSERT INTO annotations (statement_id, annotator, adjudicated, label, time, note) "
        "VALUES (%s, %s, %s, %s, '2026-12-07T10:00:00+00:00', %s)"
    )
    with team.sql("owner") as owner:  # another person's label on alice's statement
        owner.execute(add, (mine, "bob", 0, "neutral", "bob's"))
    with team.sql("alice") as alice:
        # outside her assignment, in another's name, or an adjudication: refused row by row
        assert "row-level security" in _refused(alice, add, (not_mine, "alice", 0, "neutral", ""))
        assert "row-level security" in _refused(alice, add, (mine, "carol", 0, "neutral", ""))
        assert "row-level security" in _refused(alice, add, (mine, "alice", 1, "neutral", ""))
        # her own label and note on her statement: stored, and the board's label moves
        alice.execute(add, (mine, "alice", 0, "sovereignty-concern", "a note"))
        seen = alice.execute("SELECT annotator, label, note FROM annotations").fetchall()
        assert seen == [("alice", "sovereignty-concern", "a note")]  # bob's label is not hers
        # others' rows are out of reach: an update or delete of them changes nothing
        assert alice.execute("UPDATE annotations SET label = 'neutral'").rowcount == 1
        assert alice.execute("DELETE FROM annotations WHERE annotator = 'bob'").rowcount == 0
        assert alice.execute("SELECT count(*) FROM assignments").fetchone()[0] == 3
    with team.sql("owner") as owner:
        rows = owner.execute(
            "SELECT annotator, label FROM annotations WHERE statement_id = %s ORDER BY 1",
            (mine,),
        ).fetchall()
        assert rows == [("alice", "neutral"), ("bob", "neutral")]
        label, source, review = owner.execute(
            "SELECT label, label_source, review FROM statements WHERE id = %s", (mine,)
        ).fetchone()
        expected = derive_label(
            owner.execute(
                "SELECT annotator, adjudicated, label, time FROM annotations "
                "WHERE statement_id = %s ORDER BY annotator, adjudicated",
                (mine,),
            ).fetchall(),
            None,
        )
        assert (label, source, review) == expected
        assert (
            owner.execute(
                "SELECT count(*) FROM annotations WHERE statement_id = %s", (not_mine,)
            ).fetchone()[0]
            == 0
        )


def test_a_reviewer_cannot_pass_as_another_with_a_temporary_table_or_set_role(team):
    """The policies' functions search the workspace's schema before ``pg_temp``: a temporary
    ``workspace_roles`` naming her as carol changes nothing; nor may she take carol's role."""
    add = (
        "INSERT INTO annotations (statement_id, annotator, adjudicated, label, time) "
        "VALUES (%s, 'carol', 0, 'neutral', '2026-12-07T10:00:00+00:00')"
    )
    with team.sql("owner") as owner:
        owner.execute(f'CREATE ROLE "carol_{team.database}" NOLOGIN')
    try:
        with team.sql("alice") as alice:
            alice.execute("CREATE TEMP TABLE workspace_roles (role text, kind text, reviewer text)")
            alice.execute("INSERT INTO workspace_roles VALUES (current_user, 'reviewer', 'carol')")
            alice.execute("CREATE TEMP TABLE assignments (reviewer text, statement_id text)")
            alice.execute("INSERT INTO assignments VALUES ('carol', %s)", (team.others[0],))
            assert "row-level security" in _refused(alice, add, (team.others[0],))
            assert "permission denied" in _refused(alice, f'SET ROLE "carol_{team.database}"')
    finally:
        with team.sql("owner") as owner:
            owner.execute(f'DROP ROLE "carol_{team.database}"')


def test_a_reviewer_cannot_forge_the_edit_log(team):
    """An edit-log entry is what undo replays: a reviewer's may name only their own labels
    and the derived columns of their statements."""
    log = (
        "INSERT INTO edits (time, actor, action, summary, changes) "
        "VALUES ('2026-12-07', %s, %s, 'x', %s)"
    )
    speaker = {"table": "speakers", "key": ["s1"], "before": None, "after": {"id": "s1"}}
    statement_text = {
        "table": "statements",
        "key": [team.assigned[0]],
        "before": {"id": team.assigned[0], "text": "a", "label": None},
        "after": {"id": team.assigned[0], "text": "b", "label": None},
    }
    own_label = {
        "table": "annotations",
        "key": [team.assigned[0], "alice", 0],
        "before": None,
        "after": {"label": "neutral"},
    }
    derived = {
        "table": "statements",
        "key": [team.assigned[0]],
        "before": {"id": team.assigned[0], "text": "a", "label": None},
        "after": {"id": team.assigned[0], "text": "a", "label": "neutral"},
    }
    others_label = {**own_label, "key": [team.others[0], "alice", 0]}
    with team.sql("alice") as alice:
        for changes, actor, action in (
            ([speaker], "alice", "set-stance"),
            ([statement_text], "alice", "set-stance"),
            ([others_label], "alice", "set-stance"),
            ([own_label], "bob", "set-stance"),
            ([own_label], "alice", "merge-speakers"),
        ):
            assert "row-level security" in _refused(
                alice, log, (actor, action, json.dumps(changes))
            )
        alice.execute(log, ("alice", "set-stance", json.dumps([own_label, derived])))
        assert alice.execute("SELECT count(*) FROM edits").fetchone()[0] == 1  # her own only


def test_a_reviewer_through_argmap_labels_their_statements_and_nothing_else(team):
    with Workspace(team.url("alice")) as alice:
        stored = alice.set_stance(team.assigned[1], "neutral", annotator="alice", note="n")
        assert stored.label == "neutral"
        with pytest.raises(AccessRefused, match="refused by the database"):
            alice.set_stance(team.others[0], "neutral", annotator="alice")
        with pytest.raises(AccessRefused):
            alice.set_stance(team.assigned[1], "neutral", annotator="carol")
        with pytest.raises(AccessRefused):
            alice.reattribute(team.assigned[1], None, actor="alice")
        alice.clear_stance(team.assigned[1], annotator="alice")
    with Workspace(team.url("owner")) as owner:
        log = [(e.actor, e.action) for e in owner.edits(10)]
        assert log[:2] == [("alice", "clear-stance"), ("alice", "set-stance")]
    with team.sql("owner") as owner_sql:  # her label taken back: the suggestion again
        source = owner_sql.execute(
            "SELECT label_source FROM statements WHERE id = %s", (team.assigned[1],)
        ).fetchone()[0]
    assert source == "suggestion"


def test_an_analyst_edits_everything_and_a_login_without_a_grant_reads_nothing(team):
    with Workspace(team.url("bob")) as bob:
        bob.set_stance(team.others[0], "neutral", annotator="bob")
        bob.adjudicate(team.assigned[0], "neutral", annotator="bob")
        bob.reattribute(team.others[1], None, actor="bob")
        claim = bob.add_claim("The alliance needs a joint command", actor="bob")
        assert bob.claim(claim.id).text.startswith("The alliance")
        bob.undo(actor="bob")
        with pytest.raises(AccessRefused, match="owner"):  # the roles are the owner's
            bob.grant(team.names["mallory"], "reviewer")
    with pytest.raises(WorkspaceError, match="permission denied for database"):
        Workspace(team.url("mallory")).statements(limit=1)  # not even a connection


def test_the_server_saves_answers_as_the_reviewers_role(team, monkeypatch):
    """Even if the server's own check failed (here: told every statement is assigned), the
    database refuses an answer outside the reviewer's assignment."""
    from argmap.web.app import Settings, create_app
    from argmap.web.tokens import issue_link
    from tests.web.helpers import answer, client, page_of

    with Workspace(team.url("owner")) as owner:
        link = issue_link(owner, "alice", days=1, base_url=None)
    app = create_app(Settings(target=team.url("owner")))
    browser = client(app)
    assert browser.get(urlsplit(link.url).path).status_code == 303
    _, csrf = page_of(browser, team.assigned[0])
    assert answer(browser, csrf, team.assigned[0], "neutral").status_code == 200
    real = Workspace.assigned_item
    monkeypatch.setattr(
        Workspace,
        "assigned_item",
        lambda self, reviewer, sid: real(self, reviewer, team.assigned[0]),
    )
    refused = answer(browser, csrf, team.others[0], "neutral")
    assert refused.status_code == 403, refused.text
    with team.sql("owner") as owner_sql:
        rows = owner_sql.execute(
            "SELECT statement_id FROM annotations WHERE annotator = 'alice'"
        ).fetchall()
    assert rows == [(team.assigned[0],)]


def test_the_roles_commands(team, capsys):
    url = team.url("owner")
    status, out, err = run_cli(capsys, "workspace", "roles", "-w", url)
    assert status == 0, err
    assert f"reviewer  {team.names['alice']} (labels as alice)" in out
    assert f"analyst   {team.names['bob']}" in out
    status, out, err = run_cli(
        capsys, "workspace", "grant", "reviewer", "dora_" + team.database, "--as", "dora",
        "-w", url,
    )  # fmt: skip
    assert status == 0, err
    assert "made without login" in out and "as dora" in out
    with Workspace(url) as owner:
        assert owner.reviewer_role("dora") == "dora_" + team.database
        assert "dora" in owner.web_reviewers()
    status, out, err = run_cli(capsys, "workspace", "revoke", team.names["alice"], "-w", url)
    assert status == 0 and "no longer a reviewer" in out
    with pytest.raises(psycopg.OperationalError, match="CONNECT privilege"):
        team.sql("alice")  # the database forgets her at once: she may not even connect
    status, out, err = run_cli(capsys, "workspace", "revoke", team.names["alice"], "-w", url)
    assert status == 1 and "holds no role" in err and len(err.strip().splitlines()) == 1
    _role(team.server, f'DROP ROLE "dora_{team.database}"')


def test_roles_on_an_sqlite_workspace_are_refused_in_one_line(workspace_file, capsys):
    status, _, err = run_cli(
        capsys, "workspace", "grant", "analyst", "bob", "-w", str(workspace_file)
    )
    assert status == 1
    assert "roles are for a workspace on PostgreSQL" in err
    assert len(err.strip().splitlines()) == 1


_LABELS = ("pro-integration", "sovereignty-concern", "neutral")
_ANNOTATIONS = st.lists(
    st.tuples(
        st.sampled_from(("alice", "bob", "carol")),
        st.integers(0, 1),
        st.sampled_from(_LABELS),
        st.sampled_from(("2026-12-07T10:00:00", "2026-12-07T11:00:00", "2026-12-07T12:00:00")),
    ),
    max_size=6,
    unique_by=lambda a: (a[0], a[1]),
)


@pytest.fixture(scope="module")
def label_workspace(request):
    """A seed workspace on PostgreSQL for the derived-label comparison (one per module)."""
    server = request.getfixturevalue("postgres_server")
    url = create_database(server, "roles_derived_labels")
    workspace = seed_workspace(url)
    yield workspace
    workspace.close()
    drop_database(server, "roles_derived_labels")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(annotations=_ANNOTATIONS, suggested=st.booleans())
def test_the_database_derives_a_label_as_argmap_does(label_workspace, annotations, suggested):
    """``argmap_refresh_label`` (SQL, PostgreSQL) and ``derive_label`` (Python, SQLite) give
    the same label, source and review state for any annotations, ties in time included."""
    conn = label_workspace.conn
    sid = label_workspace.statements(limit=1)[0].id
    conn.execute("BEGIN")
    try:
        conn.execute("DELETE FROM annotations WHERE statement_id = ?", (sid,))
        if not suggested:
            conn.execute("DELETE FROM suggestions WHERE statement_id = ?", (sid,))
        for annotator, adjudicated, label, time in annotations:
            conn.execute(
                "INSERT INTO annotations (statement_id, annotator, adjudicated, label, time) "
                "VALUES (?, ?, ?, ?, ?)",
                (sid, annotator, adjudicated, label, time),
            )
        conn.execute("SELECT argmap_refresh_label(?)", (sid,))
        suggestion = conn.execute(
            "SELECT label FROM suggestions WHERE statement_id = ?", (sid,)
        ).fetchone()
        got = conn.execute(
            "SELECT label, label_source, review FROM statements WHERE id = ?", (sid,)
        ).fetchone()
    finally:
        conn.execute("ROLLBACK")
    ordered = sorted(annotations, key=lambda a: (a[0], a[1]))
    assert tuple(got) == derive_label(ordered, suggestion[0] if suggestion else None)
