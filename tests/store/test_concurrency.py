"""Crashes and concurrent writers: a killed `argmap add` or edit loses nothing committed,
two writers never lose an edit, and a writer kept waiting gets "workspace busy"; on both
backends (the SQLite file's own integrity check on SQLite)."""

import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from argmap.extraction.extractor import extract_statements
from argmap.io.reading import load_documents
from argmap.store import Workspace, WorkspaceBusy, open_workspace
from tests.helpers import SEED, seed_workspace

ARGMAP = [sys.executable, "-m", "argmap"]


def _articles(folder, count):
    text = SEED.read_text(encoding="utf-8")
    folder.mkdir()
    for n in range(count):
        (folder / f"article-{n:04d}.txt").write_text(f"Edition {n}.\n\n{text}", encoding="utf-8")


def _kill_after(command, lines_wanted, env=None):
    """Run ``command``, kill -9 it after ``lines_wanted`` stderr lines; the lines read."""
    process = subprocess.Popen(
        command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env
    )
    lines = []
    try:
        while len(lines) < lines_wanted:
            line = process.stderr.readline()
            if not line:
                break
            lines.append(line)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL, "the process ended before it could be killed"
    return lines


def _integrity(target) -> str:
    """SQLite's full integrity check of the workspace file at ``target`` (a folder or the
    file); "ok" for a PostgreSQL workspace (the server keeps its own files sound)."""
    if not isinstance(target, Path):
        return "ok"
    path = target / "argmap.sqlite" if target.is_dir() else target
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def _blocker(target):
    """Another connection to the workspace at ``target``, holding its write lock (ROLLBACK
    and close it after)."""
    blocker = Workspace(target)
    blocker.backend.begin_write(blocker.conn)
    return blocker


def _release(blocker) -> None:
    blocker.conn.execute("ROLLBACK")
    blocker.close()


def test_kill_9_during_add_keeps_every_committed_document(tmp_path, workspace_target):
    _articles(tmp_path / "articles", 40)
    Workspace.init(workspace_target).close()
    lines = _kill_after(
        [
            *ARGMAP,
            "add",
            str(tmp_path / "articles"),
            "-w",
            str(workspace_target),
            "--progress",
            "lines",
        ],
        12,
    )
    committed = [line.split()[1].rstrip(":") for line in lines if line.startswith("added ")]
    assert len(committed) == 12
    assert _integrity(workspace_target) == "ok"
    with open_workspace(workspace_target) as ws:
        documents = {d.name: d for d in ws.documents()}
        assert set(committed) <= set(documents) and len(documents) < 40
        for row in documents.values():  # no document half in: each has all its statements
            assert row.statements == len(extract_statements(ws.document(row.id))) == 16
        events = ws.conn.execute(
            "SELECT count(*) FROM edits WHERE action = 'add-document'"
        ).fetchone()[0]
        assert events == len(documents)
        # the workspace goes on: adding again picks up the rest, the rest unchanged
        report = ws.add_documents(load_documents([tmp_path / "articles"]))
        assert len(report.added) == 40 - len(documents) and len(report.unchanged) == len(documents)


EDIT_LOOP = textwrap.dedent("""
    import sys
    from argmap.store import open_workspace
    path, annotator, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open_workspace(path) as ws:
        rows = ws.statements(limit=1000)
        for n in range(count):
            row = rows[n % len(rows)]
            label = ("pro-integration", "sovereignty-concern", "neutral")[n % 3]
            ws.set_stance(row.id, label, annotator=f"{annotator}{n}", note=str(n))
            print(f"{row.id} {annotator}{n} {label}", file=sys.stderr, flush=True)
""")


def test_kill_9_during_edits_keeps_every_committed_edit(workspace_target):
    seed_workspace(workspace_target).close()
    command = [sys.executable, "-c", EDIT_LOOP, str(workspace_target), "ann", "100000"]
    lines = _kill_after(command, 40)
    assert _integrity(workspace_target) == "ok"
    with open_workspace(workspace_target) as ws:
        stored = {(a.statement_id, a.annotator, a.label) for a in ws.annotations()}
        for line in lines:
            assert tuple(line.split()) in stored
        assert ws.conn.execute("SELECT count(*) FROM edits WHERE action = 'set-stance'").fetchone()[
            0
        ] == len(stored)


