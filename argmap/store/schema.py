"""The workspace's SQLite schema, its version, and migration or refusal of other versions.

The schema version lives in the database's own version number (SQLite's ``PRAGMA
user_version``, read and set through ``Backend``) and, with the workspace id and the
argmap version that created the file, in the ``meta`` table. A file of an
older version is migrated in one transaction (see ``MIGRATIONS``); a newer or
unknown one is refused, never misread.
"""

from __future__ import annotations

import re
import sqlite3
from typing import TYPE_CHECKING

from argmap.store.errors import SchemaError

if TYPE_CHECKING:
    from argmap.store.backend import Connection

SCHEMA_VERSION = 6
APPLICATION_ID = 0x41524D50  # 'ARMP': marks the file as an argmap workspace

#: The board's index and the statement tally with the triggers that keep it (schema 3).
#: ``statement_tally`` holds one row per (speaker, label, review state) with its number of
#: statements ('' for no speaker or no label; rows may fall to 0): every count the first
#: screen shows is read from it instead of from 100,000 index entries.
#: ``statements_board`` orders a speaker's statements of one label as the board lists them
#: (people's labels first, then the least uncertain suggestion, then document order).
BOARD_AND_TALLY = """
CREATE INDEX statements_board ON statements(
    speaker_id, label, (label_source IN ('human', 'adjudicated')) DESC, uncertainty);
CREATE TABLE statement_tally (
    speaker_id TEXT NOT NULL,
    label TEXT NOT NULL,
    review TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (speaker_id, label, review)
) WITHOUT ROWID;
CREATE TRIGGER statement_tally_insert AFTER INSERT ON statements BEGIN
    INSERT INTO statement_tally (speaker_id, label, review, n)
        VALUES (coalesce(NEW.speaker_id, ''), coalesce(NEW.label, ''), NEW.review, 1)
        ON CONFLICT (speaker_id, label, review) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER statement_tally_delete AFTER DELETE ON statements BEGIN
    UPDATE statement_tally SET n = n - 1
        WHERE speaker_id = coalesce(OLD.speaker_id, '') AND label = coalesce(OLD.label, '')
            AND review = OLD.review;
END;
CREATE TRIGGER statement_tally_update AFTER UPDATE OF speaker_id, label, review ON statements
    WHEN OLD.speaker_id IS NOT NEW.speaker_id OR OLD.label IS NOT NEW.label
        OR OLD.review IS NOT NEW.review
BEGIN
    UPDATE statement_tally SET n = n - 1
        WHERE speaker_id = coalesce(OLD.speaker_id, '') AND label = coalesce(OLD.label, '')
            AND review = OLD.review;
    INSERT INTO statement_tally (speaker_id, label, review, n)
        VALUES (coalesce(NEW.speaker_id, ''), coalesce(NEW.label, ''), NEW.review, 1)
        ON CONFLICT (speaker_id, label, review) DO UPDATE SET n = n + 1;
END;
"""

#: Where and when each document appeared (schema 4): one row per document that has any,
#: ``published`` an ISO 8601 date or time in the outlet's own zone, so that its text orders
#: by the day of publication (a range of days is a range of the index), ``authors`` a JSON
#: list, ``set_by_hand`` the JSON list of fields people set (``argmap document set``), which
#: adding the document again leaves alone.
DOCUMENT_METADATA = """
CREATE TABLE document_metadata (
    document TEXT PRIMARY KEY REFERENCES documents(id),
    title TEXT,
    outlet TEXT,
    authors TEXT NOT NULL DEFAULT '[]',
    published TEXT,
    url TEXT,
    language TEXT,
    set_by_hand TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX document_metadata_outlet ON document_metadata(outlet, published);
CREATE INDEX document_metadata_published ON document_metadata(published);
"""

