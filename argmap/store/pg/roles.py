"""Who may do what in a workspace on PostgreSQL, enforced by the database itself.

Analysts edit everything; reviewers add their own labels and notes to the statements
assigned to them, and nothing else. Each workspace (one database) has two group roles,
``<database>_argmap_analysts`` and ``<database>_argmap_reviewers``; ``grant`` makes a
server role (a login, or a role without login for a reviewer who works in a browser) a
member of one, and ``workspace_roles`` records which reviewer name a reviewer's role is.

What a reviewer's role may do, granted table by table and limited row by row (row-level
security):

- read the map (documents, statements, speakers, claims, links, suggestions), its own
  annotations and assignments, and its own edit-log entries; not other people's labels,
  not the links' tokens, nor the web server's sessions, the analysts' links or the learned
  stance model (which holds everyone's labels): ``argmap serve`` reads those as its own
  login, taking the reviewer's role only to read an item and save an answer;
- insert, change and remove annotations that are its own (``annotator`` is its reviewer
  name), not adjudications, on statements assigned to it, labelled with one of the
  codebook's labels (as ``set_stance`` checks: a label of its own making would become the
  statement's label and a column of the board);
- log those edits (an edit-log entry of its own whose rows are only those annotations and
  the derived label columns of those statements: an entry's key and each row it would put
  back name the same statement, the reviewer and no adjudication, and a condition the
  database cannot decide, such as a JSON null in a key, refuses it, since an analyst's
  ``argmap undo --anyone`` writes the rows as logged; its id always the sequence's, since
  one past every other id would be the log's head for good and hide later edits from the
  conflict check) and end its own redo list.

A statement's derived label moves through ``argmap_refresh_label`` (``argmap.store.pg.schema``),
which runs as the owner. Every function a policy calls has its search path fixed to the
workspace's schema and then ``pg_temp``, so a temporary table cannot stand in for a
workspace table. Analysts get no TRIGGER (nor REFERENCES, TRUNCATE) on any table: a
trigger runs as whoever fires it, so an analyst's trigger (its function even in
``pg_temp``) would run as the owner whenever the owner, or ``argmap_refresh_label`` on a
reviewer's answer, wrote that table. Nobody but the owner creates objects in the
workspace's schema (PostgreSQL before 15 let everyone create in ``public``): a function
of a reviewer's there could outbid one the owner's queries call unqualified. Making the
roles, grants and policies needs the workspace's owner with CREATEROLE (or a superuser);
superusers and the owner are not limited (PostgreSQL's rule).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from argmap.store.errors import AccessRefused, WorkspaceError
from argmap.store.pg.schema import label_functions, quoted

if TYPE_CHECKING:
    from argmap.store.backend import Connection

#: The kinds of member a workspace's roles can be.
KINDS = ("analyst", "reviewer")
#: PostgreSQL's longest identifier, in bytes.
NAME_LIMIT = 63

#: What a reviewer's role may read.
REVIEWER_READS = (
    "meta",
    "documents",
    "document_metadata",
    "speakers",
    "statements",
    "statement_tally",
    "suggestions",
    "annotations",
    "claims",
    "relations",
    "edits",
    "web_reviewers",
    "assignments",
    "workspace_marks",
    "change_counter",
    "workspace_roles",
)
#: The derived columns of a statement a reviewer's edit may change (through
#: ``argmap_refresh_label``): an edit-log entry of a reviewer may show them changed.
DERIVED = ("label", "label_source", "review", "suggestion_score", "uncertainty")

_FUNCTIONS = """
CREATE TABLE IF NOT EXISTS workspace_roles (
    role text COLLATE "C" PRIMARY KEY,
    kind text COLLATE "C" NOT NULL,
    reviewer text COLLATE "C"
);
CREATE OR REPLACE FUNCTION argmap_reviewer() RETURNS text LANGUAGE sql STABLE
    SET search_path = {schema}, pg_temp AS $body$
    SELECT reviewer FROM workspace_roles
        WHERE role = CAST(current_user AS text) AND kind = 'reviewer'
