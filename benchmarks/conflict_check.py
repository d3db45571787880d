"""What the conflict check costs an edit (issue 16): an edit made inside ``based_on(head)`` reads
the edit log's entries by other people after ``head`` and compares the rows they wrote.

On the seed workspace, "bob" makes N edits (labels, and every tenth a re-attribution), then
"alice" changes a statement's kind (a column bob never writes, so the check reads everything and
refuses nothing), timed three ways: without a view (the CLI: no check), on a view read at the
log's head (the UI a moment after its once-a-second look: nothing new to compare), and on a
view read before all of bob's N edits (the worst case: every one of them compared). Prints the
median milliseconds per edit for each N; asserts nothing.

    python benchmarks/conflict_check.py [--sizes 100,1000,10000] [--repeat 30] [--postgres]

``--postgres`` runs on a throwaway PostgreSQL server (Debian's binaries, as the tests start it).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cpu_check import reference_seconds  # noqa: E402

from argmap.store import Workspace  # noqa: E402
from tests.helpers import seed_workspace  # noqa: E402


def bob_edits(workspace: Workspace, count: int, start: int) -> None:
    """``count`` edits by bob: labels on the statements in turn, every tenth a re-attribution."""
    ids = [row.id for row in workspace.statements()]
    speakers = [s.id for s in workspace.speakers()]
    labels = list(workspace.codebook_outline.label_ids)
    for k in range(start, start + count):
        statement = ids[k % len(ids)]
        if k % 10 == 9:
            workspace.reattribute(statement, speakers[k % len(speakers)], actor="bob")
        else:
            workspace.set_stance(statement, labels[k % len(labels)], annotator="bob")


def timed(alice: Workspace, statement: str, head: int | None, repeat: int) -> float:
    """The median milliseconds of alice's kind change on a view read at ``head``."""
    kinds = ("direct", "mixed", "indirect")
    times = []
    for k in range(repeat):
        started = time.perf_counter()
        with alice.based_on(head):
            alice.adjust_statement(statement, kind=kinds[k % 3], actor="alice")
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def run(target: str, sizes: list[int], repeat: int) -> None:
    with Workspace(target) as bob, Workspace(target) as alice:
        statement = alice.statements()[0].id
        made = 0
        print(f"{'bob edits':>10} {'no view':>9} {'view at head':>13} {'view before all':>16}")
        for size in sizes:
            bob_edits(bob, size - made, made)
            made = size
            plain = timed(alice, statement, None, repeat)
            fresh = timed(alice, statement, alice.log_head(), repeat)
            stale = timed(alice, statement, 1, repeat)  # entry 1: adding the seed article
            print(f"{size:>10} {plain:>8.2f} {fresh:>12.2f} {stale:>15.2f}  ms per edit")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    print(
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, load {os.getloadavg()[0]:.1f}, reference loop "
        f"{reference_seconds():.3f} s"
    )
    if args.postgres:
        from tests.postgres import PostgresServer, create_database

        server = PostgresServer.start()
        try:
            url = create_database(server.url(), "bench_conflicts")
            seed_workspace(url).close()
            print("PostgreSQL", server.url().rsplit("/", 1)[0])
            run(url, sizes, args.repeat)
        finally:
            server.stop()
        return
    with tempfile.TemporaryDirectory() as folder:
        with seed_workspace(Path(folder)) as workspace:
            target = str(workspace.path)
        print("SQLite", target)
        run(target, sizes, args.repeat)


if __name__ == "__main__":
    main()
