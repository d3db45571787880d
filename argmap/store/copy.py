"""Copying a whole workspace to a new one, between SQLite and PostgreSQL in either direction.

Every table is copied row by row (the reviewers' assignments and browser links too), in the
order that keeps foreign keys and each list's order (documents, speakers, statements, claims
and relations in the order they were added;
the edit log by id, so undo and redo go on working in the copy). The statement tally is not
copied: the new workspace's triggers count it again as the statements go in. Nor are the web
server's sessions and the analysts' adjudication links: a copy signs no one in but the
reviewers through their links (``argmap serve`` on it makes an analyst a new link). Meta
rows are copied except the new workspace's own id and dates; ``copied_from`` records the
source's id. The learned stance model goes along: into the new database's ``learned_model``,
or into the folder beside a new workspace file unless that folder holds a model already
(workspace files in one folder share it; it is left alone and ``CopyReport.model`` says so).
All in one transaction: a failed copy leaves an empty workspace behind, never half of one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice

#: The tables copied, in foreign-key order, with the order their rows are read in. ``rowid``
#: is each row's insertion order (``seq`` on PostgreSQL, read so by the connection).
TABLES: tuple[tuple[str, str], ...] = (
    ("documents", "seq"),
    ("document_metadata", "document"),
    ("speakers", "rowid"),
    ("statements", "seq"),
    ("suggestions", "statement_id"),
    ("annotations", "statement_id, annotator, adjudicated"),
    ("claims", "rowid"),
    ("relations", "rowid"),
    ("edits", "id"),
    ("web_reviewers", "name"),
    ("assignments", "reviewer, position"),
    ("web_tokens", "id"),
)
#: Columns that are each database's own bookkeeping, not the workspace's content.
BOOKKEEPING = {("speakers", "seq"), ("claims", "seq"), ("relations", "seq")}
#: Meta rows that belong to the new workspace, not to the one copied.
OWN_META = {"workspace_id", "created_with", "created_at", "schema_version", "copied_from"}
#: Rows sent to the new workspace at a time.
BATCH = 2000


@dataclass
class CopyReport:
    """What a copy moved: the new workspace's name and the rows of each table."""

    name: str = ""
    rows: dict[str, int] = field(default_factory=dict)
    #: the learned model: 'copied', 'kept' (the one beside the new file left as it was), ''
    model: str = ""


def copy_workspace(source, target: str) -> CopyReport:
    """Copy the open workspace ``source`` into a new workspace at ``target`` (a file or folder
    path, or a PostgreSQL connection string naming an empty database); ``WorkspaceError`` when
    the target exists or is not empty. The source is only read."""
    from argmap.store.workspace import Workspace

    saved = source.saved_model()
    destination = Workspace.init(target)
    report = CopyReport(name=destination.name)
    place = destination.model_place
    try:
        with destination.transaction() as conn:
            destination.backend.defer_foreign_keys(conn)
            for table, order in TABLES:
                report.rows[table] = _copy_table(source.conn, conn, table, order)
                destination.backend.reset_counter(conn, table)
            for key, value in source.conn.execute("SELECT key, value FROM meta ORDER BY key"):
                if key not in OWN_META:
                    conn.execute(
                        "INSERT INTO meta (key, value) VALUES (?, ?) "
                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                        (key, value),
                    )
            conn.execute(
                "INSERT INTO meta (key, value) VALUES ('copied_from', ?)", (source.workspace_id,)
            )
        # once the rows are in: a copy that fails leaves no model beside what it rolled back
        if saved is not None and place.read() is None:
            destination.keep_model(saved)
            report.model = "copied"
        elif saved is not None:
            report.model = "kept"
    except BaseException:
        destination.close()
        raise
    destination.close()
    return report


def _copy_table(source, target, table: str, order: str) -> int:
    cursor = source.execute(f"SELECT * FROM {table} ORDER BY {order}")
    names = [column[0] for column in cursor.description]
    kept = [i for i, name in enumerate(names) if (table, name) not in BOOKKEEPING]
    columns = ", ".join(f'"{names[i]}"' for i in kept)
    insert = f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' for _ in kept)})"
    rows = iter(cursor)
    copied = 0
    while batch := [tuple(row[i] for i in kept) for row in islice(rows, BATCH)]:
        target.executemany(insert, batch)
        copied += len(batch)
    return copied