$body$;
CREATE OR REPLACE FUNCTION argmap_assigned(statement text) RETURNS boolean LANGUAGE sql STABLE
    SET search_path = {schema}, pg_temp AS $body$
    SELECT EXISTS (SELECT 1 FROM assignments
        WHERE reviewer = argmap_reviewer() AND statement_id = statement)
$body$;
CREATE OR REPLACE FUNCTION argmap_own_row(row_ jsonb, key jsonb) RETURNS boolean
    LANGUAGE sql IMMUTABLE SET search_path = {schema}, pg_temp AS $body$
    SELECT coalesce(jsonb_typeof(row_) = 'null' OR (jsonb_typeof(row_) = 'object'
        AND coalesce(row_ ->> 'statement_id', key ->> 0) = key ->> 0
        AND coalesce(row_ ->> 'annotator', key ->> 1) = key ->> 1
        AND coalesce(row_ ->> 'adjudicated', '0') = '0'), false)
$body$;
CREATE OR REPLACE FUNCTION argmap_known_label(label text) RETURNS boolean
    LANGUAGE sql STABLE SET search_path = {schema}, pg_temp AS $body$
    SELECT EXISTS (SELECT 1 FROM meta,
            jsonb_array_elements(CAST(meta.value AS jsonb) -> 'labels') AS known(entry)
        WHERE meta.key = 'codebook' AND known.entry ->> 'id' = label)
$body$;
CREATE OR REPLACE FUNCTION argmap_reviewer_may_log(changes text) RETURNS boolean
    LANGUAGE sql STABLE SET search_path = {schema}, pg_temp AS $body$
    SELECT NOT EXISTS (
        SELECT 1 FROM jsonb_array_elements(CAST(changes AS jsonb)) AS c(change)
        WHERE NOT coalesce(CASE
            WHEN c.change ->> 'table' = 'annotations' THEN
                c.change -> 'key' ->> 1 = argmap_reviewer()
                AND c.change -> 'key' ->> 2 = '0'
                AND argmap_assigned(c.change -> 'key' ->> 0)
                AND argmap_own_row(c.change -> 'before', c.change -> 'key')
                AND argmap_own_row(c.change -> 'after', c.change -> 'key')
            WHEN c.change ->> 'table' = 'statements'
                AND jsonb_typeof(c.change -> 'before') = 'object'
                AND jsonb_typeof(c.change -> 'after') = 'object' THEN
                argmap_assigned(c.change -> 'key' ->> 0)
                AND (c.change -> 'before') - CAST({derived} AS text[])
                    = (c.change -> 'after') - CAST({derived} AS text[])
            ELSE false
        END, false))
$body$
"""

_GRANTS = """
REVOKE CREATE ON SCHEMA {schema} FROM PUBLIC;
GRANT USAGE ON SCHEMA {schema} TO {analysts}, {reviewers};
REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {analysts};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {analysts};
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON workspace_roles FROM {analysts};
GRANT ALL ON ALL SEQUENCES IN SCHEMA {schema} TO {analysts};
REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {reviewers};
GRANT SELECT ON {reviewer_reads} TO {reviewers};
GRANT INSERT, UPDATE, DELETE ON annotations TO {reviewers};
GRANT INSERT (time, actor, action, summary, changes, undoable, state) ON edits TO {reviewers};
GRANT UPDATE (state) ON edits TO {reviewers};
GRANT UPDATE (n) ON change_counter TO {reviewers};
ALTER TABLE annotations ENABLE ROW LEVEL SECURITY;
ALTER TABLE edits ENABLE ROW LEVEL SECURITY;
ALTER TABLE assignments ENABLE ROW LEVEL SECURITY;
CREATE POLICY argmap_analysts ON annotations TO {analysts} USING (true) WITH CHECK (true);
CREATE POLICY argmap_analysts ON edits TO {analysts} USING (true) WITH CHECK (true);
CREATE POLICY argmap_analysts ON assignments TO {analysts} USING (true) WITH CHECK (true);
CREATE POLICY argmap_reviewer_reads ON annotations FOR SELECT TO {reviewers}
    USING (annotator = argmap_reviewer());
