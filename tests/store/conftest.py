"""Fixtures of the workspace-store tests."""

import re
import uuid

import pytest

from tests.helpers import seed_workspace, write_news
from tests.postgres import create_database, drop_database


@pytest.fixture
def unsuggested_ws(backend, tmp_path, request, monkeypatch):
    """The seed workspace without model suggestions, for tests that follow people's edits
    alone (suggestions, even when argmap.stance is installed, would give unlabelled statements
    a label)."""
    monkeypatch.setattr("argmap.store.documents.stance_suggestions", lambda *args, **kwargs: None)
    with seeded(backend, tmp_path, request, "unsuggested") as workspace:
        yield workspace


@pytest.fixture(scope="session")
def seed_templates() -> dict[str, str]:
    """The template databases of seed workspaces made on the test server so far, by kind."""
    return {}


def seeded(backend: str, tmp_path, request, kind: str):
    """A new seed workspace, open: seeded in ``tmp_path`` (SQLite), or on PostgreSQL a copy
    of a template database seeded once for the session (``CREATE DATABASE ... TEMPLATE``
    takes a tenth of a second, seeding half a second) with a workspace id of its own."""
    from argmap.store import Workspace

    if backend == "sqlite":
        return seed_workspace(tmp_path)
    server = request.getfixturevalue("postgres_server")
    templates = request.getfixturevalue("seed_templates")
    if kind not in templates:
        name = f"template_{kind}"
        seed_workspace(create_database(server, name)).close()
        templates[kind] = name
    database = "t_" + re.sub(r"[^a-z0-9]+", "_", request.node.name.lower())[:50]
    url = create_database(server, database, template=templates[kind])
    request.addfinalizer(lambda: drop_database(server, database))
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("UPDATE meta SET value = %s WHERE key = 'workspace_id'", (uuid.uuid4().hex,))
    return Workspace(url)


def pytest_generate_tests(metafunc):
    """Each test taking a workspace runs on both backends, SQLite and PostgreSQL; one marked
    ``sqlite_only`` (about the file itself: migrations, damage, finding it in folders) on
    SQLite alone."""
    if "backend" in metafunc.fixturenames:
        only = metafunc.definition.get_closest_marker("sqlite_only")
        metafunc.parametrize("backend", ["sqlite"] if only else ["sqlite", "postgresql"])


@pytest.fixture
def workspace_target(backend, tmp_path, request):
    """Where a new workspace goes: ``tmp_path`` (SQLite), or an empty database of its own on
    the test server (PostgreSQL; skipped, with the reason, where no server can be had)."""
    if backend == "sqlite":
        return tmp_path
    return request.getfixturevalue("postgres_url")


@pytest.fixture(scope="module")
def built_once(tmp_path_factory):
    """A module's workspaces built once per backend, then only read: ``built_once(name,
    build, target)`` gives what ``build(target)`` gave the first time ``name`` was asked
    for on that target's backend (``target``: ``new_target`` of the asking test)."""
    built: dict[tuple[str, str], object] = {}
    cleanups = []

    def get(name: str, build, new_target):
        key = (name, new_target.backend)
        if key not in built:
            target, cleanup = new_target.module(name)
            cleanups.append(cleanup)
            built[key] = build(target)
        return built[key]

    yield get
    for cleanup in cleanups:
        cleanup()


@pytest.fixture
def ws(backend, tmp_path, request):
    """The seed workspace (seed codebook, seed article, the stance model's suggestions), open,
    on each backend."""
    with seeded(backend, tmp_path, request, "seed") as workspace:
        yield workspace


@pytest.fixture
def news(backend, tmp_path, request):
    """The seed workspace with the four NEWS articles (three outlets), open, on each backend;
    the articles' files in ``tmp_path / "news"``."""
    from argmap.io.reading import load_documents

    with seeded(backend, tmp_path, request, "seed") as workspace:
        workspace.add_documents(load_documents(write_news(tmp_path / "news")))
        yield workspace
