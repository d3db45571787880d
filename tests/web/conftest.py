"""Fixtures of the web tests: a seed workspace with reviewers' web assignments, on SQLite and
on PostgreSQL, and the server driven in process (Starlette's TestClient)."""

import re

import pytest

from tests.helpers import run_cli, seed_workspace
from tests.web.helpers import Reviewers


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request, tmp_path):
    """The seed workspace (codebook, the seed article, the model's suggestions) as a target
    string, on each backend."""
    if request.param == "sqlite":
        with seed_workspace(tmp_path) as workspace:
            return str(workspace.path)
    url = request.getfixturevalue("postgres_url")
    seed_workspace(url).close()
    return url


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