CREATE POLICY argmap_reviewer_adds ON annotations FOR INSERT TO {reviewers}
    WITH CHECK ({own_label} AND argmap_known_label(label));
CREATE POLICY argmap_reviewer_changes ON annotations FOR UPDATE TO {reviewers}
    USING ({own_label}) WITH CHECK ({own_label} AND argmap_known_label(label));
CREATE POLICY argmap_reviewer_removes ON annotations FOR DELETE TO {reviewers}
    USING ({own_label});
CREATE POLICY argmap_reviewer_reads ON edits FOR SELECT TO {reviewers}
    USING (actor = argmap_reviewer());
CREATE POLICY argmap_reviewer_logs ON edits FOR INSERT TO {reviewers}
    WITH CHECK (actor = argmap_reviewer() AND undoable = 1 AND state = 'done'
        AND action IN ('set-stance', 'clear-stance') AND argmap_reviewer_may_log(changes));
CREATE POLICY argmap_reviewer_discards ON edits FOR UPDATE TO {reviewers}
    USING (actor = argmap_reviewer()) WITH CHECK (actor = argmap_reviewer()
        AND state = 'discarded');
CREATE POLICY argmap_reviewer_reads ON assignments FOR SELECT TO {reviewers}
    USING (reviewer = argmap_reviewer());
REVOKE ALL ON FUNCTION argmap_refresh_label(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION argmap_refresh_label(text) TO {analysts}, {reviewers}
"""

#: A reviewer's own label on a statement assigned to it (not an adjudication).
_OWN_LABEL = "adjudicated = 0 AND annotator = argmap_reviewer() AND argmap_assigned(statement_id)"


@dataclass(frozen=True)
class RoleGrant:
    """A server role's place in the workspace: ``analyst`` or ``reviewer`` (with the
    reviewer name its labels carry)."""

    role: str
    kind: str
    reviewer: str | None = None


@dataclass(frozen=True)
class Granted:
    """What ``grant`` did: the role, whether it was created (without login), and whether the
    role running argmap may act as it (which ``argmap serve`` needs for a reviewer)."""

    role: str
    created: bool
    usable_by_server: bool


def group_roles(conn: Connection) -> dict[str, str]:
    """The workspace's two group roles, ``{"analyst": ..., "reviewer": ...}``: the database's
    name and ``_argmap_analysts`` / ``_argmap_reviewers``, cut to PostgreSQL's 63 bytes."""
    database = conn.execute("SELECT current_database()").fetchone()[0]
    out = {}
    for kind in KINDS:
        suffix = f"_argmap_{kind}s"
        stem = database.encode()[: NAME_LIMIT - len(suffix)].decode(errors="ignore")
        out[kind] = stem + suffix
    return out


def is_secured(conn: Connection) -> bool:
    """Whether the workspace's roles exist: its reviewers then work only through their roles."""
    found = conn.execute("SELECT to_regclass('workspace_roles')").fetchone()
    if found is None or found[0] is None:
        return False
    groups = group_roles(conn)
    row = conn.execute(
        "SELECT count(*) FROM pg_roles WHERE rolname IN (?, ?)",
        (groups["analyst"], groups["reviewer"]),
    ).fetchone()
    return bool(row[0] == 2)


