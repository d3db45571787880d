"""Helpers for the workspace-store tests: the whole store as rows, the tally against a count."""


def snapshot(ws, *, statement_order: bool = True) -> dict:
    """Every table except the edit log, as sorted rows; without statements' ``seq`` (the
    order of ties, which a row put back by undo takes anew) when ``statement_order`` is False."""
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
    out = {t: sorted(map(repr, ws.conn.execute(f"SELECT * FROM {t}").fetchall())) for t in tables}
    if not statement_order:
        columns = [c[1] for c in ws.conn.execute("PRAGMA table_info(statements)") if c[1] != "seq"]
        listed = ", ".join(f'"{column}"' for column in columns)
        out["statements"] = sorted(
            map(repr, ws.conn.execute(f"SELECT {listed} FROM statements").fetchall())
        )
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
