"""Helpers for the workspace-store tests: the whole store as rows, the tally against a count,
tables read through a connection of their own (on either backend)."""


def snapshot(ws, *, statement_order: bool = True) -> dict:
    """Every table except the edit log, as sorted rows; without statements' ``seq`` (the
    order of ties, which a row put back by undo takes anew) when ``statement_order`` is False.
    The ``seq`` of speakers, claims and relations (PostgreSQL's stand-in for SQLite's hidden
    rowid) is left out on both backends."""
    tables = (
        "documents",
        "speakers",
        "statements",
        "suggestions",
        "annotations",
        "claims",
        "relations",
        "meta",
    )
    out = {}
    for table in tables:
        cursor = ws.conn.execute(f"SELECT * FROM {table}")
        names = [column[0] for column in cursor.description]
        hidden = table in ("speakers", "claims", "relations") or (
            table == "statements" and not statement_order
        )
        kept = [i for i, name in enumerate(names) if not (hidden and name == "seq")]
        out[table] = sorted(repr(tuple(row[i] for i in kept)) for row in cursor.fetchall())
    return out


def tallied(workspace) -> dict:
    """The tally: {(speaker id, label, review state): statements}."""
    return {(s, lb, r): n for s, lb, r, n in workspace.tally("speaker_id", "label", "review")}


def counted(workspace) -> dict:
    """The same counts, counted from the statements themselves."""
    return {
        (s, lb, r): n
        for s, lb, r, n in workspace.conn.execute(
            "SELECT speaker_id, label, review, count(*) FROM statements GROUP BY 1, 2, 3"
        )
    }


def read_rows(target, queries: dict[str, str]) -> dict[str, list]:
    """Each query's rows (sorted, as tuples), read through a new connection to the workspace
    at ``target`` (a folder or file of SQLite, or a PostgreSQL connection string), as another
    process would read them."""
    from argmap.store import open_workspace

    with open_workspace(target) as workspace:
        return {
            name: sorted(tuple(row) for row in workspace.conn.execute(sql))
            for name, sql in queries.items()
        }
