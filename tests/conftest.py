"""Fixtures every area of the tests uses: the shared data, the seed workspace, a packet.

Area fixtures are in the conftest.py of each folder; plain helpers in helpers.py.
"""

import itertools
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from argmap.store import Workspace
from tests.helpers import (
    PACKET_FIXTURE,
    POLNEAR,
    POLNEAR_DEV_GOLD,
    SHARED,
    copy_workspace,
    immutable,
    seed_workspace,
)
from tests.postgres import PostgresServer, ServerUnavailable, create_database, drop_database


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder; skips the test when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent")
    return SHARED


@pytest.fixture(scope="session")
def polnear_dev() -> Path:
    """PolNeAR's dev split in ../shared (text, attributions, and its gold file beside);
    skips the test when it is absent."""
    dev = POLNEAR / "dev"
    if not ((dev / "text").is_dir() and (dev / "attributions").is_dir()):
        pytest.skip(f"PolNeAR dev is absent ({dev})")
    if not POLNEAR_DEV_GOLD.is_file():
        pytest.skip(f"PolNeAR dev gold is absent ({POLNEAR_DEV_GOLD})")
    return dev


@pytest.fixture
def ws(tmp_path):
    """The seed workspace (seed codebook, seed article, the stance model's suggestions),
    open, in ``tmp_path`` itself."""
    with seed_workspace(tmp_path) as workspace:
        yield workspace


@pytest.fixture(scope="session")
def seed_template(tmp_path_factory) -> Path:
    """A workspace file holding the seed article, built once (tests get copies)."""
    with seed_workspace(tmp_path_factory.mktemp("seed")) as workspace:
        return workspace.path


@pytest.fixture
def workspace_file(seed_template, tmp_path) -> Path:
    """The path of a copy of the seed workspace (closed), in ``tmp_path / "ws"``."""
    return copy_workspace(seed_template, tmp_path / "ws")


@pytest.fixture
def packet_path(tmp_path) -> Path:
    """A fresh copy of the five-item seed packet (suggestions: pro-integration,
    sovereignty-concern, neutral, pro, anti)."""
    path = tmp_path / "alice.json"
    shutil.copy(PACKET_FIXTURE, path)
    return path


@pytest.fixture
def read_only_workspace(workspace_file):
    """The seed workspace, its file made immutable (undone after the test)."""
    with Workspace(workspace_file) as workspace:  # SQLite makes its -wal and -shm files
        workspace.statements(limit=1)
    if not immutable(workspace_file):
        pytest.skip("chattr +i is not available here (needs a Linux file system and root)")
    yield workspace_file
    subprocess.run(["chattr", "-i", str(workspace_file)], check=False)


def _no_postgres(reason: str):
    """Skip, or fail where CI asks for a server ($ARGMAP_REQUIRE_POSTGRES=1)."""
    if os.environ.get("ARGMAP_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"PostgreSQL is required here ($ARGMAP_REQUIRE_POSTGRES=1): {reason}")
    pytest.skip(f"no PostgreSQL server: {reason}")


@pytest.fixture(scope="session")
def postgres_server():
    """The URL of a real PostgreSQL server's maintenance database: ``$ARGMAP_TEST_POSTGRES``,
    else a throwaway cluster started for the session (tests/postgres.py). Skips the test when
    neither can be had, or fails under ``$ARGMAP_REQUIRE_POSTGRES=1``."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _no_postgres("psycopg is not installed (pip install -e '.[dev]')")
    given = os.environ.get("ARGMAP_TEST_POSTGRES")
    if given:
        yield given
        return
    try:
        server = PostgresServer.start()
    except ServerUnavailable as reason:
        _no_postgres(str(reason))
    try:
        yield server.url()
    finally:
        server.stop()


@pytest.fixture
def postgres_url(postgres_server, request):
    """The URL of an empty database of its own for this test, dropped after it."""
    name = "t_" + re.sub(r"[^a-z0-9]+", "_", request.node.name.lower())[:50]
    url = create_database(postgres_server, name)
    yield url
    drop_database(postgres_server, name)


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request, tmp_path):
    """The seed workspace (codebook, the seed article, the model's suggestions) as a target
    string, on each backend: its file, or its database's connection string. Tests of several
    people on one workspace (tests/pg) and of the web server (tests/web) take it."""
    if request.param == "sqlite":
        with seed_workspace(tmp_path) as workspace:
            return str(workspace.path)
    url = request.getfixturevalue("postgres_url")
    seed_workspace(url).close()
    return url


@pytest.fixture
def backend(request) -> str:
    """The database the store runs on: "sqlite" or "postgresql" (parametrised by a
    ``pytest_generate_tests``: tests/store's conftest.py, or a test module's own)."""
    return request.param


@pytest.fixture
def new_target(backend, tmp_path, request):
    """A function giving a new workspace target at each call, for tests that make several
    workspaces: ``tmp_path / name`` (SQLite), or a new empty database on the test server
    (PostgreSQL), dropped after the test."""
    if backend == "sqlite":
        tmp_path_factory = request.getfixturevalue("tmp_path_factory")

        def new(name: str = "ws"):
            return tmp_path / name

        new.module = lambda name: (tmp_path_factory.mktemp(name), lambda: None)
    else:
        server = request.getfixturevalue("postgres_server")
        made: list[str] = []
        numbers = itertools.count(1)

        def new(name: str = "ws"):
            database = f"t{next(numbers)}_{name}_" + re.sub(
                r"[^a-z0-9]+", "_", request.node.name.lower()
            )
            made.append(database[:60])
            return create_database(server, made[-1])

        def module(name: str):
            """A database for a module's workspace, and what drops it after the module."""
            module = re.sub(r"[^a-z0-9]+", "_", request.module.__name__.lower())
            database = f"m_{name}_{module}"[:60]
            return create_database(server, database), lambda: drop_database(server, database)

        new.module = module
        request.addfinalizer(lambda: [drop_database(server, database) for database in made])
    new.backend = backend
    return new


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "sqlite_only: a store test about the SQLite file itself (migrations, damage, finding "
        "it in folders), run on SQLite alone",
    )