#: Reviewers in a browser (schema 5): what ``argmap assign --web`` hands out and the links it
#: prints. ``web_reviewers`` names each reviewer once; ``assignments`` holds a reviewer's
#: statements in hand-out order (``position``), each blind (no suggestion shown) or not;
#: a statement deleted later stays listed and the page passes over it (no foreign key, so
#: deleting it is never refused). ``web_tokens`` holds each link's id and the SHA-256 of its
#: secret, never the secret; when it expires; when it was revoked (NULL: not).
WEB_TABLES = """
CREATE TABLE IF NOT EXISTS web_reviewers (
    name TEXT PRIMARY KEY,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS assignments (
    reviewer TEXT NOT NULL REFERENCES web_reviewers(name),
    statement_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    blind INTEGER NOT NULL DEFAULT 0,
    assigned_at TEXT NOT NULL,
    PRIMARY KEY (reviewer, statement_id)
);
CREATE INDEX IF NOT EXISTS assignments_statement ON assignments(statement_id);
CREATE TABLE IF NOT EXISTS web_tokens (
    id TEXT PRIMARY KEY,
    secret_sha256 TEXT NOT NULL,
    reviewer TEXT NOT NULL REFERENCES web_reviewers(name),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE INDEX IF NOT EXISTS web_tokens_reviewer ON web_tokens(reviewer);
"""

#: What a team shares through the workspace (schema 6). ``web_sessions``: the signed-in
#: browsers of ``argmap serve`` (a reviewer through a link of ``web_tokens``, or an analyst
#: through a link of ``web_analyst_links``), each with the SHA-256 of its secret, never the
#: secret, so a restarted server (or a second one) knows the same cookie and a copy of the
#: workspace signs no one in. ``web_analyst_links``: each adjudicator's link, its secret
#: likewise kept as a hash. ``learned_model``: the learned stance model of a workspace on
#: PostgreSQL (one row: ``meta.json``'s text and the labelled statements as JSON lines),
#: shared by every analyst of the workspace; a workspace file keeps its model in a folder
#: beside it and leaves this table empty.
TEAM_TABLES = """
CREATE TABLE IF NOT EXISTS web_sessions (
    id TEXT PRIMARY KEY,
    secret_sha256 TEXT NOT NULL,
    role TEXT NOT NULL,                  -- reviewer | analyst
    name TEXT NOT NULL,                  -- the reviewer's (the adjudicator's) name
    link_id TEXT NOT NULL,               -- web_tokens.id or web_analyst_links.id
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS web_sessions_link ON web_sessions(link_id);
CREATE INDEX IF NOT EXISTS web_sessions_expires ON web_sessions(expires_at);
CREATE TABLE IF NOT EXISTS web_analyst_links (
    id TEXT PRIMARY KEY,
    secret_sha256 TEXT NOT NULL,
    analyst TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS learned_model (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    meta TEXT NOT NULL,                  -- meta.json
    labels TEXT NOT NULL,                -- labels.jsonl
    trained_by TEXT NOT NULL,
    trained_at TEXT NOT NULL
);
"""