def secure(conn: Connection) -> dict[str, str]:
    """Make (or bring up to date) the group roles, grants, policies and functions; inside the
    caller's transaction. ``AccessRefused`` naming what is missing when the role running it
    may not."""
    schema = conn.execute("SELECT current_schema()").fetchone()[0]
    owner, may_create_roles = conn.execute(
        "SELECT pg_get_userbyid(c.relowner), r.rolcreaterole OR r.rolsuper "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, pg_roles r "
        "WHERE c.relname = 'statements' AND n.nspname = current_schema() "
        "AND r.rolname = current_user"
    ).fetchone()
    me = conn.execute("SELECT current_user").fetchone()[0]
    if owner != me and not _is_superuser(conn):
        raise AccessRefused(
            f"{_where(conn)}: only the workspace's owner ({owner}) can set up its roles; "
            f"you are {me}"
        )
    groups = group_roles(conn)
    for kind, name in groups.items():
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = ?", (name,)).fetchone()
        if exists:
            continue
        if not may_create_roles:
            raise AccessRefused(
                f"{_where(conn)}: making the workspace's {kind}s' role {name} needs CREATEROLE: "
                f"a database administrator runs ALTER ROLE {quoted(me)} CREATEROLE"
            )
        conn.execute(f"CREATE ROLE {quoted(name)} NOLOGIN")
    names = {
        "schema": quoted(schema),
        "analysts": quoted(groups["analyst"]),
        "reviewers": quoted(groups["reviewer"]),
        "reviewer_reads": ", ".join(REVIEWER_READS),
        "derived": "ARRAY[" + ", ".join(f"'{c}'" for c in DERIVED) + "]",
        "own_label": _OWN_LABEL,
    }
    for statement in label_functions(schema):  # a workspace made before they existed
        conn.execute(statement)
    for table, policy in conn.execute(  # made again below, as this version writes them
        "SELECT tablename, policyname FROM pg_policies "
        "WHERE schemaname = current_schema() AND policyname LIKE 'argmap!_%' ESCAPE '!'"
    ).fetchall():
        conn.execute(f"DROP POLICY {quoted(policy)} ON {quoted(table)}")
    for statement in _statements(_FUNCTIONS.format(**names)):
        conn.execute(statement)
    for statement in _statements(_GRANTS.format(**names)):
        conn.execute(statement)
    sequence = conn.execute("SELECT pg_get_serial_sequence('edits', 'id')").fetchone()[0]
    conn.execute(f"GRANT USAGE ON SEQUENCE {sequence} TO {quoted(groups['reviewer'])}")
    _only_members_connect(conn, groups)
    return groups


def _only_members_connect(conn: Connection, groups: dict[str, str]) -> None:
    """Let only the workspace's analysts and reviewers (and its owner) connect to its
    database: a login without a grant could otherwise hold the writers' advisory lock. Left
    as it is where the database belongs to another role than the one running argmap."""
    database, owns = conn.execute(
        "SELECT current_database(), datdba = (SELECT oid FROM pg_roles "
        "WHERE rolname = current_user) FROM pg_database WHERE datname = current_database()"
    ).fetchone()
    if not owns and not _is_superuser(conn):
        return
    members = ", ".join(quoted(name) for name in groups.values())
    conn.execute(f"REVOKE CONNECT ON DATABASE {quoted(database)} FROM PUBLIC")
    conn.execute(f"GRANT CONNECT ON DATABASE {quoted(database)} TO {members}")


