"""Attacks on the workspace's roles through SQL: what a reviewer's or an analyst's login could
do past what the roles guide says, each refused by the database.

The ``team`` fixture (tests/pg/test_roles.py): an owner who is not a superuser, alice a
reviewer with three statements, bob an analyst; carol is a reviewer name without a role.
"""

import contextlib
import json

import pytest

from argmap.store import Workspace
from tests.pg.test_roles import _refused, team  # noqa: F401 (the fixture)


def _annotation(conn, statement: str, annotator: str, adjudicated: int):
    return conn.execute(
        "SELECT label FROM annotations WHERE statement_id = %s AND annotator = %s "
        "AND adjudicated = %s",
        (statement, annotator, adjudicated),
    ).fetchone()


def _forged_entry(mine: str, elsewhere: str) -> dict:
    """An edit-log change whose key names alice's own label on ``mine`` but whose row is an
    adjudication of carol's on ``elsewhere``: what undoing its creation would put back."""
    return {
        "table": "annotations",
        "key": [mine, "alice", 0],
        "before": {
            "statement_id": elsewhere,
            "annotator": "carol",
            "adjudicated": 1,
            "label": "against",
            "note": "",
            "time": "2026-12-07T10:00:00+00:00",
        },
        "after": None,
    }


def test_a_reviewer_cannot_log_an_entry_whose_undo_writes_anothers_label(team):  # noqa: F811
    """Undo writes an entry's rows as they are logged, so a reviewer's entry whose key names
    her own label but whose row names another statement, annotator or an adjudication would
    have an analyst's ``argmap undo --anyone`` (or the UI's undo of "alice's edit") write an
    adjudication on any statement."""
    mine, elsewhere = team.assigned[0], team.others[0]
    forged = _forged_entry(mine, elsewhere)
    forged_row = forged["before"]  # undo of "created" puts this row back
    log = (
        "INSERT INTO edits (time, actor, action, summary, changes) "
        "VALUES ('2099-01-01', 'alice', 'set-stance', 'neutral on a statement', %s)"
    )
    with team.sql("alice") as alice:
        for side in ("before", "after"):
            for column, value in (
                ("statement_id", elsewhere),
                ("annotator", "carol"),
                ("adjudicated", 1),
            ):
                row = {**forged_row, "statement_id": mine, "annotator": "alice", "adjudicated": 0}
                row[column] = value
                other = "after" if side == "before" else "before"
                change = {**forged, side: row, other: None}
                assert "row-level security" in _refused(alice, log, (json.dumps([change]),))
        # a key the database cannot compare (a JSON null) passes no check either
        for key in ([mine, None, 0], [mine, "alice", None], [None, "alice", 0]):
            change = {**forged, "key": key}
            assert "row-level security" in _refused(alice, log, (json.dumps([change]),))
    # had it been logged, the analyst's undo would have written the adjudication
    with Workspace(team.url("bob")) as workspace:
        assert workspace.next_edit("undo") is None or workspace.next_edit("undo").actor != "alice"
    with team.sql("owner") as owner:
        assert _annotation(owner, elsewhere, "carol", 1) is None


def test_a_forged_entry_never_gets_an_analysts_undo_to_write_an_adjudication(team):  # noqa: F811
    """The same, end to end: whatever the database lets alice log, bob's undo of it writes no
    adjudication outside her assignment."""
    import psycopg

    mine, elsewhere = team.assigned[0], team.others[0]
    forged = _forged_entry(mine, elsewhere)
    with team.sql("alice") as alice, contextlib.suppress(psycopg.errors.InsufficientPrivilege):
        alice.execute(
            "INSERT INTO edits (time, actor, action, summary, changes) "
            "VALUES ('2099-01-01', 'alice', 'set-stance', 'neutral', %s)",
            (json.dumps([forged]),),
        )
    with Workspace(team.url("bob")) as workspace:
        entry = workspace.next_edit("undo", actor="alice")
        if entry is not None:  # what `argmap undo --anyone` would take
            workspace.undo(edit_id=entry.id)
    with team.sql("owner") as owner:
        assert _annotation(owner, elsewhere, "carol", 1) is None


def test_an_analysts_trigger_never_runs_as_the_owner(team):  # noqa: F811
    """End to end: bob's trigger on statements, fired by argmap_refresh_label (the owner's)
    when alice labels, would grant him the roles table."""
    import psycopg

    with team.sql("bob") as bob:
        bob.execute(
            "CREATE FUNCTION pg_temp.escalate() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN EXECUTE 'GRANT ALL ON workspace_roles TO PUBLIC'; RETURN NULL; END $$"
        )
        with contextlib.suppress(psycopg.errors.InsufficientPrivilege):
            bob.execute(
                "CREATE TRIGGER escalate AFTER UPDATE ON statements "
                "FOR EACH STATEMENT EXECUTE FUNCTION pg_temp.escalate()"
            )
        with team.sql("alice") as alice:
            alice.execute(
                "INSERT INTO annotations (statement_id, annotator, adjudicated, label, time, "
                "note) VALUES (%s, 'alice', 0, 'neutral', '2026-12-07T10:00:00+00:00', '')",
                (team.assigned[0],),
            )
        allowed = bob.execute(
            "SELECT has_table_privilege(current_user, 'workspace_roles', 'INSERT')"
        ).fetchone()[0]
        assert not allowed


