"""The learned stance model of a workspace on PostgreSQL lives in its database: one analyst
trains it, another (another connection, as on another machine) suggests with the same model,
and nothing is written in anyone's cache; ``argmap workspace copy`` carries the model between
a database and the folder beside a workspace file; in a workspace whose roles are set up, an
analyst's role trains it and a reviewer's role reads neither the model nor the server's
sessions, also after a version 5 workspace is migrated."""

import uuid

import psycopg
import pytest

from argmap.store import Workspace
from argmap.store.copy import copy_workspace
from argmap.store.kept_model import ModelInDatabase
from argmap.store.suggest import load_model
from tests.helpers import run_cli, seed_workspace
from tests.pg.test_roles import _refused, team  # noqa: F401  (the fixture)
from tests.postgres import create_database, database_url, drop_database

LABELS = ["pro-integration", "sovereignty-concern", "neutral"]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """This user's cache folder, empty (argmap must leave it so on PostgreSQL)."""
    folder = tmp_path / "cache"
    folder.mkdir()
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return folder


def _label(workspace, annotator="alice") -> list[str]:
    """Nine statements labelled, three of each label; their ids."""
    rows = workspace.statements(limit=9)
    for n, row in enumerate(rows):
        workspace.set_stance(row.id, LABELS[n % 3], annotator=annotator)
    return [row.id for row in rows]


def _inputs(workspace):
    rows = workspace.statements(limit=1000)
    return [r.id for r in rows], [r.text for r in rows], [workspace.context(r.id)[0] for r in rows]


def _files(folder) -> list:
    return sorted(p for p in folder.rglob("*"))


def test_one_analyst_trains_and_another_connection_suggests_with_the_same_model(
    postgres_url, cache, tmp_path, monkeypatch, capsys
):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ARGMAP_USER", "ann")
    seed_workspace(postgres_url).close()
    with Workspace(postgres_url) as ann:
        assert load_model(ann.codebook, ann.model_place) is None and ann.saved_model() is None
        _label(ann)
        status, out, err = run_cli(capsys, "suggest", "--refit", "-w", postgres_url)
        assert status == 0, err
        assert "trained the stance model on 9 labelled statements; saved in the workspace's " in out
        trained = load_model(ann.codebook, ann.model_place)
        ids, texts, contexts = _inputs(ann)
        expected = trained.suggest(texts, contexts)
    with Workspace(postgres_url) as ben:  # another analyst, another connection
        assert isinstance(ben.model_place, ModelInDatabase)
        model = load_model(ben.codebook, ben.model_place)
        assert model.version == trained.version and model.labels == trained.labels
        assert model.suggest(texts, contexts) == expected
        assert ben.resuggest() == len(ids)
        assert [ben.suggestion(i) for i in ids] == expected
        assert {s.model for s in expected} == {"combined"}
        (by,) = ben.conn.execute("SELECT trained_by FROM learned_model").fetchone()
        assert by == "ann"
        # a retrain by the other analyst replaces the one row, seen at once by the first
        more = ben.statements(limit=12)[9:]
        for n, row in enumerate(more):
            ben.set_stance(row.id, LABELS[n % 3], annotator="ben")
        monkeypatch.setenv("ARGMAP_USER", "ben")
        retrained = ben.fit_model()
    with Workspace(postgres_url) as ann:
        assert ann.conn.execute(
            "SELECT count(*), max(trained_by) FROM learned_model"
        ).fetchone() == (
            1,
            "ben",
        )
        assert (
            load_model(ann.codebook, ann.model_place).version == retrained.version != model.version
        )
    assert _files(cache) == [] and _files(tmp_path / "home") == []
    assert not (tmp_path / "argmap-model").exists()