def test_two_processes_editing_at_once_lose_nothing(workspace_target):
    seed_workspace(workspace_target).close()
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", EDIT_LOOP, str(workspace_target), name, "60"],
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("a", "b")
    ]
    results = [w.communicate(timeout=120) for w in writers]
    assert [w.returncode for w in writers] == [0, 0], [err[-500:] for _, err in results]
    with open_workspace(workspace_target) as ws:
        annotations = ws.annotations()
        assert len(annotations) == 120
        assert {a.annotator for a in annotations} == {f"{p}{n}" for p in "ab" for n in range(60)}
        assert (
            ws.conn.execute("SELECT count(*) FROM edits WHERE action = 'set-stance'").fetchone()[0]
            == 120
        )


def test_a_writer_kept_waiting_is_told_the_workspace_is_busy(workspace_target):
    ws = seed_workspace(workspace_target)
    row = ws.statements(limit=1)[0]
    blocker = _blocker(ws.path)
    try:
        impatient = Workspace(ws.path, busy_timeout=0.2)
        with pytest.raises(WorkspaceBusy, match="workspace busy: another argmap"):
            impatient.set_stance(row.id, "neutral", annotator="bob")
        assert impatient.statements(limit=1)[0].id == row.id  # reading still works
    finally:
        _release(blocker)
    impatient.set_stance(row.id, "neutral", annotator="bob")
    assert [a.annotator for a in ws.annotations(row.id)] == ["bob"]
    impatient.close()
    ws.close()


def test_the_cli_reports_busy_as_one_line(workspace_target, capsys, monkeypatch):
    from argmap.cli import main

    path = seed_workspace(workspace_target).path
    monkeypatch.setenv("ARGMAP_BUSY_TIMEOUT", "0.2")
    blocker = _blocker(path)
    try:
        status = main(["claim", "add", "Japan should integrate", "--position", "-w", str(path)])
    finally:
        _release(blocker)
    err = capsys.readouterr().err
    assert status == 1 and err.startswith("argmap: error: ") and "workspace busy" in err
    assert len(err.splitlines()) == 1


def test_two_threads_editing_through_one_workspace_keep_their_edits_apart(workspace_target):
    import json
    import threading

    ws = seed_workspace(workspace_target)
    rows = ws.statements(limit=100)

    def label(name):
        for n, row in enumerate(rows):
            ws.set_stance(row.id, "neutral", annotator=f"{name}{n}")

    threads = [threading.Thread(target=label, args=(name,)) for name in "ab"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(ws.annotations()) == 2 * len(rows)
    for actor, changes in ws.conn.execute(
        "SELECT actor, changes FROM edits WHERE action = 'set-stance'"
    ):
        touched = [c["key"] for c in json.loads(changes) if c["table"] == "annotations"]
        assert [key[1] for key in touched] == [actor]
    ws.close()


def test_two_processes_adding_the_same_articles_store_each_once(tmp_path, workspace_target):
    _articles(tmp_path / "articles", 12)
    Workspace.init(workspace_target).close()
    command = [
        *ARGMAP,
        "add",
        str(tmp_path / "articles"),
        "-w",
        str(workspace_target),
        "--progress",
        "none",
    ]
    adders = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    results = [a.communicate(timeout=120) for a in adders]
    assert [a.returncode for a in adders] == [0, 0], [err for _, err in results]
    added = [int(out.split()[0]) for out, _ in results]
    assert sum(added) == 12  # each article added by exactly one of them
    with open_workspace(workspace_target) as ws:
        assert len(ws.documents()) == 12 and ws.count_statements() == 12 * 16
    assert _integrity(workspace_target) == "ok"
