"""Connection settings as PostgreSQL users keep them: a service file and the ``PG*``
variables, read by libpq; the workspace never stores where or how it was reached."""

import psycopg
import psycopg.conninfo

from tests.helpers import SEED, SEED_CODEBOOK, run_cli


def _parts(url: str) -> dict:
    return psycopg.conninfo.conninfo_to_dict(url)


def _stored_text(url: str) -> str:
    """Everything the workspace keeps as text that could hold a connection setting: its meta
    rows and its edit log."""
    with psycopg.connect(url) as conn:
        meta = conn.execute("SELECT string_agg(key || '=' || value, ' ') FROM meta").fetchone()
        log = conn.execute(
            "SELECT string_agg(actor || action || summary || changes, ' ') FROM edits"
        ).fetchone()
    return f"{meta[0]} {log[0]}"


def test_a_service_file_names_the_workspace(postgres_url, tmp_path, monkeypatch, capsys):
    parts = _parts(postgres_url)
    services = tmp_path / "pg_service.conf"
    services.write_text(
        f"[debate]\nhost={parts['host']}\ndbname={parts['dbname']}\nuser={parts['user']}\n"
    )
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    monkeypatch.delenv("ARGMAP_WORKSPACE", raising=False)
    status, out, err = run_cli(capsys, "init", "service=debate", "--codebook", SEED_CODEBOOK)
    assert status == 0, err
    assert out.startswith("created workspace postgresql service debate")
    status, out, err = run_cli(capsys, "add", SEED, "-w", "service=debate")
    assert status == 0, err
    status, out, err = run_cli(capsys, "status", "--format", "json", "-w", "service=debate")
    assert status == 0, err
    assert '"statements": 16' in out
    stored = _stored_text(postgres_url)
    assert parts["host"] not in stored and "service=debate" not in stored


def test_the_pg_variables_fill_in_what_the_url_leaves_out(postgres_url, monkeypatch, capsys):
    parts = _parts(postgres_url)
    monkeypatch.setenv("PGHOST", parts["host"])
    monkeypatch.setenv("PGDATABASE", parts["dbname"])
    monkeypatch.setenv("PGUSER", parts["user"])
    monkeypatch.setenv("ARGMAP_WORKSPACE", "postgresql://")
    status, out, err = run_cli(capsys, "init", "postgresql://", "--codebook", SEED_CODEBOOK)
    assert status == 0, err
    status, out, err = run_cli(capsys, "add", SEED)  # the workspace from $ARGMAP_WORKSPACE
    assert status == 0, err
    assert "16 statements" in out
    with psycopg.connect(postgres_url) as conn:
        assert conn.execute("SELECT count(*) FROM statements").fetchone()[0] == 16
    assert parts["host"] not in _stored_text(postgres_url)
