"""Whole-process speed of `argmap extract` and `argmap add`, as a user runs them.

    python benchmarks/process_speed.py [PATH] [--runs 3] [--codebook FILE] [--only extract|add]

PATH (default: ../shared/data/polnear/train/text) is given to each command in a child
process, start-up and imports included: ``argmap extract PATH`` (JSON Lines to /dev/null) and
``argmap add PATH`` into a fresh workspace with the codebook (default: the 2016 election's,
so every statement gets a stance suggestion). The children run as an installed argmap does,
in the checkout, with its modules' bytecode cached (compiled beforehand into the checkout's
``__pycache__`` folders, which git ignores), even where ``PYTHONDONTWRITEBYTECODE`` is set:
otherwise each run would compile every argmap module again, about 0.1 s of CPU.
``--compile-each-run`` keeps that cost in (the figures before 2026-12-07's second pass were
taken so).

Prints, for each run, the child's CPU seconds (user + system, from ``os.wait4``), wall seconds
and peak RSS, and the throughputs by CPU time: MB/s of text for extract, documents/s for add.
On a shared machine, CPU time is the figure to compare; the reference loop of ``cpu_check.py``
shows how busy the machine was.

The targets (issue 15, "one process first"): extract at least 1 MB/s, add at least 100
documents/s, one core. Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cpu_check import reference_seconds

REPO = Path(__file__).resolve().parents[1]
DEFAULT_PATH = REPO.parent / "shared" / "data" / "polnear" / "train" / "text"
DEFAULT_CODEBOOK = REPO / "seeds" / "us-election-2016.codebook.toml"
MB = 1_000_000


def child_environment(cached: bool) -> dict[str, str]:
    """The children's environment: this checkout first on the path; with ``cached``, argmap's
    bytecode compiled beforehand into its ``__pycache__`` folders (ignored by git) and read
    from there, as the installed libraries' is."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    if cached:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", str(REPO / "argmap")], env=env, check=True
        )
    return env


def _run(arguments: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """CPU seconds, wall seconds and peak RSS (MB) of ``argmap ARGUMENTS`` in a child."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "argmap", *arguments],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=REPO,  # python -m puts the working folder first on the path: this checkout's argmap
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"argmap {' '.join(arguments)} failed")
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--codebook", type=Path, default=DEFAULT_CODEBOOK)
    parser.add_argument("--only", choices=("extract", "add"), help="time one command only")
    parser.add_argument(
        "--compile-each-run",
        action="store_true",
        help="no bytecode cache: each child compiles argmap's modules again",
    )
    options = parser.parse_args()
    options.path = options.path.resolve()  # the children run in the checkout
    options.codebook = options.codebook.resolve()
    _measure(options, child_environment(not options.compile_each_run))


def _measure(options: argparse.Namespace, env: dict[str, str]) -> None:
    files = [p for p in options.path.rglob("*") if p.suffix in {".txt", ".md", ".html"}]
    size = sum(p.stat().st_size for p in files) / MB
    print(f"{len(files)} files, {size:.2f} MB under {options.path}")
    print(f"reference loop: {reference_seconds():.3f} s CPU; load {os.getloadavg()[0]:.1f}")
    for run in range(1, options.runs + 1):
        if options.only != "add":
            cpu, wall, rss = _run(["extract", str(options.path)], env)
            print(
                f"extract run {run}: {cpu:.2f} s CPU, {wall:.2f} s wall, {rss} MB peak; "
                f"{size / cpu:.2f} MB/s by CPU"
            )
        if options.only == "extract":
            continue
        with tempfile.TemporaryDirectory() as folder:
            _run(["init", folder, "--codebook", str(options.codebook)], env)
            cpu, wall, rss = _run(["add", str(options.path), "--workspace", folder], env)
        print(
            f"add run {run}: {cpu:.2f} s CPU, {wall:.2f} s wall, {rss} MB peak; "
            f"{len(files) / cpu:.1f} documents/s by CPU"
        )


if __name__ == "__main__":
    main()
