"""Snapshots of the main views on the seed (pytest-textual-snapshot), with fixed suggestions
so they follow the UI, not the stance model; update with
``pytest tests/tui/test_snapshots.py --snapshot-update`` after looking at the report."""

import pytest

from argmap.tui.app import ArgmapApp
from tests.helpers import copy_workspace
from tests.tui.helpers import SIZE, fixed_seed_workspace

pytest.importorskip("pytest_textual_snapshot")


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return fixed_seed_workspace(tmp_path_factory.mktemp("seed"))


@pytest.fixture
def app(template, tmp_path):
    return ArgmapApp(copy_workspace(template, tmp_path / "ws"))


def test_board(app, snap_compare):
    assert snap_compare(app, terminal_size=SIZE)


def test_documents(app, snap_compare):
    assert snap_compare(app, press=["d", "n", "n"], terminal_size=SIZE)


def test_statements(app, snap_compare):
    assert snap_compare(app, press=["s", "down"], terminal_size=SIZE)


def test_review(app, snap_compare):
    assert snap_compare(app, press=["r"], terminal_size=SIZE)


@pytest.fixture(scope="module")
def debate_template(tmp_path_factory):
    """The ``DEBATE`` workspace: dated articles of three outlets, fixed suggestions, a map."""
    from tests.helpers import debate_workspace

    with debate_workspace(tmp_path_factory.mktemp("debate")) as workspace:
        return workspace.path


def test_timeline(debate_template, tmp_path, snap_compare):
    app = ArgmapApp(copy_workspace(debate_template, tmp_path / "ws"))
    assert snap_compare(app, press=["T", "w", "left", "left"], terminal_size=SIZE)


def test_sourcing(debate_template, tmp_path, snap_compare):
    app = ArgmapApp(copy_workspace(debate_template, tmp_path / "ws"))
    assert snap_compare(app, press=["W", "down", "right", "right"], terminal_size=SIZE)
