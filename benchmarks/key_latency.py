"""Key press -> screen drawn, in a real terminal: `argmap open` on a pseudo-terminal, one view, one
key.

::

    python benchmarks/key_latency.py                         # the seed, documents view, key n
    python benchmarks/key_latency.py --workspace W --view statements --key j --presses 50

For each press: milliseconds from writing the key to the first byte the app draws, and to the
last byte before 150 ms of quiet (the screen settled), plus the app's CPU time for the press
(Linux /proc, 10 ms ticks: the figure a busy machine changes least). This is handler, render and
terminal output together, what a person at the keyboard waits for.
"""

from __future__ import annotations

import argparse
import os
import select
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from ui_speed import argmap_command, cpu_seconds, spawn_on_pty

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "japan-us-integration.txt"
QUIET = 0.15


def drain(master: int, quiet: float) -> tuple[float | None, float]:
    """Read what the app draws until ``quiet`` seconds pass without output: (first, last) times."""
    first, last = None, time.perf_counter()
    while time.perf_counter() - last < quiet:
        if select.select([master], [], [], 0.005)[0]:
            try:
                os.read(master, 1 << 16)
            except OSError:
                break
            last = time.perf_counter()
            first = first or last
    return first, last


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--workspace", help="an argmap workspace (default: a new one with the seed article)"
    )
    parser.add_argument("--view", default="documents", help="the view to open (default: documents)")
    parser.add_argument("--key", default="n", help="the key to press (default: n, next statement)")
    parser.add_argument("--presses", type=int, default=40)
    args = parser.parse_args(argv)
    folder = None
    path = args.workspace
    if path is None:
        from argmap.codebook import load_codebook
        from argmap.io.reading import load_documents
        from argmap.store import Workspace

        folder = Path(tempfile.mkdtemp(prefix="argmap-keys-"))
        with Workspace.init(
            folder, codebook=load_codebook(SEED.with_suffix(".codebook.toml"))
        ) as workspace:
            workspace.add_documents(load_documents([SEED]))
            path = str(workspace.path)
    process, master = spawn_on_pty(
        [*argmap_command(), "open", path, "--view", args.view], (160, 48)
    )
    try:
        drain(master, 2.0)  # the first screen, the search index worker
        firsts, settled, cpus = [], [], []
        for _ in range(args.presses):
            cpu = cpu_seconds(process.pid)
            pressed = time.perf_counter()
            os.write(master, args.key.encode())
            first, last = drain(master, QUIET)
            if first is not None:
                firsts.append((first - pressed) * 1000)
                settled.append((last - pressed) * 1000)
            after = cpu_seconds(process.pid)
            if cpu is not None and after is not None:
                cpus.append((after - cpu) * 1000)
        os.write(master, b"q")
        drain(master, 0.5)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
        os.close(master)
        if folder:
            shutil.rmtree(folder, ignore_errors=True)
    print(
        f"`argmap open --view {args.view}`, key {args.key!r} x {args.presses} on a 160x48 "
        "pseudo-terminal; "
        f"load {os.getloadavg()[0]:.2f}, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}"
    )
    if not firsts:
        print("the app drew nothing after the key")
        return 1
    print(
        f"key -> first output: median {statistics.median(firsts):.0f} ms, p95 {p95(firsts):.0f} ms"
    )
    print(
        f"key -> screen settled: median {statistics.median(settled):.0f} ms, p95 "
        f"{p95(settled):.0f} ms (target p95 < 50 ms)"
    )
    if cpus:
        print(
            f"app CPU per key: median {statistics.median(cpus):.0f} ms, mean "
            f"{statistics.mean(cpus):.1f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