def grant(conn: Connection, role: str, kind: str, reviewer: str | None = None) -> Granted:
    """Make ``role`` one of the workspace's analysts or reviewers (``reviewer``: the name its
    labels carry, default the role's name), inside the caller's transaction (the caller
    lists a new reviewer name in ``web_reviewers``). A reviewer's
    role that does not exist is made without login (for the web pages); an analyst's must
    exist (a login the database administrator made)."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}")
    groups = secure(conn)
    if role in groups.values():
        raise AccessRefused(f"{_where(conn)}: {role} is one of the workspace's own group roles")
    created = False
    found = conn.execute("SELECT rolsuper FROM pg_roles WHERE rolname = ?", (role,)).fetchone()
    if found is None:
        if kind == "analyst":
            raise AccessRefused(
                f"{_where(conn)}: no role {role} on the server: create the analyst's login first "
                f"(createuser {role}), then grant it"
            )
        conn.execute(f"CREATE ROLE {quoted(role)} NOLOGIN")
        created = True
    elif found[0]:
        raise AccessRefused(f"{_where(conn)}: {role} is a superuser: no grant can limit it")
    current = _grant_of(conn, role)
    if current is not None and current.kind != kind:
        conn.execute(f"REVOKE {quoted(groups[current.kind])} FROM {quoted(role)}")
    conn.execute(f"GRANT {quoted(groups[kind])} TO {quoted(role)}")
    name = (reviewer or role) if kind == "reviewer" else None
    conn.execute(
        "INSERT INTO workspace_roles (role, kind, reviewer) VALUES (?, ?, ?) "
        "ON CONFLICT (role) DO UPDATE SET kind = excluded.kind, reviewer = excluded.reviewer",
        (role, kind, name),
    )
    if name is not None:
        _let_me_act_as(conn, role)
    return Granted(role, created, kind == "analyst" or may_act_as(conn, role))


def revoke(conn: Connection, role: str) -> RoleGrant | None:
    """Take ``role`` out of the workspace (its group membership and its reviewer name);
    the role itself stays on the server. Returns what it was, or None."""
    current = _grant_of(conn, role)
    if current is None:
        return None
    groups = group_roles(conn)
    conn.execute(f"REVOKE {quoted(groups[current.kind])} FROM {quoted(role)}")
    conn.execute("DELETE FROM workspace_roles WHERE role = ?", (role,))
    return current


def grants(conn: Connection) -> list[RoleGrant]:
    """The workspace's analysts and reviewers, by kind and role (none before any grant)."""
    found = conn.execute("SELECT to_regclass('workspace_roles')").fetchone()
    if found is None or found[0] is None:
        return []
    rows = conn.execute(
        "SELECT role, kind, reviewer FROM workspace_roles ORDER BY kind, role"
    ).fetchall()
    return [RoleGrant(role, kind, reviewer) for role, kind, reviewer in rows]


def reviewer_role(conn: Connection, reviewer: str) -> str | None:
    """The role a reviewer name works through (the first by name when several), if any."""
    row = conn.execute(
        "SELECT role FROM workspace_roles WHERE kind = 'reviewer' AND reviewer = ? "
        "ORDER BY role LIMIT 1",
        (reviewer,),
    ).fetchone()
    return None if row is None else str(row[0])


def may_act_as(conn: Connection, role: str) -> bool:
    """Whether the role running argmap may ``SET ROLE`` to ``role``."""
    row = conn.execute("SELECT pg_has_role(current_user, ?, 'MEMBER')", (role,)).fetchone()
    return bool(row[0])


def act_as(conn: Connection, role: str | None) -> None:
    """Work as ``role`` from now on (None: as the login again); outside any transaction."""
    if role is None:
        conn.execute("RESET ROLE")
    else:
        conn.execute(f"SET ROLE {quoted(role)}")


def _let_me_act_as(conn: Connection, role: str) -> None:
    """Make the role running argmap a member of ``role``, so ``argmap serve`` run by it can
    save that reviewer's answers as the reviewer; left as it is where it may not."""
    if may_act_as(conn, role):
        return
    conn.execute("SAVEPOINT argmap_membership")
    try:
        conn.execute(f"GRANT {quoted(role)} TO CURRENT_USER")
    except WorkspaceError:  # not allowed: serve says so when it starts
        conn.execute("ROLLBACK TO SAVEPOINT argmap_membership")
    conn.execute("RELEASE SAVEPOINT argmap_membership")


def _where(conn: Connection) -> str:
    """The workspace's name in messages (a ``PgConnection`` knows it)."""
    return str(getattr(conn, "path", "the workspace"))


def _grant_of(conn: Connection, role: str) -> RoleGrant | None:
    row = conn.execute(
        "SELECT role, kind, reviewer FROM workspace_roles WHERE role = ?", (role,)
    ).fetchone()
    return None if row is None else RoleGrant(*row)


def _is_superuser(conn: Connection) -> bool:
    row = conn.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()
    return bool(row and row[0])


def _statements(script: str) -> list[str]:
    """``script``'s statements (split at semicolons outside ``$body$`` quoting)."""
    from argmap.store.pg.schema import split_functions

    return split_functions(script)
