"""A new SQLite workspace file has pages of ``PAGE_SIZE`` (a system call a page written: 16 KB
pages write a large ingest in a quarter of the calls); a file made with SQLite's 4 KB pages
keeps them, and both work alike."""

import sqlite3

import pytest

from argmap.io.reading import read_document
from argmap.store import Workspace, open_workspace
from argmap.store.backend import PAGE_SIZE
from tests.helpers import SEED

pytestmark = pytest.mark.sqlite_only


def _page_size(path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("PRAGMA page_size").fetchone()[0])


def test_a_new_workspace_has_large_pages_and_an_old_one_keeps_its_own(monkeypatch, tmp_path):
    new = Workspace.create(tmp_path / "new")
    new.close()
    assert PAGE_SIZE == 16384
    assert _page_size(new.path) == PAGE_SIZE
    monkeypatch.setattr("argmap.store.backend.PAGE_SIZE", 4096)  # as argmap made them before
    old = Workspace.create(tmp_path / "old")
    old.close()
    monkeypatch.undo()
    assert _page_size(old.path) == 4096
    counts = []
    for path in (new.path, old.path):
        with open_workspace(path) as workspace:
            assert len(workspace.add_documents([read_document(SEED)]).added) == 1
            counts.append(workspace.conn.execute("SELECT count(*) FROM statements").fetchone())
    assert counts[0] == counts[1] and counts[0][0] > 10
    assert (_page_size(new.path), _page_size(old.path)) == (PAGE_SIZE, 4096)
