"""The PostgreSQL backend's parts, on a real server: the SQL translation, workspace URLs, the
schema with its tally triggers and SQLite functions, the write lock, and change counting.

The store itself runs on PostgreSQL in a later step; these tests hold the parts it will
stand on to SQLite's behaviour.
"""

import threading

import pytest

from argmap.errors import ArgmapError

pytest.importorskip("psycopg", reason="the 'postgresql' extra is not installed")

from argmap.store.errors import WorkspaceBusy, WorkspaceError
from argmap.store.pg.backend import POSTGRES
from argmap.store.pg.connection import ServerUnavailable, translate
from argmap.store.pg.url import display_name, is_server_target, redact


def test_translation_changes_placeholders_rowid_and_like_outside_quotes_only():
    assert translate("SELECT * FROM speakers WHERE id = ? ORDER BY rowid") == (
        "SELECT * FROM speakers WHERE id = %s ORDER BY seq"
    )
    assert translate("SELECT '?', 'a%b', \"end\" FROM t WHERE x LIKE ? AND y = '50%'") == (
        "SELECT '?', 'a%%b', \"end\" FROM t WHERE x ILIKE %s AND y = '50%%'"
    )
    # whole words only; quoted names and doubled quotes inside literals kept
    assert translate("SELECT likely, rowids, \"rowid\" FROM t WHERE s = 'it''s ?'") == (
        "SELECT likely, rowids, \"rowid\" FROM t WHERE s = 'it''s ?'"
    )


def test_server_targets_passwords_and_display_names():
    assert is_server_target("postgresql://ann@db.example.org/debate")
    assert is_server_target("postgres://db/debate") and is_server_target("service=argmap")
    assert not is_server_target("seeds/argmap.sqlite") and not is_server_target("postgresql")
    assert redact("postgresql://ann:s3cret@db/debate") == "postgresql://ann:***@db/debate"
    assert redact("host=db password=s3cret dbname=x") == "host=db password=*** dbname=x"
    assert display_name("postgresql://ann@db.example.org:5433/debate?sslmode=require") == (
        "postgresql://ann@db.example.org:5433/debate"
    )
    with pytest.raises(WorkspaceError) as refused:
        POSTGRES.connect("postgresql://ann:s3cret@db/debate", 1.0)
    message = str(refused.value)
    assert "s3cret" not in message and "~/.pgpass" in message and "\n" not in message


def test_an_unreachable_server_is_one_line_naming_it(tmp_path):
    with pytest.raises(ServerUnavailable) as failed:
        POSTGRES.connect(f"postgresql://nobody@/none?host={tmp_path}", 1.0)
    assert isinstance(failed.value, ArgmapError)
    assert str(failed.value).startswith(f"postgresql://nobody@[{tmp_path}]/none: cannot connect")


@pytest.fixture
def pg(postgres_url):
    """A connection to an empty database holding the workspace schema."""
    conn = POSTGRES.connect(postgres_url, 0.3)
    POSTGRES.begin_write(conn)
    POSTGRES.create_schema(conn)
    POSTGRES.set_schema_version(conn, 4)
    POSTGRES.set_application_id(conn, 0x41524D50)
    conn.execute("COMMIT")
    yield conn
    conn.close()


def _add_statements(conn, rows):
    conn.execute(
        "INSERT INTO documents (id, name, text, added_at) VALUES ('d1', 'a.txt', 'x', 'now') "
        "ON CONFLICT DO NOTHING"
    )
    conn.executemany(
        'INSERT INTO statements (id, document, doc_seq, start, "end", text, kind, '
        "speaker_id, confidence, label, review) VALUES (?, 'd1', 1, ?, ?, 'x', 'direct', ?, "
        "0.5, ?, ?)",
        rows,
    )


def test_the_schema_marks_and_the_tally_triggers_keep_counts_equal_to_a_direct_count(pg):
    assert (POSTGRES.schema_version(pg), POSTGRES.application_id(pg)) == (4, 0x41524D50)
    POSTGRES.begin_write(pg)
    pg.executemany(
        "INSERT INTO speakers (id, name, kind) VALUES (?, ?, 'person')",
        [("p1", "Ann"), ("p2", "Bo")],
    )
    _add_statements(
        pg,
        [
            (f"s{i}", i, i + 1, ("p1", "p2", None)[i % 3], ("pro", None)[i % 2], "suggested")
            for i in range(30)
        ],
    )
    pg.execute("UPDATE statements SET label = 'anti', review = 'labelled' WHERE start < 7")
    pg.execute("UPDATE statements SET speaker_id = 'p2' WHERE start BETWEEN 10 AND 14")
    pg.execute("DELETE FROM statements WHERE start > 25")
    pg.execute("COMMIT")
    tally = {
        tuple(row[:3]): row[3]
        for row in pg.execute("SELECT speaker_id, label, review, n FROM statement_tally")
        if row[3]
    }
    direct = {
        tuple(row[:3]): row[3]
        for row in pg.execute(
            "SELECT coalesce(speaker_id, ''), coalesce(label, ''), review, count(*) "
            "FROM statements GROUP BY 1, 2, 3"
        )
    }
    assert tally == direct and sum(direct.values()) == 26
    total = pg.execute("SELECT sum(n) FROM statement_tally").fetchone()[0]
    assert total == 26 and type(total) is int  # not Decimal


