"""Finding rows from what a person types: an id, the unique start of one, a name in any case;
and the labels in use. Read-only functions of an open ``Workspace`` for the command line."""

from __future__ import annotations

#: The tables whose rows a person names by id (or its start).
BY_ID = ("statements", "speakers", "documents", "claims", "relations")
#: The tables whose rows a person may also name by their name.
BY_NAME = ("speakers", "documents")


def _table(table: str, allowed: tuple[str, ...]) -> str:
    if table not in allowed:
        raise ValueError(f"no lookup in table {table!r}")
    return table


def ids_starting(workspace, table: str, prefix: str, limit: int) -> list[str]:
    """Ids of ``table`` that begin with ``prefix`` (at most ``limit``, in id order)."""
    return [
        row[0]
        for row in workspace.conn.execute(
            f"SELECT id FROM {_table(table, BY_ID)} WHERE id >= ? AND id < ? LIMIT ?",
            (prefix, prefix + "\uffff", limit),
        ).fetchall()
    ]


def ids_named(workspace, table: str, name: str, limit: int | None = None) -> list[str]:
    """Ids of the rows of ``table`` (speakers, documents) named ``name``, in any case (ASCII)."""
    condition = workspace.backend.nocase_equal("name", "?")
    sql = f"SELECT id FROM {_table(table, BY_NAME)} WHERE {condition}"
    if limit is not None:
        return [r[0] for r in workspace.conn.execute(sql + " LIMIT ?", (name, limit)).fetchall()]
    return [r[0] for r in workspace.conn.execute(sql, (name,)).fetchall()]


def names_by_id(workspace, table: str) -> dict[str, str]:
    """Every row's name by its id (speakers, documents)."""
    return dict(workspace.conn.execute(f"SELECT id, name FROM {_table(table, BY_NAME)}").fetchall())


def labels_in_use(workspace) -> list[str]:
    """The labels statements have now (some may not be in the codebook any more)."""
    return [
        row[0]
        for row in workspace.conn.execute(
            "SELECT DISTINCT label FROM statements WHERE label IS NOT NULL"
        ).fetchall()
    ]