DDL = (
    """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE documents (
    seq INTEGER PRIMARY KEY,            -- order of adding
    id TEXT NOT NULL UNIQUE,            -- Document.id, the hash of its text
    name TEXT NOT NULL,
    source_path TEXT,
    text TEXT NOT NULL,
    added_at TEXT NOT NULL
);
CREATE INDEX documents_source ON documents(source_path);
CREATE TABLE speakers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    role TEXT,
    affiliation TEXT,
    aliases TEXT NOT NULL DEFAULT '[]'  -- JSON list of names
);
CREATE INDEX speakers_name ON speakers(name COLLATE NOCASE, id);
CREATE TABLE statements (
    seq INTEGER PRIMARY KEY,            -- document order, then text order: the default sort
    id TEXT NOT NULL UNIQUE,
    document TEXT NOT NULL REFERENCES documents(id),
    doc_seq INTEGER NOT NULL,           -- documents.seq: document order without a join
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    parts TEXT NOT NULL DEFAULT '[]',
    cue TEXT NOT NULL DEFAULT '',
    cue_start INTEGER, cue_end INTEGER,
    speaker_mention TEXT,
    speaker_start INTEGER, speaker_end INTEGER,
    speaker_id TEXT REFERENCES speakers(id),
    speaker_role TEXT,
    confidence REAL NOT NULL,
    origin TEXT NOT NULL DEFAULT 'extracted',   -- extracted | manual
    label TEXT,                          -- the current stance (derived, kept for filtering)
    label_source TEXT,                   -- adjudicated | human | suggestion | NULL
    -- review: unlabelled | suggested | labelled | disputed | adjudicated
    review TEXT NOT NULL DEFAULT 'unlabelled',
    suggestion_score REAL,               -- the suggestion's score
    uncertainty REAL                     -- the suggestion's uncertainty (argmap.stance.uncertainty)
);
CREATE INDEX statements_document ON statements(document, start);
CREATE INDEX statements_order ON statements(doc_seq, start);
CREATE INDEX statements_by_speaker ON statements(speaker_id, doc_seq, start);
CREATE INDEX statements_label ON statements(label, doc_seq, start);
CREATE INDEX statements_review ON statements(review, uncertainty);
"""
    + BOARD_AND_TALLY
    + """
CREATE TABLE suggestions (
    statement_id TEXT PRIMARY KEY REFERENCES statements(id),
    label TEXT NOT NULL,
    score REAL NOT NULL,
    uncertainty REAL NOT NULL DEFAULT 0,
    data TEXT NOT NULL                   -- the Suggestion as JSON
);
CREATE TABLE annotations (
    statement_id TEXT NOT NULL REFERENCES statements(id),
    annotator TEXT NOT NULL,
    adjudicated INTEGER NOT NULL DEFAULT 0,
    label TEXT NOT NULL,
    time TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (statement_id, annotator, adjudicated)
);
CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,                  -- position | claim
    text TEXT NOT NULL,
    parent_id TEXT REFERENCES claims(id),
    label TEXT,                          -- the stance label the claim stands for, if any
    statement_id TEXT,                   -- the statement it was promoted from, if any
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX claims_parent ON claims(parent_id);
CREATE TABLE relations (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,                  -- supports | attacks | rebuts | restates
    source_type TEXT NOT NULL,           -- statement | claim
    source_id TEXT NOT NULL,
    target_type TEXT NOT NULL,
    target_id TEXT NOT NULL,
    status TEXT NOT NULL,                -- accepted | suggested | rejected
    score REAL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (kind, source_id, target_id)
);
CREATE INDEX relations_source ON relations(source_id);
CREATE INDEX relations_target ON relations(target_id);
CREATE TABLE edits (
    id INTEGER PRIMARY KEY,
    time TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    summary TEXT NOT NULL,
    changes TEXT NOT NULL,               -- JSON list of {table, key, before, after}
    undoable INTEGER NOT NULL DEFAULT 1,
    state TEXT NOT NULL DEFAULT 'done'   -- done | undone | discarded (undone, then a new edit)
);
CREATE INDEX edits_state ON edits(undoable, state);
"""
    + DOCUMENT_METADATA
    + WEB_TABLES
    + TEAM_TABLES
)