def test_a_copy_carries_the_model_between_a_database_and_a_workspace_file(
    postgres_url, postgres_server, cache, tmp_path, capsys
):
    with seed_workspace(tmp_path / "file") as original:
        _label(original)
        trained = original.fit_model()
        saved = original.saved_model()
        _ids, texts, contexts = _inputs(original)
        expected = trained.suggest(texts, contexts)
    assert (tmp_path / "file" / "argmap-model" / "meta.json").is_file()
    status, out, err = run_cli(capsys, "workspace", "copy", tmp_path / "file", postgres_url)
    assert status == 0, err
    assert out.rstrip().endswith("; the learned stance model too")  # the copy says so
    with Workspace(postgres_url) as server:
        assert (server.saved_model().meta, server.saved_model().labels) == (
            saved.meta,
            saved.labels,
        )
        assert load_model(server.codebook, server.model_place).suggest(texts, contexts) == expected
        assert copy_workspace(server, str(tmp_path / "back")).model == "copied"
        name = f"copy_{uuid.uuid4().hex[:8]}"
        other = create_database(postgres_server, name)
        try:
            assert copy_workspace(server, other).model == "copied"  # database to database
            with Workspace(database_url(postgres_server, name)) as second:
                assert second.saved_model() == server.saved_model()
        finally:
            drop_database(postgres_server, name)
    assert (tmp_path / "back" / "argmap-model" / "meta.json").read_text() == saved.meta
    assert (tmp_path / "back" / "argmap-model" / "labels.jsonl").read_text() == saved.labels
    with Workspace(tmp_path / "back" / "argmap.sqlite") as back:
        assert load_model(back.codebook, back.model_place).suggest(texts, contexts) == expected
        # a file beside which a model is kept already: that model is left alone
        (tmp_path / "back" / "argmap-model" / "meta.json").write_text(saved.meta + " ")
        report = copy_workspace(back, str(tmp_path / "back" / "second.sqlite"))
    assert report.model == "kept"
    assert (tmp_path / "back" / "argmap-model" / "meta.json").read_text() == saved.meta + " "
    assert _files(cache) == []


def test_an_analysts_role_trains_and_a_reviewers_role_reads_no_model_nor_session(team):  # noqa: F811
    with Workspace(team.url("bob")) as bob:
        _label(bob, annotator="bob")
        trained = bob.fit_model()
        bob.add_web_session("s1", "ab" * 32, "reviewer", "alice", "t1", "2099-01-01T00:00:00+00:00")
        bob.set_analyst_link("a1", "cd" * 32, "bob")
    with Workspace(team.url("owner")) as owner:
        assert load_model(owner.codebook, owner.model_place).version == trained.version
    with team.sql("alice") as alice:
        for table in ("learned_model", "web_sessions", "web_analyst_links"):
            assert "permission denied" in _refused(alice, f"SELECT * FROM {table}")
    with pytest.raises(psycopg.OperationalError, match="CONNECT privilege"):
        team.sql("mallory")  # a login without a grant does not even connect


def test_a_secured_version_5_workspace_is_migrated_with_the_analysts_grants(team):  # noqa: F811
    from argmap.store.pg.backend import POSTGRES

    conn = POSTGRES.connect(team.url("owner"), 5.0)
    POSTGRES.begin_write(conn)
    for table in ("web_sessions", "web_analyst_links", "learned_model"):
        conn.execute(f"DROP TABLE {table}")
    POSTGRES.set_schema_version(conn, 5)
    conn.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    conn.execute("COMMIT")
    conn.close()
    with Workspace(team.url("owner")) as owner:  # the owner migrates it
        assert owner.meta("schema_version") == "6"
    with Workspace(team.url("bob")) as bob:
        _label(bob, annotator="bob")
        assert bob.fit_model().labels
        bob.set_analyst_link("a1", "cd" * 32, "bob")
        assert bob.analyst_link(analyst="bob").id == "a1"
    with team.sql("alice") as alice:
        for table in ("learned_model", "web_sessions", "web_analyst_links"):
            assert "permission denied" in _refused(alice, f"SELECT * FROM {table}")
    with team.sql("owner") as owner_sql:  # the analysts' group: rows, never triggers
        group = f"{team.database}_argmap_analysts"
        for table in ("learned_model", "web_sessions", "web_analyst_links"):
            may = owner_sql.execute(
                "SELECT has_table_privilege(%s, %s, 'DELETE'), "
                "has_table_privilege(%s, %s, 'TRIGGER')",
                (group, table, group, table),
            ).fetchone()
            assert may == (True, False), table
