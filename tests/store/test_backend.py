"""The backend seam (argmap.store.backend): what differs between databases is said in one
place, and the SQLite backend does what the store relied on before the seam existed."""

import ast
import json
import re
import sqlite3
from pathlib import Path

import pytest

import argmap
from argmap.store import Workspace, WorkspaceBusy, WorkspaceError
from argmap.store.backend import (
    MIN_SQLITE,
    SQLITE,
    Backend,
    SqliteBackend,
    check_sqlite_version,
)
from argmap.store.schema import APPLICATION_ID, SCHEMA_VERSION

PACKAGE = Path(argmap.__file__).parent
#: The only modules that may spell a PRAGMA or BEGIN IMMEDIATE statement.
SEAM = {"store/backend.py"}


def sql_literals(path: Path):
    """(line, text) of each string literal of ``path`` but docstrings (an f-string's
    constant parts joined)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    inner = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
    for node in ast.walk(tree):
        if id(node) in docstrings or id(node) in inner:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value
        elif isinstance(node, ast.JoinedStr):
            text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
            yield node.lineno, text


def test_no_pragma_or_begin_immediate_outside_the_backend():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(PACKAGE).as_posix()
        if where in SEAM:
            continue
        for line, text in sql_literals(path):
            if re.match(r"\s*PRAGMA\b", text, re.I) or "BEGIN IMMEDIATE" in text.upper():
                found.append(f"{where}:{line}: {text.strip()[:50]}")
    assert found == []


#: The one module outside the store that holds SQL: the JSON export streams records the
#: database builds, and its import loads a whole map in one transaction.
SQL_OUTSIDE_THE_STORE = {"export/mapjson.py"}
SQL_STATEMENT = re.compile(r"\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|WITH)\s", re.I)


def test_only_the_store_and_the_json_export_hold_sql():
    """Every other module reads and edits through the store's functions and methods: no SQL
    statement in its strings, no use of a workspace's connection (``.conn``)."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(PACKAGE).as_posix()
        if where.startswith("store/") or where in SQL_OUTSIDE_THE_STORE:
            continue
        for line, text in sql_literals(path):
            if SQL_STATEMENT.match(text) and re.search(r"\b(FROM|INTO|SET|TABLE|INDEX)\b", text):
                found.append(f"{where}:{line}: {text.strip()[:50]}")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [
            f"{where}:{node.lineno}: .conn"
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and node.attr == "conn"
        ]
    assert found == []


def test_rows_of_tables_another_backend_widens_are_read_and_written_by_column_name():
    """PostgreSQL gives speakers, claims and relations a ``seq`` column for SQLite's rowid:
    no ``SELECT *`` from them and no ``INSERT`` without a column list."""
    tables = "(speakers|claims|relations)"
    by_position = re.compile(rf"SELECT \* FROM {tables}\b|INSERT INTO {tables} VALUES")
    found = [
        f"{path.relative_to(PACKAGE).as_posix()}:{line}: {text.strip()[:60]}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line, text in sql_literals(path)
        if by_position.search(text)
    ]
    assert found == []


def test_the_scan_finds_what_it_forbids(tmp_path):
    """The scan above is not vacuous: it sees a PRAGMA in an f-string and BEGIN IMMEDIATE."""
    module = tmp_path / "m.py"
    module.write_text(
        '"""PRAGMA in a docstring is prose."""\n'
        'def f(conn, v):\n    conn.execute(f"PRAGMA user_version = {v}")\n'
        '    conn.execute("BEGIN IMMEDIATE")\n'
    )
    texts = [text for _, text in sql_literals(module)]
    assert texts == ["PRAGMA user_version = ", "BEGIN IMMEDIATE"]
    backend_texts = [text for _, text in sql_literals(PACKAGE / "store" / "backend.py")]
    assert any(text.startswith("PRAGMA") for text in backend_texts)


def test_a_workspace_connection_names_its_backend(ws, backend):
    assert ws.conn.backend is ws.backend and isinstance(ws.backend, Backend)
    expected = {"sqlite": "SqliteBackend", "postgresql": "PostgresBackend"}[backend]
    assert type(ws.backend).__name__ == expected
    assert isinstance(SQLITE, SqliteBackend)


def test_schema_version_and_application_id_are_read_through_the_backend(ws):
    assert ws.backend.schema_version(ws.conn) == SCHEMA_VERSION
    assert ws.backend.application_id(ws.conn) == APPLICATION_ID