def test_sqlite_functions_case_folding_and_order_match_sqlite(pg):
    import sqlite3

    POSTGRES.begin_write(pg)
    names = ["beta", "Alpha", "émile", "Émile", "_x", "Zed", "alpha"]
    pg.executemany(
        "INSERT INTO speakers (id, name, kind, aliases) VALUES (?, ?, 'person', ?)",
        [(f"p{i}", n, f'["{n} Jr", "{n}"]') for i, n in enumerate(names)],
    )
    pg.execute("COMMIT")
    lite = sqlite3.connect(":memory:")
    lite.execute("CREATE TABLE speakers (id TEXT, name TEXT, aliases TEXT)")
    lite.executemany(
        "INSERT INTO speakers VALUES (?, ?, ?)",
        [(f"p{i}", n, f'["{n} Jr", "{n}"]') for i, n in enumerate(names)],
    )
    queries = [
        "SELECT name FROM speakers ORDER BY {nocase}, id",
        "SELECT name FROM speakers WHERE name LIKE ? ORDER BY id",
        "SELECT name FROM speakers WHERE name LIKE ? ORDER BY id",
        "SELECT id FROM speakers WHERE EXISTS (SELECT 1 FROM json_each(speakers.aliases) "
        "WHERE value = ?) ORDER BY id",
        "SELECT value FROM json_each(?) ORDER BY value",
        "SELECT instr(name, 'ph') FROM speakers ORDER BY id",
    ]
    parameters = [(), ("alpha",), ("%MILE",), ("Zed Jr",), ('["b", "a"]',), ()]
    for query, given in zip(queries, parameters, strict=True):
        ours = [
            tuple(r) for r in pg.execute(query.replace("{nocase}", POSTGRES.nocase("name")), given)
        ]
        theirs = [
            tuple(r) for r in lite.execute(query.replace("{nocase}", "name COLLATE NOCASE"), given)
        ]
        assert ours == theirs, query
    assert [name for name, _ in POSTGRES.indexes(pg, "speakers")] == ["speakers_name"]


def test_inserts_return_ids_and_flags_are_stored_as_integers(pg):
    POSTGRES.begin_write(pg)
    first = pg.execute(
        "INSERT INTO edits (time, actor, action, summary, changes, undoable) "
        "VALUES ('t', 'ann', 'a', 's', '[]', ?) RETURNING id",
        (False,),
    ).fetchone()[0]
    pg.execute("COMMIT")
    assert first == 1
    assert pg.execute("SELECT undoable FROM edits WHERE id = ?", (first,)).fetchone()[0] == 0


def test_foreign_keys_can_wait_for_the_commit(pg):
    POSTGRES.begin_write(pg)
    POSTGRES.defer_foreign_keys(pg)
    pg.execute("INSERT INTO document_metadata (document, title) VALUES ('later', 'put back first')")
    pg.execute("INSERT INTO documents (id, name, text, added_at) VALUES ('later', 'b', 't', 'now')")
    pg.execute("COMMIT")
    assert pg.execute("SELECT count(*) FROM document_metadata").fetchone()[0] == 1


def test_another_sessions_commit_changes_data_version_and_ones_own_does_not(pg, postgres_url):
    other = POSTGRES.connect(postgres_url, 0.3)
    try:
        seen = POSTGRES.data_version(pg)
        POSTGRES.begin_write(pg)
        pg.execute("INSERT INTO meta (key, value) VALUES ('a', '1')")
        pg.execute("COMMIT")
        assert POSTGRES.data_version(pg) == seen  # its own write
        POSTGRES.begin_write(other)
        other.execute("INSERT INTO meta (key, value) VALUES ('b', '2')")
        other.execute("COMMIT")
        assert POSTGRES.data_version(pg) != seen  # another session's
        marker = POSTGRES.change_marker(pg)
        POSTGRES.begin_write(pg)
        pg.execute("ROLLBACK")  # nothing committed
        assert POSTGRES.change_marker(pg) == marker
    finally:
        other.close()


def test_a_second_writer_waits_its_busy_timeout_then_is_told_the_workspace_is_busy(
    pg, postgres_url
):
    other = POSTGRES.connect(postgres_url, 0.3)
    try:
        POSTGRES.begin_write(pg)
        with pytest.raises(WorkspaceBusy) as busy:
            POSTGRES.begin_write(other)
        assert "workspace busy" in str(busy.value)
        assert not other.in_transaction  # its failed transaction was rolled back
        released = threading.Timer(0.1, lambda: pg.execute("COMMIT"))
        released.start()
        other.busy_timeout = 5.0
        POSTGRES.begin_write(other)  # gets the lock once the first commits
        other.execute("COMMIT")
        released.join()
    finally:
        other.close()
