"""Fault injection: ``kill -9`` at random points of an import and of a collect, on both
backends. Afterwards an SQLite file passes SQLite's integrity check, nothing committed is
lost, and nothing is half done: an import is all there or not at all, each packet's answers
are all in or none.

(Killed adds and edits, two writers and a busy writer: test_concurrency.py; damaged, read-only
and foreign files: test_damaged_files.py; the UI during outside edits: tests/tui/test_faults.py.)
"""

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from argmap.io.reading import load_documents
from argmap.review.packet import load_packet, save_packet
from argmap.store import Workspace, open_workspace
from tests.helpers import SEED, run_cli, seed_workspace

ARGMAP = [sys.executable, "-m", "argmap"]


def integrity(target) -> str:
    """SQLite's integrity check of the workspace in the folder ``target``; "ok" for a
    PostgreSQL workspace (the server keeps its own files sound)."""
    if not isinstance(target, Path):
        return "ok"
    with sqlite3.connect(target / "argmap.sqlite") as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def editions(folder, count):
    """``count`` articles: the seed under another first line each (so each is a new document)."""
    text = SEED.read_text(encoding="utf-8")
    folder.mkdir()
    for n in range(count):
        (folder / f"edition-{n:03d}.txt").write_text(f"Edition {n}.\n\n{text}", encoding="utf-8")


def kill_after(command, seconds):
    """Run ``command`` and kill -9 it after ``seconds`` (or let it finish first): whether it
    was killed."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        process.wait(timeout=seconds)
        return False
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        return True


@pytest.fixture(scope="module")
def big_map(tmp_path_factory):
    """The JSON export of a workspace of 30 editions of the seed (480 statements), labelled in
    part, with a claim and links: (file, documents, statements)."""
    folder = tmp_path_factory.mktemp("big")
    editions(folder / "articles", 30)
    with seed_workspace(folder / "ws") as workspace:
        workspace.add_documents(load_documents([folder / "articles"]))
        rows = workspace.statements(limit=1000)
        claim = workspace.add_claim("Japan should integrate", kind="position")
        for row in rows[:60]:
            workspace.set_stance(row.id, "neutral", annotator="alice")
            workspace.link(row.id, claim.id, "supports")
        counts = (len(workspace.documents()), workspace.count_statements())
    out = folder / "map.json"
    done = subprocess.run(
        [*ARGMAP, "export", "--format", "json", "-o", str(out), "-w", str(folder / "ws")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return out, *counts


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_killed_import_leaves_the_workspace_empty_or_whole(big_map, new_target, seed):
    export, documents, statements = big_map
    start = time.perf_counter()
    timed = new_target("timed")
    Workspace.init(timed).close()
    subprocess.run([*ARGMAP, "import", str(export), "-w", str(timed)], check=True)
    whole = time.perf_counter() - start  # how long an import takes here, start-up included

    target = new_target("ws")
    Workspace.init(target).close()
    killed = kill_after(
        [*ARGMAP, "import", str(export), "-w", str(target)],
        random.Random(seed).uniform(0.1, whole),
    )
    assert integrity(target) == "ok"
    with open_workspace(target) as ws:
        found = (len(ws.documents()), ws.count_statements(), len(ws.annotations()))
        assert found in ((0, 0, 0), (documents, statements, 60)), (killed, found)
        if found[0] == 0:  # nothing half in: importing again works and gives the whole map
            assert run_cli_import(export, target) == 0
    with open_workspace(target) as ws:
        assert (len(ws.documents()), ws.count_statements()) == (documents, statements)


def run_cli_import(export, target) -> int:
    return subprocess.run([*ARGMAP, "import", str(export), "-w", str(target)]).returncode


def test_a_killed_collect_merges_each_packet_whole_or_not_at_all(
    tmp_path, workspace_target, capsys
):
    editions(tmp_path / "articles", 12)
    with seed_workspace(workspace_target) as workspace:
        workspace.add_documents(load_documents([tmp_path / "articles"]))
    reviewers = [f"r{n:02d}" for n in range(24)]
    packets = tmp_path / "packets"
    status, _, err = run_cli(
        capsys,
        "assign",
        "--reviewers",
        ",".join(reviewers),
        "--all",
        "--overlap",
        "2",
        "-o",
        packets,
        "-w",
        workspace_target,
    )
    assert status == 0, err
    labels = ("pro-integration", "sovereignty-concern", "neutral")
    answered = {}
    for path in sorted(packets.glob("*.json")):
        packet = load_packet(path)
        for number, item in enumerate(packet.items):
            item.label = labels[number % 3]
            item.answered_at = packet.created_at
        save_packet(packet, path)
        answered[packet.reviewer] = {(item.statement_id, item.label) for item in packet.items}

    process = subprocess.Popen(
        [
            *ARGMAP,
            "collect",
            *map(str, sorted(packets.glob("*.json"))),
            "-w",
            str(workspace_target),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    merged = [process.stdout.readline() for _ in range(5)]  # five packets reported merged
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert all(": " in line for line in merged)

    assert integrity(workspace_target) == "ok"
    with open_workspace(workspace_target) as ws:
        stored = {(a.annotator, a.statement_id, a.label) for a in ws.annotations()}
    whole = 0
    for reviewer, answers in answered.items():
        present = {(s, label) for annotator, s, label in stored if annotator == reviewer}
        assert present in (set(), answers), f"{reviewer}: a packet merged in part"
        whole += present == answers
    assert 5 <= whole < len(answered)  # the five reported, perhaps one more, never all
    # collecting everything again completes the merge and changes nothing twice
    status, _, err = run_cli(
        capsys, "collect", *sorted(packets.glob("*.json")), "-w", workspace_target
    )
    assert status == 0, err
    with open_workspace(workspace_target) as ws:
        stored = {(a.annotator, a.statement_id, a.label) for a in ws.annotations()}
    for reviewer, answers in answered.items():
        assert {(s, label) for annotator, s, label in stored if annotator == reviewer} == answers