@pytest.mark.parametrize("table", ["statements", "annotations", "workspace_roles"])
def test_an_analyst_cannot_put_a_trigger_on_the_workspaces_tables(team, table):  # noqa: F811
    """A trigger runs as whoever fires it: an analyst's trigger on a workspace table would run
    as the owner when the owner (or ``argmap_refresh_label``, which runs as the owner, on any
    reviewer's answer) writes that table, and could grant the analyst the roles table."""
    with team.sql("bob") as bob:
        bob.execute(
            "CREATE FUNCTION pg_temp.escalate() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN EXECUTE 'GRANT ALL ON workspace_roles TO PUBLIC'; RETURN NULL; END $$"
        )
        message = _refused(
            bob,
            f"CREATE TRIGGER escalate AFTER INSERT OR UPDATE OR DELETE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION pg_temp.escalate()",
        )
        assert "permission denied" in message or "must be owner" in message


def test_nobody_but_the_owner_creates_in_the_workspaces_schema(team):  # noqa: F811
    """PostgreSQL before 15 (and a cluster upgraded from one) lets every role create in
    ``public``: a reviewer's function there could stand in for one the owner's queries call
    without a schema. The grants take that away again."""
    from tests.pg.test_roles import _role
    from tests.postgres import database_url

    _role(database_url(team.server, team.database), "GRANT CREATE ON SCHEMA public TO PUBLIC")
    with Workspace(team.url("owner")) as owner:  # the owner's next grant
        owner.grant(team.names["alice"], "reviewer", reviewer="alice")
    for person in ("alice", "bob"):
        with team.sql(person) as conn:
            message = _refused(
                conn,
                "CREATE FUNCTION public.instr(haystack varchar, needle varchar) "
                "RETURNS integer LANGUAGE sql AS 'SELECT 1'",
            )
            assert "permission denied" in message


def test_a_reviewer_cannot_choose_an_edit_log_entrys_id(team):  # noqa: F811
    """An entry of hers with an id past any other would be the log's head from then on: a
    view read later would note that head, and the edits made after it (lower ids) would
    never reach its conflict check, so an edit could silently overwrite another's."""
    own_label = {
        "table": "annotations",
        "key": [team.assigned[0], "alice", 0],
        "before": None,
        "after": {"label": "neutral"},
    }
    with team.sql("alice") as alice:
        message = _refused(
            alice,
            "INSERT INTO edits (id, time, actor, action, summary, changes) "
            "VALUES (9000000000000000000, '2026-12-07', 'alice', 'set-stance', 'x', %s)",
            (json.dumps([own_label]),),
        )
        assert "permission denied" in message
        alice.execute(  # the sequence's id, as argmap logs it
            "INSERT INTO edits (time, actor, action, summary, changes, undoable) "
            "VALUES ('2026-12-07', 'alice', 'set-stance', 'x', %s, 1)",
            (json.dumps([own_label]),),
        )
    with Workspace(team.url("bob")) as workspace:
        assert workspace.log_head() < 9000000000000000000


def test_a_reviewer_labels_only_with_the_codebooks_labels(team):  # noqa: F811
    """argmap refuses a label the codebook lacks; through SQL, one of her own making would
    become the statement's label (she is its only annotator) and a column of the board."""
    mine = team.assigned[0]
    add = (
        "INSERT INTO annotations (statement_id, annotator, adjudicated, label, time, note) "
        "VALUES (%s, 'alice', 0, %s, '2026-12-07T10:00:00+00:00', '')"
    )
    with team.sql("alice") as alice:
        assert "row-level security" in _refused(alice, add, (mine, "[b]anything[/b]"))
        alice.execute(add, (mine, "neutral"))
        assert "row-level security" in _refused(
            alice,
            "UPDATE annotations SET label = 'made-up' WHERE statement_id = %s",
            (mine,),
        )
        alice.execute("UPDATE annotations SET note = 'fine' WHERE statement_id = %s", (mine,))
    with team.sql("owner") as owner:
        label = owner.execute("SELECT label FROM statements WHERE id = %s", (mine,)).fetchone()
        assert label == ("neutral",)


def test_a_connection_lost_as_a_reviewer_is_replaced_by_a_new_one_as_the_login(team):  # noqa: F811
    """The PostgreSQL connection dies while a request works as alice's role (RESET ROLE
    cannot run): the thread's next request gets a new connection, as the server's login,
    rather than the dead one refusing every request from then on."""
    from argmap.store.errors import WorkspaceError
    from argmap.web.app import Settings, create_app

    server = create_app(Settings(target=team.url("owner"))).state.server
    workspace = server.workspaces.get()  # this thread's
    with pytest.raises(WorkspaceError), workspace.acting_as("alice"):
        assert workspace.conn.execute("SELECT current_user").fetchone()[0] == team.names["alice"]
        with team.sql("owner") as owner:
            owner.execute("SELECT pg_terminate_backend(%s)", (workspace.conn.raw.info.backend_pid,))
        workspace.meta("codebook")
    again = server.workspaces.get()
    assert again is not workspace
    assert again.conn.execute("SELECT current_user").fetchone()[0] == team.names["owner"]
    assert again.meta("schema_version") == "6"
    server.workspaces.close()