# Each entry migrates the schema from version N to N + 1 (SQL run in one transaction).
MIGRATIONS: dict[int, str] = {
    # 2: suggestions' uncertainty (1 - the margin between the two best scores), kept on
    # statements for the review queue's order; indexes that serve the UI's lists.
    1: """
    ALTER TABLE suggestions ADD COLUMN uncertainty REAL NOT NULL DEFAULT 0;
    UPDATE suggestions SET uncertainty = min(1.0, max(0.0, 1.0 - (
        coalesce((SELECT value FROM json_each(data, '$.scores')
                  ORDER BY value DESC LIMIT 1), score)
        - coalesce((SELECT value FROM json_each(data, '$.scores')
                    ORDER BY value DESC LIMIT 1 OFFSET 1), 0.0))));
    ALTER TABLE statements ADD COLUMN uncertainty REAL;
    UPDATE statements SET uncertainty =
        (SELECT uncertainty FROM suggestions WHERE statement_id = statements.id);
    DROP INDEX IF EXISTS statements_speaker;
    CREATE INDEX statements_speaker ON statements(speaker_id, label);
CREATE INDEX statements_by_speaker ON statements(speaker_id, doc_seq, start);
    DROP INDEX IF EXISTS statements_label;
    CREATE INDEX statements_label ON statements(label, doc_seq, start);
    DROP INDEX IF EXISTS statements_review;
    CREATE INDEX statements_review ON statements(review, uncertainty);
    DROP INDEX IF EXISTS statements_by_speaker;
    CREATE INDEX statements_by_speaker ON statements(speaker_id, doc_seq, start);
    DROP INDEX IF EXISTS speakers_name;
    CREATE INDEX speakers_name ON speakers(name COLLATE NOCASE, id)
    """,
    # 3: what the UI's first screen reads, small enough to read cold: statement counts by
    # speaker, label and review state kept by triggers (statement_tally), the board's
    # strongest statements per speaker and label straight from an index, the status
    # line's count of undoable edits from an index.
    2: """
    DROP INDEX IF EXISTS statements_speaker;
    """
    + BOARD_AND_TALLY
    + """
    INSERT INTO statement_tally (speaker_id, label, review, n)
        SELECT coalesce(speaker_id, ''), coalesce(label, ''), review, count(*)
        FROM statements GROUP BY 1, 2, 3;
    CREATE INDEX IF NOT EXISTS edits_state ON edits(undoable, state);
    """,
    # 4: documents' metadata (title, outlet, authors, date, URL, language); documents added
    # before have none until they are added again or set by hand.
    3: DOCUMENT_METADATA,
    # 5: reviewers in a browser: their assignments and the links' tokens.
    4: WEB_TABLES,
    # 6: a team's workspace: the web server's sessions and the analysts' links kept in the
    # workspace (they outlive a restart), the learned model of a workspace on PostgreSQL.
    5: TEAM_TABLES,
}


def create(conn: Connection) -> None:
    """Create the schema in an empty database (inside the caller's transaction)."""
    for statement in _split(DDL):
        conn.execute(statement)
    conn.backend.set_schema_version(conn, SCHEMA_VERSION)
    conn.backend.set_application_id(conn, APPLICATION_ID)


def check(conn: Connection, path: str) -> None:
    """Migrate an older workspace or refuse one this version cannot read."""
    backend = conn.backend
    version = backend.schema_version(conn)
    app = backend.application_id(conn)
    if app != APPLICATION_ID:
        raise SchemaError(f"{path}: not an argmap workspace")
    if version == SCHEMA_VERSION:
        return
    if version > SCHEMA_VERSION:
        raise SchemaError(
            f"{path}: workspace schema version {version} is newer than this argmap "
            f"(reads version {SCHEMA_VERSION}); upgrade argmap to open it"
        )
    if any(v not in MIGRATIONS for v in range(version, SCHEMA_VERSION)):
        raise SchemaError(
            f"{path}: workspace schema version {version} cannot be migrated to {SCHEMA_VERSION}"
        )
    backend.begin_write(conn)
    try:
        # another process may have migrated it meanwhile
        version = backend.schema_version(conn)
        for v in range(version, SCHEMA_VERSION):
            for statement in _split(MIGRATIONS[v]):
                conn.execute(_spelled(backend, statement))
            backend.after_migration(conn, v)
        backend.set_schema_version(conn, SCHEMA_VERSION)
        conn.execute(
            "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),)
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def for_postgresql(sql: str) -> str:
    """This module's DDL as PostgreSQL's: text columns compare byte by byte (``COLLATE "C"``),
    as SQLite's do."""
    return re.sub(r"\bTEXT\b", 'text COLLATE "C"', sql)


def _spelled(backend, statement: str) -> str:
    """A migration's statement as ``backend`` reads it."""
    return for_postgresql(statement) if backend.name == "PostgreSQL" else statement


def _split(script: str) -> list[str]:
    """The statements of a script of DDL, comments removed (a trigger's body stays whole)."""
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    statements, pending = [], ""
    for part in "\n".join(lines).split(";"):
        pending += part + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                statements.append(pending.strip())
            pending = ""
    if pending.strip(" \n;"):
        raise ValueError(f"incomplete SQL statement: {pending.strip()[:60]}")
    return statements
