"""``argmap add --statements`` as a process of its own: it ends without the interpreter's
teardown (``end_at_once``) yet with everything said and stored, with the exit status of the
ingest; and numpy's OpenBLAS, loaded on the way (pyarrow imports numpy), gets one thread,
not one more a core spinning for matrix work an ingest does not give."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.io import statement_files as files
from tests.cluster.helpers import seed_corpus
from tests.helpers import SEED_CODEBOOK, run_cli

pytest.importorskip("pyarrow")

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def results(capsys, tmp_path):
    """The results folder of 6 articles of the seed's paragraphs, extracted with a codebook."""
    articles = tmp_path / "articles"
    seed_corpus(articles, 6, seed=5)
    out = tmp_path / "out"
    status, _, err = run_cli(capsys, "extract", articles, "-o", out, "--codebook", SEED_CODEBOOK)
    assert status == 0, err
    return out


def _argmap(*argv: object, env: dict | None = None) -> subprocess.CompletedProcess:
    """``python -m argmap ARGV`` in a child process, run from this checkout."""
    return subprocess.run(
        [sys.executable, "-m", "argmap", *map(str, argv)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})},
        timeout=300,
    )


def test_the_command_ends_at_once_with_everything_said_and_stored(capsys, tmp_path, results):
    target = tmp_path / "ws"
    assert run_cli(capsys, "init", target, "--codebook", SEED_CODEBOOK)[0] == 0
    done = _argmap(
        "add", "--statements", results, tmp_path / "missing", "-w", target, "--progress", "none"
    )
    # the exit status of a run with a folder that could not be read, both outputs whole
    assert done.returncode == 1, done.stderr
    assert f"{tmp_path / 'missing'}: no such results folder" in done.stderr
    statements = (files.read_manifest(results) or {})["statements"]
    assert f"6 added, 0 unchanged; {statements} statements" in done.stdout
    assert done.stdout.endswith("offered\n")
    # the workspace closed before the end: its log written through, no write-ahead log left
    assert sorted(p.name for p in target.iterdir()) == ["argmap.sqlite"]
    with sqlite3.connect(target / "argmap.sqlite") as conn:
        assert conn.execute("SELECT count(*) FROM statements").fetchone()[0] == statements
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    # the same command in a caller's process returns to it
    again = tmp_path / "again"
    assert run_cli(capsys, "init", again, "--codebook", SEED_CODEBOOK)[0] == 0
    status, out, _ = run_cli(
        capsys, "add", "--statements", results, "-w", again, "--progress", "none"
    )
    assert status == 0 and f"6 added, 0 unchanged; {statements} statements" in out


def test_numpy_is_loaded_with_one_blas_thread_and_the_environment_put_back(
    capsys, tmp_path, results
):
    pytest.importorskip("threadpoolctl")
    target = tmp_path / "ws"
    assert run_cli(capsys, "init", target, "--codebook", SEED_CODEBOOK)[0] == 0
    code = (
        "import json, os, sys; from argmap.cli import main; "
        "status = main(['add', '--statements', sys.argv[1], '-w', sys.argv[2], "
        "'--progress', 'none']); "
        "from threadpoolctl import threadpool_info; "
        "print(json.dumps({'status': status, 'numpy': 'numpy' in sys.modules, "
        "'left': os.environ.get('OPENBLAS_NUM_THREADS'), 'pools': [(p['internal_api'], "
        "p['num_threads']) for p in threadpool_info()]}))"
    )
    environment = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    done = subprocess.run(
        [sys.executable, "-c", code, str(results), str(target)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**environment, "PYTHONPATH": str(REPO)},
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    said = json.loads(done.stdout.strip().splitlines()[-1])
    assert said["status"] == 0 and said["numpy"]
    assert said["left"] is None  # (as it was: the setting is the ingest's alone)
    blas = [threads for api, threads in said["pools"] if api == "openblas"]
    assert blas == [1], said["pools"]