@pytest.mark.sqlite_only  # the numbers in the file's header
def test_sqlite_keeps_the_schema_version_and_application_id_in_the_file_header(ws):
    with sqlite3.connect(ws.path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert raw.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_begin_write_holds_the_one_write_lock(ws):
    other = Workspace(ws.path, busy_timeout=0.05)
    try:
        ws.backend.begin_write(ws.conn)
        try:
            with pytest.raises(WorkspaceBusy, match="workspace busy"):
                other.backend.begin_write(other.conn)
        finally:
            ws.conn.execute("ROLLBACK")
        other.backend.begin_write(other.conn)  # free again
        other.conn.execute("ROLLBACK")
    finally:
        other.close()


def test_data_version_changes_on_another_connections_commit_only(ws):
    before = ws.data_version()
    marker = ws.backend.change_marker(ws.conn)
    label = ws.codebook_outline.labels[0].id
    ws.set_stance(ws.statements()[0].id, label, annotator="ann")
    assert ws.data_version() == before  # its own commit: no outside change
    assert ws.backend.change_marker(ws.conn) != marker
    other = Workspace(ws.path)
    try:
        other.set_stance(other.statements()[0].id, label, annotator="bo")
    finally:
        other.close()
    assert ws.data_version() != before


def test_quick_check_passes_a_sound_workspace(ws):
    assert ws.backend.quick_check(ws.conn) is None


def test_nocase_folds_ascii_letters_only(ws):
    """SQLite's NOCASE: 'TED CRUZ' is 'ted cruz', 'ÉMILE' is not 'émile', and letters order
    as their lower case does ('_' before 'a'); the PostgreSQL backend must keep this."""
    backend = ws.backend
    equal = backend.nocase_equal("?", "?")
    assert ws.conn.execute(f"SELECT {equal}", ("TED CRUZ", "ted cruz")).fetchone()[0] == 1
    assert ws.conn.execute(f"SELECT {equal}", ("ÉMILE", "émile")).fetchone()[0] == 0
    words = ["b", "B", "a", "_z", "Z"]
    values = " UNION ALL ".join("SELECT ? AS w" for _ in words)
    rows = ws.conn.execute(
        f"SELECT w FROM ({values}) words ORDER BY {backend.nocase('w')}, w", words
    ).fetchall()
    assert [r[0] for r in rows] == ["_z", "a", "B", "b", "Z"]  # folded to lower case


def test_join_text_joins_a_json_list(ws):
    sql = f"SELECT {ws.backend.join_text('value', '?')} FROM json_each(?)"
    assert ws.conn.execute(sql, ("; ", '["Ann", "Bo"]')).fetchone()[0] == "Ann; Bo"


def test_json_record_builds_each_kind_of_field(ws):
    # typed as the store's columns are (PostgreSQL types no bare parameter here)
    fields = [
        ("n", "CAST(? AS TEXT)", "value"),
        ("x", "CAST(? AS DOUBLE PRECISION)", "value"),
        ("j", "CAST(? AS TEXT)", "json"),
        ("b", "CAST(? AS INTEGER)", "bool"),
    ]
    sql = "SELECT " + ws.backend.json_record(fields)
    text = ws.conn.execute(sql, (None, 0.5, '{"a": [1]}', 1)).fetchone()[0]
    assert list(json.loads(text).items()) == [
        ("n", None),
        ("x", 0.5),
        ("j", {"a": [1]}),
        ("b", True),
    ]
    with pytest.raises(ValueError, match="kind"):
        ws.backend.json_record([("k", "1", "number")])


def test_indexes_lists_what_can_be_dropped_and_made_again(ws):
    indexes = dict(ws.backend.indexes(ws.conn, "statements"))
    assert {"statements_document", "statements_board", "statements_order"} <= set(indexes)
    assert all(sql.startswith("CREATE INDEX") for sql in indexes.values())
    with ws.transaction() as conn:
        for name in indexes:
            conn.execute(f"DROP INDEX {name}")
        assert ws.backend.indexes(conn, "statements") == []
        for sql in indexes.values():
            conn.execute(sql)
    assert dict(ws.backend.indexes(ws.conn, "statements")) == indexes


def test_an_sqlite_older_than_the_minimum_is_refused_in_one_line():
    check_sqlite_version(sqlite3.sqlite_version_info)  # this machine's passes
    check_sqlite_version(MIN_SQLITE)
    with pytest.raises(WorkspaceError) as refused:
        check_sqlite_version((3, 34, 1))
    message = str(refused.value)
    assert "\n" not in message and "3.34.1" in message and "3.35.0 or newer" in message


def test_returning_gives_the_new_rows_key_as_lastrowid_did(ws):
    """The store's ``INSERT ... RETURNING`` (which replaced ``cursor.lastrowid``)."""
    last = ws.conn.execute("SELECT max(seq) FROM documents").fetchone()[0]
    with pytest.raises(RuntimeError, match="undo it"), ws.transaction() as conn:
        returned = conn.execute(
            "INSERT INTO documents (id, name, text, added_at) VALUES ('x', 'x', '', '') "
            "RETURNING seq"
        ).fetchall()
        assert returned == [(last + 1,)]
        raise RuntimeError("undo it")
    assert ws.conn.execute("SELECT max(seq) FROM documents").fetchone()[0] == last


def test_offered_restatements_count_only_the_relations_added(ws):
    """``rowcount`` (which replaced ``total_changes``) of an ``INSERT ... ON CONFLICT DO
    NOTHING``: a relation offered again is not counted again."""
    from argmap.store.documents import offer_restatements

    first, second = (row.id for row in ws.statements(limit=2))
    with ws.transaction() as conn:
        assert offer_restatements(conn, [(first, second, 0.9)]) == 1
        assert offer_restatements(conn, [(first, second, 0.9), (second, first, 0.8)]) == 1
    assert {(r.source_id, r.target_id) for r in ws.relations(kind="restates")} == {
        (first, second),
        (second, first),
    }


def test_statements_without_a_value_sort_first_going_up_and_last_going_down(unsuggested_ws):
    """SQLite's order of NULLs (first in ascending order), which the store's SQL says out loud
    so that a database ordering them the other way by default lists the same pages."""
    ws = unsuggested_ws
    labelled = ws.statements(limit=2)
    label = ws.codebook_outline.labels[0].id
    for row in labelled:
        ws.set_stance(row.id, label, annotator="ann")
    total = ws.count_statements()
    up = ws.statements(sort="label", limit=total)
    down = ws.statements(sort="label", descending=True, limit=total)
    assert [r.label for r in up] == [None] * (total - 2) + [label] * 2
    assert [r.label for r in down] == [label] * 2 + [None] * (total - 2)
