"""The PostgreSQL fixture the shared-workspace tests stand on: a real server, one database per
test, nothing left behind.

psycopg is imported inside the tests: the fixture skips them (with the reason) where it is not
installed."""


def test_each_test_gets_an_empty_database_of_its_own_on_a_real_server(
    postgres_server, postgres_url
):
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as conn:
        version = conn.execute("SHOW server_version_num").fetchone()[0]
        assert int(version) >= 130000  # PostgreSQL 13 or newer
        assert (
            conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0]
            == 0
        )
        conn.execute("CREATE TABLE marks (n integer)")
        conn.execute("INSERT INTO marks VALUES (1)")
        database = conn.execute("SELECT current_database()").fetchone()[0]
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        names = [r[0] for r in conn.execute("SELECT datname FROM pg_database")]
        assert database in names
        assert conn.execute("SELECT to_regclass('public.marks')").fetchone()[0] is None


def test_a_notification_sent_in_a_transaction_arrives_at_commit(postgres_url):
    """What open UIs will rely on to see others' edits (issue 16)."""
    import psycopg

    with (
        psycopg.connect(postgres_url, autocommit=True) as listener,
        psycopg.connect(postgres_url) as writer,
    ):
        listener.execute("LISTEN argmap_edits")
        writer.execute("SELECT pg_notify('argmap_edits', '17')")
        assert list(listener.notifies(timeout=0.2, stop_after=1)) == []  # not before commit
        writer.commit()
        (note,) = list(listener.notifies(timeout=5, stop_after=1))
        assert (note.channel, note.payload) == ("argmap_edits", "17")
