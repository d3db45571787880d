"""Fixtures of the web tests: a seed workspace with reviewers' web assignments, on SQLite and
on PostgreSQL (``target``, from tests/conftest.py), and the server driven in process
(Starlette's TestClient)."""

import re
import threading
import time

import pytest

from tests.helpers import run_cli
from tests.web.helpers import Reviewers


@pytest.fixture
def assigned(target, capsys):
    """``target`` with the seed's statements handed out by ``argmap assign --web`` to alice
    and bob (one of them each statement), then blind to carol and dave (each statement's
    second reviewer), with each one's link."""
    status, out, err = run_cli(
        capsys, "assign", "--web", "--reviewers", "alice,bob", "--overlap", "1",
        "--order", "document", "-w", target,
    )  # fmt: skip
    assert status == 0, err
    status, blind_out, err = run_cli(
        capsys, "assign", "--web", "--blind", "--reviewers", "carol,dave", "--overlap", "2",
        "--order", "document", "-w", target,
    )  # fmt: skip
    assert status == 0, err
    links = dict(re.findall(r"^(\w+): .* -> (http://\S+)", out + blind_out, re.M))
    return Reviewers(target, links)


@pytest.fixture
def server(assigned):
    """The application on ``assigned``'s workspace, with a client per call of ``client()``."""
    from argmap.web.app import Settings, create_app

    app = create_app(Settings(target=assigned.target, bad_links_per_minute=10))
    yield app
    app.state.server.workspaces.close()


@pytest.fixture
def served(served_app):
    """The base URL of ``served_app``."""
    return served_app[1]


@pytest.fixture
def served_app(assigned):
    """``argmap serve``'s application on ``assigned``'s workspace under uvicorn, in a thread,
    on a free port: the application and its base URL."""
    import uvicorn

    from argmap.web.app import Settings, create_app

    app = create_app(Settings(target=assigned.target))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield app, f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=20)
